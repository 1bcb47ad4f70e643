//! Delivering one message on the one HTTP path: POST JSON, 429 waits `Retry-After` (seconds or an
//! HTTP date; Discord: `retry_after` in the body) up to 60 s, 429 and 5xx are tried again twice,
//! other 4xx are final,
//! and 404 or 410 mean the channel is gone (no later run tries again). Errors never show the URL
//! (it is a credential) or a secret, even when a receiver echoes the request back.

use std::time::Duration;

use reqwest::Client;

const MAX_RETRIES: u32 = 2;
const MAX_WAIT: Duration = Duration::from_secs(60);

/// Why a message was not delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    pub why: String,
    /// The receiver said the channel no longer exists (404, 410): later runs do not try again.
    pub gone: bool,
}

/// A wait a receiver asked for, bounded before it becomes a `Duration` (which panics on
/// overflow): `Retry-After: 1e20` or Discord's `{"retry_after": 1e300}` wait `MAX_WAIT`.
pub(crate) fn bounded_wait(seconds: f64) -> Option<Duration> {
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds.min(MAX_WAIT.as_secs_f64())))
}

/// `text` with every secret (and the URL's path, which is the credential of a chat webhook) cut out.
pub(crate) fn redact(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_string();
    for secret in secrets.iter().filter(|s| s.len() >= 6) {
        out = out.replace(secret, "[redacted]");
        if let Ok(url) = reqwest::Url::parse(secret) {
            for piece in [url.path(), url.query().unwrap_or("")].into_iter().filter(|p| p.len() >= 6) {
                out = out.replace(piece, "[redacted]");
            }
            for segment in url.path_segments().into_iter().flatten().filter(|s| s.len() >= 12) {
                out = out.replace(segment, "[redacted]");
            }
        }
    }
    out
}

/// Largest answer read: far more than a receiver's "ok" or error says, never a flood held in
/// memory.
const MAX_ANSWER: usize = 1 << 20;

/// POSTs `body` with `headers` on the one HTTP path; `Err` says why, without the URL or any of
/// `secrets`.
pub(super) async fn post(
    client: &Client,
    url: &str,
    body: &[u8],
    headers: &[(&'static str, String)],
    policy: &crate::net::RetryPolicy,
    secrets: &[&str],
) -> Result<(), Failure> {
    use crate::net::{self, Verdict};
    let policy =
        net::RetryPolicy { max_delay: policy.max_delay.min(MAX_WAIT), ..policy.with_attempts(MAX_RETRIES + 1) };
    let build = || {
        let mut request = client.post(url).header("content-type", "application/json").body(body.to_vec());
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        request.build()
    };
    // 429 and 5xx again, after the wait asked for: a header, or Discord's `retry_after` in the body.
    let judge = |answer: &net::Answer| {
        if !net::retryable(answer.status) {
            return Verdict::Done;
        }
        let body_wait = serde_json::from_slice::<serde_json::Value>(&answer.body)
            .ok()
            .and_then(|v| v.get("retry_after").and_then(serde_json::Value::as_f64))
            .and_then(bounded_wait);
        Verdict::Retry(answer.retry_after().or(body_wait))
    };
    let failed = |why: String, gone: bool| Failure { why, gone };
    let answer = match net::send(client, &policy, MAX_ANSWER, "notify: POST", build, judge).await {
        Ok(answer) => answer,
        Err(net::Failure::Transport { error, attempts }) => {
            let what = if error.is_timeout() {
                "timed out"
            } else if error.is_connect() {
                "cannot connect"
            } else {
                "request failed"
            };
            return Err(failed(after(what.to_string(), attempts), false));
        }
        Err(net::Failure::Body { attempts, .. }) => {
            return Err(failed(after("the answer broke off".into(), attempts), false));
        }
        Err(net::Failure::Redirect { .. }) => {
            return Err(failed("the receiver redirected the message elsewhere; refused".into(), false));
        }
        Err(net::Failure::TooLarge { .. }) => {
            return Err(failed("the receiver's answer is larger than 1 MiB; not read".into(), false));
        }
    };
    let status = answer.status;
    if status.is_success() {
        return Ok(());
    }
    let said: String = crate::sanitize::terminal(&redact(&answer.text(), secrets)).chars().take(200).collect();
    let why = format!("HTTP {}{}", status.as_u16(), if said.is_empty() { String::new() } else { format!(": {said}") });
    let why = after(why, answer.attempts);
    if matches!(status.as_u16(), 404 | 410) {
        let why =
            format!("{why}: the receiver says this channel no longer exists; fix its url, later runs will not retry");
        return Err(failed(why, true));
    }
    Err(failed(why, false))
}

/// `why`, with the attempts when there were several.
fn after(why: String, attempts: u32) -> String {
    if attempts > 1 { format!("{why} (after {attempts} attempts)") } else { why }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_waits_are_bounded_and_never_panic() {
        for s in [1e20, 1e300, f64::MAX] {
            assert_eq!(bounded_wait(s), Some(MAX_WAIT));
        }
        assert_eq!(bounded_wait(f64::INFINITY), None);
        assert_eq!(bounded_wait(-1.0), None);
        assert_eq!(bounded_wait(f64::NAN), None);
        assert_eq!(bounded_wait(1.5), Some(Duration::from_millis(1500)));
    }

    #[test]
    fn an_echoed_url_is_cut_out() {
        let url = "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX";
        let echoed = format!(
            "bad request to {url} (path /services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX, token XXXXXXXXXXXXXXXXXXXXXXXX)"
        );
        let said = redact(&echoed, &[url]);
        assert!(!said.contains("XXXXXXXXXXXX") && !said.contains("/services/T0000"), "{said}");
    }
}
