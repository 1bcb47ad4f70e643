//! Small text helpers shared by the renderers: headings, numbers, scope descriptions.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::app::views::CostView;
use crate::domain::{Account, DateRange};

/// `12,345,678`
pub(crate) fn thousands(n: u64) -> String {
    crate::domain::money::group_thousands(&n.to_string())
}

/// `42.1%`
pub(crate) fn percent(share: Decimal) -> String {
    format!("{:.1}%", share * Decimal::ONE_HUNDRED)
}

pub(crate) use crate::wrap::wrap;

/// A line of prose for the terminal: wrapped at word boundaries to the table width when there is
/// one, else as it is.
pub(crate) fn prose(text: &str) -> String {
    hanging(text, 0)
}

/// [`prose`] whose continuation lines are indented by `indent` spaces (under a label).
pub(crate) fn hanging(text: &str, indent: usize) -> String {
    match super::fit::width() {
        Some(w) => {
            let pad = " ".repeat(indent);
            let wrapped = wrap(text, w.saturating_sub(indent) + indent, "");
            // Lines after the first are re-wrapped to leave room for the indent.
            let mut lines = wrapped.lines();
            let first = lines.next().unwrap_or_default().to_string();
            let rest: Vec<&str> = lines.collect();
            if rest.is_empty() {
                return first;
            }
            let tail = wrap(&rest.join(" "), w, &pad);
            format!("{first}\n{tail}")
        }
        None => text.to_string(),
    }
}

/// A count for a narrow column: `932M`, `12.4M`, `870k`, `2.2B`.
pub(crate) fn compact_count(n: u64) -> String {
    match n {
        // Rounded at every size (never floored above ten and rounded below).
        n if n >= 10_000_000_000 => format!("{:.0}B", n as f64 / 1e9),
        n if n >= 1_000_000_000 => format!("{:.1}B", n as f64 / 1e9),
        n if n >= 10_000_000 => format!("{:.0}M", n as f64 / 1e6),
        n if n >= 1_000_000 => format!("{:.1}M", n as f64 / 1e6),
        n if n >= 10_000 => format!("{:.0}k", n as f64 / 1e3),
        n => thousands(n),
    }
}

/// Shares as percentages to a tenth that add up to exactly 100.0% (largest remainder: each is
/// rounded down, and the tenths left go to the largest remainders, first rows on ties). With a
/// negative share (credits) there is no such rounding, and each is rounded on its own.
pub(crate) fn percents(shares: &[Decimal]) -> Vec<String> {
    let tenths: Vec<Decimal> = shares.iter().map(|s| *s * Decimal::from(1000)).collect();
    let sum: Decimal = tenths.iter().sum();
    if shares.is_empty()
        || tenths.iter().any(rust_decimal::Decimal::is_sign_negative)
        || (sum - Decimal::from(1000)).abs() > Decimal::ONE
    {
        return shares.iter().map(|s| percent(*s)).collect();
    }
    let mut floors: Vec<Decimal> = tenths.iter().map(rust_decimal::Decimal::floor).collect();
    let left = Decimal::from(1000) - floors.iter().sum::<Decimal>();
    let mut order: Vec<usize> = (0..tenths.len()).collect();
    order.sort_by(|a, b| (tenths[*b] - floors[*b]).cmp(&(tenths[*a] - floors[*a])).then(a.cmp(b)));
    let n = left.round().to_string().parse::<usize>().unwrap_or(0);
    for i in order.into_iter().take(n) {
        floors[i] += Decimal::ONE;
    }
    floors.iter().map(|t| format!("{:.1}%", *t / Decimal::TEN)).collect()
}

/// `OpenAI: edugami, memoways`
pub(crate) fn scope(accounts: &[Account]) -> String {
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
pub(crate) fn period(r: DateRange, today: NaiveDate) -> String {
    let span = if r.since == r.until { r.since.to_string() } else { format!("{} to {}", r.since, r.until) };
    if r.contains(today) {
        format!("{span} (UTC days; {today} is today, partial)")
    } else {
        format!("{span} (UTC days)")
    }
}

pub(crate) fn updated(at: Option<DateTime<Utc>>) -> String {
    match at {
        Some(at) => format!("Data updated {} UTC", at.format("%Y-%m-%d %H:%M")),
        None => "No data fetched for this period yet".to_string(),
    }
}

/// Lines warning that the view lacks days, or that a provider never reports today.
pub(crate) fn incomplete_notes(view: &CostView) -> Vec<String> {
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
    if let Some(estimated) = view.estimated.filter(|e| !e.is_zero()) {
        notes.push(format!(
            "≈ {} of {} is estimated (basis estimate), not billed yet:",
            estimated.display_usd(),
            view.total.display_usd()
        ));
        notes.extend(view.estimate_notes.iter().map(|n| format!("  {n}")));
    }
    notes
}

/// What a column of grouping values is called for people.
pub(crate) fn dim_title(dim: crate::domain::Dim) -> &'static str {
    use crate::domain::Dim;
    match dim {
        Dim::Provider => "Provider",
        Dim::Workspace => "Workspace",
        Dim::Project => "Project",
        Dim::Model => "Model",
        Dim::LineItem => "Line item",
        Dim::Day => "Day (UTC)",
        Dim::Week => "Week (ISO, UTC)",
        Dim::Month => "Month (UTC)",
        Dim::Currency => "Currency",
        Dim::Team => "Team",
        Dim::CostCenter => "Cost centre",
        Dim::Hour => "Hour (UTC)",
        Dim::Basis => "Basis",
        Dim::Key => "API key",
        Dim::Person => "Person",
    }
}

#[cfg(test)]
mod share_tests {
    use super::percents;
    use rust_decimal::Decimal;

    #[test]
    fn shares_add_up_to_a_hundred() {
        let third = Decimal::ONE / Decimal::from(3);
        assert_eq!(percents(&[third, third, third]), ["33.4%", "33.3%", "33.3%"]);
        let s: Vec<Decimal> = ["0.5765", "0.3075", "0.0622", "0.0538"].iter().map(|x| x.parse().unwrap()).collect();
        let shown = percents(&s);
        let sum: Decimal = shown.iter().map(|p| p.trim_end_matches('%').parse::<Decimal>().unwrap()).sum();
        assert_eq!(sum, Decimal::from(100), "{shown:?}");
        assert_eq!(percents(&["1.2".parse().unwrap(), "-0.2".parse().unwrap()]), ["120.0%", "-20.0%"]);
        assert!(percents(&[]).is_empty());
    }
}
