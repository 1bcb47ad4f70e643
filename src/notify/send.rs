//! Delivering one message: POST JSON, 429 waits `Retry-After` (seconds or an HTTP date; Discord:
//! `retry_after` in the body) up to 60 s, 429 and 5xx are tried again twice, other 4xx are final,
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

/// POSTs `body` with `headers`; `Err` says why, without the URL or any of `secrets`.
pub(super) async fn post(
    client: &Client,
    url: &str,
    body: &[u8],
    headers: &[(&'static str, String)],
    policy: &crate::providers::http::RetryPolicy,
    secrets: &[&str],
) -> Result<(), Failure> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut request = client.post(url).header("content-type", "application/json").body(body.to_vec());
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let (retry, why, wait, gone) = match request.send().await {
            Err(e) => {
                let what = if e.is_timeout() {
                    "timed out"
                } else if e.is_connect() {
                    "cannot connect"
                } else if e.is_redirect() {
                    "the receiver redirected the message elsewhere; refused"
                } else {
                    "request failed"
                };
                (!e.is_redirect(), what.to_string(), None, false)
            }
            Ok(response) => {
                let status = response.status();
                if status.is_success() {
                    return Ok(());
                }
                let header_wait = crate::providers::http::retry_after(response.headers(), chrono::Utc::now());
                let text = read_capped(response).await;
                // Discord says how long in the body, in seconds (a float).
                let body_wait = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v.get("retry_after").and_then(serde_json::Value::as_f64))
                    .and_then(bounded_wait);
                let said: String = crate::sanitize::terminal(&redact(&text, secrets)).chars().take(200).collect();
                let why = format!(
                    "HTTP {}{}",
                    status.as_u16(),
                    if said.is_empty() { String::new() } else { format!(": {said}") }
                );
                let retry = status.as_u16() == 429 || status.is_server_error();
                let gone = matches!(status.as_u16(), 404 | 410);
                (retry, why, header_wait.or(body_wait), gone)
            }
        };
        if !retry || attempt > MAX_RETRIES {
            let why = if attempt > 1 { format!("{why} (after {attempt} attempts)") } else { why };
            let why = if gone {
                format!(
                    "{why}: the receiver says this channel no longer exists; fix its url, later runs will not retry"
                )
            } else {
                why
            };
            return Err(Failure { why, gone });
        }
        let backoff = wait.unwrap_or(policy.base_delay * attempt).min(MAX_WAIT).min(policy.max_delay);
        tokio::time::sleep(backoff).await;
    }
}

/// At most 64 KiB of an error body: enough to say why, never a flood held in memory.
async fn read_capped(mut response: reqwest::Response) -> String {
    let mut body = Vec::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        body.extend_from_slice(&chunk);
        if body.len() >= 64 << 10 {
            break;
        }
    }
    String::from_utf8_lossy(&body).into_owned()
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
