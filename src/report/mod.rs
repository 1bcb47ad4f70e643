//! `report` shaping, pure: from per-day facts to totals, comparisons, forecast, breakdowns,
//! movers, the daily series and anomalies. Rendering lives in `output::report_out`.

pub(crate) mod anomaly;

use std::collections::{BTreeMap, HashMap};

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::budget;
use crate::budget::BudgetRow;
use crate::domain::{DateRange, KeyValue, Money, UsageTotals};
pub(crate) use anomaly::Anomaly;

/// Spend of one day, provider, workspace, project and model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fact {
    pub day: NaiveDate,
    pub provider: String,
    pub workspace: String,
    /// `""` for the default project.
    pub project_id: String,
    pub project_name: String,
    pub model: String,
    pub cost: Money,
    pub usage: Option<UsageTotals>,
}

/// What `build` needs: facts covering the previous period and the anomaly window too.
pub(crate) struct Input {
    pub range: DateRange,
    pub today: NaiveDate,
    /// The end of the calendar period being reported, when it is not over yet (for a forecast).
    pub period_end: Option<NaiveDate>,
    pub facts: Vec<Fact>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// `provider/workspace`, a project name, a model...
    pub name: String,
    /// The owning `provider/workspace` (projects and models).
    pub owner: String,
    pub cost: Money,
    pub share: Decimal,
    pub usage: Option<UsageTotals>,
}

