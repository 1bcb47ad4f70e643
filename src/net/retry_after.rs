//! How long a server asked to wait: `Retry-After` in seconds (fractions too) or as an HTTP date,
//! Azure's own `x-ms-ratelimit-*-retry-after` headers, and a spent limit's reset
//! (`x-ratelimit-remaining: 0` with `x-ratelimit-reset` in epoch seconds, as GitHub sends); the
//! longest wins.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, RETRY_AFTER};

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
    standard.max(own).max(limit_reset(headers, now))
}

/// The wait until a spent rate limit resets: `x-ratelimit-remaining: 0` and `x-ratelimit-reset`
/// in UTC epoch seconds (GitHub's primary limit). A limit not spent asks no wait.
pub(crate) fn limit_reset(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
    if header("x-ratelimit-remaining")? != "0" {
        return None;
    }
    let reset: i64 = header("x-ratelimit-reset")?.parse().ok()?;
    // A day at most before it becomes a Duration; callers cap the wait further.
    let secs = reset.saturating_sub(now.timestamp()).clamp(0, 86_400);
    Some(Duration::from_secs(u64::try_from(secs).unwrap_or(0)))
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

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

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
    fn a_spent_limit_waits_for_its_reset() {
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").unwrap().with_timezone(&Utc);
        let mut h = HeaderMap::new();
        let reset = (now.timestamp() + 42).to_string();
        h.insert("x-ratelimit-reset", HeaderValue::from_str(&reset).unwrap());
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("12"));
        assert_eq!(retry_after(&h, now), None, "a limit not spent asks no wait");
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(42)));
        h.insert(RETRY_AFTER, HeaderValue::from_static("60"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(60)), "the longest wins");
        h.remove(RETRY_AFTER);
        h.insert("x-ratelimit-reset", HeaderValue::from_static("1"));
        assert_eq!(retry_after(&h, now), Some(Duration::ZERO), "a reset in the past: no wait");
        h.insert("x-ratelimit-reset", HeaderValue::from_static("99999999999999999"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(86_400)));
        h.insert("x-ratelimit-reset", HeaderValue::from_static("soon"));
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
}
