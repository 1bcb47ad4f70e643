//! Small text helpers shared by the renderers: headings, numbers, scope descriptions.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::CostView;
use crate::domain::{Account, DateRange};

/// `12,345,678`
pub fn thousands(n: u64) -> String {
    crate::domain::money::group_thousands(&n.to_string())
}

/// `42.1%`
pub fn percent(share: Decimal) -> String {
    format!("{:.1}%", share * Decimal::ONE_HUNDRED)
}

/// `OpenAI: edugami, memoways`
pub fn scope(accounts: &[Account]) -> String {
    let mut parts: Vec<String> = Vec::new();
    // In first-seen order, whatever order the accounts come in.
    let mut providers: Vec<_> = Vec::new();
    for a in accounts {
        if !providers.contains(&a.provider) {
            providers.push(a.provider);
        }
    }
    for p in providers {
        let names: Vec<&str> = accounts.iter().filter(|a| a.provider == p).map(|a| a.workspace.as_str()).collect();
        parts.push(format!("{}: {}", p.display_name(), names.join(", ")));
    }
    parts.join("; ")
}

/// `2026-11-01 to 2026-11-22 (UTC days; 2026-11-22 is today, partial)`
pub fn period(r: DateRange, today: NaiveDate) -> String {
    let span = if r.since == r.until { r.since.to_string() } else { format!("{} to {}", r.since, r.until) };
    if r.contains(today) {
        format!("{span} (UTC days; {today} is today, partial)")
    } else {
        format!("{span} (UTC days)")
    }
}

pub fn updated(at: Option<DateTime<Utc>>) -> String {
    match at {
        Some(at) => format!("Data updated {} UTC", at.format("%Y-%m-%d %H:%M")),
        None => "No data fetched for this period yet".to_string(),
    }
}

/// Lines warning that the view lacks days, or that a provider never reports today.
pub fn incomplete_notes(view: &CostView) -> Vec<String> {
    let mut notes: Vec<String> = view
        .missing_days
        .iter()
        .map(|m| {
            let mut note = format!("Incomplete: {} day(s) of {} were never fetched", m.days, m.account);
            if m.unfillable > 0 {
                note.push_str(&format!(
                    "; {} of them are older than {} keeps and cannot be fetched any more",
                    m.unfillable,
                    m.account.provider.display_name()
                ));
            }
            if m.unfillable < m.days {
                note.push_str("; run 'llmcost sync' or drop --offline");
            }
            note + "."
        })
        .collect();
    for provider in &view.today_not_reported {
        notes.push(format!(
            "{} reports whole UTC days only: today is not included for its workspaces.",
            provider.display_name()
        ));
    }
    notes
}

/// What a column of grouping values is called for people.
pub fn dim_title(dim: crate::domain::Dim) -> &'static str {
    use crate::domain::Dim;
    match dim {
        Dim::Provider => "Provider",
        Dim::Workspace => "Workspace",
        Dim::Project => "Project",
        Dim::Model => "Model",
        Dim::LineItem => "Line item",
        Dim::Day => "Day (UTC)",
        Dim::Currency => "Currency",
        Dim::Team => "Team",
        Dim::CostCenter => "Cost centre",
    }
}
