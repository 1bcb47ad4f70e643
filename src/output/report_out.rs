//! The report as a terminal table, Markdown (a monthly review, a PR comment, a step summary)
//! or versioned JSON. CSV is the tidy fact table, rendered by `csv_out`.

use std::collections::BTreeMap;
use std::io::Write;

use comfy_table::Table;
use serde::Serialize;

use super::json_out;
use super::text::thousands;
use crate::domain::{Account, KeyValue, Money};
use crate::report::{Line, Mover, Movers, Report, anomaly};

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

thread_local! {
    /// The currency of the report being rendered: set by each public renderer from the report.
    static CURRENCY: std::cell::Cell<crate::domain::Currency> = const { std::cell::Cell::new(crate::domain::Currency::USD) };
}

/// An amount in the report's currency.
fn money(m: Money) -> String {
    CURRENCY.with(|c| c.get().format(m))
}

fn set_currency(r: &Report) -> String {
    CURRENCY.with(|c| c.set(r.currency));
    format!("Cost ({})", r.currency)
}

/// One character per day, scaled to the period's highest day.
pub(crate) fn sparkline(values: &[Money]) -> String {
    let max = values.iter().copied().max().unwrap_or(Money::ZERO);
    values
        .iter()
        .map(|v| {
            if max.is_zero() {
                BARS[0]
            } else {
                let level = (v.decimal() / max.decimal() * rust_decimal::Decimal::from(7)).round();
                BARS[level.to_string().parse::<usize>().unwrap_or(0).min(7)]
            }
        })
        .collect()
}

fn signed(m: Money) -> String {
    if m > Money::ZERO { format!("+{}", money(m)) } else { money(m) }
}

fn change_text(r: &Report) -> String {
    match r.change_percent() {
        Some(p) => {
            format!("{} ({}{:.1}%)", signed(r.change()), if p > rust_decimal::Decimal::ZERO { "+" } else { "" }, p)
        }
        None => format!("{} (nothing spent before)", signed(r.change())),
    }
}

fn forecast_text(r: &Report) -> Option<String> {
    let f = r.forecast?;
    Some(format!(
        "{} by {} (a projection: the last 7 days' run rate of {}/day for the days left)",
        money(f.total),
        r.period_end?,
        money(f.run_rate)
    ))
}

fn anomaly_rule() -> String {
    format!(
        "a complete day above the median + {} x 1.4826 x MAD of the {} days before it, at least 1.5x that median and $1 above it",
        anomaly::K,
        anomaly::WINDOW
    )
}

/// A report table: text columns before `right_from` (cut with an ellipsis on a narrow terminal),
/// numbers after it; past the first two numbers, the last columns go first when it is narrow.
fn table(header: &[&str], right_from: usize, rows: Vec<Vec<String>>) -> Table {
    // Owners (a workspace) before names.
    let cuttable: Vec<usize> = (0..right_from).rev().collect();
    let right: Vec<usize> = (right_from..header.len()).collect();
    let droppable: Vec<usize> = (right_from + 2..header.len()).rev().collect();
    super::table::fitted(header, rows, &cuttable, &droppable, &right)
}

const ANOMALY_HEADER: [&str; 5] = ["Day (UTC)", "Spend", "Usual", "Driven by model", "Driven by project"];

