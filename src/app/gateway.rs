//! Does the gateway match the bill? The billed spend per UTC day, provider and model held
//! against what a gateway (LiteLLM), an observability tool (Langfuse) or a CSV observed: the
//! gap, the coverage (how much of the bill the other system saw) and the likely cause of each
//! difference, from what llmcost knows.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::App;
use super::answer::Answer;
use super::select::{Scope, prepare};
use crate::domain::{DateRange, Dim, KeyValue, Money, ProviderKind};
use crate::error::{Error, Result};
use crate::observed::{Kind, Observation, ObservedSource};

/// What `reconcile --against` asks.
#[derive(Clone, Debug)]
pub(crate) struct Request {
    pub scope: Scope,
    pub range: DateRange,
    pub against: Kind,
    /// `--observed NAME`: which `[[observed]]` source, when there are several of a kind.
    pub name: Option<String>,
    /// `--file`: a CSV read directly, without a config entry.
    pub file: Option<std::path::PathBuf>,
    /// A row within this many percent of its bill matches.
    pub tolerance_percent: Decimal,
}

/// Why a row differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cause {
    Matches,
    /// Billed, never seen: traffic sent to the provider directly.
    NeverObserved,
    /// Part of the bill not seen: some traffic bypasses the gateway.
    PartlyObserved,
    /// Failed or timed-out requests the provider billed and the gateway priced at nothing.
    FailedRequests,
    /// Priced above the bill with cached input: the gateway's prices lack the cache discount.
    CacheDiscount,
    /// Priced above the bill: a stale price table, or batch and service-tier discounts.
    PricedHigher,
    /// Observed on a day the provider has not billed yet.
    NotYetBilled,
    /// Observed, not on the bill: a name the bill spells differently, or another account.
    NotBilled,
}

impl Cause {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Cause::Matches => "matches",
            Cause::NeverObserved => "never_observed",
            Cause::PartlyObserved => "partly_observed",
            Cause::FailedRequests => "failed_requests",
            Cause::CacheDiscount => "cache_discount",
            Cause::PricedHigher => "priced_higher",
            Cause::NotYetBilled => "not_yet_billed",
            Cause::NotBilled => "not_billed",
        }
    }

    pub(crate) fn explain(self) -> &'static str {
        match self {
            Cause::Matches => "matches the bill",
            Cause::NeverObserved => "billed, never seen: traffic that bypasses it",
            Cause::PartlyObserved => "part of the bill unseen: some traffic bypasses it",
            Cause::FailedRequests => "failed or timed-out requests billed without usage",
            Cause::CacheDiscount => "priced without the cached-input discount",
            Cause::PricedHigher => "priced above the bill: stale prices, batch or tier discounts",
            Cause::NotYetBilled => "not billed yet: the provider bills this day later",
            Cause::NotBilled => "not on the bill: another account, or a name the bill spells differently",
        }
    }
}

/// One day, provider and model.
#[derive(Clone, Debug)]
pub(crate) struct GapRow {
    pub day: NaiveDate,
    pub provider: String,
    pub model: String,
    pub billed: Money,
    pub observed: Money,
    /// Observed over billed (`None` when nothing was billed).
    pub coverage: Option<Decimal>,
    pub cause: Cause,
}

impl GapRow {
    /// Billed minus observed: positive when the bill is higher.
    pub(crate) fn gap(&self) -> Money {
        self.billed - self.observed
    }
}

/// The comparison.
#[derive(Clone, Debug)]
pub(crate) struct GatewayView {
    pub source: String,
    pub kind: Kind,
    pub range: DateRange,
    pub tolerance_percent: Decimal,
    pub rows: Vec<GapRow>,
    pub billed: Money,
    pub observed: Money,
    /// The share of the bill the other system saw (each row counted up to its bill); `None`
    /// when nothing was billed.
    pub coverage: Option<Decimal>,
}