impl Line {
    /// Dollars per million tokens, where tokens are known.
    pub(crate) fn cost_per_million(&self) -> Option<Money> {
        let u = self.usage?;
        let tokens = u.input_tokens + u.output_tokens;
        (tokens > 0)
            .then(|| Money::from_decimal(self.cost.decimal() * Decimal::from(1_000_000) / Decimal::from(tokens)))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mover {
    pub name: String,
    pub owner: String,
    pub now: Money,
    pub before: Money,
}

impl Mover {
    pub(crate) fn change(&self) -> Money {
        self.now - self.before
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Movers {
    pub rising: Vec<Mover>,
    pub falling: Vec<Mover>,
    /// Spent now, nothing in the previous period.
    pub appeared: Vec<Mover>,
    /// Spent before, nothing now.
    pub disappeared: Vec<Mover>,
}

#[derive(Clone, Debug)]
pub(crate) struct Report {
    /// The currency every amount is in.
    pub currency: crate::domain::Currency,
    pub range: DateRange,
    pub previous: DateRange,
    pub today: NaiveDate,
    pub total: Money,
    pub previous_total: Money,
    pub forecast: Option<budget::Forecast>,
    pub period_end: Option<NaiveDate>,
    pub by_account: Vec<Line>,
    pub by_project: Vec<Line>,
    pub by_model: Vec<Line>,
    pub model_movers: Movers,
    pub project_movers: Movers,
    /// Every day of the range, $0 included.
    pub daily: Vec<(NaiveDate, Money)>,
    pub anomalies: Vec<Anomaly>,
    pub budgets: Vec<BudgetRow>,
    /// The period's spend by the config's teams, when it has any (and the report is not one
    /// team's).
    pub chargeback: Option<crate::app::views::ChargebackView>,
    /// `--team`: the one team the report is about.
    pub team: Option<String>,
    /// `--by week|month`: the period's spend per ISO week or calendar month (`2026-W48`,
    /// `2026-11`), oldest first.
    pub by_period: Vec<(KeyValue, Money)>,
    /// The largest savings `llmcost optimize` finds (top `TOP_SAVINGS`), estimates.
    pub savings: Vec<crate::savings::Finding>,
    /// The days the savings were estimated over (the last 30 complete days for a running period).
    pub savings_window: Option<DateRange>,
    /// Who spent it: the period's spend per key owner, split between API keys by their usage
    /// (empty when no provider reports keys).
    pub by_person: Vec<Line>,
    /// Coding-assistant activity with the vendor's estimate (Claude Code's analytics), beside
    /// the bill and never in it: `llmcost activity`'s view of the period; `None` without an
    /// activity account in scope.
    pub activity: Option<crate::app::activity::ActivityView>,
}

impl Report {
    pub(crate) fn change(&self) -> Money {
        self.total - self.previous_total
    }

    /// Change against the previous period in percent; `None` when it spent nothing.
    pub(crate) fn change_percent(&self) -> Option<Decimal> {
        (!self.previous_total.is_zero())
            .then(|| self.change().decimal() / self.previous_total.decimal() * Decimal::ONE_HUNDRED)
    }
}

/// How many savings findings a report lists (`llmcost optimize` has them all).
pub(crate) const TOP_SAVINGS: usize = 3;

/// How many movers of each kind a report lists.
pub(crate) const TOP_MOVERS: usize = 5;

/// The period `range` is compared with (see `calendar::previous`).
pub(crate) fn previous_period(range: DateRange) -> DateRange {
    crate::domain::calendar::previous(range)
}

/// Daily spend summed per ISO week (`weeks`) or calendar month, oldest first.
pub(crate) fn buckets(daily: &[(NaiveDate, Money)], weeks: bool) -> Vec<(KeyValue, Money)> {
    use chrono::Datelike;
    let mut out: BTreeMap<KeyValue, Money> = BTreeMap::new();
    for (day, cost) in daily {
        let key = if weeks {
            let w = day.iso_week();
            KeyValue::Week { year: w.year(), week: w.week() }
        } else {
            KeyValue::Month { year: day.year(), month: day.month() }
        };
        *out.entry(key).or_insert(Money::ZERO) += *cost;
    }
    out.into_iter().collect()
}

/// The first day `build` needs facts from.
pub(crate) fn window_start(range: DateRange) -> NaiveDate {
    previous_period(range).since.min(range.since - Days::new(anomaly::WINDOW))
}

type Key = (String, String); // (name, owner)

fn group(facts: &[&Fact], key: impl Fn(&Fact) -> Key) -> BTreeMap<Key, (Money, Option<UsageTotals>)> {
    let mut out: BTreeMap<Key, (Money, Option<UsageTotals>)> = BTreeMap::new();
    for f in facts {
        let entry = out.entry(key(f)).or_insert((Money::ZERO, None));
        entry.0 += f.cost;
        if let Some(u) = f.usage {
            let mut sum = entry.1.unwrap_or_default();
            sum += u;
            entry.1 = Some(sum);
        }
    }
    out
}

fn lines(groups: BTreeMap<Key, (Money, Option<UsageTotals>)>, total: Money) -> Vec<Line> {
    let mut out: Vec<Line> = groups
        .into_iter()
        .map(|((name, owner), (cost, usage))| Line { share: cost.share_of(total), name, owner, cost, usage })
        .collect();
    out.sort_by(|a, b| b.cost.cmp(&a.cost).then_with(|| a.name.cmp(&b.name)));
    out
}

fn movers(
    now: &BTreeMap<Key, (Money, Option<UsageTotals>)>,
    before: &BTreeMap<Key, (Money, Option<UsageTotals>)>,
) -> Movers {
    let mut all: Vec<Mover> = Vec::new();
    for key in now.keys().chain(before.keys()) {
        if all.iter().any(|m| (&m.name, &m.owner) == (&key.0, &key.1)) {
            continue;
        }
        let get = |map: &BTreeMap<Key, (Money, Option<UsageTotals>)>| map.get(key).map_or(Money::ZERO, |v| v.0);
        all.push(Mover { name: key.0.clone(), owner: key.1.clone(), now: get(now), before: get(before) });
    }
    let mut m = Movers::default();
    for mover in all {
        match (mover.before.is_zero(), mover.now.is_zero()) {
            (true, false) => m.appeared.push(mover),
            (false, true) => m.disappeared.push(mover),
            (false, false) if mover.change() > Money::ZERO => m.rising.push(mover),
            (false, false) if mover.change() < Money::ZERO => m.falling.push(mover),
            _ => {}
        }
    }
    m.rising.sort_by_key(|x| std::cmp::Reverse(x.change()));
    m.falling.sort_by_key(Mover::change);
    m.appeared.sort_by_key(|x| std::cmp::Reverse(x.now));
    m.disappeared.sort_by_key(|x| std::cmp::Reverse(x.before));
    for list in [&mut m.rising, &mut m.falling, &mut m.appeared, &mut m.disappeared] {
        list.truncate(TOP_MOVERS);
    }
    m
}

fn project_key(f: &Fact) -> Key {
    (f.project_name.clone(), format!("{}/{}", f.provider, f.workspace))
}

fn model_key(f: &Fact) -> Key {
    (f.model.clone(), f.provider.clone())
}

pub(crate) fn build(input: Input) -> Report {
    let range = input.range;
    let previous = previous_period(range);
    let current: Vec<&Fact> = input.facts.iter().filter(|f| range.contains(f.day)).collect();
    let before: Vec<&Fact> = input.facts.iter().filter(|f| previous.contains(f.day)).collect();
    let total: Money = current.iter().map(|f| f.cost).sum();
    let previous_total: Money = before.iter().map(|f| f.cost).sum();

    let mut per_day: BTreeMap<NaiveDate, Money> = range.days().map(|d| (d, Money::ZERO)).collect();
    let mut all_days: HashMap<NaiveDate, Decimal> = HashMap::new();
    let mut by_model_day: HashMap<String, HashMap<NaiveDate, Decimal>> = HashMap::new();
    let mut by_project_day: HashMap<String, HashMap<NaiveDate, Decimal>> = HashMap::new();
    for f in &input.facts {
        if let Some(v) = per_day.get_mut(&f.day) {
            *v += f.cost;
        }
        *all_days.entry(f.day).or_default() += f.cost.decimal();
        *by_model_day.entry(f.model.clone()).or_default().entry(f.day).or_default() += f.cost.decimal();
        let project = format!("{} ({}/{})", f.project_name, f.provider, f.workspace);
        *by_project_day.entry(project).or_default().entry(f.day).or_default() += f.cost.decimal();
    }
    let daily: Vec<(NaiveDate, Money)> = per_day.into_iter().collect();
    // The forecast's run-rate window reaches back across the period's start (the facts hold the
    // days before it): the same series, so the same figure, as a budget over the same scope.
    let mut series: Vec<(NaiveDate, Money)> = all_days.iter().map(|(d, v)| (*d, Money::from_decimal(*v))).collect();
    series.sort_unstable();
    let forecast = input.period_end.filter(|end| *end >= input.today && range.contains(input.today)).map(|end| {
        let period = DateRange::new(range.since, end);
        budget::forecast(&series, period, input.today)
    });

    let account_key = |f: &Fact| (format!("{}/{}", f.provider, f.workspace), f.provider.clone());
    Report {
        currency: crate::domain::Currency::USD,
        range,
        previous,
        today: input.today,
        total,
        previous_total,
        forecast,
        period_end: input.period_end,
        by_account: lines(group(&current, account_key), total),
        by_project: lines(group(&current, project_key), total),
        by_model: lines(group(&current, model_key), total),
        model_movers: movers(&group(&current, model_key), &group(&before, model_key)),
        project_movers: movers(&group(&current, project_key), &group(&before, project_key)),
        daily,
        anomalies: anomaly::find(range, input.today, &all_days, &by_model_day, &by_project_day),
        budgets: Vec::new(),
        chargeback: None,
        team: None,
        savings: Vec::new(),
        savings_window: None,
        by_period: Vec::new(),
        by_person: Vec::new(),
        activity: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn fact(day: &str, project: &str, model: &str, cost: i64) -> Fact {
        Fact {
            day: d(day),
            provider: "openai".into(),
            workspace: "edu".into(),
            project_id: project.to_lowercase(),
            project_name: project.into(),
            model: model.into(),
            cost: Money::from_decimal(Decimal::from(cost)),
            usage: Some(UsageTotals {
                input_tokens: 1_000_000,
                output_tokens: 0,
                cached_input_tokens: 0,
                requests: 10,
            }),
        }
    }

    fn input(range: (&str, &str), today: &str, facts: Vec<Fact>) -> Input {
        Input { range: DateRange::new(d(range.0), d(range.1)), today: d(today), period_end: None, facts }
    }

    #[test]
    fn compares_with_the_previous_period_of_equal_length() {
        let r = build(input(
            ("2026-11-11", "2026-11-20"),
            "2026-11-22",
            vec![
                fact("2026-11-05", "A", "gpt", 50),
                fact("2026-11-12", "A", "gpt", 60),
                fact("2026-11-15", "A", "gpt", 15),
            ],
        ));
        assert_eq!(r.previous, DateRange::new(d("2026-11-01"), d("2026-11-10")));
        assert_eq!(r.total, Money::from_decimal(Decimal::from(75)));
        assert_eq!(r.previous_total, Money::from_decimal(Decimal::from(50)));
        assert_eq!(r.change_percent(), Some(Decimal::from(50)));
        assert_eq!(r.daily.len(), 10, "every day, $0 included");
    }

    #[test]
    fn whole_months_compare_with_whole_months() {
        let p = |a: &str, b: &str| previous_period(DateRange::new(d(a), d(b)));
        assert_eq!(p("2026-03-01", "2026-03-31"), DateRange::new(d("2026-02-01"), d("2026-02-28")));
        assert_eq!(p("2026-10-01", "2026-12-31"), DateRange::new(d("2026-07-01"), d("2026-09-30")), "a quarter");
        assert_eq!(p("2026-01-01", "2026-12-31"), DateRange::new(d("2025-01-01"), d("2025-12-31")), "a year");
        assert_eq!(p("2026-11-01", "2026-11-22"), DateRange::new(d("2026-10-10"), d("2026-10-31")), "to date: N days");
    }

    #[test]
    fn movers_rise_fall_appear_and_disappear() {
        let r = build(input(
            ("2026-11-11", "2026-11-20"),
            "2026-11-22",
            vec![
                fact("2026-11-05", "A", "gpt", 50),
                fact("2026-11-05", "B", "claude", 30),
                fact("2026-11-05", "C", "old", 5),
                fact("2026-11-12", "A", "gpt", 80),
                fact("2026-11-12", "B", "claude", 10),
                fact("2026-11-12", "D", "new", 7),
            ],
        ));
        let names = |v: &Vec<Mover>| v.iter().map(|m| m.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&r.model_movers.rising), ["gpt"]);
        assert_eq!(names(&r.model_movers.falling), ["claude"]);
        assert_eq!(names(&r.model_movers.appeared), ["new"]);
        assert_eq!(names(&r.model_movers.disappeared), ["old"]);
        assert_eq!(names(&r.project_movers.appeared), ["D"]);
        assert_eq!(r.by_model[0].name, "gpt");
        assert_eq!(r.by_model[0].cost_per_million(), Some(Money::from_decimal(Decimal::from(80))));
    }

    #[test]
    fn an_empty_period_and_a_single_day() {
        let r = build(input(("2026-11-20", "2026-11-20"), "2026-11-22", vec![]));
        assert!(r.total.is_zero() && r.by_model.is_empty() && r.anomalies.is_empty());
        assert_eq!(r.change_percent(), None);
        assert_eq!(r.previous, DateRange::single(d("2026-11-19")));
        assert_eq!(r.daily, vec![(d("2026-11-20"), Money::ZERO)]);
    }

    #[test]
    fn forecasts_only_an_unfinished_period() {
        let facts: Vec<Fact> = (1..=21).map(|n| fact(&format!("2026-11-{n:02}"), "A", "gpt", 10)).collect();
        let mut i = input(("2026-11-01", "2026-11-22"), "2026-11-22", facts.clone());
        i.period_end = Some(d("2026-11-30"));
        let r = build(i);
        assert_eq!(r.forecast.unwrap().total, Money::from_decimal(Decimal::from(300)));
        let mut done = input(("2026-10-01", "2026-10-31"), "2026-11-22", facts);
        done.period_end = Some(d("2026-10-31"));
        assert!(build(done).forecast.is_none());
    }

    #[test]
    fn spikes_are_found_with_their_drivers() {
        let mut facts: Vec<Fact> = Vec::new();
        for n in 1..=21 {
            facts.push(fact(&format!("2026-11-{n:02}"), "A", "gpt", 10));
            facts.push(fact(&format!("2026-11-{n:02}"), "B", "claude", 5));
        }
        facts.push(fact("2026-11-19", "B", "claude", 90));
        let r = build(input(("2026-11-15", "2026-11-22"), "2026-11-22", facts));
        assert_eq!(r.anomalies.len(), 1);
        let a = &r.anomalies[0];
        assert_eq!(a.day, d("2026-11-19"));
        assert_eq!(a.model.as_deref(), Some("claude"));
        assert_eq!(a.project.as_deref(), Some("B (openai/edu)"));
    }
}
