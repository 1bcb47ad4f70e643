//! `reconcile --against`: the bill against what a gateway or observability tool observed, in
//! every format. Amounts are USD; coverage is the share of the bill the other system saw.

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::Format;
use super::csv_out::safe_text;
use crate::app::gateway::{Cause, GapRow, GatewayView};
use crate::domain::Currency;
use crate::sanitize::{markdown as md, terminal};

/// A short name for a table cell.
fn short(cause: Cause) -> &'static str {
    match cause {
        Cause::Matches => "matches",
        Cause::NeverObserved => "never seen",
        Cause::PartlyObserved => "partly seen",
        Cause::FailedRequests => "failed calls",
        Cause::CacheDiscount => "no cache discount",
        Cause::PricedHigher => "priced higher",
        Cause::NotYetBilled => "not billed yet",
        Cause::NotBilled => "not billed",
    }
}

fn percent(c: Option<Decimal>) -> String {
    c.map_or_else(|| "-".into(), |c| format!("{:.1}%", c * Decimal::ONE_HUNDRED))
}

/// The headline: what was billed, what was seen, how much of the bill that is.
fn headline(v: &GatewayView) -> String {
    format!(
        "Billed {}, observed by {} {}: coverage {} of the bill (rows within {}% match)",
        Currency::USD.format(v.billed),
        v.source,
        Currency::USD.format(v.observed),
        percent(v.coverage),
        v.tolerance_percent
    )
}

/// The causes present, each explained once.
fn legend(v: &GatewayView) -> Vec<String> {
    let mut causes: Vec<Cause> = Vec::new();
    for r in &v.rows {
        if r.cause != Cause::Matches && !causes.contains(&r.cause) {
            causes.push(r.cause);
        }
    }
    causes.into_iter().map(|c| format!("{}: {}", short(c), c.explain())).collect()
}

pub(crate) fn render(v: &GatewayView, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => super::json_out::write_doc(&doc(v), out),
        Format::Csv => as_csv(v, out),
        Format::Markdown => as_markdown(v, out),
        Format::Table => as_table(v, out),
    }
}

fn cells(r: &GapRow) -> Vec<String> {
    vec![
        r.day.to_string(),
        r.provider.clone(),
        r.model.clone(),
        Currency::USD.format(r.billed),
        Currency::USD.format(r.observed),
        Currency::USD.format(r.gap()),
        percent(r.coverage),
        short(r.cause).to_string(),
    ]
}

const HEAD: [&str; 8] = ["Day (UTC)", "Provider", "Model", "Billed", "Observed", "Gap", "Coverage", "Cause"];

fn as_table(v: &GatewayView, out: &mut dyn Write) -> std::io::Result<()> {
    let title =
        format!("The bill against {} ({}), {} to {} (UTC days)", v.source, v.kind.name(), v.range.since, v.range.until);
    writeln!(out, "{}", super::text::prose(&terminal(&title)))?;
    writeln!(out, "{}", super::text::prose(&terminal(&headline(v))))?;
    if v.rows.is_empty() {
        return writeln!(out, "Nothing billed or observed in this period.");
    }
    let body: Vec<Vec<String>> = v.rows.iter().map(cells).collect();
    // Narrow: the observed and provider columns go first, then names are cut.
    let t = super::table::fitted(&HEAD, body, &[2, 1], &[4, 1, 6], &[3, 4, 5, 6]);
    writeln!(out, "{t}")?;
    for line in legend(v) {
        writeln!(out, "{}", super::text::hanging(&line, 4))?;
    }
    Ok(())
}

fn as_markdown(v: &GatewayView, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "## The bill against {} ({}), {} to {} (UTC days)\n",
        md(&v.source),
        v.kind.name(),
        v.range.since,
        v.range.until
    )?;
    writeln!(out, "{}\n", md(&headline(v)))?;
    writeln!(out, "| {} |", HEAD.join(" | "))?;
    writeln!(out, "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |")?;
    for r in &v.rows {
        let c: Vec<String> = cells(r).iter().map(|c| md(c)).collect();
        writeln!(out, "| {} |", c.join(" | "))?;
    }
    writeln!(out)?;
    for line in legend(v) {
        writeln!(out, "- {}", md(&line))?;
    }
    Ok(())
}

fn as_csv(v: &GatewayView, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let head = ["day", "provider", "model", "billed_usd", "observed_usd", "gap_usd", "coverage", "cause"];
    w.write_record(head).map_err(std::io::Error::other)?;
    for r in &v.rows {
        w.write_record([
            r.day.to_string(),
            safe_text(&r.provider),
            safe_text(&r.model),
            r.billed.exact(),
            r.observed.exact(),
            r.gap().exact(),
            r.coverage.map(|c| c.to_string()).unwrap_or_default(),
            r.cause.code().to_string(),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()
}

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    period: super::json_out::PeriodDoc,
    currency: &'static str,
    source: &'a str,
    kind: &'static str,
    tolerance_percent: String,
    billed: String,
    observed: String,
    /// Share of the bill observed (each row counted up to its bill), 0 to 1.
    coverage: Option<String>,
    rows: Vec<RowDoc<'a>>,
}

#[derive(Serialize)]
struct RowDoc<'a> {
    day: String,
    provider: &'a str,
    model: &'a str,
    billed: String,
    observed: String,
    gap: String,
    coverage: Option<String>,
    cause: &'static str,
    explanation: &'static str,
}

fn doc(v: &GatewayView) -> Doc<'_> {
    Doc {
        schema_version: super::json_out::SCHEMA_VERSION,
        period: super::json_out::PeriodDoc::of(v.range),
        currency: "USD",
        source: &v.source,
        kind: v.kind.name(),
        tolerance_percent: v.tolerance_percent.to_string(),
        billed: v.billed.exact(),
        observed: v.observed.exact(),
        coverage: v.coverage.map(|c| c.to_string()),
        rows: v
            .rows
            .iter()
            .map(|r| RowDoc {
                day: r.day.to_string(),
                provider: &r.provider,
                model: &r.model,
                billed: r.billed.exact(),
                observed: r.observed.exact(),
                gap: r.gap().exact(),
                coverage: r.coverage.map(|c| c.to_string()),
                cause: r.cause.code(),
                explanation: r.cause.explain(),
            })
            .collect(),
    }
}
