//! Today, live: estimates of the days whose bill has not arrived, from each provider's live
//! usage (`Provider::live`): tokens priced at the day's list prices (cached input, cache writes
//! and the batch discount applied), or the provider's own live dollar figure. They are kept
//! apart from the bill (`store::estimates`), shown with `basis = estimate`, and replaced by the
//! bill when it arrives; each (estimate, billed) pair is kept as a measure of their accuracy.
//!
//! A refresh asks only for the hours not yet known: the hours before the last refresh's hour
//! are complete and never asked again; the hour in progress is asked again next time.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Timelike, Utc};
use rust_decimal::Decimal;

use super::App;
use crate::domain::{Account, LiveBucket, LiveFigure, LiveTokens, Money, ProviderKind};
use crate::error::{Error, Result};
use crate::prices::PriceTable;
use crate::store::{EstimateDay, EstimateRow, Store};

/// A day refreshed less than this long ago is not asked again: the usage endpoints update
/// every few minutes, and a dashboard, a server and a command may all ask at once.
const MIN_REFRESH_SECONDS: i64 = 60;

/// Days before today whose remaining hours a refresh completes while their bill is awaited
/// (providers with hourly usage).
const LOOKBACK_DAYS: u64 = 1;

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc()
}

fn hour_floor(t: DateTime<Utc>) -> DateTime<Utc> {
    t.with_minute(0).and_then(|t| t.with_second(0)).and_then(|t| t.with_nanosecond(0)).unwrap_or(t)
}

/// One question to a provider: a day's hours in `[since, until)`, and how far they will be
/// complete once answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Window {
    day: NaiveDate,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
    through: DateTime<Utc>,
}

/// What to ask for `account` at `now`: today from where the last refresh stopped, and (hourly
/// providers) the unfinished hours of the days before it whose bill has not arrived.
fn windows(store: &Store, account: &Account, now: DateTime<Utc>) -> Result<Vec<Window>> {
    let info = account.provider.info();
    let today = now.date_naive();
    let lookback = if info.live_hourly { LOOKBACK_DAYS } else { 0 };
    let first = today.checked_sub_days(Days::new(lookback)).unwrap_or(today);
    // A day whose bill arrived is not estimated (again).
    let billed: Vec<NaiveDate> = store
        .synced_days(account.provider.id(), &account.workspace, first, today)?
        .into_iter()
        .filter(|(day, at)| crate::domain::live::bill_arrived(*day, *at))
        .map(|(day, _)| day)
        .collect();
    let mut out = Vec::new();
    for day in first.iter_days().take_while(|d| *d <= today) {
        let progress = store.estimate_day(account, day)?;
        if billed.contains(&day) || progress.as_ref().is_some_and(|p| p.bill_arrived) {
            continue;
        }
        if progress.as_ref().is_some_and(|p| (now - p.refreshed_at).num_seconds() < MIN_REFRESH_SECONDS) {
            continue;
        }
        // A past day is completed only when it was being estimated already.
        if day < today && progress.is_none() {
            continue;
        }
        let end = day.succ_opt().map_or(now, midnight).min(now);
        let since = match (&progress, info.live_hourly) {
            (Some(p), true) => p.through.max(midnight(day)),
            _ => midnight(day),
        };
        if since >= end {
            continue;
        }
        let through = if end == now { hour_floor(now).max(since) } else { end };
        out.push(Window { day, since, until: end, through });
    }
    Ok(out)
}

/// What a refresh did.
#[derive(Debug, Default)]
pub(crate) struct Refreshed {
    /// Accounts whose live usage could not be read (their last estimate stays).
    pub failed: Vec<String>,
    /// Requests asked, for `-v`.
    pub requests: u32,
}

