//! Balance floors (`min_balance` budgets) in `budgets check`: each prepaid account's balance
//! against its floor, as a table, Markdown, JSON and GitHub annotations.

use std::io::Write;

use serde::Serialize;

use crate::app::balances::{FLOOR_LOOKAHEAD_DAYS, FloorRow};
use crate::budget::Level;
use crate::sanitize::{markdown as md, terminal};

fn status(r: &FloorRow) -> &'static str {
    match r.level {
        Level::Exceeded => "below the floor",
        Level::ForecastExceeded => "below within a week",
        Level::NoData => "no data",
        _ => "ok",
    }
}

fn cells(r: &FloorRow) -> Vec<String> {
    let c = r.floor.currency;
    let (balance, runway) = match &r.balance {
        Some(b) => (
            c.format(b.balance),
            match (b.runway_days, b.runs_out_on) {
                (Some(d), Some(on)) => format!("{d} days (around {on})"),
                _ => "no spend lately".into(),
            },
        ),
        None => ("-".into(), "-".into()),
    };
    vec![r.floor.name.clone(), r.account.to_string(), balance, c.format(r.floor.min), runway, status(r).into()]
}

const HEAD: [&str; 6] = ["Balance floor", "Account", "Balance", "Floor", "Runway", "Status"];

/// The floors' table, after the budgets'.
pub(crate) fn table(rows: &[FloorRow], out: &mut dyn Write) -> std::io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let body: Vec<Vec<String>> =
        rows.iter().map(|r| cells(r).iter().map(|c| terminal(c).into_owned()).collect()).collect();
    writeln!(out, "{}", super::table::fitted(&HEAD, body, &[1, 0], &[4], &[2, 3]))?;
    let note = format!(
        "A floor is flagged a week ahead when the last 7 complete UTC days' burn takes the balance below it within {FLOOR_LOOKAHEAD_DAYS} days."
    );
    writeln!(out, "{}", super::text::prose(&note))
}

pub(crate) fn markdown(rows: &[FloorRow]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let mut s = format!("\n| {} |\n| --- | --- | ---: | ---: | --- | --- |\n", HEAD.join(" | "));
    for r in rows {
        s.push_str(&format!("| {} |\n", cells(r).iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")));
    }
    s
}

/// One annotation per floor and account.
pub(crate) fn github(rows: &[FloorRow], out: &mut dyn Write, escape: fn(&str, bool) -> String) -> std::io::Result<()> {
    for r in rows {
        let kind = match r.level {
            Level::Exceeded | Level::NoData => "error",
            Level::ForecastExceeded => "warning",
            _ => "notice",
        };
        let title = format!("Balance floor {}: {}", r.floor.name, status(r));
        let text = cells(r).join(" · ");
        writeln!(out, "::{kind} title={}::{}", escape(&title, true), escape(&text, false))?;
    }
    Ok(())
}

/// One floor at one account in `budgets check --format json`.
#[derive(Serialize)]
pub(crate) struct FloorDoc<'a> {
    name: &'a str,
    provider: &'static str,
    workspace: &'a str,
    currency: &'a str,
    min_balance: String,
    balance: Option<String>,
    burn_per_day: Option<String>,
    runway_days: Option<String>,
    runs_out_on: Option<String>,
    as_of: Option<String>,
    /// `ok`, `forecast-exceeded` (below within a week), `exceeded` (below) or `no-data`.
    level: &'static str,
}

pub(crate) fn docs(rows: &[FloorRow]) -> Vec<FloorDoc<'_>> {
    rows.iter()
        .map(|r| {
            let b = r.balance.as_ref();
            FloorDoc {
                name: &r.floor.name,
                provider: r.account.provider.id(),
                workspace: &r.account.workspace,
                currency: r.floor.currency.as_str(),
                min_balance: r.floor.min.exact(),
                balance: b.map(|b| b.balance.exact()),
                burn_per_day: b.map(|b| b.burn_per_day.exact()),
                runway_days: b.and_then(|b| b.runway_days).map(|d| d.to_string()),
                runs_out_on: b.and_then(|b| b.runs_out_on).map(|d| d.to_string()),
                as_of: b.map(|b| b.as_of.to_rfc3339()),
                level: r.level.name(),
            }
        })
        .collect()
}
