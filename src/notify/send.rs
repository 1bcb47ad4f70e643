//! Delivering one message: POST JSON, 429 waits `Retry-After` (Discord: `retry_after` in the
//! body) up to 60 s, 429 and 5xx are tried again twice, other 4xx are final. Errors never show
//! the URL (it is a credential) or a secret.

use std::time::Duration;

use reqwest::Client;

const MAX_RETRIES: u32 = 2;
const MAX_WAIT: Duration = Duration::from_secs(60);

/// POSTs `body` with `headers`; `Err` says why, without the URL.
pub(super) async fn post(
    client: &Client,
    url: &str,
    body: &[u8],
    headers: &[(&'static str, String)],
    base_delay: Duration,
) -> Result<(), String> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut request = client.post(url).header("content-type", "application/json").body(body.to_vec());
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let (retry, why, wait) = match request.send().await {
            Err(e) => {
                let what = if e.is_timeout() {
                    "timed out"
                } else if e.is_connect() {
                    "cannot connect"
                } else {
                    "request failed"
                };
                (true, what.to_string(), None)
            }
            Ok(response) => {
                let status = response.status();
                if status.is_success() {
                    return Ok(());
                }
                let header_wait = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<f64>().ok());
                let text = response.text().await.unwrap_or_default();
                // Discord says how long in the body, in seconds (a float).
                let body_wait = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v.get("retry_after").and_then(serde_json::Value::as_f64));
                let said: String = crate::output::sanitize::terminal(&text).chars().take(200).collect();
                let why = format!(
                    "HTTP {}{}",
                    status.as_u16(),
                    if said.is_empty() { String::new() } else { format!(": {said}") }
                );
                let retry = status.as_u16() == 429 || status.is_server_error();
                let wait =
                    header_wait.or(body_wait).filter(|s| s.is_finite() && *s >= 0.0).map(Duration::from_secs_f64);
                (retry, why, wait)
            }
        };
        if !retry || attempt > MAX_RETRIES {
            return Err(if attempt > 1 { format!("{why} (after {attempt} attempts)") } else { why });
        }
        let backoff = wait.unwrap_or(base_delay * attempt).min(MAX_WAIT);
        tokio::time::sleep(backoff).await;
    }
}
