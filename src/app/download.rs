//! One plain GET for public data files (ECB rates, the price table): no credentials, a timeout,
//! a size cap, and errors that name the host and the reason, never the body.

use std::time::Duration;

use crate::error::{Error, Result};

/// The text at `url`, at most `max_bytes` long; `what` names it in errors ("the ECB rates").
pub(crate) fn get_text(url: &str, timeout_seconds: u64, what: &str, max_bytes: usize) -> Result<String> {
    let body = get_bytes(url, timeout_seconds, what, max_bytes)?;
    String::from_utf8(body)
        .map_err(|_| Error::Fetch(format!("cannot fetch {what} from {}: the answer is not UTF-8 text", host_of(url))))
}

/// `host[:port]` of `url`, for errors.
pub(crate) fn host_of(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(|h| u.port().map_or_else(|| h.to_string(), |p| format!("{h}:{p}"))))
        .unwrap_or_default()
}

/// The bytes at `url` (a zip, say), at most `max_bytes` long.
pub(crate) fn get_bytes(url: &str, timeout_seconds: u64, what: &str, max_bytes: usize) -> Result<Vec<u8>> {
    let host = host_of(url);
    let fail = |why: String| Error::Fetch(format!("cannot fetch {what} from {host}: {why}"));
    let client = crate::providers::http::build_client(Duration::from_secs(timeout_seconds.max(1)))?;
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| fail(e.to_string()))?;
    runtime.block_on(async {
        let mut response = client
            .get(url)
            .send()
            .await
            .map_err(|e| fail(if e.is_timeout() { "timed out".into() } else { "cannot connect".into() }))?;
        if !response.status().is_success() {
            return Err(fail(format!("HTTP {}", response.status().as_u16())));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|_| fail("the answer broke off".into()))? {
            if body.len() + chunk.len() > max_bytes {
                return Err(fail(format!("the answer is larger than {} MiB", max_bytes >> 20)));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    })
}
