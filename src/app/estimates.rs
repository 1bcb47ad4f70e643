//! How good llmcost's estimates are: every estimated day whose bill arrived, the estimate next
//! to the bill, per provider and model over the last 30 UTC days (`llmcost estimates`), and the
//! typical error stated next to each estimate ("typically within 3 %").

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::App;
use super::answer::Answer;
use super::select::Scope;
use crate::domain::{Account, DateRange, Money, ProviderKind};
use crate::error::Result;
use crate::store::{Score, Store};

/// The days an accuracy figure is measured over.
pub(crate) const SCORED_DAYS: u64 = 30;

/// The estimates' accuracy for one provider (and model, or all models when `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Accuracy {
    pub provider: ProviderKind,
    pub model: Option<String>,
    /// UTC days with both an estimate and a bill.
    pub days: usize,
    pub estimated: Money,
    pub billed: Money,
    /// The mean of each account-day's |estimate - billed|, in dollars.
    pub mean_error: Money,
    /// The median of each account-day's |estimate - billed| / billed, in percent; `None` when no day was
    /// billed anything.
    pub typical_percent: Option<Decimal>,
}

/// An estimate shown now, for a day whose bill has not arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OpenEstimate {
    pub account: Account,
    pub day: NaiveDate,
    pub amount: Money,
    pub refreshed_at: Option<DateTime<Utc>>,
    /// Models with tokens but no list price: not in the amount.
    pub unpriced: Vec<String>,
    /// The provider's typical error over the last 30 days, when measured.
    pub typical_percent: Option<Decimal>,
}

/// What `llmcost estimates` shows.
#[derive(Clone, Debug)]
pub(crate) struct EstimatesView {
    /// The days scored.
    pub range: DateRange,
    /// Per provider (all models) first, then per provider and model.
    pub accuracy: Vec<Accuracy>,
    /// The estimates standing in for a bill now.
    pub open: Vec<OpenEstimate>,
    /// How each provider of the scope is estimated (`ProviderInfo::live`), or that it is not.
    pub methods: Vec<(ProviderKind, &'static str)>,
}

pub(crate) fn run(app: &App, scope: &Scope) -> Result<Answer<EstimatesView>> {
    let accounts = app.select(&scope.providers, &scope.workspaces)?;
    let mut store = app.open_store()?;
    let today = app.clock.today();
    let refreshed = super::live::refresh(app, &mut store, &accounts, scope.offline)?;
    let range = scored_range(today);
    let scores = store.estimate_scores(&accounts, range.since, range.until)?;
    let mut accuracy = Vec::new();
    let mut providers: Vec<ProviderKind> = accounts.iter().map(|a| a.provider).collect();
    providers.sort();
    providers.dedup();
    for provider in &providers {
        let mine: Vec<&Score> = scores.iter().filter(|s| s.account.provider == *provider).collect();
        if mine.is_empty() {
            continue;
        }
        accuracy.push(measure(*provider, None, &mine));
        let mut models: Vec<&str> = mine.iter().map(|s| s.model.as_str()).collect();
        models.sort_unstable();
        models.dedup();
        // One model (a live figure for all of them) says nothing the provider's row does not.
        if models.len() == 1 {
            continue;
        }
        for model in models {
            let rows: Vec<&Score> = mine.iter().copied().filter(|s| s.model == model).collect();
            accuracy.push(measure(*provider, Some(model.to_string()), &rows));
        }
    }
    let open = open_estimates(&store, &accounts, today.checked_sub_days(Days::new(7)).unwrap_or(today), today)?;
    let methods = providers.iter().map(|p| (*p, p.info().live)).collect();
    for failed in refreshed.failed {
        app.note(&format!("warning: today's estimate not refreshed: {failed}"));
    }
    Ok(Answer { view: EstimatesView { range, accuracy, open, methods }, failed: Vec::new() })
}

/// What `q` spends in `currency`, estimates included, and how much of it is estimated: the
/// figure a budget that opts in counts, and the dashboard's today.
pub(crate) fn with_estimated(
    store: &Store,
    q: &crate::store::CostQuery,
    currency: crate::domain::Currency,
    rates: &crate::fx::Rates,
) -> Result<(Money, Money)> {
    let q = crate::store::CostQuery { group_by: vec![crate::domain::Dim::Basis], estimates: true, ..q.clone() };
    let (mut all, mut estimated) = (Money::ZERO, Money::ZERO);
    for (key, cost) in store.aggregate_costs_in(&q, currency, rates)?.0 {
        all += cost;
        if key.values.first().is_some_and(|v| v.to_string() == crate::domain::Basis::Estimate.as_str()) {
            estimated += cost;
        }
    }
    Ok((all, estimated))
}

/// The 30 complete UTC days before today.
pub(crate) fn scored_range(today: NaiveDate) -> DateRange {
    let last = today.checked_sub_days(Days::new(1)).unwrap_or(today);
    DateRange::new(today.checked_sub_days(Days::new(SCORED_DAYS)).unwrap_or(today), last)
}

/// The estimates standing in for a bill in `[since, until]`, each with its provider's typical
/// error: what every view that shows an estimate says next to it.
pub(crate) fn open_estimates(
    store: &Store,
    accounts: &[Account],
    since: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<OpenEstimate>> {
    let range = scored_range(until);
    let scores = store.estimate_scores(accounts, range.since, range.until)?;
    // Each provider's typical error, measured once however many of its accounts are estimated.
    let mut typical: BTreeMap<ProviderKind, Option<Decimal>> = BTreeMap::new();
    let mut out = Vec::new();
    for (account, day, amount) in store.open_estimates(accounts, since, until)? {
        let progress = store.estimate_day(&account, day)?;
        let typical_percent = *typical.entry(account.provider).or_insert_with(|| {
            let mine: Vec<&Score> = scores.iter().filter(|s| s.account.provider == account.provider).collect();
            (!mine.is_empty()).then(|| measure(account.provider, None, &mine).typical_percent).flatten()
        });
        out.push(OpenEstimate {
            refreshed_at: progress.as_ref().map(|p| p.refreshed_at),
            unpriced: progress.map(|p| p.unpriced).unwrap_or_default(),
            account,
            day,
            amount,
            typical_percent,
        });
    }
    Ok(out)
}

/// The accuracy of `scores` (one provider), summed per day first.
fn measure(provider: ProviderKind, model: Option<String>, scores: &[&Score]) -> Accuracy {
    let mut days: BTreeMap<(NaiveDate, &str), (Money, Money)> = BTreeMap::new();
    for s in scores {
        let e = days.entry((s.day, s.account.workspace.as_str())).or_default();
        e.0 = e.0.checked_add(s.estimate).unwrap_or(e.0);
        e.1 = e.1.checked_add(s.billed).unwrap_or(e.1);
    }
    let estimated: Money = days.values().map(|(e, _)| *e).sum();
    let billed: Money = days.values().map(|(_, b)| *b).sum();
    let errors: Vec<Decimal> = days.values().map(|(e, b)| (e.decimal() - b.decimal()).abs()).collect();
    let total_error: Decimal = errors.iter().sum();
    let mean_error = Money::from_decimal((total_error / Decimal::from(errors.len().max(1))).round_dp(6));
    let mut percents: Vec<Decimal> = days
        .values()
        .filter(|(_, b)| !b.is_zero())
        .filter_map(|(e, b)| {
            (e.decimal() - b.decimal()).abs().checked_mul(Decimal::ONE_HUNDRED)?.checked_div(b.decimal())
        })
        .collect();
    percents.sort();
    let typical_percent = median(&percents).map(|p| p.round_dp(1));
    let distinct: std::collections::BTreeSet<NaiveDate> = days.keys().map(|(d, _)| *d).collect();
    Accuracy { provider, model, days: distinct.len(), estimated, billed, mean_error, typical_percent }
}

fn median(sorted: &[Decimal]) -> Option<Decimal> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / Decimal::TWO),
    }
}

