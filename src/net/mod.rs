//! The one HTTP path. Billing APIs, token endpoints, alert receivers and public data files are
//! all sent through [`send`]: one client per process (no redirect ever followed: a credential
//! would go to whoever it names), retries of 429 and 5xx with `Retry-After` honoured (seconds or
//! an HTTP date, and each API's own throttling headers) up to a bounded wait, jittered
//! exponential backoff otherwise, a silent server retried once, and every body read under a cap.

mod retry_after;

use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::{Client, StatusCode};

pub(crate) use retry_after::limit_reset;
pub use retry_after::retry_after;

/// How often and how long to try again.
#[derive(Clone, Debug)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// First backoff; doubles on each retry.
    pub base_delay: Duration,
    /// No single wait is longer than this, whatever Retry-After asks.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_attempts: 4, base_delay: Duration::from_millis(500), max_delay: Duration::from_secs(30) }
    }
}

impl RetryPolicy {
    /// The same waits, with at most `attempts` attempts.
    pub(crate) fn with_attempts(&self, attempts: u32) -> RetryPolicy {
        RetryPolicy { max_attempts: attempts.max(1), ..self.clone() }
    }

    /// The wait before attempt `attempt + 1`: what the server asked (bounded), else exponential
    /// from `base_delay` with jitter (half fixed, half random), so clients that failed together
    /// do not come back together.
    pub(crate) fn backoff(&self, attempt: u32, asked: Option<Duration>) -> Duration {
        if let Some(asked) = asked {
            return asked.min(self.max_delay);
        }
        let exponential = self.base_delay.saturating_mul(1 << attempt.saturating_sub(1).min(10)).min(self.max_delay);
        let half = exponential / 2;
        half + half.mul_f64(jitter())
    }
}

/// A number in [0, 1) from the clock's nanoseconds: enough to spread retries, no RNG needed.
fn jitter() -> f64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    f64::from(nanos % 1_000_000) / 1_000_000.0
}

/// Throttled or a server error: worth another attempt.
pub(crate) fn retryable(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

/// The process's client: one connection pool, bounded timeouts, a recognisable user agent,
/// redirects never followed.
pub fn build_client(timeout: Duration) -> crate::error::Result<Client> {
    // rustls on ring (see Cargo.toml); installing twice is harmless, so the error is ignored.
    let _ = rustls::crypto::ring::default_provider().install_default();
    Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .user_agent(concat!("llmcost/", env!("CARGO_PKG_VERSION")))
        // Never follow a redirect: credential headers would go to whoever it names.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| {
            crate::error::Error::Runtime(format!("cannot set up HTTPS ({e}): check the system's certificate store"))
        })
}

/// An answer, read whole.
#[derive(Debug)]
pub(crate) struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The URL asked (its query included: credentials never travel in it).
    pub url: reqwest::Url,
    pub body: Vec<u8>,
    /// Attempts made, this one included.
    pub attempts: u32,
}

impl Answer {
    /// The body as text (invalid UTF-8 replaced).
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The wait the server asked for, if any.
    pub(crate) fn retry_after(&self) -> Option<Duration> {
        retry_after(&self.headers, chrono::Utc::now())
    }
}

/// Why no answer came back.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Could not connect, or no answer in time (`error.is_timeout()`).
    Transport { error: reqwest::Error, attempts: u32 },
    /// The answer broke off, or stalled, while its body was read.
    Body { error: reqwest::Error, attempts: u32 },
    /// A redirect: never followed. `location` is where it pointed (as sent; callers show its
    /// scheme, host and path only).
    Redirect { status: StatusCode, location: String },
    /// The body is larger than the cap: `size` bytes were seen before reading stopped.
    TooLarge { size: usize },
}

impl Failure {
    /// Why no answer came, in the words every caller uses, when the network is the reason:
    /// `timed out`, `cannot connect`, `the answer broke off`; `None` for a redirect or a body
    /// over the cap, which each caller words its own way.
    pub(crate) fn network_reason(&self) -> Option<&'static str> {
        match self {
            Failure::Transport { error, .. } if error.is_timeout() => Some("timed out"),
            Failure::Transport { .. } => Some("cannot connect"),
            Failure::Body { .. } => Some("the answer broke off"),
            Failure::Redirect { .. } | Failure::TooLarge { .. } => None,
        }
    }
}

/// What a caller makes of an answer.
pub(crate) enum Verdict {
    /// This is the answer (success or a final error).
    Done,
    /// Try again, after the wait the server asked for if any; on the last attempt the answer
    /// is returned as it is.
    Retry(Option<Duration>),
}

/// The usual verdict: 429 and 5xx are tried again, after the wait the server asked for.
pub(crate) fn retry_throttled(answer: &Answer) -> Verdict {
    if retryable(answer.status) { Verdict::Retry(answer.retry_after()) } else { Verdict::Done }
}