fn anomaly_rows(r: &Report) -> Vec<Vec<String>> {
    r.anomalies
        .iter()
        .map(|a| {
            vec![
                a.day.to_string(),
                money(a.cost),
                money(a.usual),
                a.model.clone().unwrap_or_default(),
                a.project.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

fn account_rows(r: &Report) -> Vec<Vec<String>> {
    let shares = shares(&r.by_account);
    r.by_account.iter().zip(shares).map(|(l, share)| vec![l.name.clone(), money(l.cost), share]).collect()
}

fn person_rows(r: &Report) -> Vec<Vec<String>> {
    let shares = shares(&r.by_person);
    r.by_person.iter().zip(shares).map(|(l, share)| vec![l.name.clone(), money(l.cost), share]).collect()
}

/// The "By model" columns, in the table and in Markdown.
fn model_header(cost_header: &str) -> [&str; 8] {
    ["Model", "Provider", cost_header, "Share", "Input tokens", "Output tokens", "Requests", "per 1M tokens"]
}

fn project_rows(r: &Report) -> Vec<Vec<String>> {
    let shares = shares(&r.by_project);
    r.by_project
        .iter()
        .zip(shares)
        .map(|(l, share)| vec![l.name.clone(), l.owner.clone(), money(l.cost), share])
        .collect()
}

/// `week` or `month`, for `report --by`.
fn period_word(r: &Report) -> &'static str {
    if r.by_period.first().is_some_and(|(k, _)| matches!(k, KeyValue::Week { .. })) { "week" } else { "month" }
}

fn period_title(r: &Report) -> &'static str {
    if period_word(r) == "week" { "Week (ISO, UTC)" } else { "Month (UTC)" }
}

fn period_rows(r: &Report) -> Vec<Vec<String>> {
    let shares = super::text::percents(&r.by_period.iter().map(|(_, m)| m.share_of(r.total)).collect::<Vec<_>>());
    r.by_period.iter().zip(shares).map(|((k, m), share)| vec![k.to_string(), money(*m), share]).collect()
}

/// Each line's share as a percentage, adding up to 100.0%.
fn shares(lines: &[Line]) -> Vec<String> {
    super::text::percents(&lines.iter().map(|l| l.share).collect::<Vec<_>>())
}

fn model_rows(lines: &[Line]) -> Vec<Vec<String>> {
    lines
        .iter()
        .zip(shares(lines))
        .map(|(l, share)| {
            let (input, output, requests) = match l.usage {
                Some(u) if u.input_tokens + u.output_tokens > 0 => (
                    thousands(u.input_tokens),
                    thousands(u.output_tokens),
                    if u.requests_known() { thousands(u.requests) } else { "-".into() },
                ),
                _ => ("-".into(), "-".into(), "-".into()),
            };
            let per_m = l.cost_per_million().map_or("-".to_string(), money);
            vec![l.name.clone(), l.owner.clone(), money(l.cost), share, input, output, requests, per_m]
        })
        .collect()
}

fn mover_rows(m: &Movers) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut push = |kind: &str, list: &[Mover]| {
        for x in list {
            rows.push(vec![
                kind.to_string(),
                x.name.clone(),
                x.owner.clone(),
                money(x.before),
                money(x.now),
                signed(x.change()),
            ]);
        }
    };
    push("rose", &m.rising);
    push("fell", &m.falling);
    push("new", &m.appeared);
    push("gone", &m.disappeared);
    rows
}

/// The table report's breakdowns: by workspace, project, model, and person when keys are known.
fn breakdowns(r: &Report, cost_header: &str, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "By provider and workspace")?;
    let rows = account_rows(r);
    writeln!(out, "{}\n", table(&["Workspace", cost_header, "Share"], 1, rows))?;
    writeln!(out, "By project (chargeback)")?;
    let rows = project_rows(r);
    writeln!(out, "{}\n", table(&["Project", "Workspace", cost_header, "Share"], 2, rows))?;
    writeln!(out, "By model")?;
    writeln!(out, "{}\n", table(&model_header(cost_header), 2, model_rows(&r.by_model)))?;
    if !r.by_person.is_empty() {
        writeln!(out, "By person (each line's bill split between its API keys by their usage)")?;
        writeln!(out, "{}\n", table(&["Person", cost_header, "Share"], 1, person_rows(r)))?;
    }
    Ok(())
}