/// `≈ $41.20 estimated for openai/lab on 2026-11-22 (typically within 3.1 %)`: the line every
/// view prints under a figure that includes an estimate.
pub(crate) fn note(e: &OpenEstimate) -> String {
    let typical = match e.typical_percent {
        Some(p) => format!("typically within {p} %"),
        None => "accuracy not measured yet".to_string(),
    };
    let unpriced = if e.unpriced.is_empty() {
        String::new()
    } else {
        format!("; without {} (no list price)", e.unpriced.join(", "))
    };
    format!(
        "≈ {} for {} on {} (UTC) is an estimate from usage ({typical}{unpriced}); the bill replaces it when it arrives",
        e.amount.display_usd(),
        e.account,
        e.day
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(day: &str, model: &str, estimate: &str, billed: &str) -> Score {
        Score {
            account: Account::new(ProviderKind::OpenAi, "lab"),
            day: NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(),
            model: model.into(),
            estimate: estimate.parse().unwrap(),
            billed: billed.parse().unwrap(),
        }
    }

    #[test]
    fn accuracy_is_the_median_daily_error() {
        let s = [
            score("2026-11-20", "a", "9", "10"),
            score("2026-11-20", "b", "1", "0"),
            score("2026-11-21", "a", "10", "10"),
            score("2026-11-22", "a", "13", "10"),
        ];
        let refs: Vec<&Score> = s.iter().collect();
        let all = measure(ProviderKind::OpenAi, None, &refs);
        assert_eq!((all.days, all.estimated, all.billed), (3, "33".parse().unwrap(), "30".parse().unwrap()));
        // Daily errors: 0 %, 0 %, 30 %: the median is 0.
        assert_eq!(all.typical_percent, Some(Decimal::ZERO));
        assert_eq!(all.mean_error, Money::from_decimal(Decimal::ONE));
        assert_eq!(median(&[Decimal::ONE, Decimal::TWO]), Some("1.5".parse().unwrap()));
    }
}
