//! The command tree (clap) and dispatch. Each command's args and `run` live in their own file.

mod activity_cmd;
mod args;
mod balances_cmd;
mod brake_cmd;
mod budgets;
mod cache_cmd;
mod costs;
mod doctor;
mod estimates_cmd;
mod export_cmd;
pub mod generate;
mod generate_cache;
mod import_cmd;
mod limits_cmd;
mod notify_cmd;
mod optimize_cmd;
mod prices_cmd;
mod projects;
mod providers;
mod reconcile_cmd;
pub mod remote;
mod report;
mod serve_cmd;
mod sync_cmd;
mod teams_cmd;
mod tui_cmd;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use crate::app::App;

use crate::error::Error;

const AFTER_HELP: &str = "\
Examples:
  llmcost --demo costs --month                 Try it on built-in sample data
  llmcost providers add openai --workspace edugami
  llmcost costs --provider openai --workspace edugami --month
  llmcost costs --last 30 --by day,model --format csv > spend.csv
  llmcost report --month --format markdown
  llmcost budgets check --format github
  llmcost import groq.csv --provider groq --workspace team
  llmcost export --format focus --month --out focus.csv
  llmcost tui

Days are UTC days. Exit codes: 0 ok, 1 runtime failure, 2 usage or config error,
3 budget exceeded.";

/// What your team spends on LLM APIs, from the providers' own billing APIs.
#[derive(Debug, Parser)]
#[command(name = "llmcost", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    /// Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]
    #[arg(long, global = true, help_heading = "Global options", env = "LLMCOST_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]
    #[arg(long, global = true, help_heading = "Global options", env = "LLMCOST_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Use the built-in sample organization: no keys, no network, your cache untouched
    #[arg(long, global = true, help_heading = "Global options")]
    pub demo: bool,

    /// No progress or notes on stderr; errors are still printed
    #[arg(long, short, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// Give up on a request that has not answered after this many seconds (a timed-out request
    /// is retried once) [default: the config's http.timeout_seconds, 30]
    #[arg(long, global = true, help_heading = "Global options", value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: Option<u64>,

    /// Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)
    #[arg(long, short = 'v', global = true, help_heading = "Global options", action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Save every response body a sync receives in DIR (one file per request; no headers, so no
    /// keys), to attach to a bug report
    #[arg(long, global = true, help_heading = "Global options", env = "LLMCOST_RECORD_DIR", value_name = "DIR")]
    pub record: Option<PathBuf>,

    /// Tables show every column at full width even past the terminal's edge (piped output always
    /// does)
    #[arg(long, global = true, help_heading = "Global options")]
    pub wide: bool,

    /// Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the
    /// token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets,
    /// optimize, reconcile, prices, export
    #[arg(long, global = true, help_heading = "Global options", env = "LLMCOST_REMOTE", value_name = "URL")]
    pub remote: Option<String>,

    /// Colour in tables and the dashboard [default: auto, which honours NO_COLOR]
    #[arg(long, global = true, help_heading = "Global options", value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is not set
    Auto,
    Always,
    Never,
}

impl Cli {
    /// The global flags, as the application layer takes them.
    pub fn options(&self) -> crate::app::Options {
        crate::app::Options {
            config: self.config.clone(),
            db: self.db.clone(),
            demo: self.demo,
            quiet: self.quiet,
            timeout: self.timeout,
            record: self.record.clone(),
            creates_config: matches!(
                &self.command,
                Command::Providers(providers::ProvidersArgs { action: Some(providers::ProvidersAction::Add(_)), .. })
                    | Command::Budgets(budgets::BudgetsArgs { action: Some(budgets::BudgetsAction::Add(_)), .. })
            ),
        }
    }
}

