//! `llmcost activity`: what people did with a coding assistant and what its vendor estimates it
//! cost (Claude Code's analytics), per person, model, day, terminal or account type. The cost is
//! an estimate inside other figures (API-billed use is in Anthropic's bill, subscription use is
//! covered by seats): it is labelled so and never added to a billed total.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::App;
use super::answer::Answer;
use super::select::Scope;
use crate::domain::{Account, ActivityRecord, ActorKind, Currency, DateRange, Money, Work};
use crate::error::{Error, Result};
use crate::store::Store;

/// What a row of the view is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum ActivityBy {
    /// A person (an email) or an API key.
    #[default]
    Person,
    Model,
    Day,
    Terminal,
    /// `api` or `subscription`.
    CustomerType,
}

impl ActivityBy {
    pub(crate) fn label(self) -> &'static str {
        match self {
            ActivityBy::Person => "person",
            ActivityBy::Model => "model",
            ActivityBy::Day => "day",
            ActivityBy::Terminal => "terminal",
            ActivityBy::CustomerType => "customer_type",
        }
    }
}

/// Tokens of the row's models.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tokens {
    pub input: u64,
    pub output: u64,
    pub cache_read: u64,
    pub cache_creation: u64,
}

/// One row: a person (or model, day, ...) in one currency of estimate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ActivityLine {
    pub key: String,
    /// For `--by person`: a person or an API key.
    pub actor_kind: Option<ActorKind>,
    /// `None` for `--by model`.
    pub work: Option<Work>,
    /// UTC days with a record.
    pub active_days: usize,
    pub tokens: Tokens,
    /// The vendor's estimate.
    pub estimated: Money,
    pub currency: Currency,
}

/// What `llmcost activity` shows.
#[derive(Clone, Debug)]
pub(crate) struct ActivityView {
    pub range: DateRange,
    /// The UTC day it was asked on (a range that holds it is partial).
    pub today: chrono::NaiveDate,
    pub by: ActivityBy,
    pub accounts: Vec<Account>,
    pub lines: Vec<ActivityLine>,
    /// Everything, per currency of estimate (one in practice: USD).
    pub totals: Vec<ActivityLine>,
    /// The estimate split by account type: (`api` | `subscription` | ``, currency, amount): the
    /// API part is inside Anthropic's bill, the subscription part inside seats.
    pub by_customer_type: Vec<(String, Currency, Money)>,
    /// UTC days of the range synced for every account: fewer than the range's means some
    /// days are unknown, not idle.
    pub days_synced: usize,
}

impl ActivityView {
    /// Whether anything was synced for the range: "no data" is never shown as no activity.
    pub(crate) fn has_data(&self) -> bool {
        self.days_synced > 0
    }
}

/// The activity accounts a scope names (an error when it names none).
fn accounts(app: &App, scope: &Scope) -> Result<Vec<Account>> {
    let chosen = in_scope(app, &scope.providers, &scope.workspaces)?;
    if chosen.is_empty() {
        let ids: Vec<&str> =
            crate::domain::ProviderKind::ALL.iter().filter(|k| k.info().activity_only).map(|k| k.id()).collect();
        return Err(Error::Usage(format!(
            "no workspace reports people's activity here: add one with 'llmcost providers add {} --workspace NAME' \
             (an Anthropic Admin key)",
            ids.join(" | ")
        )));
    }
    Ok(chosen)
}

/// The accounts `--provider` and `--workspace` name that report activity (none is no error:
/// the report then has no activity section).
pub(crate) fn in_scope(app: &App, providers: &[String], workspaces: &[String]) -> Result<Vec<Account>> {
    Ok(app.select_any(providers, workspaces)?.into_iter().filter(|a| a.provider.info().activity_only).collect())
}

/// Refreshes the range (unless offline) and answers from the cache.
pub(crate) fn run(app: &App, scope: &Scope, range: DateRange, by: ActivityBy) -> Result<Answer<ActivityView>> {
    let accounts = accounts(app, scope)?;
    let mut store = app.open_store()?;
    let failed = super::select::refresh_for_view(app, &mut store, &accounts, range, scope.offline, scope.refresh)?;
    let view = read(&store, accounts, range, by, app.clock.today())?;
    Ok(Answer { view, failed })
}

/// The configured accounts that report activity (none is no error: the views that show
/// activity beside a bill, the exporter's and the report's, then show none).
pub(crate) fn configured(app: &App) -> Vec<Account> {
    app.accounts().into_iter().filter(|a| a.provider.info().activity_only).collect()
}

/// The view of the cached activity of `accounts` (every front end's: `activity`, the
/// exporter's gauges, the report's section).
pub(crate) fn read(
    store: &Store,
    accounts: Vec<Account>,
    range: DateRange,
    by: ActivityBy,
    today: chrono::NaiveDate,
) -> Result<ActivityView> {
    let mut summary = Summary::new(by);
    store.each_activity(&accounts, range.since, range.until, |r| summary.add(r))?;
    let mut synced: Option<BTreeSet<chrono::NaiveDate>> = None;
    for a in &accounts {
        let days: BTreeSet<chrono::NaiveDate> = store
            .synced_days(a.provider.id(), &a.workspace, range.since, range.until)?
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        synced = Some(match synced {
            None => days,
            Some(seen) => seen.intersection(&days).copied().collect(),
        });
    }
    let mut view = summary.view(range, accounts, synced.map_or(0, |d| d.len()));
    view.today = today;
    Ok(view)
}