pub(crate) fn render_table(r: &Report, accounts: &[Account], out: &mut dyn Write) -> std::io::Result<()> {
    let cost_header = set_currency(r);
    let heading = format!("LLM spend report: {}", crate::sanitize::terminal(&super::text::scope(accounts)));
    writeln!(out, "{}", super::text::prose(&heading))?;
    if let Some(team) = &r.team {
        writeln!(out, "Team: {} (its direct spend and its parts of shared costs)", crate::sanitize::terminal(team))?;
    }
    writeln!(out, "{}\n", super::text::prose(&super::text::period(r.range, r.today)))?;
    writeln!(out, "Total            {}", money(r.total))?;
    let previous = format!(
        "Previous period  {} ({} to {}): {}",
        money(r.previous_total),
        r.previous.since,
        r.previous.until,
        change_text(r)
    );
    writeln!(out, "{}", super::text::hanging(&previous, 17))?;
    if let Some(f) = forecast_text(r) {
        writeln!(out, "{}", super::text::hanging(&format!("Forecast         {f}"), 17))?;
    }
    let values: Vec<Money> = r.daily.iter().map(|(_, m)| *m).collect();
    let peak = money(values.iter().max().copied().unwrap_or_default());
    // On a terminal, several days share a bar when the period is longer than the line.
    let room = super::fit::width().map(|w| w.saturating_sub(17 + 4 + 6 + peak.len()).max(10));
    let bars: Vec<Money> = match room {
        Some(room) if values.len() > room => {
            values.chunks(values.len().div_ceil(room)).map(|c| c.iter().copied().sum()).collect()
        }
        _ => values.clone(),
    };
    writeln!(out, "Daily            {}  (peak {peak})\n", sparkline(&bars))?;

    if !r.by_period.is_empty() {
        writeln!(out, "By {}", period_word(r))?;
        let rows = period_rows(r);
        writeln!(out, "{}\n", table(&[period_title(r), cost_header.as_str(), "Share"], 1, rows))?;
    }
    breakdowns(r, &cost_header, out)?;
    for (what, m) in [("models", &r.model_movers), ("projects", &r.project_movers)] {
        let rows = mover_rows(m);
        if rows.is_empty() {
            writeln!(out, "Top movers ({what}): none against the previous period\n")?;
        } else {
            writeln!(out, "Top movers ({what}, against the previous period)")?;
            writeln!(out, "{}\n", table(&["", "Name", "Owner", "Before", "Now", "Change"], 3, rows))?;
        }
    }
    if r.anomalies.is_empty() {
        writeln!(out, "{}", super::text::prose(&format!("Anomalies: none found (rule: {})", anomaly_rule())))?;
    } else {
        writeln!(out, "{}", super::text::prose(&format!("Anomalies ({})", anomaly_rule())))?;
        writeln!(out, "{}", table(&ANOMALY_HEADER, 1, anomaly_rows(r)))?;
    }
    if !r.savings.is_empty() {
        let days = r.savings_window.map(|w| format!(", from {} to {}", w.since, w.until)).unwrap_or_default();
        let title = format!("\nSavings (estimates per 30 days at list prices{days}; all of them: llmcost optimize)");
        writeln!(out, "{}", super::text::prose(&title))?;
        for f in &r.savings {
            let line = format!(
                "  {:>11}  {} · {}: {}",
                format!("~{}", crate::domain::Currency::USD.format(f.monthly_saving)),
                f.kind.name(),
                crate::sanitize::terminal(&super::savings_out::place(f)),
                crate::sanitize::terminal(&f.evidence)
            );
            writeln!(out, "{}", super::text::hanging(&line, 15))?;
        }
    }
    if let Some(c) = &r.chargeback {
        writeln!(out)?;
        super::teams_out::render(c, super::Format::Table, out)?;
    }
    if let Some(v) = &r.activity {
        writeln!(out, "\nClaude Code activity (estimate, not in the total)")?;
        super::activity_out::table_body(v, out)?;
    }
    super::table::budget_notes(&r.budgets, out)
}

fn md_cell(s: &str) -> String {
    crate::sanitize::markdown(s)
}

