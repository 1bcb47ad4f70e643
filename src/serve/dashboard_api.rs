//! The dashboard's part of the JSON API, for `tui --remote`: `dashboard/start` (the accounts
//! the token may see, the server's today), `dashboard/load?q=<query>` (one screen) and
//! `dashboard/export?q=<query>&filter=<text>` (the `e` key's CSV). Answers travel as commands'
//! do: the body, the exit code in `X-Llmcost-Exit`, the error line in `X-Llmcost-Error`.

use super::api::ApiAnswer;
use crate::app::App;
use crate::app::dashboard::Query;
use crate::app::remote::{DASHBOARD_SCHEMA_VERSION, DashboardDocument};
use crate::config::ServeToken;
use crate::error::{Error, Result};

const JSON: &str = "application/json";

/// Whether `path` is the dashboard's.
pub(crate) fn is_dashboard(path: &str) -> bool {
    path == "dashboard" || path.starts_with("dashboard/")
}

/// Whether `token` may open the dashboard: a team's token may not (the dashboard shows whole
/// accounts); `Err` says why (403).
pub(crate) fn permitted(token: &ServeToken) -> std::result::Result<(), String> {
    match &token.team {
        Some(team) => Err(format!(
            "token '{}' is limited to team {team}: the dashboard shows whole accounts; ask costs or report",
            token.name
        )),
        None => Ok(()),
    }
}

/// Answers one dashboard request on the server's cache, as `token` may see it (after
/// [`permitted`]).
pub(crate) fn answer(app: &App, path: &str, query: &str, token: &ServeToken) -> ApiAnswer {
    let pairs = crate::net::query_pairs(query).unwrap_or_default();
    let param = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let result = match path {
        "dashboard/start" => crate::app::served::start(app, &token.workspaces).and_then(|start| to_json(&start, JSON)),
        "dashboard/load" => parse_query(param("q")).and_then(|q| {
            let snapshot = crate::app::served::load(app, q, &token.workspaces)?;
            to_json(&DashboardDocument { schema_version: DASHBOARD_SCHEMA_VERSION, snapshot }, JSON)
        }),
        "dashboard/export" => parse_query(param("q")).and_then(|q| {
            let view = crate::app::served::export(app, q, param("filter").unwrap_or(""), &token.workspaces)?;
            let mut csv = Vec::new();
            crate::output::render_costs(&view, crate::output::Format::Csv, &mut csv)
                .map_err(|e| Error::Runtime(format!("cannot render CSV: {e}")))?;
            Ok(ApiAnswer {
                exit: crate::error::exit::OK,
                body: csv,
                error: None,
                content_type: "text/csv; charset=utf-8",
            })
        }),
        _ => Err(Error::Usage(format!(
            "'{}' is not served: the dashboard's paths are dashboard/start, dashboard/load and dashboard/export",
            crate::sanitize::terminal(path)
        ))),
    };
    result.unwrap_or_else(|e| {
        ApiAnswer::refused(e.exit_number(), crate::sanitize::terminal(&e.to_string()).replace('\n', "; "))
    })
}

/// The dashboard's question, as the client wrote it.
fn parse_query(text: Option<&str>) -> Result<Query> {
    let text = text.ok_or_else(|| Error::Usage("the dashboard's paths need q=<query as JSON>".into()))?;
    serde_json::from_str(text).map_err(|e| Error::Usage(format!("q is not a dashboard query: {e}")))
}

fn to_json<T: serde::Serialize>(value: &T, content_type: &'static str) -> Result<ApiAnswer> {
    let body = serde_json::to_vec(value).map_err(|e| Error::Runtime(format!("cannot write JSON: {e}")))?;
    Ok(ApiAnswer { exit: crate::error::exit::OK, body, error: None, content_type })
}
