//! Which days are stale, fetching them (accounts concurrently), and writing each account in one
//! transaction so a failure leaves that account's cache exactly as it was.
//!
//! A fetched day is *final* once it was fetched after it left the trailing window (providers
//! revise recent days). Inside the window a day is fresh for the TTL after its fetch.

use std::collections::HashMap;
use std::time::Instant;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

use crate::config::CacheSettings;
use crate::domain::{Account, DateRange};
use crate::providers::AnyProvider;
use crate::providers::http::ProviderError;
use crate::store::{Store, SyncBatch};

/// When cached days count as fresh.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Freshness {
    pub trailing_days: u32,
    pub ttl: chrono::Duration,
}

impl From<CacheSettings> for Freshness {
    fn from(c: CacheSettings) -> Self {
        Freshness { trailing_days: c.trailing_days, ttl: chrono::Duration::minutes(i64::from(c.ttl_minutes)) }
    }
}

/// Why an account's sync failed, by what the user can do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncFailure {
    /// No credentials could be found: a setup problem.
    NoCredentials,
    /// The provider's answer, by kind.
    Provider(crate::providers::http::FailureKind),
    /// The cache could not be written.
    Storage,
}

impl SyncFailure {
    /// Failures that say nothing about the setup and may pass on their own (the network, a
    /// provider's outage or throttling, an answer llmcost cannot read yet): `--fail-open` lets
    /// only these through. A wrong key, missing rights or a refused request still fail.
    pub fn is_transient(&self) -> bool {
        use crate::providers::http::FailureKind;
        matches!(
            self,
            SyncFailure::Provider(
                FailureKind::Timeout
                    | FailureKind::Unreachable
                    | FailureKind::RateLimited
                    | FailureKind::Server(_)
                    | FailureKind::Malformed
            )
        )
    }
}

impl AccountSync {
    /// `3 requests` or, for an API that bills them, `3 requests, USD 0.03`.
    pub fn requests_text(&self) -> String {
        let each = self.account.provider.info().request_cost_micro_usd;
        let plural = if self.requests == 1 { "" } else { "s" };
        if each == 0 {
            return format!("{} request{plural}", self.requests);
        }
        let cost =
            rust_decimal::Decimal::from(self.requests * u64::from(each)) / rust_decimal::Decimal::from(1_000_000);
        format!(
            "{} request{plural}, {}",
            self.requests,
            crate::domain::Money::from_decimal(cost).display_usd().replace('$', "USD ")
        )
    }
}

impl Freshness {
    /// The config's freshness, widened where the provider revises more days or refreshes less
    /// often than it assumes (AWS).
    pub(crate) fn for_provider(self, info: &crate::providers::ProviderInfo) -> Freshness {
        Freshness {
            trailing_days: self.trailing_days.max(info.revises_days),
            ttl: self.ttl.max(chrono::Duration::minutes(i64::from(info.min_fresh_minutes))),
        }
    }

    /// A day fetched at or after this moment will not change any more.
    fn settled_at(&self, day: NaiveDate) -> DateTime<Utc> {
        let settle_day = day.checked_add_days(Days::new(1 + u64::from(self.trailing_days))).unwrap_or(NaiveDate::MAX);
        settle_day.and_time(NaiveTime::MIN).and_utc()
    }

    pub(crate) fn is_fresh(&self, day: NaiveDate, fetched_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        fetched_at >= self.settled_at(day) || now - fetched_at < self.ttl
    }
}

/// The days of `range` to fetch, as contiguous runs, and the missing days no fetch can bring back.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Plan {
    pub runs: Vec<DateRange>,
    /// Never-fetched days older than the provider still serves (OpenRouter keeps 30 days).
    pub unfillable: u64,
}

