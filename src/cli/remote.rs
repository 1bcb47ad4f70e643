//! The commands over HTTP. `serve` answers `GET /api/v1/<command>[/<subcommand>]?flag=value...`
//! by running that same command on its own cache (read-only commands only, always offline:
//! the server's background sync keeps the cache fresh) and returning exactly what it prints, so
//! the JSON a teammate gets from the server is byte for byte the JSON of the command. `--remote
//! URL` sends a command line there and prints the answer, so teammates need no admin keys.

use clap::{CommandFactory, Parser};

use super::{App, Cli};

/// Commands the API runs: they read the cache and write nothing.
const READ_ONLY: [&str; 9] =
    ["costs", "projects", "report", "teams", "budgets", "optimize", "reconcile", "prices", "export"];
/// Flags refused over the API: they write files, read the server's files, send alerts or reach
/// other servers.
const REFUSED: [&str; 6] = ["out", "notify", "file", "against", "dry-run", "partitioned"];
/// Subcommands that write (`budgets add`, `prices update`...).
const WRITING_SUBCOMMANDS: [&str; 5] = ["add", "edit", "remove", "update", "test"];

pub use crate::serve::api::ApiAnswer;

/// What `serve` calls for its API: the two steps below.
pub(crate) const API: crate::serve::api::CommandApi = crate::serve::api::CommandApi {
    command_line: |path, query, token| argv_from_request(path, query).and_then(|argv| scoped(argv, token)),
    run: run_for_api,
};

/// The command line a request path and query stand for: `costs` and `by=model&month=2026-11`
/// are `costs --by model --month 2026-11`; an empty value is a bare flag (`offline=`); `_`
/// carries a positional argument (`budgets/check?_=team-monthly`).
pub fn argv_from_request(path: &str, query: &str) -> Result<Vec<String>, String> {
    let mut argv: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect();
    let Some(command) = argv.first() else { return Err("no command: try /api/v1/costs".into()) };
    if !READ_ONLY.contains(&command.as_str()) {
        return Err(format!("'{command}' is not served: the API runs {}", READ_ONLY.join(", ")));
    }
    if argv.get(1).is_some_and(|s| WRITING_SUBCOMMANDS.contains(&s.as_str())) || argv.len() > 2 {
        return Err(format!("'{}' is not served: the API only reads", argv.join(" ")));
    }
    for (key, value) in crate::net::query_pairs(query)? {
        if key == "_" {
            argv.push(value);
            continue;
        }
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(format!("{key:?} is not a flag"));
        }
        let flag = key.replace('_', "-");
        if REFUSED.contains(&flag.as_str()) {
            return Err(format!("--{flag} is not served: the API only reads the server's cache"));
        }
        argv.push(format!("--{flag}"));
        if !value.is_empty() {
            argv.push(value);
        }
    }
    Ok(argv)
}

/// A command line narrowed to what `token` may see: a team token asks `costs` and `report` as
/// `--team`, and nothing else; a workspaces token asks with `--workspace` for each of its
/// workspaces, and never another. `Err`: what the token may not ask.
pub fn scoped(mut argv: Vec<String>, token: &crate::config::ServeToken) -> Result<Vec<String>, String> {
    let values = |flag: &str, argv: &[String]| -> Vec<String> {
        argv.windows(2).filter(|w| w[0] == flag).map(|w| w[1].clone()).collect()
    };
    if let Some(team) = &token.team {
        let command = argv.first().cloned().unwrap_or_default();
        if !["costs", "report"].contains(&command.as_str()) || argv.get(1).is_some_and(|a| !a.starts_with('-')) {
            return Err(format!("token '{}' is limited to team {team}: it may ask costs and report only", token.name));
        }
        let asked = values("--team", &argv);
        if asked.iter().any(|t| t != team) {
            return Err(format!("token '{}' is limited to team {team}", token.name));
        }
        if asked.is_empty() {
            argv.extend(["--team".to_string(), team.clone()]);
        }
    }
    if !token.workspaces.is_empty() {
        if !leaf_has(&argv, "workspace") {
            return Err(format!("token '{}' is limited to workspaces: this command is not", token.name));
        }
        let asked = values("--workspace", &argv);
        if let Some(other) = asked.iter().find(|w| !token.workspaces.contains(w)) {
            return Err(format!("token '{}' may not see workspace {other}", token.name));
        }
        if asked.is_empty() {
            for w in &token.workspaces {
                argv.extend(["--workspace".to_string(), w.clone()]);
            }
        }
    }
    Ok(argv)
}

