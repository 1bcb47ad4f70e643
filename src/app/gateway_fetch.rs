//! Reading a gateway's or an observability tool's daily spend over the one HTTP path: LiteLLM
//! with its master key (Bearer), Langfuse with the project's `public:secret` keys (Basic), each
//! from `LLMCOST_OBSERVED_KEY_<NAME>` or the keyring (`observed/<name>`), every page until the last.

use chrono::Days;

use super::App;
use crate::domain::DateRange;
use crate::error::{Error, Result};
use crate::net::{self, Failure};
use crate::observed::{Kind, Observation, ObservedSource, langfuse, litellm};

/// More pages than this means a server paging in circles.
const MAX_PAGES: u64 = 500;
/// Largest page read.
const MAX_PAGE_BYTES: usize = 32 << 20;

pub(crate) fn fetch(app: &App, source: &ObservedSource, range: DateRange) -> Result<Vec<Observation>> {
    let var = source.key_var();
    let key = app
        .keys
        .lookup_named(&source.keyring_user(), &var)
        .map_err(|why| {
            Error::Runtime(format!("[[observed]] '{}': the keyring cannot be read ({why}); set {var}", source.name))
        })?
        .ok_or_else(|| {
            Error::Config(format!(
                "[[observed]] '{}': no key: set {var}, or store it in the keyring as service llmcost, user {} ({})",
                source.name,
                source.keyring_user(),
                match source.kind {
                    Kind::Langfuse => "the project's public and secret keys as pk-lf-...:sk-lf-...",
                    _ => "LiteLLM's master key, or a key allowed to read spend",
                }
            ))
        })?;
    let key = key.expose().to_string();
    let base = source.base_url.clone().unwrap_or_default();
    let base = base.trim_end_matches('/');
    let timeout = std::time::Duration::from_secs(app.config.http.timeout_seconds.max(1));
    let (runtime, client) = app.network.get(timeout)?;
    let policy = app.retry_policy();
    let mut out = Vec::new();
    for page in 1..=MAX_PAGES {
        let request = || match source.kind {
            Kind::Langfuse => {
                let (public, secret) = key.split_once(':').unwrap_or((key.as_str(), ""));
                let after = range.until.checked_add_days(Days::new(1)).unwrap_or(range.until);
                client
                    .get(format!("{base}/api/public/metrics/daily"))
                    .basic_auth(public, Some(secret))
                    .query(&[
                        ("fromTimestamp", format!("{}T00:00:00Z", range.since)),
                        ("toTimestamp", format!("{after}T00:00:00Z")),
                        ("page", page.to_string()),
                        ("limit", "100".to_string()),
                    ])
                    .build()
            }
            _ => client
                .get(format!("{base}/user/daily/activity"))
                .bearer_auth(&key)
                .query(&[
                    ("start_date", range.since.to_string()),
                    ("end_date", range.until.to_string()),
                    ("page", page.to_string()),
                    ("page_size", "100".to_string()),
                ])
                .build(),
        };
        let label = format!("observed/{}: GET", source.name);
        let sent = runtime.block_on(net::send(client, &policy, MAX_PAGE_BYTES, &label, request, net::retry_throttled));
        let body = answered(source, sent, &key)?;
        let more = if source.kind == Kind::Langfuse {
            let page: langfuse::Page = parse(source, &body)?;
            out.extend(langfuse::observations(&page).map_err(|e| malformed(source, &e))?);
            langfuse::has_more(&page)
        } else {
            let page: litellm::Page = parse(source, &body)?;
            out.extend(litellm::observations(&page).map_err(|e| malformed(source, &e))?);
            litellm::has_more(&page)
        };
        if !more {
            return Ok(out);
        }
    }
    Err(malformed(source, &format!("more than {MAX_PAGES} pages")))
}

fn parse<T: serde::de::DeserializeOwned>(source: &ObservedSource, body: &str) -> Result<T> {
    serde_json::from_str(body).map_err(|e| malformed(source, &format!("unexpected answer ({e})")))
}

fn malformed(source: &ObservedSource, why: &str) -> Error {
    Error::Fetch(format!("[[observed]] '{}' ({}): {why}", source.name, source.kind.name()))
}

/// The body of a success, else an error that says what to do (the key never shown).
fn answered(source: &ObservedSource, sent: std::result::Result<net::Answer, Failure>, key: &str) -> Result<String> {
    let host = net::host_of(source.base_url.as_deref().unwrap_or(""));
    let fail = |why: String| Error::Fetch(format!("[[observed]] '{}' at {host}: {why}", source.name));
    match sent {
        Ok(a) if a.status.is_success() => Ok(a.text()),
        Ok(a) if matches!(a.status.as_u16(), 401 | 403) => {
            Err(fail(format!("HTTP {}: the key in {} was refused", a.status.as_u16(), source.key_var())))
        }
        Ok(a) => {
            let said: String = crate::sanitize::terminal(&a.text().replace(key, "***")).chars().take(200).collect();
            Err(fail(format!("HTTP {} after {} attempt(s): {said}", a.status.as_u16(), a.attempts)))
        }
        Err(f @ (Failure::Transport { .. } | Failure::Body { .. })) => {
            Err(fail(f.network_reason().unwrap_or("cannot connect").into()))
        }
        Err(Failure::Redirect { status, location }) => Err(fail(format!(
            "HTTP {} redirecting to {:?}; not followed (the key would go with it): check base_url",
            status.as_u16(),
            net::shown_location(&location)
        ))),
        Err(Failure::TooLarge { .. }) => Err(fail(format!("a page larger than {} MiB", MAX_PAGE_BYTES >> 20))),
    }
}