/// Sends the request `build` makes (a new one per attempt, so a signature carries a fresh time)
/// until `judge` accepts the answer or the attempts run out. A timeout or a stalled body is
/// retried once only (each costs a whole timeout); other transport errors as often as the
/// policy allows. `label` starts each log line (`openai/edugami: GET`; never a secret).
pub(crate) async fn send(
    client: &Client,
    policy: &RetryPolicy,
    cap: usize,
    label: &str,
    mut build: impl FnMut() -> reqwest::Result<reqwest::Request>,
    mut judge: impl FnMut(&Answer) -> Verdict,
) -> Result<Answer, Failure> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let last = attempt >= policy.max_attempts;
        let started = std::time::Instant::now();
        let sent = match build() {
            Ok(request) => client.execute(request).await,
            Err(e) => Err(e),
        };
        let mut response = match sent {
            Ok(r) => r,
            Err(error) => {
                if last || (error.is_timeout() && attempt >= 2) || error.is_builder() {
                    return Err(Failure::Transport { error, attempts: attempt });
                }
                tokio::time::sleep(policy.backoff(attempt, None)).await;
                continue;
            }
        };
        let status = response.status();
        tracing::debug!(
            "{label} {} -> {} in {} ms (attempt {attempt})",
            response.url(),
            status.as_u16(),
            started.elapsed().as_millis()
        );
        if status.is_redirection() {
            let location = response.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok());
            return Err(Failure::Redirect { status, location: location.unwrap_or("").to_string() });
        }
        let (headers, url) = (response.headers().clone(), response.url().clone());
        let body = match read_capped(&mut response, cap).await {
            Ok(Ok(body)) => body,
            Ok(Err(size)) => return Err(Failure::TooLarge { size }),
            Err(error) if !(last || error.is_timeout() && attempt >= 2) => {
                tokio::time::sleep(policy.backoff(attempt, None)).await;
                continue;
            }
            Err(error) => return Err(Failure::Body { error, attempts: attempt }),
        };
        let answer = Answer { status, headers, url, body, attempts: attempt };
        match judge(&answer) {
            Verdict::Retry(asked) if !last => {
                let wait = policy.backoff(attempt, asked);
                tracing::info!("{label} {} answered {}; retrying in {wait:?}", answer.url.path(), status.as_u16());
                tokio::time::sleep(wait).await;
            }
            _ => return Ok(answer),
        }
    }
}

/// The body, or `Err(size)` as soon as it would pass `cap` decoded bytes: gzip is decoded as it
/// streams, so a compression bomb stops at the cap instead of filling memory.
pub(crate) async fn read_capped(
    response: &mut reqwest::Response,
    cap: usize,
) -> Result<Result<Vec<u8>, usize>, reqwest::Error> {
    let mut body: Vec<u8> = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > cap {
            return Ok(Err(body.len() + chunk.len()));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Ok(body))
}

/// `host[:port]` of `url`, for errors.
pub(crate) fn host_of(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(|h| u.port().map_or_else(|| h.to_string(), |p| format!("{h}:{p}"))))
        .unwrap_or_default()
}

/// Where a redirect pointed, without any query string or user info it carried.
pub(crate) fn shown_location(location: &str) -> String {
    reqwest::Url::parse(location).map_or_else(
        |_| location.split('?').next().unwrap_or("").chars().take(200).collect(),
        |u| {
            let port = u.port().map(|p| format!(":{p}")).unwrap_or_default();
            format!("{}://{}{port}{}", u.scheme(), u.host_str().unwrap_or(""), u.path())
        },
    )
}

/// A base URL a user configured (a workspace's, an observed source's, an OTLP endpoint): http
/// or https only, so a key never goes to a `file:` or other scheme.
pub(crate) fn validate_base_url(url: &str) -> std::result::Result<(), String> {
    if url.starts_with("http://") || url.starts_with("https://") {
        Ok(())
    } else {
        Err(format!("'{url}' is not an http(s) URL"))
    }
}

/// The `key=value` pairs of a URL query string, percent-decoded (`by=model&month=` is
/// `[("by", "model"), ("month", "")]`), as a server reads them.
pub(crate) fn query_pairs(query: &str) -> std::result::Result<Vec<(String, String)>, String> {
    let url = reqwest::Url::parse(&format!("http://x/?{query}")).map_err(|e| e.to_string())?;
    Ok(url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_honours_the_server_up_to_the_cap() {
        let p =
            RetryPolicy { max_attempts: 4, base_delay: Duration::from_millis(400), max_delay: Duration::from_secs(2) };
        for attempt in 1..=6 {
            let full = Duration::from_millis(400).saturating_mul(1 << (attempt - 1)).min(Duration::from_secs(2));
            let wait = p.backoff(attempt, None);
            assert!(wait >= full / 2 && wait <= full, "attempt {attempt}: {wait:?} within [{:?}, {full:?}]", full / 2);
        }
        assert_eq!(p.backoff(1, Some(Duration::from_secs(1))), Duration::from_secs(1));
        assert_eq!(p.backoff(1, Some(Duration::from_secs(3600))), Duration::from_secs(2), "bounded");
    }
}