fn md_table(out: &mut String, header: &[&str], right_from: usize, rows: Vec<Vec<String>>) {
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    let align: Vec<&str> = (0..header.len()).map(|i| if i >= right_from { "---:" } else { "---" }).collect();
    out.push_str(&format!("| {} |\n", align.join(" | ")));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| md_cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

/// The report's savings section in Markdown (nothing when there are none).
fn md_savings(s: &mut String, r: &Report) {
    if !r.savings.is_empty() {
        let days = r.savings_window.map(|w| format!(", from {} to {}", w.since, w.until)).unwrap_or_default();
        s.push_str(&format!(
            "## Savings\n\n_Estimates per 30 days at list prices{days}; all of them: `llmcost optimize`._\n\n"
        ));
        for f in &r.savings {
            s.push_str(&format!(
                "- **~{}** {} · {}: {}\n",
                crate::domain::Currency::USD.format(f.monthly_saving),
                f.kind.name(),
                md_cell(&super::savings_out::place(f)),
                md_cell(&f.evidence)
            ));
        }
        s.push('\n');
    }
}

pub(crate) fn markdown(r: &Report, accounts: &[Account]) -> String {
    let cost_header = set_currency(r);
    let mut s = format!("# LLM spend report: {}\n\n", md_cell(&super::text::scope(accounts)));
    if let Some(team) = &r.team {
        s.push_str(&format!("Team: **{}** (its direct spend and its parts of shared costs)\n\n", md_cell(team)));
    }
    s.push_str(&format!("{}\n\n", super::text::period(r.range, r.today)));
    s.push_str(&format!("- **Total: {}**\n", money(r.total)));
    s.push_str(&format!(
        "- Previous period ({} to {}): {}, change {}\n",
        r.previous.since,
        r.previous.until,
        money(r.previous_total),
        change_text(r)
    ));
    if let Some(f) = forecast_text(r) {
        s.push_str(&format!("- Forecast: {f}\n"));
    }
    let values: Vec<Money> = r.daily.iter().map(|(_, m)| *m).collect();
    s.push_str(&format!("- Daily: `{}`\n\n", sparkline(&values)));

    if !r.by_period.is_empty() {
        s.push_str(&format!("## By {}\n\n", period_word(r)));
        md_table(&mut s, &[period_title(r), cost_header.as_str(), "Share"], 1, period_rows(r));
    }
    s.push_str("## By provider and workspace\n\n");
    md_table(&mut s, &["Workspace", cost_header.as_str(), "Share"], 1, account_rows(r));
    s.push_str("## By project (chargeback)\n\n");
    md_table(&mut s, &["Project", "Workspace", cost_header.as_str(), "Share"], 2, project_rows(r));
    s.push_str("## By model\n\n");
    md_table(&mut s, &model_header(&cost_header), 2, model_rows(&r.by_model));
    if !r.by_person.is_empty() {
        s.push_str("## By person\n\n_Each line's bill split between its API keys by their usage._\n\n");
        md_table(&mut s, &["Person", cost_header.as_str(), "Share"], 1, person_rows(r));
    }
    s.push_str("## Top movers against the previous period\n\n");
    let mut rows = mover_rows(&r.model_movers);
    for row in &mut rows {
        row[0] = format!("model {}", row[0]);
    }
    for mut row in mover_rows(&r.project_movers) {
        row[0] = format!("project {}", row[0]);
        rows.push(row);
    }
    if rows.is_empty() {
        s.push_str("No change against the previous period.\n\n");
    } else {
        md_table(&mut s, &["", "Name", "Owner", "Before", "Now", "Change"], 3, rows);
    }
    s.push_str("## Anomalies\n\n");
    if r.anomalies.is_empty() {
        s.push_str(&format!("None found. Rule: {}.\n\n", anomaly_rule()));
    } else {
        s.push_str(&format!("Rule: {}.\n\n", anomaly_rule()));
        md_table(&mut s, &ANOMALY_HEADER, 1, anomaly_rows(r));
    }
    md_savings(&mut s, r);
    if let Some(c) = &r.chargeback {
        let mut bytes = Vec::new();
        if super::teams_out::render(c, super::Format::Markdown, &mut bytes).is_ok() {
            s.push_str(&String::from_utf8_lossy(&bytes));
            s.push('\n');
        }
    }
    if let Some(v) = &r.activity {
        s.push_str("## Claude Code activity (estimate, not in the total)\n\n");
        s.push_str(&super::activity_out::markdown_body(v));
    }
    if !r.budgets.is_empty() {
        s.push_str("## Budgets\n\n");
        for b in &r.budgets {
            s.push_str(&format!("- {}\n", md_cell(&super::budget_text::note(b))));
        }
        s.push('\n');
    }
    s
}

/// A line of `by_account` (`workspace`, `provider`), `by_project` (`project`, `workspace`) or
/// `by_model` (`model`, `provider`): its name and owner under those keys, then its money.
#[derive(Serialize)]
struct LineDoc<'a> {
    #[serde(flatten)]
    names: BTreeMap<&'static str, &'a str>,
    cost: String,
    share: f64,
    #[serde(flatten)]
    usage: Option<LineUsageDoc>,
}

