//! The shared HTTP layer: timeouts, retries with Retry-After, and errors that say what to do.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER};
use reqwest::{Client, StatusCode};
use serde::de::DeserializeOwned;

use super::record::Recorder;
use crate::domain::Account;
use crate::secrets::Secret;

/// How hard to retry rate limits, server errors and dropped connections.
#[derive(Clone, Copy, Debug)]
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

pub use super::failure::{FailureKind, ProviderError};

/// More pages than this for one request means the cursor is going round in circles.
const MAX_PAGES: usize = 1000;

/// Signs a request just before it is sent (each attempt anew, so with a fresh time): the
/// headers to add. For providers that sign rather than send a key (AWS SigV4).
pub type Signer = std::sync::Arc<dyn Fn(&reqwest::Request) -> Vec<(&'static str, String)> + Send + Sync>;

/// How a provider's own error bodies read, when its status codes do not say enough (AWS throttles
/// with HTTP 400 and a `__type`).
pub type ErrorReader = fn(status: u16, body: &str) -> Option<ReadError>;

/// What an `ErrorReader` made of an error response.
#[derive(Debug, Clone)]
pub struct ReadError {
    pub kind: FailureKind,
    /// Worth trying again after a backoff (throttling).
    pub retry: bool,
    pub message: String,
}

/// Largest decoded response body llmcost reads; a bigger one (or a gzip bomb) fails the account.
pub const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// Where a page says the list goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextPage {
    Last,
    Cursor(String),
    /// `has_more: true` without a cursor: the list is incomplete, and guessing would lose days.
    MissingCursor,
}

impl NextPage {
    pub fn from_parts(has_more: bool, cursor: Option<String>) -> NextPage {
        match (has_more, cursor.filter(|c| !c.is_empty())) {
            (false, _) => NextPage::Last,
            (true, Some(c)) => NextPage::Cursor(c),
            (true, None) => NextPage::MissingCursor,
        }
    }
}

/// A page of a cursor-paginated list.
pub trait CursorPage: DeserializeOwned {
    /// Where the list goes on after this page.
    fn next_page(&self) -> NextPage;
}