pub(crate) fn run(app: &App, req: &Request) -> Result<Answer<GatewayView>> {
    let (label, observations) = observations(app, req)?;
    let p = prepare(app, &req.scope, req.range)?;
    let q = crate::store::CostQuery::all(p.accounts.clone(), req.range, vec![Dim::Day, Dim::Provider, Dim::Model]);
    let (sums, _) = p.store.aggregate_costs_in(&q, p.currency, &p.rates)?;
    let mut billed: BTreeMap<(NaiveDate, ProviderKind, String), Money> = BTreeMap::new();
    for (key, cost) in sums {
        if let [KeyValue::Day(d), KeyValue::Provider(k), KeyValue::Text(m)] = key.values.as_slice() {
            *billed.entry((*d, *k, m.clone())).or_default() += cost;
        }
    }
    let today = app.clock.today();
    let view = compare(&label, req, &billed, observations, |kind, day| day > kind.servable_days(today).1);
    Ok(Answer { view, failed: p.failed })
}

/// The comparison itself, pure: `unbilled(provider, day)` says whether the provider bills that
/// day only later.
fn compare(
    label: &str,
    req: &Request,
    billed: &BTreeMap<(NaiveDate, ProviderKind, String), Money>,
    observations: Vec<Observation>,
    unbilled: impl Fn(ProviderKind, NaiveDate) -> bool,
) -> GatewayView {
    // Each observation joins the billed model it names (a dated snapshot of it included).
    let models: Vec<(ProviderKind, String)> = {
        let mut m: Vec<_> = billed.keys().map(|(_, k, m)| (*k, m.clone())).collect();
        m.sort();
        m.dedup();
        m
    };
    let mut seen: BTreeMap<(NaiveDate, String, String), Observation> = BTreeMap::new();
    // Observations of one day and billed model (a source may list a model twice, or under two
    // names) are summed.
    for o in observations.into_iter().filter(|o| req.range.contains(o.day)) {
        let (provider, model) = match match_model(&models, &o) {
            Some((k, m)) => (k.id().to_string(), m.clone()),
            None => (o.provider.clone().unwrap_or_else(|| "?".into()), o.model.clone()),
        };
        match seen.get_mut(&(o.day, provider.clone(), model.clone())) {
            Some(s) => {
                s.cost += o.cost;
                s.requests += o.requests;
                s.failed_requests += o.failed_requests;
                s.cached_tokens += o.cached_tokens;
            }
            None => {
                seen.insert((o.day, provider, model), o);
            }
        }
    }
    let mut rows = Vec::new();
    for ((day, kind, model), b) in billed {
        let o = seen.remove(&(*day, kind.id().to_string(), model.clone()));
        rows.push(row(*day, kind.id(), model, *b, o.as_ref(), req.tolerance_percent, false));
    }
    for ((day, provider, model), o) in seen {
        let later = ProviderKind::from_id(&provider).ok().is_some_and(|k| unbilled(k, day));
        rows.push(row(day, &provider, &model, Money::ZERO, Some(&o), req.tolerance_percent, later));
    }
    rows.retain(|r| !(r.billed.is_zero() && r.observed.is_zero()));
    rows.sort_by(|a, b| (a.day, &a.provider, &a.model).cmp(&(b.day, &b.provider, &b.model)));
    let total_billed: Money = rows.iter().map(|r| r.billed).sum();
    let total_observed: Money = rows.iter().map(|r| r.observed).sum();
    let seen_of_bill: Money = rows.iter().map(|r| r.observed.min(r.billed)).sum();
    let coverage =
        (!total_billed.is_zero()).then(|| (seen_of_bill.decimal() / total_billed.decimal()).round_dp(4).normalize());
    GatewayView {
        source: label.to_string(),
        kind: req.against,
        range: req.range,
        tolerance_percent: req.tolerance_percent,
        rows,
        billed: total_billed,
        observed: total_observed,
        coverage,
    }
}