impl ColorChoice {
    /// Whether to colour output written to a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Supported providers and configured workspaces; add, remove and test keys
    Providers(providers::ProvidersArgs),
    /// Projects of each workspace, archived ones too, with their spend in a period
    Projects(projects::ProjectsArgs),
    /// The chargeback by team or cost centre, shared costs split; `teams check` for the rules
    Teams(teams_cmd::TeamsArgs),
    /// Billed spend for a period, grouped by model, project, day, ...
    Costs(costs::CostsArgs),
    /// Fetch spend into the cache ahead of time
    Sync(sync_cmd::SyncArgs),
    /// Budgets per period and scope, and the CI gate `budgets check`
    Budgets(budgets::BudgetsArgs),
    /// Prepaid balances (OpenRouter credits, xAI) and their runway at the last week's burn
    Balances(balances_cmd::BalancesArgs),
    /// What people did with Claude Code and its estimated cost, per person, model or day
    Activity(activity_cmd::ActivityArgs),
    /// How good today's estimates are: each estimate against the bill that replaced it
    Estimates(estimates_cmd::EstimatesArgs),
    /// Stop spend at the providers, reversibly: keys off, rate limits down; --undo, --status
    Brake(brake_cmd::BrakeArgs),
    /// Budgets held by the providers as their own spend limits: plan, apply, drift (exit 3)
    Limits(limits_cmd::LimitsArgs),
    /// The period's story: comparison, forecast, breakdowns, movers, anomalies; exports
    Report(report::ReportArgs),
    /// The interactive dashboard
    Tui(tui_cmd::TuiArgs),
    /// Where money could be saved: prompt caching, batch, model choice, waste (estimates)
    Optimize(optimize_cmd::OptimizeArgs),
    /// The bill against the price list, model by model, with the likely reason for differences
    Reconcile(reconcile_cmd::ReconcileArgs),
    /// The list prices bills are compared with; `prices update` refreshes them
    Prices(prices_cmd::PricesArgs),
    /// Spend of vendors without a billing API (Groq, Mistral...), from a CSV or FOCUS file
    Import(import_cmd::ImportArgs),
    /// The cached spend as FOCUS (CSV or Parquet) for FinOps tools and warehouses
    Export(export_cmd::ExportArgs),
    /// Budget alert channels: send a test message
    Notify(notify_cmd::NotifyArgs),
    /// A Prometheus exporter: /metrics from the cache, syncing in the background
    Serve(serve_cmd::ServeArgs),
    /// The Prometheus exposition once, on stdout (for node_exporter's textfile collector)
    Metrics(serve_cmd::MetricsArgs),
    /// Check the setup: config, keyring, keys, cache, and one call per workspace
    Doctor(doctor::DoctorArgs),
    /// Where the cache is, what it holds, and clearing it
    Cache(cache_cmd::CacheArgs),
    /// Print a shell completion script
    Completions(generate::CompletionsArgs),
    /// Write man pages (llmcost.1 and one per subcommand)
    Man(generate::ManArgs),
    /// A large deterministic cache for benchmarks (accounts bench-1.. in --db)
    #[command(hide = true)]
    GenerateCache(generate_cache::GenerateCacheArgs),
}

/// Runs a parsed command line and returns the process exit code. Errors are printed here.
pub fn run(cli: Cli) -> ExitCode {
    init_tracing(cli.verbose);
    crate::output::set_color(cli.color.enabled(std::io::stdout().is_terminal()));
    crate::output::set_quiet(cli.quiet);
    // Tables fit a terminal; piped output, and --wide, stay complete. LLMCOST_TABLE_WIDTH fits
    // them to a width wherever they go (for snapshots of what a terminal shows).
    let forced = std::env::var("LLMCOST_TABLE_WIDTH").ok().and_then(|w| w.trim().parse::<usize>().ok());
    let width = match forced {
        Some(w) => Some(w.clamp(40, 1000)),
        None => (!cli.wide && std::io::stdout().is_terminal()).then(terminal_width),
    };
    crate::output::fit::set_width(width);
    if let Some(remote) = cli.remote.clone().filter(|r| !r.trim().is_empty()) {
        return remote_exit(&remote);
    }
    // Cheap commands touch nothing: no config, no cache, no keyring, no network.
    let result = match &cli.command {
        Command::Completions(args) => generate::completions(args),
        Command::Man(args) => generate::man(args),
        Command::Doctor(args) => doctor::run(&cli, args),
        _ => dispatch(cli),
    };
    match result {
        Ok(()) => ExitCode::from(crate::error::exit::OK),
        Err(e) => {
            report_error(&e);
            e.exit_code()
        }
    }
}

/// `--remote`: the command asked of the server; its exit code.
fn remote_exit(remote: &str) -> ExitCode {
    // The command line as typed, without the global flags (they are this machine's).
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let words = remote::without_globals(&raw);
    match remote::run_remote(remote, &words) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            report_error(&e);
            e.exit_code()
        }
    }
}