/// Plans one account's sync. `servable` is `(oldest, newest)` day the provider's API can serve.
pub(crate) fn plan(
    synced: &[(NaiveDate, DateTime<Utc>)],
    range: DateRange,
    now: DateTime<Utc>,
    freshness: Freshness,
    refresh: bool,
    servable: (Option<NaiveDate>, NaiveDate),
) -> Plan {
    let known: HashMap<NaiveDate, DateTime<Utc>> = synced.iter().copied().collect();
    let (oldest, newest) = servable;
    let servable_day = |d: NaiveDate| oldest.is_none_or(|o| d >= o) && d <= newest;
    let mut runs: Vec<DateRange> = Vec::new();
    let mut unfillable = 0;
    for day in range.days() {
        let fresh = !refresh && known.get(&day).is_some_and(|at| freshness.is_fresh(day, *at, now));
        if fresh {
            continue;
        }
        if !servable_day(day) {
            if oldest.is_some_and(|o| day < o) && !known.contains_key(&day) {
                unfillable += 1;
            }
            continue;
        }
        match runs.last_mut() {
            Some(run) if run.until.succ_opt() == Some(day) => run.until = day,
            _ => runs.push(DateRange::single(day)),
        }
    }
    Plan { runs, unfillable }
}

/// Fetches every run (costs and usage) and, if asked, the project list of one account.
pub(crate) async fn fetch(
    provider: &AnyProvider,
    runs: &[DateRange],
    with_projects: bool,
) -> Result<SyncBatch, ProviderError> {
    let mut batch = SyncBatch::default();
    tracing::info!(
        "fetching {}",
        runs.iter().map(|r| format!("{}..{}", r.since, r.until)).collect::<Vec<_>>().join(", ")
    );
    // The project list is fetched alongside the days, not after them.
    let projects = async { if with_projects { provider.projects().await } else { Ok(None) } };
    // The keys' names and owners with the projects; a provider that refuses to list them
    // (a key without that permission) costs the names, not the sync.
    let keys = async {
        if !with_projects {
            return None;
        }
        match provider.api_keys().await {
            Ok(keys) => keys,
            Err(e) => {
                tracing::warn!("API keys not listed: {e}");
                None
            }
        }
    };
    let mut learnt: Vec<crate::domain::ProjectInfo> = Vec::new();
    let days = async {
        for range in runs {
            let fetched = provider.fetch_days(*range).await?;
            if let Some(found) = fetched.projects {
                learnt.extend(found);
            }
            if let Some(reported) = &fetched.days_reported {
                batch.unreported.extend(range.days().filter(|d| !reported.contains(d)));
            }
            let usage = match fetched.usage {
                Ok(usage) => usage,
                Err(e) => {
                    tracing::warn!("{e}");
                    batch.usage_missing.push(*range);
                    batch.usage_error.get_or_insert(e.to_string());
                    Vec::new()
                }
            };
            batch.activity.extend(fetched.activity);
            batch.runs.push((*range, fetched.costs, usage));
        }
        Ok::<(), ProviderError>(())
    };
    let (days, projects, keys) = tokio::join!(days, projects, keys);
    days?;
    batch.projects = projects?;
    batch.keys = keys;
    batch.facts = provider.learnt();
    if !learnt.is_empty() {
        // Names learnt with the costs complete (never replace) a project list.
        let list = batch.projects.get_or_insert_with(Vec::new);
        for p in learnt {
            if !list.iter().any(|known| known.id == p.id) {
                list.push(p);
            }
        }
    }
    Ok(batch)
}

/// What happened to one account in a sync.
#[derive(Debug)]
pub struct AccountSync {
    pub account: Account,
    pub days_fetched: u64,
    pub elapsed: std::time::Duration,
    pub error: Option<String>,
    /// What kind of failure `error` is, for callers that branch on it (`--fail-open`).
    pub failure: Option<SyncFailure>,
    /// What the sync could not fetch although it succeeded (usage, unanswered days).
    pub warnings: Vec<String>,
    /// Requests sent, retries included.
    pub requests: u64,
}

