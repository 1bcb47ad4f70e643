//! The Prometheus exposition of what the cache holds: month-to-date and today's spend per
//! provider, workspace, project and model, project names, budgets, sync health. Billed spend is
//! revised and backfilled, so every spend figure is a gauge, never a counter. Text format 0.0.4,
//! or OpenMetrics 1.0 when asked for.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::app::metrics::MetricsView;
use crate::domain::{Account, Money};

/// Sync failures counted by `serve` since it started, per account.
pub(crate) type SyncErrors = BTreeMap<Account, u64>;

/// A label value escaped as the format wants (`\\`, `\"`, `\n`).
fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

fn labels(pairs: &[(&str, &str)]) -> String {
    let inner: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}=\"{}\"", escape(v))).collect();
    format!("{{{}}}", inner.join(","))
}

/// An exact decimal written as a float literal (Prometheus parses it as a float64).
fn value(m: Money) -> String {
    m.decimal().normalize().to_string()
}

struct Family {
    name: String,
    kind: &'static str,
    help: String,
    samples: Vec<(String, String)>,
}

impl Family {
    fn new(name: impl Into<String>, kind: &'static str, help: impl Into<String>) -> Family {
        Family { name: name.into(), kind, help: help.into(), samples: Vec::new() }
    }

    fn add(&mut self, labels: String, value: String) {
        self.samples.push((labels, value));
    }

    fn write(&self, out: &mut String, openmetrics: bool) {
        // OpenMetrics names a counter family without `_total`; its samples keep it.
        let family = if openmetrics && self.kind == "counter" {
            self.name.trim_end_matches("_total")
        } else {
            self.name.as_str()
        };
        let _ = writeln!(out, "# HELP {family} {}", self.help);
        let _ = writeln!(out, "# TYPE {family} {}", self.kind);
        for (labels, value) in &self.samples {
            let _ = writeln!(out, "{}{labels} {value}", self.name);
        }
    }
}

/// The budgets' families: amount, spent and forecast in each budget's own currency (one family
/// per currency), then the ratio, whether the data is complete, and when each period ends.
fn budget_families(budgets: &[crate::budget::BudgetRow]) -> Vec<Family> {
    // A budget's money metrics are in its own currency: one family per currency used.
    let mut money: BTreeMap<String, [Family; 3]> = BTreeMap::new();
    let mut ratio = Family::new(
        "llmcost_budget_spent_ratio",
        "gauge",
        "Spend so far divided by the budget's amount (1 = all of it).",
    );
    let mut data_complete = Family::new(
        "llmcost_budget_data_complete",
        "gauge",
        "1 when every account in the budget's scope has data for its period; 0 when some or all have none \
         (no key, never synced): its spend, forecast and ratio series are then absent, never 0.",
    );
    let mut period_end = Family::new(
        "llmcost_budget_period_end_timestamp_seconds",
        "gauge",
        "When the budget's current period ends (the first second after its last UTC day).",
    );
    for row in budgets {
        let (b, s) = (&row.budget, &row.status);
        let name = b.name.as_str();
        let (code, u) = (b.currency.to_string(), b.currency.as_str().to_ascii_lowercase());
        let [amount, spent, forecast] = money.entry(u.clone()).or_insert_with(|| {
            [
                Family::new(
                    format!("llmcost_budget_amount_{u}"),
                    "gauge",
                    format!("A budget's amount for its period, in {code}."),
                ),
                Family::new(
                    format!("llmcost_budget_spent_{u}"),
                    "gauge",
                    format!("Spend so far in the budget's current period, in {code}."),
                ),
                Family::new(
                    format!("llmcost_budget_forecast_{u}"),
                    "gauge",
                    format!(
                        "Projected spend at the end of the budget's period (the last 7 days' run rate), in {code}."
                    ),
                ),
            ]
        });
        amount.add(labels(&[("budget", name), ("period", b.period.name())]), value(b.amount));
        data_complete.add(labels(&[("budget", name)]), if row.missing.is_empty() { "1" } else { "0" }.into());
        let end =
            s.period.until.succ_opt().unwrap_or(s.period.until).and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp());
        period_end.add(labels(&[("budget", name)]), end.unwrap_or(0).to_string());
        // Missing data is not zero spend: the series are left out (an alert on them stays
        // silent, and `llmcost_budget_data_complete` says why), unless spend already exceeds.
        if s.level.is_unknown() {
            continue;
        }
        spent.add(labels(&[("budget", name)]), value(s.spent));
        forecast.add(labels(&[("budget", name)]), value(s.forecast));
        ratio.add(labels(&[("budget", name)]), row.spent_ratio().to_string());
    }
    let mut out: Vec<Family> = money.into_values().flatten().collect();
    out.extend([ratio, data_complete, period_end]);
    out
}

