//! `llmcost cache`: where the cache is, what it holds, and clearing it (with care: it may hold
//! history a provider no longer serves).

use std::io::{BufRead, IsTerminal};

use clap::{Args, Subcommand};

use super::App;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost cache path
  llmcost cache info
  llmcost cache clear --yes")]
pub struct CacheArgs {
    #[command(subcommand)]
    pub action: CacheAction,
}

#[derive(Debug, Subcommand)]
pub enum CacheAction {
    /// Print the cache file's path
    #[command(after_help = "Examples:\n  llmcost cache path\n  sqlite3 \"$(llmcost cache path)\" .tables")]
    Path,
    /// Size, schema, integrity, and what each workspace has cached
    #[command(after_help = "Examples:\n  llmcost cache info")]
    Info,
    /// Delete the cache (asks first)
    #[command(
        after_help = "Examples:\n  llmcost cache clear\n  llmcost cache clear --yes      Without a terminal (--yes is required there)"
    )]
    Clear {
        /// Do not ask
        #[arg(long)]
        yes: bool,
    },
}

pub(super) fn run(app: &App, args: CacheArgs) -> Result<()> {
    match args.action {
        CacheAction::Path => super::write_stdout(|out| writeln!(out, "{}", app.db_path.display())),
        CacheAction::Info => info(app),
        CacheAction::Clear { yes } => clear(app, yes),
    }
}

fn info(app: &App) -> Result<()> {
    let Some((size, stats)) = crate::app::cache::info(app)? else {
        return super::write_stdout(|out| {
            writeln!(out, "{}: no cache yet (the first sync creates it)", app.db_path.display())
        });
    };
    super::write_stdout(|out| {
        writeln!(out, "{}", crate::output::text::hanging(&format!("Path       {}", app.db_path.display()), 11))?;
        writeln!(out, "Size       {:.1} MB", size as f64 / 1e6)?;
        writeln!(out, "Schema     {}", stats.schema_version)?;
        writeln!(out, "Integrity  {}", stats.integrity)?;
        writeln!(out, "Rows       {} cost, {} usage", stats.cost_rows, stats.usage_rows)?;
        for a in &stats.accounts {
            let line = format!(
                "{}/{}: {} day(s) {}..{}, {} cost rows, last sync {}",
                a.provider,
                a.workspace,
                a.days,
                a.oldest.as_deref().unwrap_or("-"),
                a.newest.as_deref().unwrap_or("-"),
                a.cost_rows,
                a.last_sync.as_deref().unwrap_or("never")
            );
            writeln!(out, "{}", crate::output::text::hanging(&crate::sanitize::terminal(&line), 4))?;
        }
        Ok(())
    })
}

fn clear(app: &App, yes: bool) -> Result<()> {
    if app.is_demo() {
        return Err(Error::Usage("the demo's cache is temporary already: run without --demo".into()));
    }
    if !app.db_path.exists() {
        app.note(&format!("{}: nothing to clear", app.db_path.display()));
        return Ok(());
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::Usage("cache clear deletes history: confirm with --yes".into()));
        }
        crate::output::tell(
            &format!(
                "This deletes {}.\nHistory older than a provider serves cannot be fetched again ({}).",
                app.db_path.display(),
                crate::providers::registry::history_limits().join("; ")
            ),
            true,
        );
        crate::output::tell("Type 'yes' to delete it: ", false);
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer).map_err(|e| Error::io("cannot read the answer", e))?;
        if answer.trim() != "yes" {
            app.note("Kept the cache.");
            return Ok(());
        }
    }
    if !crate::app::cache::delete(app)? {
        app.note(&format!("{}: nothing to clear", app.db_path.display()));
        return Ok(());
    }
    app.note(&format!("Deleted {}.", app.db_path.display()));
    Ok(())
}