#[derive(Default)]
struct Acc {
    actor_kind: Option<ActorKind>,
    work: Work,
    days: BTreeSet<chrono::NaiveDate>,
    tokens: Tokens,
    estimated: Money,
}

impl Acc {
    fn tokens(&mut self, m: &crate::domain::ActivityModel) {
        self.tokens.input = self.tokens.input.saturating_add(m.input_tokens);
        self.tokens.output = self.tokens.output.saturating_add(m.output_tokens);
        self.tokens.cache_read = self.tokens.cache_read.saturating_add(m.cache_read_tokens);
        self.tokens.cache_creation = self.tokens.cache_creation.saturating_add(m.cache_creation_tokens);
    }

    fn cost(&mut self, amount: Money, what: impl Fn() -> String) -> Result<()> {
        self.estimated = self
            .estimated
            .checked_add(amount)
            .ok_or_else(|| Error::Runtime(format!("the estimated cost of {} overflows when summed", what())))?;
        Ok(())
    }

    fn line(self, key: String, with_work: bool, currency: Currency) -> ActivityLine {
        ActivityLine {
            key,
            actor_kind: self.actor_kind,
            work: with_work.then_some(self.work),
            active_days: self.days.len(),
            tokens: self.tokens,
            estimated: self.estimated,
            currency,
        }
    }
}

fn key_of(by: ActivityBy, r: &ActivityRecord) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match by {
        ActivityBy::Person | ActivityBy::Model => Cow::Borrowed(&r.actor),
        ActivityBy::Day => Cow::Owned(r.day.to_string()),
        ActivityBy::Terminal if r.terminal.is_empty() => Cow::Borrowed("(not said)"),
        ActivityBy::Terminal => Cow::Borrowed(&r.terminal),
        ActivityBy::CustomerType if r.customer_type.is_empty() => Cow::Borrowed("(not said)"),
        ActivityBy::CustomerType => Cow::Borrowed(&r.customer_type),
    }
}

/// The lines being summed, by key and currency; a key is copied once, when first seen.
#[derive(Default)]
struct Lines {
    index: HashMap<String, usize>,
    lines: Vec<(String, BTreeMap<Currency, Acc>)>,
}

impl Lines {
    fn at(&mut self, key: &str, currency: Currency) -> &mut Acc {
        let i = if let Some(&i) = self.index.get(key) {
            i
        } else {
            self.index.insert(key.to_string(), self.lines.len());
            self.lines.push((key.to_string(), BTreeMap::new()));
            self.lines.len() - 1
        };
        self.lines[i].1.entry(currency).or_default()
    }
}

/// The records summed as they are read: one line per key and currency.
struct Summary {
    by: ActivityBy,
    lines: Lines,
    totals: BTreeMap<Currency, Acc>,
    /// Few account types: a short list looked up in place, no key copied per model row.
    customer: Vec<(String, Currency, Money)>,
}

impl Summary {
    fn new(by: ActivityBy) -> Summary {
        Summary { by, lines: Lines::default(), totals: BTreeMap::new(), customer: Vec::new() }
    }

    fn add(&mut self, r: &ActivityRecord) -> Result<()> {
        let by = self.by;
        // The record's work counts once per line it falls in (a person's), never once per model.
        let mut currencies: Vec<Currency> = r.models.iter().map(|m| m.currency).collect();
        currencies.sort_unstable();
        currencies.dedup();
        if currencies.is_empty() {
            currencies.push(Currency::USD);
        }
        for currency in currencies {
            let total = self.totals.entry(currency).or_default();
            total.work.add(&r.work);
            total.days.insert(r.day);
            if by != ActivityBy::Model {
                let line = self.lines.at(&key_of(by, r), currency);
                line.work.add(&r.work);
                line.days.insert(r.day);
                if by == ActivityBy::Person {
                    line.actor_kind = Some(r.actor_kind);
                }
            }
        }
        for m in &r.models {
            let what = || format!("{} on {}", m.model, r.day);
            let total = self.totals.entry(m.currency).or_default();
            total.tokens(m);
            total.cost(m.estimated, what)?;
            let key =
                if by == ActivityBy::Model { std::borrow::Cow::Borrowed(m.model.as_str()) } else { key_of(by, r) };
            let line = self.lines.at(&key, m.currency);
            line.tokens(m);
            line.cost(m.estimated, what)?;
            if by == ActivityBy::Model {
                // Other lines counted the record's day with its work.
                line.days.insert(r.day);
            }
            let customer = &mut self.customer;
            let at = customer.iter().position(|(t, c, _)| *t == r.customer_type && *c == m.currency);
            let at = at.unwrap_or_else(|| {
                customer.push((r.customer_type.clone(), m.currency, Money::ZERO));
                customer.len() - 1
            });
            let part = &mut customer[at].2;
            *part = part.checked_add(m.estimated).ok_or_else(|| Error::Runtime(format!("{} overflows", what())))?;
        }
        Ok(())
    }