/// The spend families: this month's, today's (with its basis) and this month's per person
/// (empty when no provider reports usage per key).
fn spend_families(view: &MetricsView) -> [Family; 3] {
    let currency = view.currency;
    let unit = currency.as_str().to_ascii_lowercase();
    let mut spend_month = Family::new(
        format!("llmcost_spend_month_to_date_{unit}"),
        "gauge",
        format!(
            "Billed spend this calendar month to date (UTC days), in {currency}, as llmcost costs --month shows it."
        ),
    );
    let mut spend_today = Family::new(
        format!("llmcost_spend_today_{unit}"),
        "gauge",
        format!(
            "Spend today (UTC, partial), in {currency}, as llmcost costs --today shows it: basis=\"estimate\" where an \
             account's bill has not arrived (usage x list price, or the provider's live figure), basis=\"billed\" \
             elsewhere; never both for one account."
        ),
    );
    for (samples, family) in [(&view.spend_month, &mut spend_month), (&view.spend_today, &mut spend_today)] {
        for s in samples {
            let mut pairs = vec![
                ("provider", s.provider.as_str()),
                ("workspace", &s.workspace),
                ("project", &s.project),
                ("model", &s.model),
            ];
            if let Some(basis) = &s.basis {
                pairs.push(("basis", basis));
            }
            family.add(labels(&pairs), value(s.cost));
        }
    }
    let mut by_person = Family::new(
        format!("llmcost_spend_month_to_date_by_person_{unit}"),
        "gauge",
        format!(
            "This month's spend per person (the owner of the API keys it was allocated to, by their usage; \
             person=\"(no key)\" for spend no key used), in {currency}, as llmcost costs --month --by person shows it."
        ),
    );
    for s in &view.spend_month_by_person {
        let basis = s.basis.as_deref().unwrap_or("");
        by_person.add(
            labels(&[("provider", &s.provider), ("workspace", &s.workspace), ("person", &s.model), ("basis", basis)]),
            value(s.cost),
        );
    }
    [spend_month, spend_today, by_person]
}

/// This month's coding-assistant activity per person (`llmcost activity --month`): sessions,
/// and the vendor's estimated cost in its currency (`basis="estimate"`: inside a bill or seats,
/// never to be added to the spend gauges). None without an activity account or a synced day.
fn activity_families(views: &[crate::app::activity::ActivityView]) -> Vec<Family> {
    let mut sessions = Family::new(
        "llmcost_activity_sessions_month_to_date",
        "gauge",
        "This month's coding-assistant sessions per person or API key (Claude Code's analytics), as \
         llmcost activity --month shows them.",
    );
    let mut estimated: Vec<Family> = Vec::new();
    for view in views.iter().filter(|v| v.has_data()) {
        let Some(account) = view.accounts.first() else { continue };
        for l in &view.lines {
            let pw =
                [("provider", account.provider.id()), ("workspace", account.workspace.as_str()), ("person", &l.key)];
            if let Some(w) = l.work {
                sessions.add(labels(&pw), w.sessions.to_string());
            }
            let name = format!("llmcost_activity_estimated_cost_month_to_date_{}", l.currency.as_str().to_lowercase());
            if !estimated.iter().any(|f| f.name == name) {
                let help = format!(
                    "This month's estimated cost per person (the vendor's estimate, in {}: API use is inside the \
                     provider's bill and seat use inside the seats, so never add it to spend), as llmcost \
                     activity --month shows it.",
                    l.currency
                );
                estimated.push(Family::new(name.clone(), "gauge", help));
            }
            let mut with_basis = pw.to_vec();
            with_basis.push(("basis", "estimate"));
            if let Some(family) = estimated.iter_mut().find(|f| f.name == name) {
                family.add(labels(&with_basis), value(l.estimated));
            }
        }
    }
    std::iter::once(sessions).chain(estimated).filter(|f| !f.samples.is_empty()).collect()
}