/// Refreshes the estimates of `accounts` (those whose provider has live usage) unless offline.
pub(crate) fn refresh(app: &App, store: &mut Store, accounts: &[Account], offline: bool) -> Result<Refreshed> {
    let mut done = Refreshed::default();
    if app.offline(offline) || store.read_only_reason().is_some() {
        return Ok(done);
    }
    let now = app.clock.now();
    let prices = super::prices::load(app);
    for account in accounts.iter().filter(|a| !a.provider.info().live.is_empty()) {
        let windows = windows(store, account, now)?;
        if windows.is_empty() {
            continue;
        }
        let (credentials, _) = match app.credentials(account) {
            Ok(c) => c,
            Err(e) => {
                done.failed.push(format!("{account}: {e}"));
                continue;
            }
        };
        let timeout = std::time::Duration::from_secs(app.config.http.timeout_seconds.max(1));
        let (runtime, client) = app.network.get(timeout)?;
        let provider = app.connect(account, &credentials, client.clone(), app.retry_policy(), None);
        for w in windows {
            done.requests += account.provider.info().live_requests;
            let buckets = match runtime.block_on(provider.live(w.since, w.until)) {
                Ok(Some(b)) => b,
                Ok(None) => break,
                Err(e) => {
                    done.failed.push(format!("{account}: live usage: {}", Error::Provider(e)));
                    break;
                }
            };
            let (rows, unpriced) = price(&prices, account.provider, w.day, &buckets);
            let progress =
                EstimateDay { day: w.day, through: w.through, refreshed_at: now, unpriced, bill_arrived: false };
            let from = account.provider.info().live_hourly.then(|| w.since.hour());
            store.write_estimates(account, &progress, from, &rows)?;
        }
    }
    tracing::info!("today's estimates: {} live usage request(s)", done.requests);
    Ok(done)
}

/// The estimate rows of a day's live buckets (summed per hour, project and model), and the
/// models whose tokens have no list price (left out, and named).
pub(crate) fn price(
    table: &PriceTable,
    provider: ProviderKind,
    day: NaiveDate,
    buckets: &[LiveBucket],
) -> (Vec<EstimateRow>, Vec<String>) {
    // (hour, project, model) -> (amount, a live figure)
    type Key = (Option<u32>, Option<String>, String);
    let mut sums: BTreeMap<Key, (Money, bool)> = BTreeMap::new();
    let mut unpriced: Vec<String> = Vec::new();
    for b in buckets.iter().filter(|b| b.day == day) {
        let (amount, live) = match b.figure {
            LiveFigure::Dollars(m) => (m, true),
            LiveFigure::Tokens(t) if t.total() == 0 => continue,
            LiveFigure::Tokens(t) => {
                let Some(d) = token_cost(table, provider, &b.model, day, &t) else {
                    if !unpriced.contains(&b.model) {
                        unpriced.push(b.model.clone());
                    }
                    continue;
                };
                (Money::from_decimal(d), false)
            }
        };
        let entry = sums.entry((b.hour, b.project_id.clone(), b.model.clone())).or_insert((Money::ZERO, live));
        entry.0 = entry.0.checked_add(amount).unwrap_or(entry.0);
    }
    unpriced.sort();
    let rows = sums
        .into_iter()
        .map(|((hour, project_id, model), (amount, live))| EstimateRow { hour, project_id, model, amount, live })
        .collect();
    (rows, unpriced)
}

