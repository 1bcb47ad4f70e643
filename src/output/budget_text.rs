//! A budget in words: its scope, the sentence that states it, the one-line note and summary
//! that views print under their rows. Shared by the budgets renderers and the cost tables.

use rust_decimal::Decimal;

use crate::budget::{Budget, BudgetRow, Level};

pub(crate) fn scope_text(b: &Budget) -> String {
    let s = &b.scope;
    let parts: Vec<String> = [
        s.provider.map(|p| p.id().to_string()),
        s.workspace.clone().map(|w| format!("workspace {w}")),
        s.project.clone().map(|p| format!("project {p}")),
        s.model.clone().map(|m| format!("model {m}")),
        s.team.clone().map(|t| format!("team {t}")),
        s.key.clone().map(|k| format!("key {k}")),
        s.person.clone().map(|p| if p == "*" { "each person".to_string() } else { format!("person {p}") }),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() { "all spend".to_string() } else { parts.join(", ") }
}

pub(crate) fn pct(p: Decimal) -> String {
    format!("{p:.1}%")
}

/// One line for `costs` and `projects`: `Budget team: $412.80 of $500.00 (82.6%) ... [warning]`.
pub(crate) fn note(r: &BudgetRow) -> String {
    format!("Budget {} [{}]", sentence(r), r.status.level)
}

/// The budget as JSON inside `costs` and `projects` output.
/// `Budgets: 2 exceeded, 1 warning, 2 ok (llmcost budgets)`: one line for a terminal.
pub(crate) fn summary(rows: &[BudgetRow]) -> String {
    let count = |level: Level| rows.iter().filter(|r| r.status.level == level).count();
    let mut parts = Vec::new();
    for (level, word) in [
        (Level::Exceeded, "exceeded"),
        (Level::ForecastExceeded, "forecast to exceed"),
        (Level::Warning, "warning"),
        (Level::NoData, "no data"),
        (Level::Partial, "partial data"),
        (Level::Ok, "ok"),
    ] {
        let n = count(level);
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    format!("Budgets: {} (details: llmcost budgets)", parts.join(", "))
}

/// `$412.80 of $500.00 (82.6%)`, the sentence every format uses.
pub(crate) fn sentence(r: &BudgetRow) -> String {
    let (b, s) = (&r.budget, &r.status);
    let mut text = format!(
        "{}: {} of {} ({}) this {} ({} to {}, UTC), {}",
        b.name,
        b.currency.format(s.spent),
        b.currency.format(b.amount),
        pct(s.percent),
        b.period.name(),
        s.period.since,
        s.period.until,
        scope_text(b)
    );
    // "All spend" names what it counted: an account without a key is not silently left out.
    if b.scope.provider.is_none() && b.scope.workspace.is_none() && !r.accounts.is_empty() {
        let names: Vec<String> = r.accounts.iter().map(ToString::to_string).collect();
        if names.len() <= 3 {
            text.push_str(&format!(" ({})", names.join(", ")));
        } else {
            text.push_str(&format!(" ({} accounts)", names.len()));
        }
    }
    if !r.missing.is_empty() {
        let names: Vec<String> = r.missing.iter().map(ToString::to_string).collect();
        text.push_str(&format!("; no data for {} (no key, or never synced)", names.join(", ")));
    }
    if s.period.until > s.period.since {
        text.push_str(&format!("; forecast {} by {}", b.currency.format(s.forecast), s.period.until));
    }
    if let Some(t) = s.threshold {
        text.push_str(&format!("; crossed {t}%"));
    }
    if let Some(e) = r.estimated.filter(|e| !e.is_zero()) {
        text.push_str(&format!("; includes ≈ {} estimated, not billed yet", crate::domain::Currency::USD.format(e)));
    }
    text
}