/// Runs a served command line on `app`, offline, capturing what it prints.
pub fn run_for_api(app: &App, mut argv: Vec<String>) -> ApiAnswer {
    if let Err(why) = only_reading(&argv) {
        return ApiAnswer::refused(2, why);
    }
    if leaf_has_offline(&argv) && !argv.iter().any(|a| a == "--offline") {
        argv.push("--offline".into());
    }
    let format = argv.iter().position(|a| a == "--format").and_then(|i| argv.get(i + 1)).cloned();
    let cli = match Cli::try_parse_from(std::iter::once("llmcost".to_string()).chain(argv)) {
        Ok(cli) => cli,
        Err(e) => return ApiAnswer::refused(2, e.to_string().lines().next().unwrap_or("").to_string()),
    };
    let (result, body) = super::capture_stdout(|| super::run_command(app, cli.command));
    let (exit, error) = match result {
        Ok(()) => (crate::error::exit::OK, None),
        Err(e) => (e.exit_number(), Some(crate::sanitize::terminal(&e.to_string()).replace('\n', "; "))),
    };
    ApiAnswer { exit, body, error, content_type: content_type(format.as_deref()) }
}

fn content_type(format: Option<&str>) -> &'static str {
    match format {
        Some("json") => "application/json",
        Some("csv" | "focus") => "text/csv; charset=utf-8",
        Some("markdown") => "text/markdown; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    }
}

/// The last gate, over every word however it came (`--out=FILE` or `-o FILE` in a positional
/// included): no flag that writes or reads files, sends alerts or reaches other servers, and
/// none of the global flags, which are the server's own.
fn only_reading(argv: &[String]) -> Result<(), String> {
    const GLOBAL: [&str; 6] = ["config", "db", "demo", "record", "remote", "verbose"];
    for word in argv {
        if let Some(flag) = word.strip_prefix("--") {
            let name = flag.split('=').next().unwrap_or("");
            if REFUSED.contains(&name) || GLOBAL.contains(&name) {
                return Err(format!("--{name} is not served: the API only reads the server's cache"));
            }
        } else if word.starts_with('-') && word.len() > 1 && !["-w", "-q"].contains(&word.as_str()) {
            return Err(format!("{word:?}: short flags other than -w are not served; write the long form"));
        }
    }
    Ok(())
}

/// Whether the (sub)command takes `--offline`.
fn leaf_has_offline(argv: &[String]) -> bool {
    leaf_has(argv, "offline")
}

/// Whether the (sub)command of `argv` takes the argument `id`.
fn leaf_has(argv: &[String], id: &str) -> bool {
    leaf_argument(argv, |a| a.get_id() == id).is_some()
}

/// The argument `wanted` picks among those of the (sub)command the leading words of `argv` name.
fn leaf_argument(argv: &[String], wanted: impl Fn(&clap::Arg) -> bool) -> Option<clap::Arg> {
    let root = Cli::command();
    let mut cmd = &root;
    for word in argv.iter().take_while(|a| !a.starts_with('-')) {
        match cmd.find_subcommand(word) {
            Some(sub) => cmd = sub,
            None => break,
        }
    }
    cmd.get_arguments().find(|a| wanted(a)).cloned()
}

/// `raw` without the global flags and their values (`--remote URL`, `--db=PATH`, `-q`, `-vv`),
/// as clap declares them: what is left is the command to send.
pub(crate) fn without_globals(raw: &[String]) -> Vec<String> {
    let root = Cli::command();
    let globals: Vec<&clap::Arg> = root.get_arguments().filter(|a| a.is_global_set()).collect();
    let takes_value = |a: &&clap::Arg| a.get_action().takes_values();
    let mut words = Vec::new();
    let mut rest = raw.iter();
    while let Some(word) = rest.next() {
        if let Some(long) = word.strip_prefix("--") {
            let (name, inline) = long.split_once('=').map_or((long, false), |(n, _)| (n, true));
            if let Some(g) = globals.iter().find(|g| g.get_long() == Some(name)) {
                if takes_value(g) && !inline {
                    rest.next();
                }
                continue;
            }
        } else if let Some(shorts) = word.strip_prefix('-').filter(|s| !s.is_empty()) {
            // `-q`, `-vv`: every letter a global flag without a value.
            if shorts.chars().all(|c| globals.iter().any(|g| g.get_short() == Some(c) && !takes_value(g))) {
                continue;
            }
        }
        words.push(word.clone());
    }
    words
}