    /// The view: largest estimate first (days in order).
    fn view(self, range: DateRange, accounts: Vec<Account>, days_synced: usize) -> ActivityView {
        let Summary { by, lines, totals, mut customer } = self;
        let with_work = by != ActivityBy::Model;
        let mut lines: Vec<ActivityLine> = lines
            .lines
            .into_iter()
            .flat_map(|(key, by_currency)| {
                by_currency.into_iter().map(move |(currency, acc)| acc.line(key.clone(), with_work, currency))
            })
            .collect();
        if by == ActivityBy::Day {
            lines.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.currency.cmp(&b.currency)));
        } else {
            lines.sort_by(|a, b| {
                b.estimated.cmp(&a.estimated).then_with(|| a.key.cmp(&b.key)).then_with(|| a.currency.cmp(&b.currency))
            });
        }
        customer.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        ActivityView {
            range,
            today: range.until,
            by,
            accounts,
            lines,
            totals: totals.into_iter().map(|(currency, acc)| acc.line("Total".into(), true, currency)).collect(),
            by_customer_type: customer,
            days_synced,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summarize(
        range: DateRange,
        by: ActivityBy,
        accounts: Vec<Account>,
        records: &[ActivityRecord],
        days_synced: usize,
    ) -> Result<ActivityView> {
        let mut summary = Summary::new(by);
        for r in records {
            summary.add(r)?;
        }
        Ok(summary.view(range, accounts, days_synced))
    }
    use crate::domain::ActivityModel;

    fn record(day: &str, actor: &str, customer: &str, models: &[(&str, &str)]) -> ActivityRecord {
        ActivityRecord {
            day: chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(),
            actor: actor.into(),
            actor_kind: ActorKind::User,
            customer_type: customer.into(),
            subscription_type: String::new(),
            terminal: "vscode".into(),
            work: Work {
                sessions: 2,
                lines_added: 10,
                lines_removed: 1,
                commits: 1,
                pull_requests: 0,
                edits_accepted: 3,
                edits_rejected: 1,
            },
            models: models
                .iter()
                .map(|(model, usd)| ActivityModel {
                    model: (*model).into(),
                    input_tokens: 100,
                    output_tokens: 10,
                    cache_read_tokens: 0,
                    cache_creation_tokens: 0,
                    estimated: Money::parse_dollars(usd).unwrap(),
                    currency: Currency::USD,
                })
                .collect(),
        }
    }

    fn range() -> DateRange {
        DateRange::new(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        )
    }

    #[test]
    fn work_counts_once_per_record_and_cost_sums_per_model() {
        let records = [
            record("2026-11-02", "ana@x.io", "api", &[("opus", "1.50"), ("haiku", "0.25")]),
            record("2026-11-03", "ana@x.io", "subscription", &[("opus", "2.00")]),
            record("2026-11-03", "bo@x.io", "api", &[("haiku", "0.10")]),
        ];
        let v = summarize(range(), ActivityBy::Person, vec![], &records, 30).unwrap();
        assert_eq!(v.lines[0].key, "ana@x.io");
        assert_eq!(v.lines[0].estimated.exact(), "3.75");
        assert_eq!(v.lines[0].work.unwrap().sessions, 4, "two records, not three model rows");
        assert_eq!(v.lines[0].active_days, 2);
        assert_eq!(v.totals[0].estimated.exact(), "3.85");
        assert_eq!(v.totals[0].work.unwrap().sessions, 6);
        assert_eq!(v.totals[0].work.unwrap().acceptance_percent(), Some(75));
        let api: Vec<String> = v.by_customer_type.iter().map(|(t, _, m)| format!("{t} {}", m.exact())).collect();
        assert_eq!(api, ["api 1.85", "subscription 2.00"]);
        let by_model = summarize(range(), ActivityBy::Model, vec![], &records, 30).unwrap();
        let models: Vec<(String, String)> =
            by_model.lines.iter().map(|l| (l.key.clone(), l.estimated.exact())).collect();
        assert_eq!(models, [("opus".into(), "3.50".into()), ("haiku".into(), "0.35".into())]);
        assert!(by_model.lines[0].work.is_none(), "a model has no sessions of its own");
        let sum = by_model.lines.iter().fold(Money::ZERO, |s, l| s.checked_add(l.estimated).unwrap());
        assert_eq!(sum, by_model.totals[0].estimated);
    }

    #[test]
    fn a_record_without_models_still_counts_its_work() {
        let v = summarize(range(), ActivityBy::Day, vec![], &[record("2026-11-05", "c@x.io", "api", &[])], 30).unwrap();
        assert_eq!(v.lines[0].key, "2026-11-05");
        assert_eq!(v.lines[0].work.unwrap().commits, 1);
        assert!(v.lines[0].estimated.is_zero());
    }
}