/// The whole exposition of a metrics view (the cache as it was read; never a provider).
/// Metric names carry their unit: `_usd`, or `_chf` with `--currency CHF`.
pub(crate) fn render(view: &MetricsView, errors: &SyncErrors, openmetrics: bool) -> String {
    let [spend_month, spend_today, by_person] = spend_families(view);
    let mut project_info = Family::new(
        "llmcost_project_info",
        "gauge",
        "A project (OpenAI project, Anthropic workspace, AWS linked account...) and its name; always 1.",
    );
    for ((provider, workspace, id), name) in &view.project_names {
        project_info.add(
            labels(&[("provider", provider), ("workspace", workspace), ("project", id), ("project_name", name)]),
            "1".into(),
        );
    }
    let budgets = budget_families(&view.budgets);
    let mut last_success = Family::new(
        "llmcost_sync_last_success_timestamp_seconds",
        "gauge",
        "When an account's data was last fetched successfully (Unix seconds).",
    );
    let mut sync_errors =
        Family::new("llmcost_sync_errors_total", "counter", "Failed syncs of an account since this llmcost started.");
    for (a, last) in &view.last_sync {
        let pw = [("provider", a.provider.id()), ("workspace", a.workspace.as_str())];
        if let Some(at) = last {
            last_success.add(labels(&pw), at.timestamp().to_string());
        }
        sync_errors.add(labels(&pw), errors.get(a).copied().unwrap_or(0).to_string());
    }
    let activity = activity_families(&view.activity_month);
    let mut build = Family::new("llmcost_build_info", "gauge", "The llmcost version serving these metrics; always 1.");
    build.add(labels(&[("version", env!("CARGO_PKG_VERSION"))]), "1".into());

    let mut out = String::new();
    // A family with no sample is left out (no provider reports usage per key).
    let people = (!by_person.samples.is_empty()).then_some(&by_person);
    let families = [&spend_month, &spend_today]
        .into_iter()
        .chain(people)
        .chain([&project_info])
        .chain(&budgets)
        .chain(&activity)
        .chain([&last_success, &sync_errors, &build]);
    for family in families {
        family.write(&mut out, openmetrics);
    }
    if openmetrics {
        out.push_str("# EOF\n");
    }
    out
}

/// Whether a scraper asked for OpenMetrics in its `Accept` header.
pub(crate) fn wants_openmetrics(accept: Option<&str>) -> bool {
    accept.is_some_and(|a| a.contains("application/openmetrics-text"))
}

pub(crate) const TEXT_CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";
pub(crate) const OPENMETRICS_CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(labels(&[("project", "a\"b\\c\nd")]), r#"{project="a\"b\\c\nd"}"#);
    }

    #[test]
    fn counters_follow_each_format() {
        let mut f = Family::new("x_errors_total", "counter", "h");
        f.add(labels(&[("a", "b")]), "2".into());
        let (mut text, mut om) = (String::new(), String::new());
        f.write(&mut text, false);
        f.write(&mut om, true);
        assert!(text.contains("# TYPE x_errors_total counter") && text.contains("x_errors_total{a=\"b\"} 2"));
        assert!(om.contains("# TYPE x_errors counter") && om.contains("x_errors_total{a=\"b\"} 2"));
    }
}
