//! The chargeback in every format: one row per team (or cost centre), direct spend, shared
//! parts, total and share; the parts add up to the total shown, which is the bill.

use std::io::Write;

use serde::Serialize;

use super::Format;
use crate::app::views::ChargebackView;
use crate::domain::Money;
use crate::sanitize;
use crate::teams::UNALLOCATED;

/// Each row's share, adding up to 100.0% ("-" for all when nothing was spent).
fn shares(view: &ChargebackView) -> Vec<String> {
    if view.total == Money::ZERO {
        return vec!["-".into(); view.rows.len()];
    }
    let shares: Vec<_> = view.rows.iter().map(|(_, _, d, s)| (*d + *s).share_of(view.total)).collect();
    super::text::percents(&shares)
}

/// `teams --format json`, and the `chargeback` member of `report --format json`.
#[derive(Serialize)]
pub(crate) struct ChargebackDoc<'a> {
    schema_version: u32,
    currency: &'a str,
    period: super::json_out::PeriodDoc,
    /// `team` or `cost_center`: what the rows are.
    by: &'static str,
    total: String,
    rows: Vec<ChargebackRowDoc<'a>>,
    notes: &'a [String],
}

/// A team (with its cost centre) or a cost centre: its direct spend, its share of shared spend.
#[derive(Serialize)]
struct ChargebackRowDoc<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    team: Option<&'a str>,
    cost_center: &'a str,
    direct: String,
    shared: String,
    total: String,
}

pub(crate) fn json_doc(view: &ChargebackView) -> ChargebackDoc<'_> {
    let rows = view
        .rows
        .iter()
        .map(|(name, cc, d, s)| {
            let (team, cost_center) =
                if view.by_cost_center { (None, name.as_str()) } else { (Some(name.as_str()), cc.as_str()) };
            ChargebackRowDoc { team, cost_center, direct: d.exact(), shared: s.exact(), total: (*d + *s).exact() }
        })
        .collect();
    ChargebackDoc {
        schema_version: super::json_out::SCHEMA_VERSION,
        currency: view.currency.as_str(),
        period: super::json_out::PeriodDoc::of(view.range),
        by: if view.by_cost_center { "cost_center" } else { "team" },
        total: view.total.exact(),
        rows,
        notes: &view.notes,
    }
}

/// One chargeback per period (each month of `--by team,month`), rendered one after another:
/// one CSV with one header, one JSON document listing the periods, tables and Markdown in turn.
pub(crate) fn render_all(views: &[ChargebackView], format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match (views, format) {
        ([one], _) => render(one, format, out),
        (_, Format::Json) => {
            let docs: Vec<ChargebackDoc<'_>> = views.iter().map(json_doc).collect();
            super::json_out::write_doc(
                &serde_json::json!({ "schema_version": super::json_out::SCHEMA_VERSION, "periods": docs }),
                out,
            )
        }
        (_, Format::Csv) => {
            for (i, view) in views.iter().enumerate() {
                let mut bytes = Vec::new();
                render(view, Format::Csv, &mut bytes)?;
                let text = String::from_utf8_lossy(&bytes);
                // The header row once, at the top.
                let body = if i == 0 { &text[..] } else { text.split_once('\n').map_or("", |(_, rest)| rest) };
                out.write_all(body.as_bytes())?;
            }
            Ok(())
        }
        _ => {
            for (i, view) in views.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                render(view, format, out)?;
            }
            Ok(())
        }
    }
}

pub(crate) fn render(view: &ChargebackView, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    let who = if view.by_cost_center { "Cost centre" } else { "Team" };
    match format {
        Format::Table => as_table(view, who, out),
        Format::Json => super::json_out::write_doc(&json_doc(view), out),
        Format::Csv => as_csv(view, out),
        Format::Markdown => as_markdown(view, who, out),
    }
}