/// One account's connection: base URL, auth headers, timeout and retry policy.
#[derive(Clone)]
pub struct Http {
    client: Client,
    base_url: String,
    account: Account,
    auth: HeaderMap,
    retry: RetryPolicy,
    key_kind: &'static str,
    /// The secrets themselves, only to mask them in messages that echo them back.
    secrets: Vec<String>,
    recorder: Option<Recorder>,
    signer: Option<Signer>,
    error_reader: Option<ErrorReader>,
    /// Requests sent (attempts included): some APIs bill each one.
    sent: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Http {
    /// `auth` headers are marked sensitive so they never show in debug output.
    pub fn new(
        client: Client,
        base_url: &str,
        account: Account,
        mut auth: HeaderMap,
        retry: RetryPolicy,
        key_kind: &'static str,
    ) -> Self {
        for value in auth.values_mut() {
            value.set_sensitive(true);
        }
        Http {
            client,
            base_url: base_url.trim_end_matches('/').to_string(),
            account,
            auth,
            retry,
            key_kind,
            secrets: Vec::new(),
            recorder: None,
            signer: None,
            error_reader: None,
            sent: Default::default(),
        }
    }

    /// Requests sent so far, retries included.
    pub fn requests_sent(&self) -> u64 {
        self.sent.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Signs every request with `signer` (see [`Signer`]).
    pub fn signing(mut self, signer: Option<Signer>) -> Self {
        self.signer = signer;
        self
    }

    /// Reads error bodies with the provider's own rules first.
    pub fn reading_errors(mut self, reader: Option<ErrorReader>) -> Self {
        self.error_reader = reader;
        self
    }

    /// Masks `secrets` wherever a provider or proxy echoes them back in an error body.
    pub fn masking<'a>(mut self, secrets: impl IntoIterator<Item = &'a Secret>) -> Self {
        self.secrets.extend(secrets.into_iter().map(|k| k.expose().to_string()).filter(|k| k.len() >= 4));
        self
    }

    /// Writes every response body to `recorder` (`--record DIR`).
    pub fn recording(mut self, recorder: Option<Recorder>) -> Self {
        self.recorder = recorder;
        self
    }

    fn mask(&self, mut text: String) -> String {
        for key in &self.secrets {
            if text.contains(key.as_str()) {
                text = text.replace(key.as_str(), &Secret::new(key.clone()).hint());
            }
        }
        text
    }

    /// The shared connection pool, for an auth exchange on another origin (Entra ID's token).
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// An error for this account and `path`. A response llmcost cannot read suggests `--record`,
    /// so the user can attach the payload to a bug report.
    pub fn fail(&self, path: &str, kind: FailureKind, message: impl Into<String>) -> ProviderError {
        let mut message = self.mask(message.into());
        if kind == FailureKind::Malformed {
            message.push_str("; run again with --record DIR to save the responses for a bug report");
        }
        // `path` may already name its method (`POST /v1/...`) or be no endpoint at all (`(billing data)`).
        let endpoint = if path.starts_with('/') { format!("GET {path}") } else { path.to_string() };
        ProviderError { account: self.account.to_string(), endpoint, kind, message }
    }

    /// GETs `path` with `query`, retrying what is worth retrying, and decodes the JSON body.
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ProviderError> {
        let body = self.get_text(path, query).await?;
        serde_json::from_str(&body).map_err(|e| {
            let shown: String = body.chars().take(120).collect();
            self.fail(path, FailureKind::Malformed, format!("unexpected response ({e}); body starts: {shown:?}"))
        })
    }

    /// Reads a body up to [`MAX_BODY_BYTES`] decoded bytes, chunk by chunk (gzip is decoded as it
    /// streams, so a compression bomb stops at the cap instead of filling memory).
    async fn read_body(response: &mut reqwest::Response) -> Result<Result<String, usize>, reqwest::Error> {
        let mut body: Vec<u8> = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Ok(Err(body.len() + chunk.len()));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Ok(String::from_utf8_lossy(&body).into_owned()))
    }

    /// POSTs a JSON `body` to `path` (read-only query APIs that take their question as a body,
    /// such as xAI's usage analytics), with the same retries, and decodes the JSON answer.
    pub async fn post_json<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<T, ProviderError> {
        self.post_json_with(path, body, &[]).await
    }

