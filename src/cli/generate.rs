//! Shell completions and man pages, generated from the clap definition. The committed copies
//! in `completions/` and `man/` are kept in sync by a test.

use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost completions bash > ~/.local/share/bash-completion/completions/llmcost
  llmcost completions zsh > \"${fpath[1]}/_llmcost\"
  llmcost completions fish > ~/.config/fish/completions/llmcost.fish")]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    pub shell: Shell,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost man --dir ~/.local/share/man/man1 && man llmcost-costs
  llmcost man | man -l -")]
pub struct ManArgs {
    /// Write every page into this directory; without it, print llmcost.1 to stdout
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The completion script for `shell`.
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "llmcost", &mut out);
    out
}

/// Every man page: `llmcost.1`, then `llmcost-<subcommand>[-<subcommand>].1`.
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>> {
    fn walk(cmd: &clap::Command, name: &str, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        let page = cmd.clone().name(name.to_string());
        let mut bytes = Vec::new();
        clap_mangen::Man::new(page).render(&mut bytes)?;
        out.push((format!("{name}.1"), bytes));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help" && !s.is_hide_set()) {
            walk(sub, &format!("{name}-{}", sub.get_name()), out)?;
        }
        Ok(())
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, "llmcost", &mut out).map_err(|e| Error::io("cannot render the man pages", e))?;
    Ok(out)
}

pub fn completions(args: &CompletionsArgs) -> Result<()> {
    super::write_stdout(|out| out.write_all(&completion_script(args.shell)))
}

pub fn man(args: &ManArgs) -> Result<()> {
    let pages = man_pages()?;
    match &args.dir {
        // The first page is llmcost.1 itself.
        None => super::write_stdout(|out| pages.first().map_or(Ok(()), |(_, page)| out.write_all(page))),
        Some(dir) => {
            for (name, bytes) in &pages {
                crate::config::write_atomically(&dir.join(name), bytes)?;
            }
            crate::output::tell(&format!("Wrote {} man pages to {}", pages.len(), dir.display()), true);
            Ok(())
        }
    }
}

/// The file name each shell's script is committed under in `completions/`.
pub fn completion_file(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "llmcost.bash",
        Shell::Zsh => "_llmcost",
        Shell::Fish => "llmcost.fish",
        Shell::PowerShell => "_llmcost.ps1",
        Shell::Elvish => "llmcost.elv",
        _ => "llmcost.unknown",
    }
}

pub const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish];

/// Writes `completions/` and `man/` under `root` (used by the drift test to regenerate).
pub fn write_all(root: &Path) -> Result<()> {
    for shell in SHELLS {
        crate::config::write_atomically(
            &root.join("completions").join(completion_file(shell)),
            &completion_script(shell),
        )?;
    }
    let man_dir = root.join("man");
    std::fs::create_dir_all(&man_dir).map_err(|e| Error::io(format!("cannot create {}", man_dir.display()), e))?;
    for (name, bytes) in man_pages()? {
        crate::config::write_atomically(&man_dir.join(name), &bytes)?;
    }
    Ok(())
}