/// The billed model an observation names: the same name, or a dated snapshot of it
/// (`gpt-4o-mini` is `gpt-4o-mini-2024-07-18`), or a router's `vendor/model`; of the provider it
/// names, when it names one.
fn match_model<'a>(models: &'a [(ProviderKind, String)], o: &Observation) -> Option<&'a (ProviderKind, String)> {
    let wanted = o.model.to_ascii_lowercase();
    let provider_ok = |k: &ProviderKind| match o.provider.as_deref().map(litellm_provider) {
        None => true,
        Some(p) => p == k.id(),
    };
    let candidates: Vec<&(ProviderKind, String)> = models.iter().filter(|(k, _)| provider_ok(k)).collect();
    let name = |m: &str| m.to_ascii_lowercase();
    candidates.iter().find(|(_, m)| name(m) == wanted).copied().or_else(|| {
        candidates
            .iter()
            .find(|(_, m)| {
                let m = name(m);
                m.strip_prefix(&wanted).is_some_and(|rest| rest.starts_with('-'))
                    || m.rsplit_once('/').is_some_and(|(_, tail)| tail == wanted)
            })
            .copied()
    })
}

/// LiteLLM's provider names as llmcost's ids.
fn litellm_provider(name: &str) -> &str {
    match name {
        "bedrock" | "bedrock_converse" => "aws",
        "vertex_ai" | "gemini" | "vertex_ai_beta" => "gcp",
        "azure" | "azure_ai" => "azure",
        other => other,
    }
}

fn row(
    day: NaiveDate,
    provider: &str,
    model: &str,
    billed: Money,
    observed: Option<&Observation>,
    tolerance: Decimal,
    later: bool,
) -> GapRow {
    let o = observed.map_or(Money::ZERO, |o| o.cost);
    let (b, od) = (billed.decimal(), o.decimal());
    let within = (b - od).abs() <= b * tolerance / Decimal::ONE_HUNDRED;
    let cause = if b.is_zero() {
        if later { Cause::NotYetBilled } else { Cause::NotBilled }
    } else if od.is_zero() {
        Cause::NeverObserved
    } else if within {
        Cause::Matches
    } else if od > b {
        if observed.is_some_and(|o| o.cached_tokens > 0) { Cause::CacheDiscount } else { Cause::PricedHigher }
    } else if observed.is_some_and(|o| o.failed_requests > 0) {
        Cause::FailedRequests
    } else {
        Cause::PartlyObserved
    };
    GapRow {
        day,
        provider: provider.to_string(),
        model: model.to_string(),
        billed,
        observed: o,
        coverage: (!b.is_zero()).then(|| (od / b).round_dp(4).normalize()),
        cause,
    }
}

/// The source's observations, and how the output names it.
fn observations(app: &App, req: &Request) -> Result<(String, Vec<Observation>)> {
    if app.is_demo() {
        let store = app.open_store()?;
        let seen = crate::demo::gateway_observations(&store, &app.accounts(), req.range, app.clock.today())?;
        return Ok(("the built-in demo gateway".to_string(), seen));
    }
    if let (Kind::Csv, Some(file)) = (req.against, &req.file) {
        let text = crate::import::read_text(file)?;
        let label = file.display().to_string();
        return Ok((label.clone(), crate::observed::csv_file::parse(&text, &label).map_err(Error::Usage)?));
    }
    let source = chosen(app, req)?;
    match source.kind {
        Kind::Csv => {
            let file = source.file.clone().unwrap_or_default();
            let text = crate::import::read_text(&file)?;
            let label = file.display().to_string();
            Ok((source.name.clone(), crate::observed::csv_file::parse(&text, &label).map_err(Error::Usage)?))
        }
        Kind::Litellm | Kind::Langfuse => {
            Ok((source.name.clone(), super::gateway_fetch::fetch(app, &source, req.range)?))
        }
    }
}