#[derive(Serialize)]
struct LineUsageDoc {
    input_tokens: u64,
    output_tokens: u64,
    requests: Option<u64>,
    cost_per_million_tokens: Option<String>,
}

fn line_doc<'a>(l: &'a Line, name_key: &'static str, owner_key: &'static str) -> LineDoc<'a> {
    LineDoc {
        names: BTreeMap::from([(name_key, l.name.as_str()), (owner_key, l.owner.as_str())]),
        cost: l.cost.exact(),
        share: json_out::share_number(l.share),
        usage: l.usage.map(|u| LineUsageDoc {
            input_tokens: u.input_tokens,
            output_tokens: u.output_tokens,
            requests: u.requests_known().then_some(u.requests),
            cost_per_million_tokens: l.cost_per_million().map(Money::cents),
        }),
    }
}

#[derive(Serialize)]
struct MoverDoc<'a> {
    name: &'a str,
    owner: &'a str,
    before: String,
    now: String,
    change: String,
}

#[derive(Serialize)]
struct MoversDoc<'a> {
    rising: Vec<MoverDoc<'a>>,
    falling: Vec<MoverDoc<'a>>,
    appeared: Vec<MoverDoc<'a>>,
    disappeared: Vec<MoverDoc<'a>>,
}

fn mover_docs(v: &[Mover]) -> Vec<MoverDoc<'_>> {
    v.iter()
        .map(|x| MoverDoc {
            name: &x.name,
            owner: &x.owner,
            before: x.before.exact(),
            now: x.now.exact(),
            change: x.change().exact(),
        })
        .collect()
}

fn movers_doc(m: &Movers) -> MoversDoc<'_> {
    let list = mover_docs;
    MoversDoc {
        rising: list(&m.rising),
        falling: list(&m.falling),
        appeared: list(&m.appeared),
        disappeared: list(&m.disappeared),
    }
}

#[derive(Serialize)]
struct RangeDoc {
    since: String,
    until: String,
}

#[derive(Serialize)]
struct ForecastDoc {
    total: String,
    run_rate: String,
    period_end: Option<String>,
}

#[derive(Serialize)]
struct MoverGroupsDoc<'a> {
    models: MoversDoc<'a>,
    projects: MoversDoc<'a>,
}

#[derive(Serialize)]
struct DayDoc {
    day: String,
    cost: String,
}

#[derive(Serialize)]
struct AnomalyDoc<'a> {
    day: String,
    cost: String,
    usual: String,
    model: &'a Option<String>,
    project: &'a Option<String>,
}

#[derive(Serialize)]
struct PeriodCostDoc {
    period: String,
    cost: String,
}