    /// Like [`Http::post_json`], with extra request headers (an API's operation header).
    pub async fn post_json_with<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &serde_json::Value,
        headers: &[(&'static str, &str)],
    ) -> Result<T, ProviderError> {
        let text = self.send_text(path, &[], Some((body, headers))).await?;
        // An empty answer (HTTP 204) reads as `null`: an `Option` target gets `None`.
        let text = if text.trim().is_empty() { "null".to_string() } else { text };
        serde_json::from_str(&text).map_err(|e| {
            let shown: String = text.chars().take(120).collect();
            self.fail(
                &format!("POST {path}"),
                FailureKind::Malformed,
                format!("unexpected response ({e}); body starts: {shown:?}"),
            )
        })
    }

    async fn get_text(&self, path: &str, query: &[(&str, String)]) -> Result<String, ProviderError> {
        self.send_text(path, query, None).await
    }

    /// One request as this provider sends it: its auth headers and query, a JSON body with its
    /// extra headers for a POST, and a signature when the provider signs requests.
    async fn execute(
        &self,
        url: &str,
        query: &[(&str, String)],
        body: Option<(&serde_json::Value, &[(&'static str, &str)])>,
    ) -> reqwest::Result<reqwest::Response> {
        let mut request = match body {
            Some((b, extra)) => {
                let mut r = self.client.post(url).json(b);
                for (name, value) in extra {
                    let (n, v) = header(name, value);
                    r = r.header(n, v);
                }
                r
            }
            None => self.client.get(url),
        };
        request = request.headers(self.auth.clone()).query(query);
        self.sent.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        match (request.build(), &self.signer) {
            (Ok(mut built), Some(sign)) => {
                for (name, value) in sign(&built) {
                    let (n, v) = header(name, &value);
                    built.headers_mut().insert(n, v);
                }
                self.client.execute(built).await
            }
            (Ok(built), None) => self.client.execute(built).await,
            (Err(e), _) => Err(e),
        }
    }

    /// What an error answer means: `Ok` to try again (throttled, a server error, or what the
    /// provider's own error reader calls retryable, while attempts remain), else the failure.
    fn after_error(
        &self,
        label: &str,
        status: StatusCode,
        text: &str,
        attempt: u32,
        last: bool,
    ) -> Result<(), ProviderError> {
        if let Some(read) = self.error_reader.and_then(|r| r(status.as_u16(), text)) {
            if read.retry && !last {
                return Ok(());
            }
            let message =
                if read.retry { format!("{} (after {attempt} attempts)", read.message) } else { read.message };
            return Err(self.fail(label, read.kind, message));
        }
        let retryable = status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
        if retryable && !last {
            return Ok(());
        }
        Err(self.status_error(label, status, text, attempt))
    }

    /// A body over the cap: refused, never read whole.
    fn too_large(&self, path: &str, size: usize) -> ProviderError {
        self.fail(
            path,
            FailureKind::Malformed,
            format!(
                "the response is larger than {} MiB (more than {size} bytes once decoded); refusing to read it",
                MAX_BODY_BYTES / (1024 * 1024)
            ),
        )
    }

    async fn send_text(
        &self,
        path: &str,
        query: &[(&str, String)],
        body: Option<(&serde_json::Value, &[(&'static str, &str)])>,
    ) -> Result<String, ProviderError> {
        let url = format!("{}{}", self.base_url, path);
        let method = if body.is_some() { "POST" } else { "GET" };
        let label = if body.is_some() { format!("POST {path}") } else { path.to_string() };
        let mut attempt = 0;
        loop {
            attempt += 1;
            let last = attempt >= self.retry.max_attempts;
            let started = std::time::Instant::now();
            let mut response = match self.execute(&url, query, body).await {
                Ok(r) => r,
                Err(e) => {
                    let (kind, what) = if e.is_timeout() {
                        (FailureKind::Timeout, "timed out".to_string())
                    } else {
                        (FailureKind::Unreachable, format!("cannot reach {}: {}", self.base_url, root_cause(&e)))
                    };
                    // A server that never answers costs one timeout per attempt: retry it only once.
                    if last || (kind == FailureKind::Timeout && attempt >= 2) {
                        return Err(self.fail(&label, kind, format!("{what} (after {attempt} attempts)")));
                    }
                    tokio::time::sleep(self.backoff(attempt, None)).await;
                    continue;
                }
            };
            let status = response.status();
            // The URL carries the query only: keys travel in (sensitive) headers.
            tracing::debug!(
                "{}: {method} {} -> {} in {} ms (attempt {attempt})",
                self.account,
                response.url(),
                status.as_u16(),
                started.elapsed().as_millis()
            );
            if status.is_redirection() {
                return Err(self.redirect_error(&label, &response));
            }
            let retry_after = retry_after(response.headers(), Utc::now());
            let query_sent = response.url().query().unwrap_or("").to_string();
            let text = match Self::read_body(&mut response).await {
                Ok(Ok(t)) => t,
                Ok(Err(size)) => return Err(self.too_large(path, size)),
                // A body that stalls costs a timeout per attempt: like a silent server, retry it once.
                Err(e) if !(last || e.is_timeout() && attempt >= 2) => {
                    tokio::time::sleep(self.backoff(attempt, None)).await;
                    continue;
                }
                Err(e) => {
                    let what = if e.is_timeout() { "timed out reading the response" } else { "connection dropped" };
                    return Err(self.fail(
                        path,
                        if e.is_timeout() { FailureKind::Timeout } else { FailureKind::Unreachable },
                        format!("{what}: {} (after {attempt} attempts)", root_cause(&e)),
                    ));
                }
            };
            if let Some(recorder) = &self.recorder {
                recorder.save(
                    &self.account.to_string(),
                    self.account.provider.id(),
                    method,
                    path,
                    &query_sent,
                    status.as_u16(),
                    &text,
                );
            }
            if status.is_success() {
                return Ok(text);
            }
            match self.after_error(&label, status, &text, attempt, last) {
                Ok(()) => {
                    let wait = self.backoff(attempt, retry_after);
                    tracing::info!("{}: {path} answered {}; retrying in {wait:?}", self.account, status.as_u16());
                    tokio::time::sleep(wait).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// GETs every page of a cursor-paginated list: the same query plus `cursor_param` set to the
    /// previous page's cursor, until there is none. A cursor seen twice is an error, not a loop.
    pub async fn pages<P: CursorPage>(
        &self,
        path: &str,
        query: &[(&str, String)],
        cursor_param: &str,
    ) -> Result<Vec<P>, ProviderError> {
        let mut pages = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut cursor: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut q = query.to_vec();
            if let Some(c) = &cursor {
                q.push((cursor_param, c.clone()));
            }
            let page: P = self.get_json(path, &q).await?;
            let next = page.next_page();
            pages.push(page);
            match next {
                NextPage::Last => return Ok(pages),
                NextPage::MissingCursor => {
                    return Err(self.fail(
                        path,
                        FailureKind::Malformed,
                        "a page says has_more: true but gives no cursor for the next page, so the list is incomplete",
                    ));
                }
                NextPage::Cursor(next) if !seen.insert(next.clone()) => {
                    return Err(self.fail(
                        path,
                        FailureKind::Malformed,
                        format!("the pagination cursor {next:?} repeated"),
                    ));
                }
                NextPage::Cursor(next) => cursor = Some(next),
            }
        }
        Err(self.fail(path, FailureKind::Malformed, format!("more than {MAX_PAGES} pages")))
    }

    fn backoff(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let exponential = self.retry.base_delay.saturating_mul(1 << (attempt - 1).min(10));
        retry_after.unwrap_or(exponential).min(self.retry.max_delay)
    }

    /// Billing APIs do not redirect: a redirect is a proxy or a wrong base URL, and following it
    /// would send the key to whoever answers. Refused for every provider and auth scheme.
    fn redirect_error(&self, path: &str, response: &reqwest::Response) -> ProviderError {
        let location = response.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("");
        // Name where it pointed, without any query string or user info it carried.
        let shown = reqwest::Url::parse(location).map_or_else(
            |_| location.split('?').next().unwrap_or("").chars().take(200).collect(),
            |u| {
                let port = u.port().map(|p| format!(":{p}")).unwrap_or_default();
                format!("{}://{}{port}{}", u.scheme(), u.host_str().unwrap_or(""), u.path())
            },
        );
        self.fail(
            path,
            FailureKind::Rejected(response.status().as_u16()),
            format!(
                "the server answered HTTP {} redirecting to {shown:?}; llmcost never follows redirects (the key \
                 would go with it): check the base URL",
                response.status().as_u16()
            ),
        )
    }

    fn status_error(&self, path: &str, status: StatusCode, body: &str, attempts: u32) -> ProviderError {
        let said = provider_message(body);
        let said = if said.is_empty() { String::new() } else { format!(" (the provider said: {said})") };
        let code = status.as_u16();
        let (kind, message) = match code {
            401 => (
                FailureKind::InvalidKey,
                format!("invalid key{said}: {} is needed; check it with 'llmcost providers test'", self.key_kind),
            ),
            403 => (FailureKind::NotAdmin, format!("not an admin key{said}: {} is needed", self.key_kind)),
            429 => (FailureKind::RateLimited, format!("rate limited after {attempts} attempts{said}; try again later")),
            500..=599 => (FailureKind::Server(code), format!("server error {code} after {attempts} attempts{said}")),
            _ => (FailureKind::Rejected(code), format!("request rejected with HTTP {code}{said}")),
        };
        self.fail(path, kind, message)
    }
}

/// The `error.message` of an OpenAI- or Anthropic-style error body, if there is one.
fn provider_message(body: &str) -> String {
    let parsed: Option<serde_json::Value> = serde_json::from_str(body).ok();
    let message = parsed
        .as_ref()
        .and_then(|v| v.get("error"))
        .and_then(|e| e.get("message").or(Some(e)))
        .and_then(|m| m.as_str())
        .or_else(|| parsed.as_ref().and_then(|v| v.get("Message").or(v.get("message"))).and_then(|m| m.as_str()))
        .unwrap_or("");
    message.chars().take(200).collect()
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

/// How long to wait: the longest of `Retry-After` (seconds or an HTTP date) and an API's own
/// `...-retry-after` seconds headers (Azure Cost Management's `x-ms-ratelimit-microsoft.
/// costmanagement-{qpu,entity,tenant,client}-retry-after`).
pub fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let own = headers
        .iter()
        .filter(|(name, _)| name.as_str().starts_with("x-ms-ratelimit") && name.as_str().ends_with("-retry-after"))
        .filter_map(|(_, v)| v.to_str().ok()?.trim().parse::<u64>().ok())
        .max()
        .map(Duration::from_secs);
    let standard = standard_retry_after(headers, now);
    standard.max(own)
}

fn standard_retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    // Some servers write fractions or exponents (`1.5`, `1e20`): bounded to a day before it
    // becomes a Duration, which would panic on overflow. Callers cap the wait further.
    if let Ok(secs) = value.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let at = DateTime::parse_from_rfc2822(value).ok()?.with_timezone(&Utc);
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

/// The shared client: one connection pool, bounded timeouts, a recognisable user agent.
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

pub fn header(name: &'static str, value: &str) -> (reqwest::header::HeaderName, HeaderValue) {
    let mut v = HeaderValue::from_str(value).unwrap_or_else(|_| HeaderValue::from_static("invalid"));
    v.set_sensitive(true);
    (reqwest::header::HeaderName::from_static(name), v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = DateTime::parse_from_rfc3339("2015-10-21T07:28:00Z").unwrap().with_timezone(&Utc);
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(7)));
        h.insert(RETRY_AFTER, HeaderValue::from_static("Wed, 21 Oct 2015 07:28:05 GMT"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(5)));
        h.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h, now), None);
        h.insert(RETRY_AFTER, HeaderValue::from_static("1e20"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(86_400)));
        h.insert(RETRY_AFTER, HeaderValue::from_static("1.5"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_millis(1500)));
        h.insert(RETRY_AFTER, HeaderValue::from_static("-3"));
        assert_eq!(retry_after(&h, now), None);
    }

    #[test]
    fn the_longest_of_azures_throttling_headers_wins() {
        let now = Utc::now();
        let mut h = HeaderMap::new();
        h.insert("x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after", HeaderValue::from_static("4"));
        h.insert("x-ms-ratelimit-microsoft.costmanagement-tenant-retry-after", HeaderValue::from_static("11"));
        h.insert("x-ms-ratelimit-microsoft.costmanagement-qpu-remaining", HeaderValue::from_static("QueriesPerHour:0"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(11)));
        h.insert(RETRY_AFTER, HeaderValue::from_static("20"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(20)));
    }

    #[test]
    fn error_bodies_are_summarised() {
        assert_eq!(
            provider_message(r#"{"error":{"message":"Incorrect API key provided","type":"x"}}"#),
            "Incorrect API key provided"
        );
        assert_eq!(provider_message("<html>502</html>"), "");
    }
}
