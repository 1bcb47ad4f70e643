//! Reading from a team server (`--remote URL`, `LLMCOST_REMOTE`): a command line sent to its
//! JSON API, and the dashboard's views, so a teammate needs no admin key and no cache. The
//! bearer token (`LLMCOST_REMOTE_TOKEN`) travels in the `Authorization` header only, never in
//! a URL, and like every request it is never sent on to another origin (redirects are refused).

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::app::dashboard::{Query, Snapshot};
use crate::domain::Account;
use crate::error::{Error, Result};
use crate::secrets::Secret;

/// The dashboard's JSON documents carry this version; a client refuses any other.
pub const DASHBOARD_SCHEMA_VERSION: u32 = 1;
/// The largest answer read from a server (a year of `export` is a few MB).
const MAX_ANSWER: usize = 256 << 20;

/// What a remote dashboard needs before its first load: the server's accounts (those the token
/// may see) and its today, so both ends mean the same period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardStart {
    pub schema_version: u32,
    pub today: chrono::NaiveDate,
    pub accounts: Vec<Account>,
    /// The accounts that report people's activity (Claude Code) the token may see.
    #[serde(default)]
    pub activity_accounts: Vec<Account>,
}

/// One screen's data as the server sends it.
#[derive(Debug, Serialize, Deserialize)]
pub struct DashboardDocument {
    pub schema_version: u32,
    pub snapshot: Snapshot,
}

/// A command's answer from the server: what it printed, its exit code and error line.
#[derive(Debug)]
pub struct Reply {
    pub exit: u8,
    pub body: Vec<u8>,
    pub error: Option<String>,
}

/// A team server and the token to ask it with.
pub struct Server {
    base: String,
    token: Secret,
    network: super::Network,
}

impl Server {
    /// The server at `base`, with `LLMCOST_REMOTE_TOKEN` from `env`.
    pub fn new(base: &str, env: &[(String, String)]) -> Result<Server> {
        let token = env
            .iter()
            .find(|(k, _)| k == "LLMCOST_REMOTE_TOKEN")
            .map(|(_, v)| v.trim())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                Error::Config("--remote needs LLMCOST_REMOTE_TOKEN: a token the server lists in [serve] tokens".into())
            })?;
        let base = base.trim().trim_end_matches('/').to_string();
        let url = reqwest::Url::parse(&base)
            .map_err(|_| Error::Usage("--remote takes the server's URL, e.g. http://127.0.0.1:9464".into()))?;
        if !["http", "https"].contains(&url.scheme()) {
            return Err(Error::Usage("--remote takes an http:// or https:// URL".into()));
        }
        Ok(Server { base, token: Secret::new(token), network: super::Network::default() })
    }

    /// The server's host, for messages.
    pub fn host(&self) -> String {
        crate::net::host_of(&self.base)
    }

    /// `GET /api/v1/<path>?<query>`: a 200's body, exit code and error line; anything else is
    /// an error naming the server's answer.
    pub fn get(&self, path: &str, query: &[(String, String)]) -> Result<Reply> {
        let (runtime, client) = self.network.get(Duration::from_secs(60))?;
        let url = format!("{}/api/v1/{path}", self.base);
        let host = self.host();
        let build = || client.get(&url).query(query).bearer_auth(self.token.expose()).build();
        let policy = crate::net::RetryPolicy::default();
        let sent = runtime.block_on(crate::net::send(
            client,
            &policy,
            MAX_ANSWER,
            "remote: GET",
            build,
            crate::net::retry_throttled,
        ));
        let Ok(answer) = sent else { return Err(Error::Fetch(format!("cannot reach the llmcost server at {host}"))) };
        match answer.status.as_u16() {
            200 => {}
            401 => return Err(Error::Config(format!("the server at {host} refused LLMCOST_REMOTE_TOKEN"))),
            code => {
                let said: String = crate::sanitize::terminal(&answer.text()).chars().take(300).collect();
                return Err(Error::Usage(format!("the server at {host} answered HTTP {code}: {}", said.trim())));
            }
        }
        let header = |name: &str| answer.headers.get(name).and_then(|v| v.to_str().ok());
        let exit = header("x-llmcost-exit").and_then(|v| v.parse::<u8>().ok()).unwrap_or(1);
        let error = header("x-llmcost-error").map(|e| crate::sanitize::terminal(e).into_owned());
        Ok(Reply { exit, body: answer.body, error })
    }

    /// A JSON document from `path`, or the server's error.
    fn document<T: serde::de::DeserializeOwned>(&self, path: &str, query: &[(String, String)]) -> Result<T> {
        let body = self.succeeded(self.get(path, query)?)?;
        serde_json::from_slice(&body).map_err(|e| {
            Error::Fetch(format!(
                "the server at {} sent a document llmcost cannot read ({e}); is it the same version?",
                self.host()
            ))
        })
    }

    /// The accounts the token may see, and the server's today.
    pub fn dashboard_start(&self) -> Result<DashboardStart> {
        let start: DashboardStart = self.document("dashboard/start", &[])?;
        self.check_version(start.schema_version)?;
        Ok(start)
    }

    /// One screen of the dashboard, loaded by the server from its cache.
    pub fn dashboard(&self, q: &Query) -> Result<Snapshot> {
        let doc: DashboardDocument = self.document("dashboard/load", &[("q".into(), query_text(q)?)])?;
        self.check_version(doc.schema_version)?;
        Ok(doc.snapshot)
    }

    /// The dashboard's export (`e`) as CSV, rendered by the server.
    pub fn dashboard_export(&self, q: &Query, filter: &str) -> Result<Vec<u8>> {
        let query = [("q".to_string(), query_text(q)?), ("filter".to_string(), filter.to_string())];
        self.succeeded(self.get("dashboard/export", &query)?)
    }

    /// A reply's body when the command behind it succeeded; else its error, named by server.
    fn succeeded(&self, reply: Reply) -> Result<Vec<u8>> {
        if reply.exit == crate::error::exit::OK {
            return Ok(reply.body);
        }
        let why = reply.error.unwrap_or_else(|| format!("exit {}", reply.exit));
        Err(Error::Runtime(format!("the server at {}: {why}", self.host())))
    }

    fn check_version(&self, version: u32) -> Result<()> {
        if version == DASHBOARD_SCHEMA_VERSION {
            return Ok(());
        }
        Err(Error::Fetch(format!(
            "the server at {} speaks dashboard schema {version}, this llmcost {DASHBOARD_SCHEMA_VERSION}: run the same version on both",
            self.host()
        )))
    }
}

/// A dashboard question as the `q` parameter.
fn query_text(q: &Query) -> Result<String> {
    serde_json::to_string(q).map_err(|e| Error::Runtime(format!("cannot write the dashboard query: {e}")))
}