/// Writes a fetched batch; the store rolls the whole account back on failure.
pub(crate) fn write(
    store: &mut Store,
    account: &Account,
    batch: &SyncBatch,
    at: DateTime<Utc>,
    started: Instant,
) -> AccountSync {
    let days_fetched = batch.runs.iter().map(|(r, _, _)| r.len_days()).sum();
    let rows: usize = batch.runs.iter().map(|(_, c, _)| c.len()).sum();
    tracing::info!("{account}: writing {days_fetched} day(s), {rows} cost row(s)");
    let error = store.write_sync(account, batch, at).err().map(|e| format!("{account}: {e}"));
    let failure = error.as_ref().map(|_| SyncFailure::Storage);
    let mut warnings = Vec::new();
    if let Some(e) = &batch.usage_error {
        let what = account.provider.info().usage_is;
        warnings.push(format!(
            "warning: {what} could not be fetched ({e}); costs are complete, {what} of those days are missing or older"
        ));
    }
    if !batch.unreported.is_empty() {
        let days: Vec<String> = batch.unreported.iter().map(ToString::to_string).collect();
        warnings.push(format!(
            "warning: {account}: the provider did not answer for {} ({}); they are left as they were and asked for again next time",
            if days.len() == 1 { "one day".to_string() } else { format!("{} days", days.len()) },
            days.join(", ")
        ));
    }
    AccountSync {
        account: account.clone(),
        days_fetched,
        elapsed: started.elapsed(),
        error,
        failure,
        warnings,
        requests: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    const ANY: (Option<NaiveDate>, NaiveDate) = (None, NaiveDate::MAX);

    fn stale_runs(
        synced: &[(NaiveDate, DateTime<Utc>)],
        range: DateRange,
        now: DateTime<Utc>,
        f: Freshness,
        refresh: bool,
    ) -> Vec<DateRange> {
        plan(synced, range, now, f, refresh, ANY).runs
    }

    const F: Freshness = Freshness { trailing_days: 3, ttl: chrono::Duration::minutes(5) };

    #[test]
    fn missing_days_are_fetched_in_runs() {
        let range = DateRange::new(d("2026-11-01"), d("2026-11-10"));
        let synced = vec![(d("2026-11-03"), t("2026-11-20T00:00:00Z")), (d("2026-11-04"), t("2026-11-20T00:00:00Z"))];
        let runs = stale_runs(&synced, range, t("2026-11-22T10:00:00Z"), F, false);
        assert_eq!(
            runs,
            vec![DateRange::new(d("2026-11-01"), d("2026-11-02")), DateRange::new(d("2026-11-05"), d("2026-11-10"))]
        );
    }

    #[test]
    fn settled_days_are_final_and_recent_days_expire() {
        let now = t("2026-11-22T10:00:00Z");
        // Fetched after it left the window: final.
        assert!(F.is_fresh(d("2026-11-18"), t("2026-11-22T00:00:00Z"), now));
        // Fetched while still inside the window, long ago: stale.
        assert!(!F.is_fresh(d("2026-11-19"), t("2026-11-21T09:00:00Z"), now));
        // Inside the window but fetched within the TTL: fresh.
        assert!(F.is_fresh(d("2026-11-22"), t("2026-11-22T09:57:00Z"), now));
        assert!(!F.is_fresh(d("2026-11-22"), t("2026-11-22T09:54:59Z"), now));
    }

    #[test]
    fn refresh_refetches_everything() {
        let range = DateRange::new(d("2026-11-01"), d("2026-11-02"));
        let synced = vec![(d("2026-11-01"), t("2026-11-20T00:00:00Z")), (d("2026-11-02"), t("2026-11-20T00:00:00Z"))];
        assert!(stale_runs(&synced, range, t("2026-11-22T10:00:00Z"), F, false).is_empty());
        assert_eq!(stale_runs(&synced, range, t("2026-11-22T10:00:00Z"), F, true), vec![range]);
    }

    #[test]
    fn only_servable_days_are_fetched_and_old_gaps_are_counted() {
        // OpenRouter on 2026-11-22: 2026-10-23 to 2026-11-21 can be fetched.
        let servable = (Some(d("2026-10-23")), d("2026-11-21"));
        let range = DateRange::new(d("2026-10-01"), d("2026-11-22"));
        let synced = vec![(d("2026-10-05"), t("2026-10-20T00:00:00Z"))];
        let p = plan(&synced, range, t("2026-11-22T10:00:00Z"), F, false, servable);
        assert_eq!(p.runs, vec![DateRange::new(d("2026-10-23"), d("2026-11-21"))]);
        // 22 days of October before the 23rd, one of them cached.
        assert_eq!(p.unfillable, 21);
    }
}
