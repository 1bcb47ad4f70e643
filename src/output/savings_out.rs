//! `optimize` findings and `reconcile` rows in every format. Savings are labelled estimates;
//! money is an exact decimal string in JSON and CSV.

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::Format;
use super::csv_out::safe_text;
use super::text::wrap;
use crate::domain::{Currency, DateRange, Money};
use crate::prices::Source;
use crate::sanitize::{markdown as md, terminal};
use crate::savings::Finding;
use crate::savings::reconcile::Row;

const USD: Currency = Currency::USD;

/// What `optimize` found in a period.
pub(crate) struct OptimizeView {
    pub range: DateRange,
    /// No day of the period was ever fetched: nothing to look at (not "nothing to save").
    pub no_data: bool,
    pub findings: Vec<Finding>,
    pub prices: Source,
}

/// What `reconcile` found in a period.
pub(crate) struct ReconcileView {
    pub range: DateRange,
    /// No day of the period was ever fetched.
    pub no_data: bool,
    pub rows: Vec<Row>,
    pub tolerance_percent: Decimal,
    pub prices: Source,
}

fn source_text(s: &Source) -> String {
    if s.date.is_empty() { s.name.clone() } else { format!("{} of {}", s.name, s.date) }
}

/// `openai/edugami · Tutor chat · gpt-4o`
pub(crate) fn place(f: &Finding) -> String {
    let mut parts = vec![format!("{}/{}", f.provider.id(), f.workspace)];
    parts.extend(f.project.clone());
    parts.extend(f.model.clone());
    parts.join(" · ")
}

/// A finding of `optimize` (and of the report's Savings section).
#[derive(Serialize)]
pub(crate) struct FindingDoc<'a> {
    kind: &'static str,
    provider: &'static str,
    workspace: &'a str,
    project: &'a Option<String>,
    model: &'a Option<String>,
    /// An estimate: to the cent.
    monthly_saving_usd: String,
    method: &'a str,
    evidence: &'a str,
}

pub(crate) fn finding_doc(f: &Finding) -> FindingDoc<'_> {
    FindingDoc {
        kind: f.kind.name(),
        provider: f.provider.id(),
        workspace: &f.workspace,
        project: &f.project,
        model: &f.model,
        monthly_saving_usd: f.monthly_saving.cents(),
        method: &f.method,
        evidence: &f.evidence,
    }
}

/// `optimize --format json`.
#[derive(Serialize)]
struct OptimizeDoc<'a> {
    schema_version: u32,
    period: super::json_out::PeriodDoc,
    currency: &'static str,
    /// Every figure is an estimate.
    estimate: bool,
    no_data: bool,
    prices: &'a Source,
    findings: Vec<FindingDoc<'a>>,
}

/// `reconcile --format json`.
#[derive(Serialize)]
struct ReconcileDoc<'a> {
    schema_version: u32,
    period: super::json_out::PeriodDoc,
    currency: &'static str,
    tolerance_percent: String,
    no_data: bool,
    prices: &'a Source,
    billed: String,
    flagged: usize,
    rows: Vec<ReconcileRowDoc<'a>>,
}

#[derive(Serialize)]
struct ReconcileRowDoc<'a> {
    provider: &'static str,
    workspace: &'a str,
    model: &'a str,
    billed: String,
    list_price_cost: Option<String>,
    difference: Option<String>,
    percent: Option<String>,
    reason: &'a str,
    flagged: bool,
}

pub(crate) fn render_optimize(
    v: &OptimizeView,
    format: Format,
    width: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => optimize_json(v, out),
        Format::Csv => optimize_csv(v, out),
        Format::Markdown => optimize_markdown(v, out),
        Format::Table => optimize_table(v, width, out),
    }
}

/// `optimize --format json`.
fn optimize_json(v: &OptimizeView, out: &mut dyn Write) -> std::io::Result<()> {
    let doc = OptimizeDoc {
        schema_version: super::json_out::SCHEMA_VERSION,
        period: super::json_out::PeriodDoc::of(v.range),
        currency: "USD",
        estimate: true,
        no_data: v.no_data,
        prices: &v.prices,
        findings: v.findings.iter().map(finding_doc).collect(),
    };
    super::json_out::write_doc(&doc, out)
}