thread_local! {
    /// Set while `serve`'s API runs a command: what it prints lands here instead of stdout.
    static CAPTURED: std::cell::RefCell<Option<Vec<u8>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with stdout captured (this thread's `write_stdout`); returns its result and bytes.
fn capture_stdout<T>(f: impl FnOnce() -> T) -> (T, Vec<u8>) {
    CAPTURED.with(|c| *c.borrow_mut() = Some(Vec::new()));
    let out = f();
    let bytes = CAPTURED.with(|c| c.borrow_mut().take()).unwrap_or_default();
    (out, bytes)
}

/// The read-only commands `serve`'s API runs, on the server's app.
fn run_command(app: &App, command: Command) -> crate::error::Result<()> {
    match command {
        Command::Projects(args) => projects::run(app, args),
        Command::Teams(args) => teams_cmd::run(app, args),
        Command::Costs(args) => costs::run(app, args),
        Command::Budgets(args) => budgets::run(app, args),
        Command::Balances(args) => balances_cmd::run(app, args),
        Command::Activity(args) => activity_cmd::run(app, args),
        Command::Estimates(args) => estimates_cmd::run(app, args),
        Command::Report(args) => report::run(app, args),
        Command::Optimize(args) => optimize_cmd::run(app, args),
        Command::Reconcile(args) => reconcile_cmd::run(app, args),
        Command::Prices(args) => prices_cmd::run(app, args),
        Command::Export(args) => export_cmd::run(app, args),
        _ => Err(Error::Usage("not served: the API runs read-only commands".into())),
    }
}

fn dispatch(cli: Cli) -> crate::error::Result<()> {
    App::from_options(&cli.options()).and_then(|app| match cli.command {
        Command::Providers(args) => providers::run(&app, args),
        Command::Projects(args) => projects::run(&app, args),
        Command::Teams(args) => teams_cmd::run(&app, args),
        Command::Costs(args) => costs::run(&app, args),
        Command::Sync(args) => sync_cmd::run(&app, args),
        Command::Budgets(args) => budgets::run(&app, args),
        Command::Balances(args) => balances_cmd::run(&app, args),
        Command::Activity(args) => activity_cmd::run(&app, args),
        Command::Estimates(args) => estimates_cmd::run(&app, args),
        Command::Brake(args) => brake_cmd::run(&app, args),
        Command::Limits(args) => limits_cmd::run(&app, args),
        Command::Report(args) => report::run(&app, args),
        Command::Tui(args) => tui_cmd::run(app, args),
        Command::Optimize(args) => optimize_cmd::run(&app, args),
        Command::Reconcile(args) => reconcile_cmd::run(&app, args),
        Command::Prices(args) => prices_cmd::run(&app, args),
        Command::Cache(args) => cache_cmd::run(&app, args),
        Command::Import(args) => import_cmd::run(&app, args),
        Command::Export(args) => export_cmd::run(&app, args),
        Command::Serve(args) => serve_cmd::run(app, args),
        Command::Notify(args) => notify_cmd::run(&app, args),
        Command::Metrics(args) => serve_cmd::metrics(&app, args),
        Command::GenerateCache(args) => generate_cache::run(&app, args),
        Command::Doctor(_) | Command::Completions(_) | Command::Man(_) => {
            unreachable!("handled before the app is built")
        }
    })
}

/// `-v`: what llmcost fetches and writes; `-vv`: every request. Only llmcost's own events, on
/// stderr; keys are never in them (they travel in headers, and only masked hints are logged).
fn init_tracing(verbose: u8) {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::{Layer, filter};
    let level = match verbose {
        0 => return,
        1 => tracing::Level::INFO,
        _ => tracing::Level::DEBUG,
    };
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .with_ansi(false)
        .with_filter(filter::Targets::new().with_target("llmcost", level));
    let _ = tracing_subscriber::registry().with(layer).try_init();
}

/// Errors carry provider text (names, messages): each line is shown with its control and escape
/// sequences escaped. A closed stderr is not a reason to panic.
fn report_error(e: &Error) {
    use std::io::Write;
    let mut stderr = std::io::stderr().lock();
    for line in e.to_string().lines() {
        let _ = writeln!(stderr, "error: {}", crate::sanitize::terminal(line));
    }
}

/// The width to lay text out in: the terminal's (`COLUMNS` when it cannot be asked), else 100
/// columns (piped output is not cut).
fn terminal_width() -> usize {
    let columns = || std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok());
    if std::io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size()
            .map(|(w, _)| usize::from(w))
            .ok()
            .or_else(columns)
            .unwrap_or(80)
            .clamp(40, 500)
    } else {
        100
    }
}

/// Accounts that could not be refreshed make a command fail (exit 1) after it answered.
fn accounts_result(failed: Vec<String>) -> crate::error::Result<()> {
    if failed.is_empty() { Ok(()) } else { Err(Error::Accounts(failed)) }
}

/// Renders into memory, then writes stdout in one go; a closed pipe (`| head`) is not an error.
fn write_stdout(render: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> crate::error::Result<()> {
    use std::io::Write;
    let mut buf = Vec::new();
    render(&mut buf).map_err(|e| Error::io("cannot render output", e))?;
    let captured = CAPTURED.with(|c| c.borrow_mut().as_mut().map(|out| out.extend_from_slice(&buf)).is_some());
    if captured {
        return Ok(());
    }
    let mut stdout = std::io::stdout().lock();
    // A terminal never receives a control sequence llmcost did not make, in any format (a CSV
    // or JSON written to a file or a pipe keeps its exact text).
    if stdout.is_terminal() {
        let text = String::from_utf8_lossy(&buf);
        if let std::borrow::Cow::Owned(safe) = crate::sanitize::rendered(&text, crate::output::color()) {
            buf = safe.into_bytes();
        }
    }
    match stdout.write_all(&buf).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("cannot write output", e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    /// Examples and notes under each command's help fit 80 columns: clap wraps them at the
    /// terminal's edge without their indentation, so a long example's tail would read as a new
    /// command.
    #[test]
    fn help_texts_fit_80_columns() {
        use clap::CommandFactory;
        fn walk(cmd: &clap::Command, path: &str, long: &mut Vec<String>) {
            if let Some(text) = cmd.get_after_help() {
                // A single word (a URL) cannot wrap, so it cannot be misread either.
                for line in text.to_string().lines().filter(|l| l.chars().count() > 80 && l.trim().contains(' ')) {
                    long.push(format!("{path}: {line}"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), long);
            }
        }
        let mut long = Vec::new();
        walk(&super::Cli::command(), "llmcost", &mut long);
        assert!(long.is_empty(), "{}", long.join("\n"));
    }
}
