//! `llmcost estimates`: the estimates' measured accuracy and the ones standing in for a bill now.

use std::io::Write;

use serde::Serialize;

use super::Format;
use crate::app::estimates::{Accuracy, EstimatesView, OpenEstimate};
use crate::sanitize::{markdown as md, terminal};

const HEAD: [&str; 7] = ["Provider", "Model", "Days", "Estimated", "Billed", "Mean error / day", "Typical error"];
const OPEN_HEAD: [&str; 5] = ["Account", "Day (UTC)", "Estimate", "Typical error", "Refreshed"];

fn model(a: &Accuracy) -> String {
    a.model.clone().unwrap_or_else(|| "(all models)".to_string())
}

fn percent(p: Option<rust_decimal::Decimal>) -> String {
    p.map_or_else(|| "-".to_string(), |p| format!("{p} %"))
}

fn cells(a: &Accuracy) -> Vec<String> {
    vec![
        a.provider.id().to_string(),
        model(a),
        a.days.to_string(),
        a.estimated.display_usd(),
        a.billed.display_usd(),
        a.mean_error.display_usd(),
        percent(a.typical_percent),
    ]
}

fn open_cells(e: &OpenEstimate) -> Vec<String> {
    vec![
        e.account.to_string(),
        e.day.to_string(),
        format!("≈ {}", e.amount.display_usd()),
        percent(e.typical_percent),
        e.refreshed_at.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default(),
    ]
}

pub(crate) fn render(view: &EstimatesView, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    let period = format!("{} to {} (UTC days)", view.range.since, view.range.until);
    match format {
        Format::Json => super::json_out::write_doc(&doc(view), out),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "provider",
                "model",
                "days",
                "estimated",
                "billed",
                "mean_error_per_day",
                "typical_error_percent",
                "currency",
            ])
            .map_err(std::io::Error::other)?;
            for a in &view.accuracy {
                w.write_record([
                    a.provider.id().to_string(),
                    super::csv_out::safe_text(a.model.as_deref().unwrap_or("")),
                    a.days.to_string(),
                    a.estimated.exact(),
                    a.billed.exact(),
                    a.mean_error.exact(),
                    a.typical_percent.map(|p| p.to_string()).unwrap_or_default(),
                    "USD".to_string(),
                ])
                .map_err(std::io::Error::other)?;
            }
            w.flush()
        }
        Format::Markdown => {
            writeln!(out, "## Estimates against the bill, {period}\n")?;
            writeln!(out, "| {} |", HEAD.join(" | "))?;
            writeln!(out, "| --- | --- | ---: | ---: | ---: | ---: | ---: |")?;
            for a in &view.accuracy {
                let c: Vec<String> = cells(a).iter().map(|c| md(c)).collect();
                writeln!(out, "| {} |", c.join(" | "))?;
            }
            if !view.open.is_empty() {
                writeln!(out, "\n## Estimates standing in for a bill\n")?;
                writeln!(out, "| {} |", OPEN_HEAD.join(" | "))?;
                writeln!(out, "| --- | --- | ---: | ---: | --- |")?;
                for e in &view.open {
                    let c: Vec<String> = open_cells(e).iter().map(|c| md(c)).collect();
                    writeln!(out, "| {} |", c.join(" | "))?;
                }
            }
            writeln!(out, "\n{}", md(&methods(view)))
        }
        Format::Table => {
            if view.accuracy.is_empty() {
                writeln!(out, "No estimate has met its bill in {period} yet.")?;
            } else {
                writeln!(out, "Estimates against the bill, {period}")?;
                let body: Vec<Vec<String>> =
                    view.accuracy.iter().map(|a| cells(a).iter().map(|c| terminal(c).into_owned()).collect()).collect();
                writeln!(out, "{}", super::table::fitted(&HEAD, body, &[1], &[5, 2], &[2, 3, 4, 5, 6]))?;
            }
            if !view.open.is_empty() {
                writeln!(out, "Estimates standing in for a bill")?;
                let body: Vec<Vec<String>> = view
                    .open
                    .iter()
                    .map(|e| open_cells(e).iter().map(|c| terminal(c).into_owned()).collect())
                    .collect();
                writeln!(out, "{}", super::table::fitted(&OPEN_HEAD, body, &[0], &[4, 3], &[2, 3]))?;
            }
            writeln!(out, "{}", super::text::prose(&terminal(&methods(view))))
        }
    }
}

/// How each provider is estimated: `ProviderInfo::live`.
fn methods(view: &EstimatesView) -> String {
    let parts: Vec<String> = view
        .methods
        .iter()
        .map(|(p, how)| {
            if how.is_empty() {
                format!("{}: not estimated (no live usage; the bill only)", p.display_name())
            } else {
                format!("{}: {how}", p.display_name())
            }
        })
        .collect();
    format!(
        "Typical error: the median of each day's |estimate - bill| / bill. How each provider is estimated: {}.",
        parts.join("; ")
    )
}

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    period: super::json_out::PeriodDoc,
    accuracy: Vec<AccuracyDoc<'a>>,
    open: Vec<OpenDoc<'a>>,
    methods: Vec<MethodDoc>,
}

#[derive(Serialize)]
struct AccuracyDoc<'a> {
    provider: &'static str,
    /// `null`: all models of the provider.
    model: Option<&'a str>,
    days: usize,
    estimated: String,
    billed: String,
    mean_error_per_day: String,
    typical_error_percent: Option<String>,
    currency: &'static str,
}

#[derive(Serialize)]
struct OpenDoc<'a> {
    provider: &'static str,
    workspace: &'a str,
    day: String,
    basis: &'static str,
    amount: String,
    currency: &'static str,
    typical_error_percent: Option<String>,
    unpriced_models: &'a [String],
    refreshed_at: Option<String>,
}

#[derive(Serialize)]
struct MethodDoc {
    provider: &'static str,
    /// `null`: the provider is not estimated.
    method: Option<&'static str>,
}

fn doc(view: &EstimatesView) -> Doc<'_> {
    Doc {
        schema_version: super::json_out::SCHEMA_VERSION,
        period: super::json_out::PeriodDoc::of(view.range),
        accuracy: view
            .accuracy
            .iter()
            .map(|a| AccuracyDoc {
                provider: a.provider.id(),
                model: a.model.as_deref(),
                days: a.days,
                estimated: a.estimated.exact(),
                billed: a.billed.exact(),
                mean_error_per_day: a.mean_error.exact(),
                typical_error_percent: a.typical_percent.map(|p| p.to_string()),
                currency: "USD",
            })
            .collect(),
        open: view
            .open
            .iter()
            .map(|e| OpenDoc {
                provider: e.account.provider.id(),
                workspace: &e.account.workspace,
                day: e.day.to_string(),
                basis: crate::domain::Basis::Estimate.as_str(),
                amount: e.amount.exact(),
                currency: "USD",
                typical_error_percent: e.typical_percent.map(|p| p.to_string()),
                unpriced_models: &e.unpriced,
                refreshed_at: e.refreshed_at.map(super::json_out::rfc3339),
            })
            .collect(),
        methods: view
            .methods
            .iter()
            .map(|(p, how)| MethodDoc { provider: p.id(), method: (!how.is_empty()).then_some(*how) })
            .collect(),
    }
}
