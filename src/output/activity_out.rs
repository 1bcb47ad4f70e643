//! `llmcost activity`: people's coding-assistant activity with the vendor's estimated cost, in
//! every format; the estimate is labelled as one wherever it is shown.

use std::io::Write;

use serde::Serialize;

use super::Format;
use super::text::thousands;
use crate::app::activity::{ActivityBy, ActivityLine, ActivityView};
use crate::domain::ActorKind;
use crate::sanitize::{markdown as md, terminal};

/// What the estimate is, said under every table.
pub(crate) const ESTIMATE_NOTE: &str = "Estimated cost: the vendor's estimate at list prices, not a bill. \
     API-billed use is already in Anthropic's bill and subscription use is covered by seats, so it is in no \
     llmcost total.";

fn title(by: ActivityBy) -> &'static str {
    match by {
        ActivityBy::Person => "Person",
        ActivityBy::Model => "Model",
        ActivityBy::Day => "Day (UTC)",
        ActivityBy::Terminal => "Terminal",
        ActivityBy::CustomerType => "Account type",
    }
}

fn key_cell(l: &ActivityLine) -> String {
    match l.actor_kind {
        Some(ActorKind::ApiKey) => format!("{} (API key)", l.key),
        _ => l.key.clone(),
    }
}

fn dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "-".into())
}

fn cells(l: &ActivityLine) -> Vec<String> {
    let w = l.work;
    vec![
        key_cell(l),
        thousands(l.active_days as u64),
        dash(w.map(|w| thousands(w.sessions))),
        dash(w.map(|w| format!("+{} -{}", thousands(w.lines_added), thousands(w.lines_removed)))),
        dash(w.map(|w| thousands(w.commits))),
        dash(w.map(|w| thousands(w.pull_requests))),
        dash(w.and_then(|w| w.acceptance_percent()).map(|p| format!("{p}%"))),
        super::text::compact_count(
            l.tokens.input.saturating_add(l.tokens.cache_read).saturating_add(l.tokens.cache_creation),
        ),
        super::text::compact_count(l.tokens.output),
        l.currency.format(l.estimated),
    ]
}

const HEAD: [&str; 10] =
    ["", "Days", "Sessions", "Lines", "Commits", "PRs", "Accepted", "Tokens in", "Tokens out", "Est. cost"];

/// The work columns (sessions to accepted): a model's row has none, so `--by model` leaves them out.
const WORK: std::ops::RangeInclusive<usize> = 2..=6;

fn shown<T>(by: ActivityBy, row: Vec<T>) -> Vec<T> {
    row.into_iter().enumerate().filter(|(i, _)| by != ActivityBy::Model || !WORK.contains(i)).map(|(_, c)| c).collect()
}

fn head(by: ActivityBy) -> Vec<&'static str> {
    let mut h = HEAD.to_vec();
    h[0] = title(by);
    shown(by, h)
}

fn row_cells(by: ActivityBy, l: &ActivityLine) -> Vec<String> {
    shown(by, cells(l))
}

/// `of which api $12.40 (in Anthropic's bill), subscription $3.10 (covered by seats)`.
fn split_note(v: &ActivityView) -> Option<String> {
    if v.by_customer_type.is_empty() {
        return None;
    }
    let parts: Vec<String> = v
        .by_customer_type
        .iter()
        .map(|(t, c, m)| {
            let what = match t.as_str() {
                "api" => "API, in Anthropic's bill",
                "subscription" => "subscription, covered by seats",
                _ => "account type not said",
            };
            format!("{} {what}", c.format(*m))
        })
        .collect();
    Some(format!("Of the estimate: {}.", parts.join("; ")))
}

fn header_lines(v: &ActivityView) -> Vec<String> {
    vec![
        format!("Coding-assistant activity, {}", super::text::scope(&v.accounts)),
        super::text::period(v.range, v.today),
    ]
}

fn no_data(v: &ActivityView) -> String {
    format!(
        "No activity synced for {} to {} yet: run 'llmcost sync' (or drop --offline).",
        v.range.since, v.range.until
    )
}

fn gaps(v: &ActivityView) -> Option<String> {
    let days = v.range.len_days();
    (v.has_data() && (v.days_synced as u64) < days)
        .then(|| format!("{} of {days} days synced: the others are unknown, not idle.", v.days_synced))
}

pub(crate) fn render(v: &ActivityView, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => super::json_out::write_doc(&doc(v), out),
        Format::Csv => csv(v, out),
        Format::Markdown => {
            for l in header_lines(v) {
                writeln!(out, "{}  ", md(&l))?;
            }
            writeln!(out)?;
            write!(out, "{}", markdown_body(v))
        }
        Format::Table => {
            for l in header_lines(v) {
                writeln!(out, "{}", terminal(&l))?;
            }
            table_body(v, out)
        }
    }
}

fn notes(v: &ActivityView) -> Vec<String> {
    [split_note(v), gaps(v), Some(ESTIMATE_NOTE.to_string())].into_iter().flatten().collect()
}

/// The table and its notes, in Markdown (also the report's section).
pub(crate) fn markdown_body(v: &ActivityView) -> String {
    if !v.has_data() {
        return format!("{}\n\n", md(&no_data(v)));
    }
    let mut s = format!("| {} |\n| --- |{}\n", head(v.by).join(" | "), " ---: |".repeat(head(v.by).len() - 1));
    for l in v.lines.iter().chain(&v.totals) {
        let c: Vec<String> = row_cells(v.by, l).iter().map(|c| md(c)).collect();
        s.push_str(&format!("| {} |\n", c.join(" | ")));
    }
    s.push('\n');
    for note in notes(v) {
        s.push_str(&format!("{}\n\n", md(&note)));
    }
    s
}

