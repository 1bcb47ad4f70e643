//! Human tables (comfy-table) with a heading that names the scope, the period and freshness.

use std::io::Write;

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::CostView;
use super::projects_view::ProjectsView;
use super::text::{self, dim_title, thousands};

/// Provider text for a table cell or heading (see `sanitize`).
fn safe(text: &str) -> String {
    super::sanitize::terminal(text).into_owned()
}

/// A table in llmcost's style, styled when colour is on.
pub fn new_table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if super::color() {
        t.enforce_styling();
    }
    t
}

/// Header cells, bold and coloured when colour is on.
pub fn header<S: ToString>(titles: impl IntoIterator<Item = S>) -> Vec<comfy_table::Cell> {
    titles
        .into_iter()
        .map(|t| {
            let cell = comfy_table::Cell::new(t.to_string());
            if super::color() {
                cell.add_attribute(comfy_table::Attribute::Bold).fg(comfy_table::Color::Cyan)
            } else {
                cell
            }
        })
        .collect()
}

fn align_right(t: &mut Table, from: usize) {
    let n = t.column_count();
    for i in from..n {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

pub fn costs(view: &CostView, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "Spend for {}", safe(&text::scope(&view.accounts)))?;
    if !view.project_filter.is_empty() {
        writeln!(out, "Projects: {}", safe(&view.project_filter.join(", ")))?;
    }
    if !view.model_filter.is_empty() {
        writeln!(out, "Models: {}", safe(&view.model_filter.join(", ")))?;
    }
    if let Some(team) = &view.team {
        writeln!(out, "Team: {} (its direct spend and its parts of shared costs)", safe(team))?;
    }
    writeln!(out, "{}", text::period(view.range, view.today))?;
    let mut t = new_table();
    let mut header: Vec<String> = view.group_by.iter().map(|d| dim_title(*d).to_string()).collect();
    header.extend([format!("Cost ({})", view.currency), "Share".to_string()]);
    if view.usage_shown {
        header.extend(["Input tokens", "Cached input", "Output tokens", "Requests"].map(String::from));
    }
    t.set_header(self::header(header));
    let shares = text::percents(&view.rows.iter().map(|r| r.share).collect::<Vec<_>>());
    for (row, share) in view.rows.iter().zip(shares) {
        let mut cells: Vec<String> = row.cells.iter().map(|c| safe(&view.shown(row, c))).collect();
        cells.extend([view.currency.format(row.cost), share]);
        if let Some(u) = row.usage {
            let known = u.input_tokens + u.output_tokens + u.requests > 0;
            let show = |n: u64| if known { thousands(n) } else { "-".to_string() };
            cells.extend([
                show(u.input_tokens),
                show(u.cached_input_tokens),
                show(u.output_tokens),
                if u.requests_known() { show(u.requests) } else { "-".to_string() },
            ]);
        }
        t.add_row(cells);
    }
    let mut total: Vec<String> = vec![String::new(); view.group_by.len()];
    total[0] = "Total".to_string();
    total.extend([view.currency.format(view.total), if view.rows.is_empty() { "-".into() } else { "100.0%".into() }]);
    if view.usage_shown {
        let sum = view.rows.iter().filter_map(|r| r.usage).fold(
            Default::default(),
            |mut acc: crate::domain::UsageTotals, u| {
                acc += u;
                acc
            },
        );
        total.extend([sum.input_tokens, sum.cached_input_tokens, sum.output_tokens, sum.requests].map(thousands));
    }
    t.add_row(total);
    align_right(&mut t, view.group_by.len());
    writeln!(out, "{t}")?;
    match (view.rows.is_empty(), view.updated_at.is_some(), view.complete()) {
        // Nothing was ever fetched: that is not "no spend".
        (true, false, false) => writeln!(out, "No data for this period: run 'llmcost sync' (or drop --offline).")?,
        (true, _, true) => writeln!(out, "No spend in this period.")?,
        (true, true, false) => writeln!(out, "No spend in the days fetched.")?,
        (false, ..) => {}
    }
    if view.updated_at.is_some() || !view.rows.is_empty() {
        writeln!(out, "{}", text::updated(view.updated_at))?;
    }
    if !view.fx.is_empty() {
        writeln!(out, "Converted at each day's ECB euro reference rate: {}", crate::fx::summary(&view.fx))?;
    }
    for note in text::incomplete_notes(view) {
        writeln!(out, "{note}")?;
    }
    for b in &view.budgets {
        writeln!(out, "{}", super::budgets_out::note(b))?;
    }
    Ok(())
}

pub fn projects(view: &ProjectsView, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "Projects of {}", safe(&text::scope(&view.accounts)))?;
    let r = view.range;
    writeln!(out, "Spend {} to {} (UTC days)", r.since, r.until)?;
    let mut t = new_table();
    let cost = format!("Cost ({})", view.currency);
    t.set_header(header(["Workspace", "Project", "ID", "Status", cost.as_str()]));
    for row in &view.rows {
        t.add_row(vec![
            safe(&row.account.to_string()),
            safe(&row.name),
            if row.id.is_empty() { "-".to_string() } else { safe(&row.id) },
            row.status.clone(),
            view.currency.format(row.cost),
        ]);
    }
    t.add_row(vec!["Total".to_string(), String::new(), String::new(), String::new(), view.currency.format(view.total)]);
    align_right(&mut t, 4);
    writeln!(out, "{t}")?;
    writeln!(out, "{}", text::updated(view.updated_at))?;
    for b in &view.budgets {
        writeln!(out, "{}", super::budgets_out::note(b))?;
    }
    Ok(())
}
