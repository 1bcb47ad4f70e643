//! The token request of the cloud logins (Entra ID's client credentials, Google's JWT bearer and
//! refresh-token grants): one form POST on the one HTTP path (`crate::net`): retried on 429 and
//! 5xx with Retry-After honoured, never following a redirect (the form carries a secret or a
//! signed assertion), the answer capped.

use serde::Deserialize;

use super::http::FailureKind;
use crate::domain::lenient;
use crate::net::{self, Failure};

/// Largest token answer read; a real one is a few kilobytes.
const MAX_TOKEN_BODY: usize = 1024 * 1024;
const ATTEMPTS: u32 = 3;

/// A token endpoint's success answer.
#[derive(Debug, Deserialize)]
pub(crate) struct TokenResponse {
    pub access_token: String,
    #[serde(default, deserialize_with = "lenient::opt_count")]
    pub expires_in: Option<u64>,
}

/// POSTs `form` to `url` (`what` names the endpoint in errors): `(status, body)` of the last
/// answer, which the caller reads (each identity provider words its errors its own way).
pub(crate) async fn post_form(
    client: &reqwest::Client,
    policy: &net::RetryPolicy,
    url: &str,
    form: &[(&str, &str)],
    what: &str,
) -> Result<(u16, String), (FailureKind, String)> {
    let host = net::host_of(url);
    let policy = policy.with_attempts(ATTEMPTS);
    let label = format!("{what}: POST");
    let sent = net::send(
        client,
        &policy,
        MAX_TOKEN_BODY,
        &label,
        || client.post(url).form(form).build(),
        net::retry_throttled,
    )
    .await;
    match sent {
        Ok(answer) => Ok((answer.status.as_u16(), answer.text())),
        Err(f @ (Failure::Transport { .. } | Failure::Body { .. })) => {
            let why = f.network_reason().unwrap_or("cannot connect");
            Err((FailureKind::Unreachable, format!("{what} {host}: {why}")))
        }
        Err(Failure::Redirect { status, .. }) => Err((
            FailureKind::Rejected(status.as_u16()),
            format!("{what} {host} answered with a redirect; not followed"),
        )),
        Err(Failure::TooLarge { .. }) => {
            Err((FailureKind::Malformed, format!("{what} {host} sent more than 1 MiB; refusing to read it")))
        }
    }
}
