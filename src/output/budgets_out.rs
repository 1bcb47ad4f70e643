//! Budget status as a table, JSON, Markdown, or GitHub Actions annotations and step summary.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use super::budget_text::{pct, scope_text, sentence};
use crate::budget::{BudgetRow, Level};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BudgetFormat {
    Table,
    Json,
    Markdown,
    /// GitHub Actions workflow annotations (and a step summary when GITHUB_STEP_SUMMARY is set)
    Github,
}

pub(crate) fn render(
    rows: &[BudgetRow],
    today: NaiveDate,
    format: BudgetFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    render_with(rows, &[], today, format, None, out)
}

/// Like [`render`]; with `budgets check --notify`, the JSON also lists the notifications.
pub(crate) fn render_with(
    rows: &[BudgetRow],
    floors: &[crate::app::balances::FloorRow],
    today: NaiveDate,
    format: BudgetFormat,
    notifications: Option<Vec<Value>>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        BudgetFormat::Table => {
            if !rows.is_empty() || floors.is_empty() {
                table(rows, today, out)?;
            }
            super::floors_out::table(floors, out)
        }
        BudgetFormat::Json => json_doc(rows, floors, today, notifications, out),
        BudgetFormat::Markdown => {
            out.write_all(markdown(rows, today).as_bytes())?;
            out.write_all(super::floors_out::markdown(floors).as_bytes())
        }
        BudgetFormat::Github => {
            github(rows, out)?;
            super::floors_out::github(floors, out, escape)
        }
    }
}

fn table(rows: &[BudgetRow], today: NaiveDate, out: &mut dyn Write) -> std::io::Result<()> {
    let heading = format!("Budgets on {today} (UTC days; the forecast projects the last 7 days' run rate)");
    writeln!(out, "{}", super::text::prose(&heading))?;
    let header = ["Budget", "Scope", "Period (UTC)", "Spent", "Budget", "Used", "Forecast", "Status"];
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let (b, s) = (&r.budget, &r.status);
            let status = match (s.level, s.threshold) {
                (Level::Warning, Some(th)) => format!("warning ({th}%)"),
                (level, _) => level.name().to_string(),
            };
            vec![
                b.name.clone(),
                scope_text(b),
                format!("{} {} to {}", b.period.name(), s.period.since, s.period.until),
                spent_text(r),
                b.currency.format(b.amount),
                pct(s.percent),
                b.currency.format(s.forecast),
                status,
            ]
        })
        .collect();
    // On a narrow terminal: the scope is shortened first, then the period's dates, the share
    // used and the forecast go; the budget's name (what people type) is cut last.
    let levels: Vec<Level> = rows.iter().map(|r| r.status.level).collect();
    let colour = |row: usize, col: usize| (col == 7).then(|| levels.get(row).map(|l| level_color(*l))).flatten();
    let plan = super::fit::Plan { cut_first: &[1], cuttable: &[1, 2, 0], droppable: &[2, 5, 6] };
    let t = super::table::fitted_with(&header, body, &plan, &[3, 4, 5, 6], &colour);
    writeln!(out, "{t}")?;
    if let Some(note) = estimates_note(rows) {
        writeln!(out, "{}", super::text::prose(&note))?;
    }
    Ok(())
}

/// What a budget spent, `≈`-marked when it includes estimates.
fn spent_text(r: &BudgetRow) -> String {
    let spent = r.budget.currency.format(r.status.spent);
    if r.estimated.is_some_and(|e| !e.is_zero()) { format!("≈ {spent}") } else { spent }
}

/// `≈: includes llmcost's estimate ... (team-monthly ≈ $30.12)`, when a budget counted one.
fn estimates_note(rows: &[BudgetRow]) -> Option<String> {
    let parts: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let e = r.estimated.filter(|e| !e.is_zero())?;
            Some(format!("{} ≈ {}", crate::sanitize::terminal(&r.budget.name), crate::domain::Currency::USD.format(e)))
        })
        .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "≈ includes llmcost's estimate of the days whose bill has not arrived (include_estimate): {}.",
            parts.join(", ")
        )
    })
}

fn json_doc(
    rows: &[BudgetRow],
    floors: &[crate::app::balances::FloorRow],
    today: NaiveDate,
    notifications: Option<Vec<Value>>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let budgets = rows
        .iter()
        .map(|r| {
            let (b, s) = (&r.budget, &r.status);
            BudgetDoc {
                name: &b.name,
                currency: b.currency.as_str(),
                period: b.period.name(),
                start_day: b.start_day,
                period_start: s.period.since.to_string(),
                period_end: s.period.until.to_string(),
                scope: ScopeDoc {
                    provider: b.scope.provider.map(crate::domain::ProviderKind::id),
                    workspace: &b.scope.workspace,
                    project: &b.scope.project,
                    model: &b.scope.model,
                    team: &b.scope.team,
                    key: &b.scope.key,
                    person: &b.scope.person,
                },
                amount: b.amount.exact(),
                spent: s.spent.exact(),
                percent: s.percent.round_dp(2).to_string().parse::<f64>().unwrap_or(0.0),
                forecast: s.forecast.cents(),
                run_rate: s.run_rate.cents(),
                warn_at: &b.warn_at,
                threshold: s.threshold,
                level: s.level.name(),
                accounts: r.accounts.iter().map(ToString::to_string).collect(),
                missing: r.missing.iter().map(ToString::to_string).collect(),
                estimated: r.estimated.map(crate::domain::Money::exact),
            }
        })
        .collect();
    let worst = rows.iter().map(|r| r.status.level).chain(floors.iter().map(|f| f.level)).max().unwrap_or(Level::Ok);
    let common = rows.first().map(|r| r.budget.currency).filter(|c| rows.iter().all(|r| r.budget.currency == *c));
    let doc = BudgetsDoc {
        schema_version: super::json_out::SCHEMA_VERSION,
        currency: common.map(|c| c.to_string()),
        as_of: today.to_string(),
        timezone: "UTC",
        worst: worst.name(),
        budgets,
        balance_floors: super::floors_out::docs(floors),
        notifications,
    };
    super::json_out::write_doc(&doc, out)
}

