//! `llmcost doctor`: what is wrong with this setup, and the command that fixes each problem.

use clap::Args;

use super::{App, Cli};
use crate::error::{Error, Result};
use crate::providers::http::FailureKind;
use crate::secrets::{KeyError, env_var_name};

#[derive(Debug, Args)]
#[command(after_help = "\
Exits 1 when it finds a problem.

Examples:
  llmcost doctor
  llmcost doctor --offline     Skip the calls to the providers")]
pub struct DoctorArgs {
    /// Do not call the providers
    #[arg(long)]
    pub offline: bool,
}

/// A finding: fine, worth knowing, or a problem with its fix.
enum Finding {
    Ok(String),
    Note(String),
    Problem { what: String, fix: String },
}

struct Report {
    lines: Vec<String>,
    problems: usize,
}

impl Report {
    fn section(&mut self, title: &str) {
        self.lines.push(String::new());
        self.lines.push(title.to_string());
    }

    fn add(&mut self, f: Finding) {
        match f {
            Finding::Ok(t) => self.lines.push(crate::output::text::hanging(&format!("  ✓ {t}"), 4)),
            Finding::Note(t) => self.lines.push(crate::output::text::hanging(&format!("  · {t}"), 4)),
            Finding::Problem { what, fix } => {
                self.problems += 1;
                self.lines.push(crate::output::text::hanging(&format!("  ✗ {what}"), 4));
                self.lines.push(crate::output::text::hanging(&format!("    fix: {fix}"), 9));
            }
        }
    }
}

pub(super) fn run(cli: &Cli, args: &DoctorArgs) -> Result<()> {
    let (app, config_error) = App::from_options_lenient(&cli.options())?;
    let mut r = Report { lines: vec![format!("llmcost {} doctor", env!("CARGO_PKG_VERSION"))], problems: 0 };
    config_section(&mut r, &app, config_error);
    keyring_section(&mut r, &app);
    workspaces_section(&mut r, &app, args.offline);
    cache_section(&mut r, &app);
    people_section(&mut r, &app);
    observed_section(&mut r, &app);
    r.lines.push(String::new());
    r.lines.push(if r.problems == 0 {
        "No problems found.".to_string()
    } else {
        format!("{} problem(s) found.", r.problems)
    });
    let text = r.lines.join("\n") + "\n";
    super::write_stdout(|out| out.write_all(text.as_bytes()))?;
    if r.problems == 0 { Ok(()) } else { Err(Error::Problems { what: "doctor", count: r.problems }) }
}

fn config_section(r: &mut Report, app: &App, config_error: Option<Error>) {
    r.section("Config");
    let path = app.config_path.display().to_string();
    if app.is_demo() {
        r.add(Finding::Note("--demo: the built-in sample organization; your config is not read".into()));
    } else if let Some(e) = config_error {
        r.add(Finding::Problem {
            what: e.to_string(),
            fix: format!("edit {path} (see docs/reference.md, 'Configuration')"),
        });
    } else if !app.config_path.exists() {
        r.add(Finding::Note(format!("no config file at {path}: fine when keys come from the environment")));
    } else {
        r.add(Finding::Ok(format!(
            "{path}: valid, {} workspace(s), {} budget(s)",
            app.config.accounts().len(),
            app.config.budgets.len()
        )));
    }
}

fn keyring_section(r: &mut Report, app: &App) {
    r.section("Keyring");
    if app.is_demo() {
        r.add(Finding::Note("not used by the demo".into()));
    } else if app.keys.keyring_disabled() {
        r.add(Finding::Note(
            "disabled by LLMCOST_NO_KEYRING: keys come from LLMCOST_KEY_<PROVIDER>_<WORKSPACE>".into(),
        ));
    } else {
        match app.keys.keyring_status() {
            Ok(vendor) => r.add(Finding::Ok(format!("available ({vendor})"))),
            Err(why) => r.add(Finding::Note(format!(
                "unavailable ({why}); keys must come from LLMCOST_KEY_<PROVIDER>_<WORKSPACE>"
            ))),
        }
    }
}

fn workspaces_section(r: &mut Report, app: &App, offline: bool) {
    r.section("Workspaces");
    let accounts = app.accounts();
    if accounts.is_empty() {
        r.add(Finding::Problem {
            what: "no workspace configured and no LLMCOST_KEY_* variable set".into(),
            fix: "llmcost providers add openai --workspace NAME (or try: llmcost --demo costs)".into(),
        });
    }
    for account in &accounts {
        account_finding(r, app, account, offline);
    }
}

