//! `--record DIR`: every response body a sync receives, written to a file a user can attach to
//! a bug report, and that the test suite replays as a fixture (`tests/fixtures/real/`).
//!
//! One file per request, named by provider, workspace, endpoint and time. It holds the request's
//! method, path and query (never a header, so never a key), the status, and the body exactly as
//! received.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::Utc;
use serde::{Deserialize, Serialize};

/// The file format of a recorded response (and of a fixture in `tests/fixtures/real/`).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct RecordedResponse {
    /// Format version of this file.
    pub llmcost_record: u32,
    pub provider: String,
    pub method: String,
    /// The path below the base URL, e.g. `/organization/costs`.
    pub path: String,
    /// The query string as sent (no keys travel in queries).
    #[serde(default)]
    pub query: String,
    pub status: u16,
    /// RFC 3339, when llmcost received it (or when the fixture was captured, if known).
    #[serde(default)]
    pub received_at: String,
    /// The body: a string holds the exact bytes received; a fixture may give JSON for readability.
    pub body: serde_json::Value,
}

/// Where recorded responses go. Cheap to clone; one per sync.
#[derive(Clone, Debug)]
pub struct Recorder {
    dir: Arc<PathBuf>,
    seq: Arc<AtomicU64>,
}

impl Recorder {
    /// Creates `dir` if needed (private to the user: responses show spend).
    pub fn new(dir: &Path) -> std::io::Result<Recorder> {
        std::fs::create_dir_all(dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
        Ok(Recorder { dir: Arc::new(dir.to_path_buf()), seq: Arc::new(AtomicU64::new(0)) })
    }

    /// Writes one response. A failure to record is a warning, never a failed sync.
    #[expect(clippy::too_many_arguments, reason = "one recorded exchange: account, request and response parts")]
    pub fn save(&self, account: &str, provider: &str, method: &str, path: &str, query: &str, status: u16, body: &str) {
        let now = Utc::now();
        let n = self.seq.fetch_add(1, Ordering::Relaxed);
        let slug = |s: &str| -> String {
            s.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect()
        };
        let name = format!(
            "{}-{}-{}-{}-{n:04}.json",
            slug(account),
            slug(path.trim_start_matches('/')),
            now.format("%Y%m%dT%H%M%S%.3fZ"),
            status
        );
        let record = RecordedResponse {
            llmcost_record: 1,
            provider: provider.to_string(),
            method: method.to_string(),
            path: path.to_string(),
            query: query.to_string(),
            status,
            received_at: now.to_rfc3339(),
            body: serde_json::Value::String(body.to_string()),
        };
        let text = serde_json::to_string_pretty(&record).unwrap_or_default();
        let target = self.dir.join(&name);
        match std::fs::write(&target, text) {
            Ok(()) => tracing::info!("recorded {}", target.display()),
            Err(e) => tracing::warn!("cannot record a response in {}: {e}", self.dir.display()),
        }
    }
}