/// `optimize --format csv`: one row per finding.
fn optimize_csv(v: &OptimizeView, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let head = ["kind", "provider", "workspace", "project", "model", "monthly_saving_usd", "method", "evidence"];
    w.write_record(head).map_err(std::io::Error::other)?;
    for f in &v.findings {
        w.write_record([
            f.kind.name().to_string(),
            f.provider.id().to_string(),
            safe_text(&f.workspace),
            safe_text(f.project.as_deref().unwrap_or("")),
            safe_text(f.model.as_deref().unwrap_or("")),
            f.monthly_saving.cents(),
            safe_text(&f.method),
            safe_text(&f.evidence),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()
}

/// `optimize --format markdown`.
fn optimize_markdown(v: &OptimizeView, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## Savings estimates, {} to {} (UTC days)\n", v.range.since, v.range.until)?;
    writeln!(
        out,
        "_Estimates per 30 days at list prices ({}); the billed figures stay the truth._\n",
        md(&source_text(&v.prices))
    )?;
    if v.findings.is_empty() {
        return writeln!(out, "{}", nothing_found(v.no_data));
    }
    writeln!(out, "| Kind | Where | Saving / 30 days (est.) | Evidence | Method |")?;
    writeln!(out, "| --- | --- | ---: | --- | --- |")?;
    for f in &v.findings {
        writeln!(
            out,
            "| {} | {} | ~{} | {} | {} |",
            f.kind.name(),
            md(&place(f)),
            USD.format(f.monthly_saving),
            md(&f.evidence),
            md(&f.method)
        )?;
    }
    writeln!(out, "\n_Findings overlap (a model can both cache more and move): their savings do not add up._")
}

/// `optimize`: each finding with its evidence and method, wrapped to the terminal.
fn optimize_table(v: &OptimizeView, width: usize, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "Savings estimates, {} to {} (UTC days)", v.range.since, v.range.until)?;
    writeln!(
        out,
        "{}",
        wrap(
            &format!(
                "Estimates per 30 days at list prices ({}); the billed figures stay the truth.",
                source_text(&v.prices)
            ),
            width,
            ""
        )
    )?;
    if v.findings.is_empty() {
        return writeln!(out, "\n{}", nothing_found(v.no_data));
    }
    for (i, f) in v.findings.iter().enumerate() {
        writeln!(out)?;
        let saving = format!("~{} / 30 days", USD.format(f.monthly_saving));
        let head = format!("{:>2}. {} · {}", i + 1, f.kind.name(), terminal(&place(f)));
        let used = head.chars().count() + saving.chars().count();
        if used + 2 <= width {
            writeln!(out, "{head}{}{saving}", " ".repeat(width - used))?;
        } else {
            writeln!(out, "{}\n    {saving}", wrap(&head, width, "    "))?;
        }
        writeln!(out, "{}", wrap(&terminal(&f.evidence), width, "    "))?;
        writeln!(out, "{}", wrap(&terminal(&f.method), width, "    "))?;
    }
    let note = "Findings overlap (a model can both cache more and move): their savings do not add up.";
    writeln!(out, "\n{}", super::text::prose(note))
}

/// Why there are no findings: no data is not "nothing to save".
fn nothing_found(no_data: bool) -> &'static str {
    if no_data { "No data for this period: run 'llmcost sync' (or drop --offline)." } else { "No savings found." }
}

fn opt_money(m: Option<Money>) -> String {
    m.map_or_else(|| "-".to_string(), |m| USD.format(m))
}

fn opt_percent(p: Option<Decimal>) -> String {
    p.map_or_else(|| "-".to_string(), |p| format!("{}{p}%", if p > Decimal::ZERO { "+" } else { "" }))
}

pub(crate) fn render_reconcile(v: &ReconcileView, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    let billed: Money = v.rows.iter().map(|r| r.billed).sum();
    let flagged = v.rows.iter().filter(|r| r.flagged).count();
    match format {
        Format::Json => reconcile_json(v, billed, flagged, out),
        Format::Csv => reconcile_csv(v, out),
        Format::Markdown => reconcile_markdown(v, billed, out),
        Format::Table => reconcile_table(v, billed, flagged, out),
    }
}

/// `reconcile --format json`.
fn reconcile_json(v: &ReconcileView, billed: Money, flagged: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let rows = v
        .rows
        .iter()
        .map(|r| ReconcileRowDoc {
            provider: r.provider.id(),
            workspace: &r.workspace,
            model: &r.model,
            billed: r.billed.exact(),
            list_price_cost: r.list_price_cost.map(Money::exact),
            difference: r.difference.map(Money::exact),
            percent: r.percent.map(|p| p.to_string()),
            reason: &r.reason,
            flagged: r.flagged,
        })
        .collect();
    let doc = ReconcileDoc {
        schema_version: super::json_out::SCHEMA_VERSION,
        period: super::json_out::PeriodDoc::of(v.range),
        currency: "USD",
        tolerance_percent: v.tolerance_percent.to_string(),
        no_data: v.no_data,
        prices: &v.prices,
        billed: billed.exact(),
        flagged,
        rows,
    };
    super::json_out::write_doc(&doc, out)
}

/// `reconcile --format csv`: one row per provider, workspace and model.
fn reconcile_csv(v: &ReconcileView, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let head = [
        "provider",
        "workspace",
        "model",
        "billed_usd",
        "list_price_cost_usd",
        "difference_usd",
        "percent",
        "flagged",
        "reason",
    ];
    w.write_record(head).map_err(std::io::Error::other)?;
    for r in &v.rows {
        w.write_record([
            r.provider.id().to_string(),
            safe_text(&r.workspace),
            safe_text(&r.model),
            r.billed.exact(),
            r.list_price_cost.map(Money::exact).unwrap_or_default(),
            r.difference.map(Money::exact).unwrap_or_default(),
            r.percent.map(|p| p.to_string()).unwrap_or_default(),
            r.flagged.to_string(),
            safe_text(&r.reason),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()
}

/// `reconcile --format markdown`.
fn reconcile_markdown(v: &ReconcileView, billed: Money, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## Bill against list prices, {} to {} (UTC days)\n", v.range.since, v.range.until)?;
    writeln!(
        out,
        "_List prices: {}. Flagged (⚠): off by more than {}%._\n",
        md(&source_text(&v.prices)),
        v.tolerance_percent
    )?;
    writeln!(out, "| Model | Workspace | Billed | At list price | Difference | | Likely reason |")?;
    writeln!(out, "| --- | --- | ---: | ---: | ---: | --- | --- |")?;
    for r in &v.rows {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            md(&r.model),
            md(&format!("{}/{}", r.provider.id(), r.workspace)),
            USD.format(r.billed),
            opt_money(r.list_price_cost),
            match r.difference {
                Some(d) => format!("{} {}", USD.format(d), opt_percent(r.percent)),
                None => "-".into(),
            },
            if r.flagged { "⚠" } else { "" },
            md(&r.reason)
        )?;
    }
    writeln!(out, "| **Total billed** | | **{}** | | | | |", USD.format(billed))
}

/// `reconcile`: billed against list prices, flagged rows marked.
fn reconcile_table(v: &ReconcileView, billed: Money, flagged: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let title = format!("Bill against list prices, {} to {} (UTC days)", v.range.since, v.range.until);
    writeln!(out, "{}", super::text::prose(&title))?;
    let note = format!(
        "List prices: {}; amounts in USD; flagged: off by more than {}%",
        source_text(&v.prices),
        v.tolerance_percent
    );
    writeln!(out, "{}", super::text::prose(&note))?;
    let mut rows: Vec<Vec<String>> = v
        .rows
        .iter()
        .map(|r| {
            vec![
                r.model.clone(),
                format!("{}/{}", r.provider.id(), r.workspace),
                USD.format(r.billed),
                opt_money(r.list_price_cost),
                match r.difference {
                    Some(d) => format!("{} {}", USD.format(d), opt_percent(r.percent)),
                    None => "-".into(),
                },
                if r.flagged { "!".into() } else { String::new() },
                r.reason.clone(),
            ]
        })
        .collect();
    let header = ["Model", "Workspace", "Billed", "At list", "Difference", "", "Likely reason"];
    rows.push(vec!["Total billed".to_string(), String::new(), USD.format(billed)]);
    // The reason explains the difference: on a terminal it wraps onto more lines in the
    // room the other columns leave (names shortened to give it at least 30), never cut.
    if let Some(width) = super::fit::width() {
        // The room the other columns leave: with names whole, or else cut to 10 and
        // the list-price column dropped, as the fitting will.
        let widest = |col: usize, cap: usize| {
            rows.iter().filter_map(|r| r.get(col)).map(|c| c.chars().count().min(cap)).max().unwrap_or(0) + 3
        };
        let fixed = widest(2, usize::MAX) + widest(4, usize::MAX) + 4 + 1 + 3;
        let whole = fixed + widest(0, usize::MAX) + widest(1, usize::MAX) + widest(3, usize::MAX);
        let narrow = fixed + widest(0, 10) + widest(1, 10);
        let room = if width >= whole + 30 { width - whole } else { width.saturating_sub(narrow).clamp(16, 30) };
        for r in &mut rows {
            if let Some(reason) = r.get_mut(6) {
                *reason = super::fit::wrap(reason, room);
            }
        }
    }
    let plan = super::fit::Plan { cut_first: &[], cuttable: &[1, 0], droppable: &[3] };
    let t = super::table::fitted_wrapped(&header, rows, &plan, &[2, 3, 4], &[6]);
    writeln!(out, "{t}")?;
    if v.no_data {
        return writeln!(out, "No data for this period: run 'llmcost sync' (or drop --offline).");
    }
    writeln!(out, "{flagged} of {} row(s) flagged", v.rows.len())
}
