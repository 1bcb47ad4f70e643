//! A provider's side of the one HTTP path (`crate::net`): its base URL, auth headers and
//! signature, pagination, and errors that say what to do.

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Client, StatusCode};
use serde::de::DeserializeOwned;

use super::record::Recorder;
use crate::domain::Account;
use crate::secrets::Secret;

pub use crate::net::RetryPolicy;

pub use super::failure::{FailureKind, ProviderError};

/// More pages than this for one request means the cursor is going round in circles.
const MAX_PAGES: usize = 1000;

/// Signs a request just before it is sent (each attempt anew, so with a fresh time): the
/// headers to add. For providers that sign rather than send a key (AWS SigV4).
pub type Signer = std::sync::Arc<dyn Fn(&reqwest::Request) -> Vec<(&'static str, String)> + Send + Sync>;

/// How a provider's own error answers read, when status codes do not say enough (AWS throttles
/// with HTTP 400 and a `__type`; GitHub with 403 and its `x-ratelimit-*` headers).
pub type ErrorReader = fn(status: u16, headers: &reqwest::header::HeaderMap, body: &str) -> Option<ReadError>;

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

/// A write's method, JSON body and extra headers.
type WriteBody<'a> = (reqwest::Method, &'a serde_json::Value, &'a [(&'static str, &'a str)]);

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

    /// The retry policy its requests follow (a login's token request follows it too).
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The account this connection reads.
    pub fn account(&self) -> &Account {
        &self.account
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

    /// GETs `path` with `query` and extra request headers (a beta flag), and decodes the JSON.
    pub async fn get_json_with<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        headers: &[(&'static str, &str)],
    ) -> Result<T, ProviderError> {
        let body = self.send_text(path, query, Some((reqwest::Method::GET, &serde_json::Value::Null, headers))).await?;
        serde_json::from_str(&body).map_err(|e| {
            let shown: String = body.chars().take(120).collect();
            self.fail(path, FailureKind::Malformed, format!("unexpected response ({e}); body starts: {shown:?}"))
        })
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
        self.send_json(reqwest::Method::POST, path, body, headers).await
    }

    /// Sends a JSON `body` to `path` with `method` (POST, PATCH, PUT: the levers that change a
    /// provider's settings), with the same retries (every write llmcost sends sets a value, so
    /// sending it twice does no more than once), and decodes the JSON answer.
    pub async fn send_json<T: DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &serde_json::Value,
        headers: &[(&'static str, &str)],
    ) -> Result<T, ProviderError> {
        let label = format!("{method} {path}");
        let text = self.send_text(path, &[], Some((method, body, headers))).await?;
        // An empty answer (HTTP 204) reads as `null`: an `Option` target gets `None`.
        let text = if text.trim().is_empty() { "null".to_string() } else { text };
        serde_json::from_str(&text).map_err(|e| {
            let shown: String = text.chars().take(120).collect();
            self.fail(&label, FailureKind::Malformed, format!("unexpected response ({e}); body starts: {shown:?}"))
        })
    }

    async fn get_text(&self, path: &str, query: &[(&str, String)]) -> Result<String, ProviderError> {
        self.send_text(path, query, None).await
    }

    /// One request as this provider sends it: its auth headers and query, a JSON body with its
    /// extra headers for a POST, and a signature when the provider signs requests (made anew for
    /// each attempt, so the signature's time is fresh).
    fn request(
        &self,
        url: &str,
        query: &[(&str, String)],
        body: Option<WriteBody<'_>>,
    ) -> reqwest::Result<reqwest::Request> {
        let mut request = match body {
            Some((method, b, extra)) => {
                // A GET with extra headers carries no body, nor does a DELETE without one.
                let mut r = if method == reqwest::Method::GET {
                    self.client.get(url)
                } else if b.is_null() {
                    self.client.request(method, url)
                } else {
                    self.client.request(method, url).json(b)
                };
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
        let mut built = request.build()?;
        if let Some(sign) = &self.signer {
            for (name, value) in sign(&built) {
                let (n, v) = header(name, &value);
                built.headers_mut().insert(n, v);
            }
        }
        Ok(built)
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
        body: Option<WriteBody<'_>>,
    ) -> Result<String, ProviderError> {
        let url = format!("{}{}", self.base_url, path);
        let method = body.as_ref().map_or("GET", |(m, _, _)| m.as_str()).to_string();
        let label = if body.is_some() { format!("{method} {path}") } else { path.to_string() };
        let log = format!("{}: {method}", self.account);
        let judge = |answer: &crate::net::Answer| {
            if answer.status.is_success() {
                return crate::net::Verdict::Done;
            }
            let retry = match self.error_reader.and_then(|r| r(answer.status.as_u16(), &answer.headers, &answer.text()))
            {
                Some(read) => read.retry,
                None => crate::net::retryable(answer.status),
            };
            if retry { crate::net::Verdict::Retry(answer.retry_after()) } else { crate::net::Verdict::Done }
        };
        let sent = crate::net::send(
            &self.client,
            &self.retry,
            MAX_BODY_BYTES,
            &log,
            || self.request(&url, query, body.as_ref().map(|(m, b, h)| (m.clone(), *b, *h))),
            judge,
        )
        .await;
        let answer = match sent {
            Ok(answer) => answer,
            Err(failure) => return Err(self.failure(&label, path, failure)),
        };
        let text = answer.text();
        if let Some(recorder) = &self.recorder {
            let query_sent = answer.url.query().unwrap_or("");
            let (account, provider, status) =
                (self.account.to_string(), self.account.provider.id(), answer.status.as_u16());
            recorder.save(&account, provider, &method, path, query_sent, status, &text);
        }
        if answer.status.is_success() {
            return Ok(text);
        }
        if let Some(read) = self.error_reader.and_then(|r| r(answer.status.as_u16(), &answer.headers, &text)) {
            let attempts = answer.attempts;
            let message =
                if read.retry { format!("{} (after {attempts} attempts)", read.message) } else { read.message };
            return Err(self.fail(&label, read.kind, message));
        }
        Err(self.status_error(&label, answer.status, &text, answer.attempts))
    }

    /// Why no answer came back, as the provider's error.
    fn failure(&self, label: &str, path: &str, failure: crate::net::Failure) -> ProviderError {
        use crate::net::Failure;
        match failure {
            Failure::Transport { error, attempts } if error.is_timeout() => {
                self.fail(label, FailureKind::Timeout, format!("timed out (after {attempts} attempts)"))
            }
            Failure::Transport { error, attempts } => self.fail(
                label,
                FailureKind::Unreachable,
                format!("cannot reach {}: {} (after {attempts} attempts)", self.base_url, root_cause(&error)),
            ),
            Failure::Body { error, attempts } => {
                let what = if error.is_timeout() { "timed out reading the response" } else { "connection dropped" };
                let kind = if error.is_timeout() { FailureKind::Timeout } else { FailureKind::Unreachable };
                self.fail(path, kind, format!("{what}: {} (after {attempts} attempts)", root_cause(&error)))
            }
            // Billing APIs do not redirect: a redirect is a proxy or a wrong base URL, and
            // following it would send the key to whoever answers.
            Failure::Redirect { status, location } => self.fail(
                label,
                FailureKind::Rejected(status.as_u16()),
                format!(
                    "the server answered HTTP {} redirecting to {:?}; llmcost never follows redirects (the key \
                     would go with it): check the base URL",
                    status.as_u16(),
                    crate::net::shown_location(&location)
                ),
            ),
            Failure::TooLarge { size } => self.too_large(path, size),
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

pub use crate::net::{build_client, retry_after};

pub fn header(name: &'static str, value: &str) -> (reqwest::header::HeaderName, HeaderValue) {
    let mut v = HeaderValue::from_str(value).unwrap_or_else(|_| HeaderValue::from_static("invalid"));
    v.set_sensitive(true);
    (reqwest::header::HeaderName::from_static(name), v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_are_summarised() {
        assert_eq!(
            provider_message(r#"{"error":{"message":"Incorrect API key provided","type":"x"}}"#),
            "Incorrect API key provided"
        );
        assert_eq!(provider_message("<html>502</html>"), "");
    }
}