/// The `[[observed]]` source of the kind asked for (by name when there are several).
fn chosen(app: &App, req: &Request) -> Result<ObservedSource> {
    let of_kind: Vec<&ObservedSource> = app
        .config
        .observed
        .iter()
        .filter(|o| o.kind == req.against && req.name.as_ref().is_none_or(|n| &o.name == n))
        .collect();
    match of_kind.as_slice() {
        [one] => Ok((*one).clone()),
        [] if req.against == Kind::Csv => {
            Err(Error::Usage("--against csv needs --file PATH (or an [[observed]] entry with kind = \"csv\")".into()))
        }
        [] => Err(Error::Config(format!(
            "no [[observed]] source of kind \"{}\"{} in the config: add one (see docs/commands.md, 'Does the gateway match the bill?')",
            req.against.name(),
            req.name.as_ref().map(|n| format!(" named '{n}'")).unwrap_or_default()
        ))),
        many => Err(Error::Usage(format!(
            "several [[observed]] sources of kind \"{}\": choose one with --observed ({})",
            req.against.name(),
            many.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(day: &str, model: &str, cost: &str) -> Observation {
        Observation {
            day: day.parse().unwrap(),
            provider: None,
            model: model.into(),
            cost: Money::parse_dollars(cost).unwrap(),
            requests: 10,
            failed_requests: 0,
            cached_tokens: 0,
        }
    }

    #[test]
    fn each_cause_comes_out_with_its_gap_and_coverage() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let m = |s: &str| Money::parse_dollars(s).unwrap();
        let billed: BTreeMap<_, _> = [
            ((d("2026-11-02"), ProviderKind::OpenAi, "gpt-4o-mini-2024-07-18".to_string()), m("10.00")),
            ((d("2026-11-03"), ProviderKind::OpenAi, "gpt-4o-mini-2024-07-18".to_string()), m("10.00")),
            ((d("2026-11-04"), ProviderKind::Anthropic, "claude-sonnet-4-5".to_string()), m("8.00")),
            ((d("2026-11-04"), ProviderKind::Azure, "gpt-4.1".to_string()), m("5.00")),
            ((d("2026-11-05"), ProviderKind::OpenAi, "gpt-4o-mini-2024-07-18".to_string()), m("10.00")),
        ]
        .into_iter()
        .collect();
        let mut failed = obs("2026-11-03", "gpt-4o-mini", "9.00");
        failed.failed_requests = 12;
        let mut cached = obs("2026-11-04", "claude-sonnet-4-5", "10.40");
        cached.cached_tokens = 1_000_000;
        let observed = vec![
            obs("2026-11-02", "gpt-4o-mini", "9.00"),
            failed,
            cached,
            obs("2026-11-05", "gpt-4o-mini", "9.99"),
            obs("2026-11-06", "gpt-4o-mini", "3.00"),
        ];
        let req = Request {
            scope: Scope::default(),
            range: DateRange::new(d("2026-11-01"), d("2026-11-30")),
            against: Kind::Litellm,
            name: None,
            file: None,
            tolerance_percent: Decimal::from(2),
        };
        let view = compare("gw", &req, &billed, observed, |_, day| day >= d("2026-11-06"));
        let causes: Vec<(&str, &str, String, Option<String>)> = view
            .rows
            .iter()
            .map(|r| {
                let day = r.day.format("%d").to_string();
                (
                    r.cause.code(),
                    r.provider.as_str(),
                    format!("{day} {}", r.gap().exact()),
                    r.coverage.map(|c| c.to_string()),
                )
            })
            .collect();
        assert_eq!(
            causes,
            vec![
                ("partly_observed", "openai", "02 1.00".into(), Some("0.9".into())),
                ("failed_requests", "openai", "03 1.00".into(), Some("0.9".into())),
                ("cache_discount", "anthropic", "04 -2.40".into(), Some("1.3".into())),
                ("never_observed", "azure", "04 5.00".into(), Some("0".into())),
                ("matches", "openai", "05 0.01".into(), Some("0.999".into())),
                ("not_yet_billed", "openai", "06 -3.00".into(), None),
            ]
        );
        // Coverage: each row up to its bill: 9 + 9 + 8 + 0 + 9.99 of 43.
        assert_eq!(view.coverage, Some((Decimal::new(3599, 2) / Decimal::from(43)).round_dp(4).normalize()));
        assert_eq!(view.billed.exact(), "43.00");
    }
}