/// The table fitted to the terminal and its notes (also the report's section).
pub(crate) fn table_body(v: &ActivityView, out: &mut dyn Write) -> std::io::Result<()> {
    if !v.has_data() {
        return writeln!(out, "{}", no_data(v));
    }
    let body: Vec<Vec<String>> = v.lines.iter().chain(&v.totals).map(|l| row_cells(v.by, l)).collect();
    let h = head(v.by);
    let n = h.len();
    // The key may be cut; work columns go before the tokens, never the estimate.
    let droppable: Vec<usize> = if n == HEAD.len() { vec![6, 5, 4, 3, 7, 8] } else { vec![2, 3] };
    let right: Vec<usize> = (1..n).collect();
    writeln!(out, "{}", super::table::fitted(&h, body, &[0], &droppable, &right))?;
    for note in notes(v) {
        writeln!(out, "{}", super::text::prose(&note))?;
    }
    Ok(())
}

/// The JSON document as a value, for the report's `activity`.
pub(crate) fn json_value(v: &ActivityView) -> serde_json::Value {
    serde_json::to_value(doc(v)).unwrap_or(serde_json::Value::Null)
}

fn csv(v: &ActivityView, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        v.by.label(),
        "actor_kind",
        "active_days",
        "sessions",
        "lines_added",
        "lines_removed",
        "commits",
        "pull_requests",
        "edits_accepted",
        "edits_rejected",
        "input_tokens",
        "output_tokens",
        "cache_read_tokens",
        "cache_creation_tokens",
        "estimated_cost",
        "currency",
        "cost_basis",
    ])
    .map_err(std::io::Error::other)?;
    for l in &v.lines {
        let work = |f: fn(&crate::domain::Work) -> u64| l.work.as_ref().map(|w| f(w).to_string()).unwrap_or_default();
        w.write_record([
            super::csv_out::safe_text(&l.key),
            l.actor_kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
            l.active_days.to_string(),
            work(|w| w.sessions),
            work(|w| w.lines_added),
            work(|w| w.lines_removed),
            work(|w| w.commits),
            work(|w| w.pull_requests),
            work(|w| w.edits_accepted),
            work(|w| w.edits_rejected),
            l.tokens.input.to_string(),
            l.tokens.output.to_string(),
            l.tokens.cache_read.to_string(),
            l.tokens.cache_creation.to_string(),
            l.estimated.exact(),
            l.currency.to_string(),
            "estimate".to_string(),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()
}

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    period: super::json_out::PeriodDoc,
    by: &'static str,
    accounts: Vec<super::json_out::AccountDoc<'a>>,
    /// Days of the period synced for every account (fewer: the others are unknown).
    days_synced: usize,
    cost_basis: &'static str,
    note: &'static str,
    rows: Vec<RowDoc<'a>>,
    totals: Vec<RowDoc<'a>>,
    by_customer_type: Vec<PartDoc<'a>>,
}

#[derive(Serialize)]
struct RowDoc<'a> {
    key: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    actor_kind: Option<&'static str>,
    active_days: usize,
    /// `null` for a model: sessions and lines are not a model's.
    work: Option<WorkDoc>,
    tokens: TokensDoc,
    estimated_cost: String,
    currency: String,
}

#[derive(Serialize)]
struct WorkDoc {
    sessions: u64,
    lines_added: u64,
    lines_removed: u64,
    commits: u64,
    pull_requests: u64,
    edits_accepted: u64,
    edits_rejected: u64,
}

#[derive(Serialize)]
struct TokensDoc {
    input: u64,
    output: u64,
    cache_read: u64,
    cache_creation: u64,
}

#[derive(Serialize)]
struct PartDoc<'a> {
    customer_type: &'a str,
    estimated_cost: String,
    currency: String,
}

fn row(l: &ActivityLine) -> RowDoc<'_> {
    RowDoc {
        key: &l.key,
        actor_kind: l.actor_kind.map(ActorKind::as_str),
        active_days: l.active_days,
        work: l.work.map(|w| WorkDoc {
            sessions: w.sessions,
            lines_added: w.lines_added,
            lines_removed: w.lines_removed,
            commits: w.commits,
            pull_requests: w.pull_requests,
            edits_accepted: w.edits_accepted,
            edits_rejected: w.edits_rejected,
        }),
        tokens: TokensDoc {
            input: l.tokens.input,
            output: l.tokens.output,
            cache_read: l.tokens.cache_read,
            cache_creation: l.tokens.cache_creation,
        },
        estimated_cost: l.estimated.exact(),
        currency: l.currency.to_string(),
    }
}

fn doc(v: &ActivityView) -> Doc<'_> {
    Doc {
        schema_version: super::json_out::SCHEMA_VERSION,
        period: super::json_out::PeriodDoc::of(v.range),
        by: v.by.label(),
        accounts: v.accounts.iter().map(super::json_out::AccountDoc::of).collect(),
        days_synced: v.days_synced,
        cost_basis: "estimate",
        note: ESTIMATE_NOTE,
        rows: v.lines.iter().map(row).collect(),
        totals: v.totals.iter().map(row).collect(),
        by_customer_type: v
            .by_customer_type
            .iter()
            .map(|(t, c, m)| PartDoc { customer_type: t, estimated_cost: m.exact(), currency: c.to_string() })
            .collect(),
    }
}