/// One workspace: where its key comes from, and whether the provider accepts it (unless offline).
fn account_finding(r: &mut Report, app: &App, account: &crate::domain::Account, offline: bool) {
    if app.is_demo() {
        r.add(Finding::Ok(format!("{account}: built-in demo")));
        return;
    }
    let (key, source) = match app.credentials(account) {
        Ok(found) => found,
        Err(KeyError::Missing { .. }) => {
            r.add(Finding::Problem {
                what: format!("{account}: no key"),
                fix: format!(
                    "llmcost providers add {} --workspace {} (or set {})",
                    account.provider,
                    account.workspace,
                    env_var_name(account)
                ),
            });
            return;
        }
        Err(KeyError::Empty { var, .. }) => {
            r.add(Finding::Problem {
                what: format!("{account}: {var} is set but empty"),
                fix: format!("give {var} the key (in CI: define the secret it reads), or unset it"),
            });
            return;
        }
        Err(e @ KeyError::Ambient { .. }) => {
            r.add(Finding::Problem {
                what: e.to_string(),
                fix: account
                    .provider
                    .info()
                    .credentials_fix
                    .replace("{workspace}", &account.workspace)
                    .replace("{var}", &env_var_name(account)),
            });
            return;
        }
        Err(e) => {
            r.add(Finding::Problem {
                what: format!("{account}: {e}"),
                fix: format!("export {}=...", env_var_name(account)),
            });
            return;
        }
    };
    if offline {
        r.add(Finding::Ok(format!("{account}: key {} from {source} (not checked: --offline)", key.hint())));
        return;
    }
    match crate::app::workspaces::check(app, account, &key) {
        Ok(note) => r.add(Finding::Ok(format!(
            "{account}: key {} from {source}: accepted{}",
            key.hint(),
            note.map(|n| format!(" ({})", crate::sanitize::terminal(&n))).unwrap_or_default()
        ))),
        Err(e) => {
            let fix = match e.failure_kind() {
                Some(FailureKind::InvalidKey | FailureKind::NotAdmin) => format!(
                    "create {} and run: llmcost providers add {} --workspace {}",
                    account.provider.key_kind(),
                    account.provider,
                    account.workspace
                ),
                Some(FailureKind::Timeout | FailureKind::Unreachable) => {
                    "check the network or a proxy (base_url in the config, LLMCOST_<PROVIDER>_BASE_URL)".into()
                }
                _ => "try again later; run with -vv to see the request".into(),
            };
            r.add(Finding::Problem { what: e.to_string(), fix });
        }
    }
}

fn cache_section(r: &mut Report, app: &App) {
    r.section("Cache");
    let db = app.db_path.display().to_string();
    match crate::app::cache::info(app) {
        Ok(None) => r.add(Finding::Note(format!("{db}: not created yet (the first sync creates it)"))),
        Ok(Some((size, stats))) if stats.integrity == "ok" => {
            r.add(Finding::Ok(format!(
                "{db}: {:.1} MB, schema {}, integrity ok, {} cost rows",
                size as f64 / 1e6,
                stats.schema_version,
                stats.cost_rows
            )));
            for a in stats.accounts {
                r.add(Finding::Note(format!(
                    "{}/{}: {} day(s) from {} to {}, last sync {}",
                    a.provider,
                    a.workspace,
                    a.days,
                    a.oldest.unwrap_or_default(),
                    a.newest.unwrap_or_default(),
                    a.last_sync.unwrap_or_default()
                )));
            }
        }
        Ok(Some((_, stats))) => r.add(Finding::Problem {
            what: format!("{db}: integrity check failed: {}", stats.integrity),
            fix: format!(
                "move {db} aside and run 'llmcost sync --year' (history older than a provider serves is lost: {})",
                crate::providers::registry::history_limits().join("; ")
            ),
        }),
        Err(e) => r.add(Finding::Problem {
            what: e.to_string(),
            fix: format!("move {db} aside, or point --db / LLMCOST_DB elsewhere"),
        }),
    }
    match crate::app::sync::overdue_all(app) {
        Ok(warnings) => {
            for w in warnings {
                r.add(Finding::Problem {
                    what: w.trim_start_matches("warning: ").to_string(),
                    fix: "llmcost sync --month".into(),
                });
            }
        }
        Err(e) => r.add(Finding::Note(format!("sync ages not read: {e}"))),
    }
}

/// `[people]`: how many, and each name no provider has reported yet (a note: they may not
/// have spent yet, or the name is misspelt).
fn people_section(r: &mut Report, app: &App) {
    if app.config.raw_people.is_empty() {
        return;
    }
    r.section("People");
    let others: usize = app.config.raw_people.values().map(Vec::len).sum();
    r.add(Finding::Ok(format!(
        "[people]: {} person(s), {others} other name(s), one name each in every view",
        app.config.raw_people.len()
    )));
    match crate::app::people::unseen(app) {
        Ok(unseen) => {
            for u in unseen {
                let whose = if u.name == u.person {
                    String::new()
                } else {
                    format!(" (of {})", crate::sanitize::terminal(&u.person))
                };
                r.add(Finding::Note(format!(
                    "{}{whose}: no provider has reported this name yet; check its spelling against                      'llmcost costs --by person' once it has spent",
                    crate::sanitize::terminal(&u.name)
                )));
            }
        }
        Err(e) => r.add(Finding::Note(format!("names not checked: {e}"))),
    }
}

/// `[[observed]]`: each source's key variable or file, as `reconcile --against` will need them.
fn observed_section(r: &mut Report, app: &App) {
    if app.config.observed.is_empty() {
        return;
    }
    r.section("Observed sources (reconcile --against)");
    for o in &app.config.observed {
        let name = format!("{} ({})", o.name, o.kind.name());
        match o.kind {
            crate::observed::Kind::Csv => match &o.file {
                Some(f) if f.is_file() => r.add(Finding::Ok(format!("{name}: {}", f.display()))),
                _ => r.add(Finding::Problem {
                    what: format!(
                        "{name}: no file at {}",
                        o.file.as_deref().unwrap_or(std::path::Path::new("")).display()
                    ),
                    fix: "point file at the CSV (columns day, model, cost)".into(),
                }),
            },
            _ => match app.keys.lookup_named(&o.keyring_user(), &o.key_var()) {
                Ok(Some(key)) => r.add(Finding::Ok(format!(
                    "{name}: key {} at {}",
                    key.hint(),
                    crate::net::host_of(o.base_url.as_deref().unwrap_or(""))
                ))),
                Ok(None) => r.add(Finding::Problem {
                    what: format!("{name}: no key"),
                    fix: format!("export {}=... (or the keyring entry {})", o.key_var(), o.keyring_user()),
                }),
                Err(why) => r.add(Finding::Problem {
                    what: format!("{name}: the keyring cannot be read ({why})"),
                    fix: format!("export {}=...", o.key_var()),
                }),
            },
        }
    }
}