/// The chargeback as a table fitted to the terminal, its notes below.
fn as_table(view: &ChargebackView, who: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let r = view.range;
    let title = format!("Chargeback by {}, {} to {} (UTC days)", who.to_lowercase(), r.since, r.until);
    writeln!(out, "{}", super::text::prose(&title))?;
    let total_title = format!("Total ({})", view.currency);
    let mut titles = vec![who, "Direct", "Shared", total_title.as_str(), "Share"];
    if !view.by_cost_center {
        titles.insert(1, "Cost centre");
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (cents, total_cents) = view.in_cents();
    for (((name, cc, _, _), (d, s, t)), share) in view.rows.iter().zip(&cents).zip(shares(view)) {
        let mut row =
            vec![name.clone(), view.currency.format(*d), view.currency.format(*s), view.currency.format(*t), share];
        if !view.by_cost_center {
            row.insert(1, cc.clone());
        }
        rows.push(row);
    }
    let mut total = vec![
        "Total".to_string(),
        String::new(),
        String::new(),
        view.currency.format(total_cents),
        if view.total == Money::ZERO { "-".into() } else { "100.0%".into() },
    ];
    if !view.by_cost_center {
        total.insert(1, String::new());
    }
    rows.push(total);
    let first_money = if view.by_cost_center { 1 } else { 2 };
    let right: Vec<usize> = (first_money..first_money + 4).collect();
    // Narrow: direct and shared go first (the total stays), then names are cut.
    let names: Vec<usize> = (0..first_money).rev().collect();
    let t = super::table::fitted(&titles, rows, &names, &[first_money + 1, first_money], &right);
    writeln!(out, "{t}")?;
    for n in &view.notes {
        writeln!(out, "{}", sanitize::terminal(n))?;
    }
    Ok(())
}

/// The chargeback as CSV in fixed cents that add up.
fn as_csv(view: &ChargebackView, out: &mut dyn Write) -> std::io::Result<()> {
    let r = view.range;
    let mut w = csv::Writer::from_writer(out);
    let unit = view.currency.as_str().to_ascii_lowercase();
    let (d, s, t) = (format!("direct_{unit}"), format!("shared_{unit}"), format!("total_{unit}"));
    let mut head = vec!["period_start", "period_end", "cost_center", d.as_str(), s.as_str(), t.as_str()];
    if !view.by_cost_center {
        head.insert(2, "team");
    }
    w.write_record(&head).map_err(std::io::Error::other)?;
    // Fixed cents (the currency's minor unit) that add up, per row and per column: the
    // exact figures are in `--format json`.
    let (cents, _) = view.in_cents();
    let places = usize::try_from(view.currency.places()).unwrap_or(2);
    let fixed = |m: &Money| format!("{:.places$}", m.decimal());
    for ((name, cc, _, _), (d, s, t)) in view.rows.iter().zip(&cents) {
        let mut rec = vec![r.since.to_string(), r.until.to_string()];
        if !view.by_cost_center {
            rec.push(super::csv_out::safe_text(name));
        }
        rec.extend([super::csv_out::safe_text(cc), fixed(d), fixed(s), fixed(t)]);
        w.write_record(&rec).map_err(std::io::Error::other)?;
    }
    w.flush()
}

/// The chargeback as a Markdown section.
fn as_markdown(view: &ChargebackView, who: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let r = view.range;
    writeln!(out, "## Chargeback by {}\n", who.to_lowercase())?;
    writeln!(out, "{} to {} (UTC days)\n", r.since, r.until)?;
    writeln!(out, "| {who} | Direct | Shared | Total ({}) | Share |", view.currency)?;
    writeln!(out, "| --- | ---: | ---: | ---: | ---: |")?;
    let (cents, total_cents) = view.in_cents();
    for (((name, cc, _, _), (d, s, t)), share) in view.rows.iter().zip(&cents).zip(shares(view)) {
        let label = if view.by_cost_center || cc == crate::teams::NO_COST_CENTER || name == UNALLOCATED {
            sanitize::markdown(name)
        } else {
            format!("{} ({})", sanitize::markdown(name), sanitize::markdown(cc))
        };
        writeln!(
            out,
            "| {label} | {} | {} | {} | {} |",
            view.currency.format(*d),
            view.currency.format(*s),
            view.currency.format(*t),
            share
        )?;
    }
    let total_share = if view.total == Money::ZERO { "-" } else { "100.0%" };
    writeln!(out, "| **Total** | | | **{}** | {total_share} |", view.currency.format(total_cents))
}