/// `budgets --format json` (and `budgets check`, with the notifications it sent).
#[derive(Serialize)]
struct BudgetsDoc<'a> {
    schema_version: u32,
    /// The budgets' currency when they share one.
    currency: Option<String>,
    as_of: String,
    timezone: &'static str,
    worst: &'static str,
    budgets: Vec<BudgetDoc<'a>>,
    /// `min_balance` budgets at each prepaid account (only when the config has some).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    balance_floors: Vec<super::floors_out::FloorDoc<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notifications: Option<Vec<Value>>,
}

#[derive(Serialize)]
struct BudgetDoc<'a> {
    name: &'a str,
    currency: &'a str,
    period: &'static str,
    start_day: u32,
    period_start: String,
    period_end: String,
    scope: ScopeDoc<'a>,
    amount: String,
    spent: String,
    percent: f64,
    forecast: String,
    run_rate: String,
    warn_at: &'a [u32],
    threshold: Option<u32>,
    level: &'static str,
    /// The accounts the budget counted (`provider/workspace`).
    accounts: Vec<String>,
    /// Those of them with no data for the period (no key, never synced).
    missing: Vec<String>,
    /// With `include_estimate`: the estimated part of `spent`, in US dollars.
    #[serde(skip_serializing_if = "Option::is_none")]
    estimated: Option<String>,
}

#[derive(Serialize)]
struct ScopeDoc<'a> {
    provider: Option<&'static str>,
    workspace: &'a Option<String>,
    project: &'a Option<String>,
    model: &'a Option<String>,
    team: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    person: &'a Option<String>,
}

fn level_color(level: Level) -> comfy_table::Color {
    match level {
        Level::Ok => comfy_table::Color::Green,
        Level::Warning | Level::ForecastExceeded | Level::Partial => comfy_table::Color::Yellow,
        Level::Exceeded | Level::NoData => comfy_table::Color::Red,
    }
}

pub(crate) fn markdown(rows: &[BudgetRow], today: NaiveDate) -> String {
    let mut s = format!("## LLM budgets on {today} (UTC)\n\n");
    s.push_str("| Budget | Scope | Period | Spent | Budget | Used | Forecast | Status |\n");
    s.push_str("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |\n");
    for r in rows {
        let (b, st) = (&r.budget, &r.status);
        let icon = match st.level {
            Level::Ok => "✅ ok",
            Level::Partial => "❔ partial data",
            Level::NoData => "❔ no data",
            Level::Warning => "⚠️ warning",
            Level::ForecastExceeded => "⚠️ forecast over",
            Level::Exceeded => "❌ exceeded",
        };
        s.push_str(&format!(
            "| {} | {} | {} {} to {} | {} | {} | {} | {} | {} |\n",
            crate::sanitize::markdown(&b.name),
            crate::sanitize::markdown(&scope_text(b)),
            b.period.name(),
            st.period.since,
            st.period.until,
            spent_text(r),
            b.currency.format(b.amount),
            pct(st.percent),
            b.currency.format(st.forecast),
            icon
        ));
    }
    s.push_str("\n_Forecast: spend so far plus the last 7 days' daily run rate over the days left._\n");
    if let Some(note) = estimates_note(rows) {
        s.push_str(&format!("\n_{}_\n", crate::sanitize::markdown(&note)));
    }
    s
}

/// `%`, CR and LF escaped as workflow commands require (and `:` `,` in properties).
fn escape(text: &str, property: bool) -> String {
    let mut t = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        t = t.replace(':', "%3A").replace(',', "%2C");
    }
    t
}

fn github(rows: &[BudgetRow], out: &mut dyn Write) -> std::io::Result<()> {
    for r in rows {
        let (kind, title) = match r.status.level {
            Level::Exceeded => ("error", format!("Budget exceeded: {}", r.budget.name)),
            Level::ForecastExceeded => ("warning", format!("Budget forecast over: {}", r.budget.name)),
            Level::Warning => ("warning", format!("Budget warning: {}", r.budget.name)),
            Level::NoData => ("error", format!("Budget not checked (no data): {}", r.budget.name)),
            Level::Partial => ("error", format!("Budget not checked (partial data): {}", r.budget.name)),
            Level::Ok => ("notice", format!("Budget ok: {}", r.budget.name)),
        };
        // A person's budget is named after provider text (an email): escaped for the log too.
        let sentence = sentence(r);
        let (title, text) = (crate::sanitize::terminal(&title), crate::sanitize::terminal(&sentence));
        writeln!(out, "::{kind} title={}::{}", escape(&title, true), escape(&text, false))?;
    }
    Ok(())
}

/// Appends the Markdown summary to `$GITHUB_STEP_SUMMARY`, when it is set.
pub(crate) fn append_step_summary(path: Option<&std::ffi::OsStr>, rows: &[BudgetRow], today: NaiveDate) -> Result<()> {
    let Some(path) = path else {
        return Ok(());
    };
    let fail = |e: std::io::Error| Error::io("cannot append to GITHUB_STEP_SUMMARY", e);
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path).map_err(fail)?;
    file.write_all(markdown(rows, today).as_bytes()).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn annotations_are_escaped() {
        assert_eq!(escape("a: 50%,\nb", true), "a%3A 50%25%2C%0Ab");
        assert_eq!(escape("a: 50%", false), "a: 50%25");
    }
}
