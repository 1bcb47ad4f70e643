//! `llmcost balances`: each prepaid account's balance, its burn rate and runway.

use std::io::Write;

use serde::Serialize;

use super::Format;
use crate::app::balances::{BURN_DAYS, BalanceRow};
use crate::sanitize::{markdown as md, terminal};

fn runway(r: &BalanceRow) -> String {
    match (r.runway_days, r.runs_out_on) {
        (Some(d), Some(on)) => format!("{d} days (around {on})"),
        _ => "no spend lately".into(),
    }
}

fn cells(r: &BalanceRow) -> Vec<String> {
    vec![
        r.account.to_string(),
        r.currency.format(r.balance),
        r.currency.format(r.burn_per_day),
        runway(r),
        r.as_of.format("%Y-%m-%d %H:%M UTC").to_string(),
    ]
}

const HEAD: [&str; 5] = ["Account", "Balance", "Burn / day", "Runway", "As of"];

pub(crate) fn render(rows: &[BalanceRow], format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => super::json_out::write_doc(&doc(rows), out),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "provider",
                "workspace",
                "balance",
                "currency",
                "burn_per_day",
                "runway_days",
                "runs_out_on",
                "as_of",
            ])
            .map_err(std::io::Error::other)?;
            for r in rows {
                w.write_record([
                    r.account.provider.id().to_string(),
                    super::csv_out::safe_text(&r.account.workspace),
                    r.balance.exact(),
                    r.currency.to_string(),
                    r.burn_per_day.exact(),
                    r.runway_days.map(|d| d.to_string()).unwrap_or_default(),
                    r.runs_out_on.map(|d| d.to_string()).unwrap_or_default(),
                    r.as_of.to_rfc3339(),
                ])
                .map_err(std::io::Error::other)?;
            }
            w.flush()
        }
        Format::Markdown => {
            writeln!(out, "## Prepaid balances\n")?;
            writeln!(out, "| {} |", HEAD.join(" | "))?;
            writeln!(out, "| --- | ---: | ---: | --- | --- |")?;
            for r in rows {
                let c: Vec<String> = cells(r).iter().map(|c| md(c)).collect();
                writeln!(out, "| {} |", c.join(" | "))?;
            }
            writeln!(out, "\nBurn: the average billed spend of the last {BURN_DAYS} complete UTC days.")
        }
        Format::Table => {
            if rows.is_empty() {
                return writeln!(
                    out,
                    "No prepaid account: balances are read from OpenRouter (credits left) and prepaid xAI teams."
                );
            }
            let body: Vec<Vec<String>> =
                rows.iter().map(|r| cells(r).iter().map(|c| terminal(c).into_owned()).collect()).collect();
            let t = super::table::fitted(&HEAD, body, &[0], &[4, 2], &[1, 2]);
            writeln!(out, "{t}")?;
            let note = format!(
                "Burn: the average billed spend of the last {BURN_DAYS} complete UTC days; a top-up raises the balance."
            );
            writeln!(out, "{}", super::text::prose(&note))
        }
    }
}

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    burn_days: u64,
    balances: Vec<RowDoc<'a>>,
}

#[derive(Serialize)]
struct RowDoc<'a> {
    provider: &'a str,
    workspace: &'a str,
    balance: String,
    currency: String,
    burn_per_day: String,
    runway_days: Option<String>,
    runs_out_on: Option<String>,
    as_of: String,
}

fn doc(rows: &[BalanceRow]) -> Doc<'_> {
    Doc {
        schema_version: super::json_out::SCHEMA_VERSION,
        burn_days: BURN_DAYS,
        balances: rows
            .iter()
            .map(|r| RowDoc {
                provider: r.account.provider.id(),
                workspace: &r.account.workspace,
                balance: r.balance.exact(),
                currency: r.currency.to_string(),
                burn_per_day: r.burn_per_day.exact(),
                runway_days: r.runway_days.map(|d| d.to_string()),
                runs_out_on: r.runs_out_on.map(|d| d.to_string()),
                as_of: r.as_of.to_rfc3339(),
            })
            .collect(),
    }
}
