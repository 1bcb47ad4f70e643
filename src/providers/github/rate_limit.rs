//! GitHub's rate limits, as its REST documentation describes them: 403 or 429 with
//! `x-ratelimit-remaining: 0` is the primary limit, spent until `x-ratelimit-reset` (UTC epoch
//! seconds); a message about a secondary rate limit (too many requests at once) comes with
//! `retry-after`, or asks for at least a minute. A short wait is waited out within the sync; a
//! long one ends the account's sync with the time the limit ends, the cache as it was.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;

use crate::providers::http::{FailureKind, ReadError};

/// Waits up to this long are worth retrying within a sync; a longer one is said, not waited.
const WORTH_WAITING: Duration = Duration::from_secs(60);

/// A rate limit answer read as one; other errors are left to their status (a 403 without a
/// spent limit is a token without the permission).
pub(super) fn read_error(status: u16, headers: &HeaderMap, body: &str) -> Option<ReadError> {
    read_at(status, headers, body, Utc::now())
}

fn read_at(status: u16, headers: &HeaderMap, body: &str, now: DateTime<Utc>) -> Option<ReadError> {
    if status != 403 && status != 429 {
        return None;
    }
    let said = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("message")?.as_str().map(str::to_lowercase))
        .unwrap_or_default();
    let spent = crate::net::limit_reset(headers, now).is_some();
    let secondary = said.contains("secondary rate limit");
    if !(spent || secondary || status == 429 || said.contains("rate limit exceeded")) {
        return None;
    }
    let wait = crate::net::retry_after(headers, now);
    let until = wait
        .and_then(|w| chrono::Duration::from_std(w).ok())
        .and_then(|w| now.checked_add_signed(w))
        .map(|at| format!(" until {} UTC", at.format("%Y-%m-%d %H:%M")))
        .unwrap_or_default();
    let which = if secondary {
        "secondary rate limit (too many requests at once) is reached"
    } else {
        "API rate limit for this token is spent"
    };
    Some(ReadError {
        kind: FailureKind::RateLimited,
        retry: wait.is_none_or(|w| w <= WORTH_WAITING),
        message: format!(
            "GitHub's {which}{until}: sync again after that (what was fetched is kept; a token for llmcost \
             alone keeps other tools from spending its limit)"
        ),
    })
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").unwrap().with_timezone(&Utc)
    }

    fn spent(until: i64) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit", HeaderValue::from_static("5000"));
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
        h.insert("x-ratelimit-reset", HeaderValue::from_str(&(now().timestamp() + until).to_string()).unwrap());
        h
    }

    const PRIMARY: &str = r#"{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api","status":"403"}"#;

    #[test]
    fn a_spent_primary_limit_is_waited_out_when_it_ends_soon_and_said_when_it_does_not() {
        let soon = read_at(403, &spent(20), PRIMARY, now()).unwrap();
        assert_eq!(soon.kind, FailureKind::RateLimited);
        assert!(soon.retry);
        let late = read_at(403, &spent(40 * 60), PRIMARY, now()).unwrap();
        assert!(!late.retry, "forty minutes are not waited within a sync");
        assert!(late.message.contains("spent until 2026-11-22 10:40 UTC"), "{}", late.message);
    }

    #[test]
    fn a_secondary_limit_waits_as_asked() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("30"));
        let body = r#"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest"}"#;
        let read = read_at(403, &h, body, now()).unwrap();
        assert!(read.retry && read.message.contains("secondary rate limit"), "{}", read.message);
    }

    #[test]
    fn a_403_without_a_spent_limit_is_a_permission_problem() {
        let body = r#"{"message":"Resource not accessible by personal access token","documentation_url":"https://docs.github.com/rest"}"#;
        let mut h = spent(20);
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("4999"));
        assert!(read_at(403, &h, body, now()).is_none());
        assert!(read_at(404, &spent(20), PRIMARY, now()).is_none());
    }
}