/// `--remote URL`: the command line sent to the server; its answer printed, its exit code
/// returned. `LLMCOST_REMOTE_TOKEN` is the bearer token; it never goes in the URL. `tui` opens
/// the dashboard on the server's data.
pub fn run_remote(base: &str, raw: &[String]) -> crate::error::Result<u8> {
    let token: Vec<(String, String)> =
        std::env::var("LLMCOST_REMOTE_TOKEN").map(|t| ("LLMCOST_REMOTE_TOKEN".to_string(), t)).into_iter().collect();
    let server = crate::app::remote::Server::new(base, &token)?;
    if raw.first().is_some_and(|w| w == "tui") {
        let cli = Cli::try_parse_from(std::iter::once("llmcost".to_string()).chain(raw.iter().cloned()))
            .map_err(|e| crate::error::Error::Usage(e.to_string().lines().next().unwrap_or("").to_string()))?;
        if let super::Command::Tui(args) = cli.command {
            super::tui_cmd::run_remote(server, &args)?;
            return Ok(crate::error::exit::OK);
        }
    }
    let (path, query) = request_for(raw)?;
    let reply = server.get(&path, &query)?;
    super::write_stdout(|out| out.write_all(&reply.body))?;
    if let Some(error) = reply.error {
        crate::output::tell(&format!("error: {error}"), true);
    }
    Ok(reply.exit)
}

/// The API path and query of a command line: its (sub)command words, then every argument after
/// them as `flag=value` (`_=` for a positional).
fn request_for(raw: &[String]) -> crate::error::Result<(String, Vec<(String, String)>)> {
    let mut words = Vec::new();
    let mut rest = raw.iter().peekable();
    while let Some(w) = rest.peek() {
        if w.starts_with('-') || words.len() == 2 {
            break;
        }
        words.push((*w).clone());
        rest.next();
    }
    let rest: Vec<String> = rest.cloned().collect();
    let mut query = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let arg = &rest[i];
        if let Some(flag) = arg.strip_prefix("--") {
            if let Some((k, v)) = flag.split_once('=') {
                query.push((k.to_string(), v.to_string()));
            } else if rest.get(i + 1).is_some_and(|next| !next.starts_with("--")) && takes_value(&words, flag) {
                query.push((flag.to_string(), rest[i + 1].clone()));
                i += 1;
            } else {
                query.push((flag.to_string(), String::new()));
            }
        } else {
            query.push(("_".to_string(), arg.clone()));
        }
        i += 1;
    }
    Ok((words.join("/"), query))
}

/// Whether `--flag` of the (sub)command `words` takes a value.
fn takes_value(words: &[String], flag: &str) -> bool {
    leaf_argument(words, |a| a.get_long() == Some(flag)).is_some_and(|a| a.get_action().takes_values())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_that_writes_slips_through_however_it_is_spelled() {
        let ok = |q: &str| argv_from_request("report", q).and_then(|a| only_reading(&a).map(|()| a));
        assert!(ok("month=&format=json").is_ok());
        for q in ["out=x", "_=--out=/tmp/x", "_=-o&_=/tmp/x", "_=--db=/tmp/other", "_=--record=/tmp", "_=-v", "notify="]
        {
            assert!(ok(q).is_err(), "{q}");
        }
        assert!(argv_from_request("sync", "").is_err());
        assert!(argv_from_request("budgets/add", "").is_err());
        assert!(argv_from_request("costs/x/y", "").is_err());
    }

    #[test]
    fn the_global_flags_stay_on_this_machine() {
        let raw: Vec<String> = [
            "--remote",
            "http://x",
            "-q",
            "--db=/tmp/c",
            "costs",
            "-vv",
            "--by",
            "model",
            "-w",
            "edu",
            "--color",
            "never",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(without_globals(&raw), ["costs", "--by", "model", "-w", "edu"]);
    }
}
