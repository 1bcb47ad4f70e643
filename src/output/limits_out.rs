//! `llmcost limits`: each budget's limit at its provider, next to what the config asks.

use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use super::Format;
use crate::app::limits::{LimitRow, Verdict};
use crate::sanitize::{markdown as md, terminal};

/// `$450.00 (amount "45000")` in the provider's own field, or `none`.
fn now_text(row: &LimitRow) -> String {
    let Some(now) = &row.now else { return "-".into() };
    match now.get("amount").and_then(Value::as_str) {
        Some(cents) => {
            let wire = match row.account.as_ref().map(|a| a.provider.info().spend_limit) {
                Some(crate::providers::info::SpendLimit::Lever(limit)) => (limit.shown)(cents),
                _ => format!("amount \"{cents}\""),
            };
            let currency = now.get("currency").and_then(Value::as_str).unwrap_or("");
            let major = cents.parse::<rust_decimal::Decimal>().map(|c| c / rust_decimal::Decimal::from(100)).ok();
            match (major, crate::domain::Currency::parse(currency)) {
                (Some(m), Ok(c)) => format!("{} ({wire})", c.format(crate::domain::Money::from_decimal(m))),
                _ => format!("{wire} {currency}"),
            }
        }
        None => "none".into(),
    }
}

fn verdict_text(row: &LimitRow) -> String {
    let base = match &row.verdict {
        Verdict::InLine => "in line".to_string(),
        Verdict::Differs => "differs".to_string(),
        Verdict::Cannot(why) => format!("cannot: {why}"),
    };
    match &row.outcome {
        Some(o) => format!("{base}; {o}"),
        None => base,
    }
}

fn cells(r: &LimitRow) -> Vec<String> {
    vec![
        r.budget.clone(),
        r.account.as_ref().map_or_else(|| "-".into(), ToString::to_string),
        r.lever.as_ref().map_or_else(|| "-".into(), |l| l.name.clone()),
        now_text(r),
        r.asks.clone(),
        verdict_text(r),
    ]
}

const HEAD: [&str; 6] = ["Budget", "Account", "Limit", "Provider now", "Config asks", "Verdict"];

pub(crate) fn render(rows: &[LimitRow], format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => super::json_out::write_doc(&doc(rows), out),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["budget", "provider", "workspace", "limit", "now", "wanted", "asks", "verdict", "outcome"])
                .map_err(std::io::Error::other)?;
            for r in rows {
                let t = super::csv_out::safe_text;
                let d = row_doc(r);
                w.write_record([
                    t(&r.budget),
                    d.provider.unwrap_or_default().to_string(),
                    t(d.workspace.unwrap_or_default()),
                    t(d.limit.unwrap_or_default()),
                    r.now.as_ref().map(Value::to_string).unwrap_or_default(),
                    r.wanted.as_ref().map(Value::to_string).unwrap_or_default(),
                    t(&r.asks),
                    t(&verdict_text(r)),
                    t(r.outcome.as_deref().unwrap_or("")),
                ])
                .map_err(std::io::Error::other)?;
            }
            w.flush()
        }
        Format::Markdown => {
            writeln!(out, "## Provider limits\n\n| {} |\n| --- | --- | --- | ---: | ---: | --- |", HEAD.join(" | "))?;
            for r in rows {
                writeln!(out, "| {} |", cells(r).iter().map(|c| md(c)).collect::<Vec<_>>().join(" | "))?;
            }
            Ok(())
        }
        Format::Table => {
            if rows.is_empty() {
                return writeln!(
                    out,
                    "{}",
                    super::text::prose(
                        "No budget has enforce = \"provider\": add it to a [[budgets]] entry to have its provider hold the amount."
                    )
                );
            }
            let body: Vec<Vec<String>> =
                rows.iter().map(|r| cells(r).iter().map(|c| terminal(c).into_owned()).collect()).collect();
            writeln!(out, "{}", super::table::fitted(&HEAD, body, &[5, 4, 2], &[], &[3]))
        }
    }
}

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    limits: Vec<RowDoc<'a>>,
}

#[derive(Serialize)]
struct RowDoc<'a> {
    budget: &'a str,
    provider: Option<&'a str>,
    workspace: Option<&'a str>,
    limit: Option<&'a str>,
    now: Option<&'a Value>,
    wanted: Option<&'a Value>,
    asks: &'a str,
    /// `in_line`, `differs` or `cannot`.
    verdict: &'static str,
    reason: Option<&'a str>,
    outcome: Option<&'a str>,
}

fn row_doc(r: &LimitRow) -> RowDoc<'_> {
    RowDoc {
        budget: &r.budget,
        provider: r.account.as_ref().map(|a| a.provider.id()),
        workspace: r.account.as_ref().map(|a| a.workspace.as_str()),
        limit: r.lever.as_ref().map(|l| l.id.as_str()),
        now: r.now.as_ref(),
        wanted: r.wanted.as_ref(),
        asks: &r.asks,
        verdict: match r.verdict {
            Verdict::InLine => "in_line",
            Verdict::Differs => "differs",
            Verdict::Cannot(_) => "cannot",
        },
        reason: match &r.verdict {
            Verdict::Cannot(why) => Some(why),
            _ => None,
        },
        outcome: r.outcome.as_deref(),
    }
}

fn doc(rows: &[LimitRow]) -> Doc<'_> {
    Doc { schema_version: super::json_out::SCHEMA_VERSION, limits: rows.iter().map(row_doc).collect() }
}