/// `report --format json`.
#[derive(Serialize)]
pub(crate) struct ReportDoc<'a> {
    schema_version: u32,
    currency: &'a str,
    scope: Vec<json_out::AccountDoc<'a>>,
    period: json_out::PeriodDoc,
    previous_period: RangeDoc,
    total: String,
    previous_total: String,
    change: String,
    change_percent: Option<f64>,
    forecast: Option<ForecastDoc>,
    by_account: Vec<LineDoc<'a>>,
    by_project: Vec<LineDoc<'a>>,
    by_model: Vec<LineDoc<'a>>,
    /// Who spent it: per key owner, allocated by API key usage (absent without keys).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    by_person: Vec<LineDoc<'a>>,
    movers: MoverGroupsDoc<'a>,
    daily: Vec<DayDoc>,
    anomalies: Vec<AnomalyDoc<'a>>,
    anomaly_rule: String,
    budgets: Vec<json_out::BudgetBrief<'a>>,
    team: &'a Option<String>,
    by_period: Vec<PeriodCostDoc>,
    savings: Vec<super::savings_out::FindingDoc<'a>>,
    chargeback: Option<super::teams_out::ChargebackDoc<'a>>,
    /// `llmcost activity`'s document for the period, beside the bill (an estimate, never in
    /// `total`); absent without an activity account.
    #[serde(skip_serializing_if = "Option::is_none")]
    activity: Option<serde_json::Value>,
}

pub(crate) fn json<'a>(r: &'a Report, accounts: &'a [Account]) -> ReportDoc<'a> {
    ReportDoc {
        schema_version: json_out::SCHEMA_VERSION,
        currency: r.currency.as_str(),
        scope: accounts.iter().map(json_out::AccountDoc::of).collect(),
        period: json_out::PeriodDoc {
            partial_day: Some(r.range.contains(r.today).then(|| r.today.to_string())),
            ..json_out::PeriodDoc::of(r.range)
        },
        previous_period: RangeDoc { since: r.previous.since.to_string(), until: r.previous.until.to_string() },
        total: r.total.exact(),
        previous_total: r.previous_total.exact(),
        change: r.change().exact(),
        change_percent: r.change_percent().map(|p| p.round_dp(2).to_string().parse::<f64>().unwrap_or(0.0)),
        forecast: r.forecast.map(|f| ForecastDoc {
            total: f.total.cents(),
            run_rate: f.run_rate.cents(),
            period_end: r.period_end.map(|d| d.to_string()),
        }),
        by_account: r.by_account.iter().map(|l| line_doc(l, "workspace", "provider")).collect(),
        by_project: r.by_project.iter().map(|l| line_doc(l, "project", "workspace")).collect(),
        by_model: r.by_model.iter().map(|l| line_doc(l, "model", "provider")).collect(),
        by_person: r.by_person.iter().map(|l| line_doc(l, "person", "owner")).collect(),
        movers: MoverGroupsDoc { models: movers_doc(&r.model_movers), projects: movers_doc(&r.project_movers) },
        daily: r.daily.iter().map(|(d, m)| DayDoc { day: d.to_string(), cost: m.exact() }).collect(),
        anomalies: r
            .anomalies
            .iter()
            .map(|a| AnomalyDoc {
                day: a.day.to_string(),
                cost: a.cost.exact(),
                usual: a.usual.exact(),
                model: &a.model,
                project: &a.project,
            })
            .collect(),
        anomaly_rule: anomaly_rule(),
        budgets: r.budgets.iter().map(json_out::BudgetBrief::of).collect(),
        team: &r.team,
        by_period: r.by_period.iter().map(|(k, m)| PeriodCostDoc { period: k.to_string(), cost: m.exact() }).collect(),
        savings: r.savings.iter().map(super::savings_out::finding_doc).collect(),
        chargeback: r.chargeback.as_ref().map(super::teams_out::json_doc),
        activity: r.activity.as_ref().map(super::activity_out::json_value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_to_the_peak() {
        let v: Vec<Money> = ["0", "1", "7"].iter().map(|s| s.parse().unwrap()).collect();
        assert_eq!(sparkline(&v), "▁▂█");
        assert_eq!(sparkline(&[Money::ZERO, Money::ZERO]), "▁▁");
        assert_eq!(sparkline(&[]), "");
    }
}
