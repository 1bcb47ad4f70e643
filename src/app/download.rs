//! One plain GET for public data files (ECB rates, the price table), on the one HTTP path: no
//! credentials, the process's client and runtime, retries of 429 and 5xx, a size cap, and errors
//! that name the host and the reason, never the body.

use super::App;
use crate::error::{Error, Result};
use crate::net::{self, Failure};

/// The text at `url`, at most `max_bytes` long; `what` names it in errors ("the ECB rates").
pub(crate) fn get_text(app: &App, url: &str, what: &str, max_bytes: usize) -> Result<String> {
    let body = get_bytes(app, url, what, max_bytes)?;
    String::from_utf8(body).map_err(|_| {
        Error::Fetch(format!("cannot fetch {what} from {}: the answer is not UTF-8 text", net::host_of(url)))
    })
}

/// The bytes at `url` (a zip, say), at most `max_bytes` long.
pub(crate) fn get_bytes(app: &App, url: &str, what: &str, max_bytes: usize) -> Result<Vec<u8>> {
    let host = net::host_of(url);
    let fail = |why: String| Error::Fetch(format!("cannot fetch {what} from {host}: {why}"));
    let timeout = std::time::Duration::from_secs(app.config.http.timeout_seconds.max(1));
    let (runtime, client) = app.network.get(timeout)?;
    let policy = app.retry_policy().with_attempts(3);
    let label = format!("{what}: GET");
    let sent = runtime.block_on(net::send(
        client,
        &policy,
        max_bytes,
        &label,
        || client.get(url).build(),
        net::retry_throttled,
    ));
    match sent {
        Ok(answer) if answer.status.is_success() => Ok(answer.body),
        Ok(answer) => Err(fail(format!("HTTP {}", answer.status.as_u16()))),
        Err(f @ (Failure::Transport { .. } | Failure::Body { .. })) => {
            Err(fail(f.network_reason().unwrap_or("cannot connect").into()))
        }
        Err(Failure::Redirect { status, .. }) => {
            Err(fail(format!("HTTP {} (a redirect; not followed)", status.as_u16())))
        }
        Err(Failure::TooLarge { .. }) => Err(fail(format!("the answer is larger than {} MiB", max_bytes >> 20))),
    }
}