/// What `t` costs at `model`'s list prices on `day`, in dollars: uncached input at the input
/// price, cache reads at the cache-read price, 5-minute cache writes at the cache-write price,
/// 1-hour writes at twice the input price (Anthropic's rule), output at the output price, all
/// less the provider's batch discount for batch requests. `None` when a price is missing.
pub(crate) fn token_cost(
    table: &PriceTable,
    provider: ProviderKind,
    model: &str,
    day: NaiveDate,
    t: &LiveTokens,
) -> Option<Decimal> {
    let rates = table.find(provider.info().price_list?, model)?.on(day)?;
    let input = rates.input?;
    // Input, cache reads and output are priced as reconcile prices usage; cache writes on top.
    let usage = crate::domain::UsageTotals {
        input_tokens: t.uncached_input.saturating_add(t.cache_read),
        cached_input_tokens: t.cache_read,
        output_tokens: t.output,
        requests: t.requests,
    };
    let part = |tokens: u64, price: Decimal| Decimal::from(tokens).checked_mul(price);
    let writes = part(t.cache_write_5m, rates.cache_write.unwrap_or(input))?
        .checked_add(part(t.cache_write_1h, input.checked_mul(Decimal::TWO)?)?)?
        .checked_div(Decimal::from(1_000_000))?;
    let sum = crate::savings::token_cost(&rates, &usage)?.checked_add(writes)?;
    if t.batch {
        let kept = Decimal::from(100u8.saturating_sub(provider.info().batch_discount_percent));
        return sum.checked_mul(kept)?.checked_div(Decimal::ONE_HUNDRED);
    }
    Some(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn tokens(uncached: u64, read: u64, w5: u64, w1: u64, out: u64, batch: bool) -> LiveTokens {
        LiveTokens {
            uncached_input: uncached,
            cache_read: read,
            cache_write_5m: w5,
            cache_write_1h: w1,
            output: out,
            requests: 1,
            batch,
        }
    }

    #[test]
    fn tokens_are_priced_at_the_days_list_prices() {
        let t = PriceTable::built_in();
        let day = d("2026-11-22");
        // gpt-4o-mini: $0.15 in, $0.075 cached, $0.60 out per 1M.
        let plain = token_cost(
            &t,
            ProviderKind::OpenAi,
            "gpt-4o-mini-2024-07-18",
            day,
            &tokens(1_000_000, 1_000_000, 0, 0, 1_000_000, false),
        );
        assert_eq!(plain, Some("0.825".parse().unwrap()));
        let batch = token_cost(
            &t,
            ProviderKind::OpenAi,
            "gpt-4o-mini-2024-07-18",
            day,
            &tokens(1_000_000, 1_000_000, 0, 0, 1_000_000, true),
        );
        assert_eq!(batch, Some("0.4125".parse().unwrap()), "the Batch API's 50 %");
        // claude-3-5-haiku: $0.80 in, $1 cache write (5m), $0.08 read, $4 out; 1h writes at 2x input.
        let writes = token_cost(
            &t,
            ProviderKind::Anthropic,
            "claude-3-5-haiku-20241022",
            day,
            &tokens(0, 0, 1_000_000, 1_000_000, 0, false),
        );
        assert_eq!(writes, Some("2.6".parse().unwrap()));
        assert_eq!(token_cost(&t, ProviderKind::OpenAi, "my-finetune-9", day, &tokens(1, 0, 0, 0, 1, false)), None);
    }

    #[test]
    fn buckets_sum_per_hour_and_unpriced_models_are_named() {
        let t = PriceTable::built_in();
        let day = d("2026-11-22");
        let b = |hour, model: &str, figure| LiveBucket { day, hour, project_id: None, model: model.into(), figure };
        let buckets = vec![
            b(Some(9), "gpt-4o-mini-2024-07-18", LiveFigure::Tokens(tokens(1_000_000, 0, 0, 0, 0, false))),
            b(Some(9), "gpt-4o-mini-2024-07-18", LiveFigure::Tokens(tokens(1_000_000, 0, 0, 0, 0, true))),
            b(Some(10), "my-finetune-9", LiveFigure::Tokens(tokens(5, 0, 0, 0, 5, false))),
            b(Some(10), "gpt-4o-mini-2024-07-18", LiveFigure::Tokens(LiveTokens::default())),
            LiveBucket {
                day: d("2026-11-21"),
                ..b(Some(23), "gpt-4o-mini-2024-07-18", LiveFigure::Dollars(Money::from_decimal(Decimal::ONE)))
            },
        ];
        let (rows, unpriced) = price(&t, ProviderKind::OpenAi, day, &buckets);
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].amount, "0.225".parse().unwrap());
        assert_eq!(rows[0].hour, Some(9));
        assert_eq!(unpriced, ["my-finetune-9"]);
    }

    #[test]
    fn a_refresh_asks_only_for_hours_not_yet_known() {
        let mut store = Store::open_in_memory().unwrap();
        let account = Account::new(ProviderKind::OpenAi, "lab");
        let now = at("2026-11-22T14:35:00Z");
        let w = windows(&store, &account, now).unwrap();
        assert_eq!(w.len(), 1, "today only: yesterday was never estimated");
        assert_eq!(
            (w[0].since, w[0].until, w[0].through),
            (at("2026-11-22T00:00:00Z"), now, at("2026-11-22T14:00:00Z"))
        );
        let progress = EstimateDay {
            day: d("2026-11-22"),
            through: w[0].through,
            refreshed_at: now,
            unpriced: vec![],
            bill_arrived: false,
        };
        store.write_estimates(&account, &progress, Some(0), &[]).unwrap();
        let later = at("2026-11-23T01:10:00Z");
        let w = windows(&store, &account, later).unwrap();
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(
            (w[0].since, w[0].until, w[0].through),
            (at("2026-11-22T14:00:00Z"), at("2026-11-23T00:00:00Z"), at("2026-11-23T00:00:00Z"))
        );
        assert_eq!((w[1].since, w[1].through), (at("2026-11-23T00:00:00Z"), at("2026-11-23T01:00:00Z")));
        // OpenRouter reports the day so far only: today, whole.
        let router = Account::new(ProviderKind::OpenRouter, "lab");
        let w = windows(&store, &router, now).unwrap();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].since, at("2026-11-22T00:00:00Z"));
    }
}
