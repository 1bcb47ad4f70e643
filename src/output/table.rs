//! Human tables (comfy-table) with a heading that names the scope, the period and freshness.

use std::io::Write;

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::text::{self, dim_title, thousands};
use crate::app::views::CostView;
use crate::app::views::projects_view::ProjectsView;

/// Provider text for a table cell or heading (see `sanitize`).
fn safe(text: &str) -> String {
    crate::sanitize::terminal(text).into_owned()
}

/// A table in llmcost's style, styled when colour is on.
pub(crate) fn new_table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if super::color() {
        t.enforce_styling();
    }
    t
}

/// A table of text cells fitted to the terminal (see `fit`): `cuttable` columns may be cut with
/// an ellipsis, `droppable` ones dropped in that order, `right` ones (numbers) are right-aligned
/// and never cut. Cells are escaped for the terminal.
pub(crate) fn fitted(
    header: &[&str],
    rows: Vec<Vec<String>>,
    cuttable: &[usize],
    droppable: &[usize],
    right: &[usize],
) -> Table {
    fitted_styled(header, rows, cuttable, droppable, right, &|_, _| None)
}

/// [`fitted`], colouring the cell of row `r` and (original) column `c` with `colour(r, c)` when
/// colour is on.
pub(crate) fn fitted_styled(
    header: &[&str],
    rows: Vec<Vec<String>>,
    cuttable: &[usize],
    droppable: &[usize],
    right: &[usize],
    colour: &dyn Fn(usize, usize) -> Option<comfy_table::Color>,
) -> Table {
    fitted_with(header, rows, &super::fit::Plan { cut_first: &[], cuttable, droppable }, right, colour)
}

/// [`fitted`] with columns whose text llmcost wrote itself and broke into lines (`wrapped`):
/// each line is escaped for the terminal on its own, so the breaks stay.
pub(crate) fn fitted_wrapped(
    header: &[&str],
    rows: Vec<Vec<String>>,
    plan: &super::fit::Plan<'_>,
    right: &[usize],
    wrapped: &[usize],
) -> Table {
    fitted_inner(header, rows, plan, right, wrapped, &|_, _| None)
}

/// [`fitted_styled`] with a whole fitting plan (columns narrowed before any is dropped).
pub(crate) fn fitted_with(
    header: &[&str],
    rows: Vec<Vec<String>>,
    plan: &super::fit::Plan<'_>,
    right: &[usize],
    colour: &dyn Fn(usize, usize) -> Option<comfy_table::Color>,
) -> Table {
    fitted_inner(header, rows, plan, right, &[], colour)
}

fn fitted_inner(
    header: &[&str],
    rows: Vec<Vec<String>>,
    plan: &super::fit::Plan<'_>,
    right: &[usize],
    wrapped: &[usize],
    colour: &dyn Fn(usize, usize) -> Option<comfy_table::Color>,
) -> Table {
    let mut header: Vec<String> = header.iter().map(std::string::ToString::to_string).collect();
    // Every cell escaped for the terminal; in a `wrapped` column line by line, keeping the breaks
    // llmcost made.
    let escape = |i: usize, c: &str| {
        if wrapped.contains(&i) { c.split('\n').map(safe).collect::<Vec<_>>().join("\n") } else { safe(c) }
    };
    let mut rows: Vec<Vec<String>> =
        rows.into_iter().map(|r| r.iter().enumerate().map(|(i, c)| escape(i, c)).collect()).collect();
    let dropped = match super::fit::width() {
        Some(w) => super::fit::fit(&mut header, &mut rows, plan, w),
        None => Vec::new(),
    };
    let kept: Vec<usize> = (0..header.len() + dropped.len()).filter(|c| !dropped.contains(c)).collect();
    let mut t = new_table();
    t.set_header(self::header(header));
    for (r, row) in rows.into_iter().enumerate() {
        t.add_row(row.into_iter().zip(&kept).map(|(text, col)| {
            let cell = comfy_table::Cell::new(text);
            match colour(r, *col) {
                Some(c) if super::color() => cell.fg(c),
                _ => cell,
            }
        }));
    }
    for &col in right.iter().filter(|c| !dropped.contains(c)) {
        let at = col - dropped.iter().filter(|d| **d < col).count();
        if let Some(c) = t.column_mut(at) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

/// Header cells, bold and coloured when colour is on.
pub(crate) fn header<S: ToString>(titles: impl IntoIterator<Item = S>) -> Vec<comfy_table::Cell> {
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

pub(crate) fn costs(view: &CostView, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", text::prose(&format!("Spend for {}", safe(&text::scope(&view.accounts)))))?;
    if !view.project_filter.is_empty() {
        writeln!(out, "Projects: {}", safe(&view.project_filter.join(", ")))?;
    }
    if !view.model_filter.is_empty() {
        writeln!(out, "Models: {}", safe(&view.model_filter.join(", ")))?;
    }
    if let Some(team) = &view.team {
        writeln!(out, "Team: {} (its direct spend and its parts of shared costs)", safe(team))?;
    }
    writeln!(out, "{}", text::prose(&text::period(view.range, view.today)))?;
    let fixed = view.group_by.len();
    let (mut header, mut rows) = cost_cells(view, false);
    let width = super::fit::width();
    if let Some(w) = width {
        // Too wide for the terminal: token counts as 932M first, then fewer columns, then
        // shorter names.
        if super::fit::table_width(&header, &rows) > w && view.usage_shown {
            (header, rows) = cost_cells(view, true);
        }
        // Requests, cached input, output tokens, input tokens, then the share.
        let droppable: Vec<usize> = if view.usage_shown {
            vec![fixed + 5, fixed + 3, fixed + 4, fixed + 2, fixed + 1]
        } else {
            vec![fixed + 1]
        };
        // The last grouping column (a model, a project) is cut first, the provider last.
        let cuttable: Vec<usize> = (0..fixed).rev().collect();
        super::fit::fit(
            &mut header,
            &mut rows,
            &super::fit::Plan { cut_first: &[], cuttable: &cuttable, droppable: &droppable },
            w,
        );
    }
    let mut t = new_table();
    t.set_header(self::header(header));
    for row in rows {
        t.add_row(row);
    }
    align_right(&mut t, fixed);
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
        let line = format!("Converted at each day's ECB euro reference rate: {}", crate::fx::summary(&view.fx));
        writeln!(out, "{}", text::prose(&line))?;
    }
    for note in text::incomplete_notes(view) {
        writeln!(out, "{}", text::prose(&note))?;
    }
    budget_notes(&view.budgets, out)
}

/// Budgets a view covers: a line each when piped (complete), one summary line on a terminal
/// (`llmcost budgets` has the rest), nothing with `-q`.
pub(crate) fn budget_notes(budgets: &[crate::budget::BudgetRow], out: &mut dyn Write) -> std::io::Result<()> {
    if budgets.is_empty() {
        return Ok(());
    }
    if super::fit::width().is_none() {
        for b in budgets {
            writeln!(out, "{}", super::budget_text::note(b))?;
        }
        return Ok(());
    }
    if super::quiet() {
        return Ok(());
    }
    writeln!(out, "{}", text::prose(&super::budget_text::summary(budgets)))
}

/// The cells of the costs table: header, rows, then the total row. `compact` writes token
/// counts as `932M`.
fn cost_cells(view: &CostView, compact: bool) -> (Vec<String>, Vec<Vec<String>>) {
    let count = |n: u64| if compact { text::compact_count(n) } else { thousands(n) };
    let mut header: Vec<String> = view.group_by.iter().map(|d| dim_title(*d).to_string()).collect();
    header.extend([format!("Cost ({})", view.currency), "Share".to_string()]);
    if view.usage_shown {
        let titles = if compact {
            ["Input", "Cached", "Output", "Requests"]
        } else {
            ["Input tokens", "Cached input", "Output tokens", "Requests"]
        };
        header.extend(titles.map(String::from));
    }
    // `--by currency`: what each currency's rows were billed, in that currency, last.
    let billed = view.rows.iter().any(|r| r.billed.is_some());
    let mut rows = Vec::new();
    let shares = text::percents(&view.rows.iter().map(|r| r.share).collect::<Vec<_>>());
    for (row, share) in view.rows.iter().zip(shares) {
        let mut cells: Vec<String> = row.cells.iter().map(|c| safe(&view.shown(row, c))).collect();
        cells.extend([view.currency.format(row.shown_cost()), share]);
        if billed {
            cells.push(row.billed_in().map_or_else(|| "-".into(), |(c, m)| c.format(m)));
        }
        if let Some(u) = row.usage {
            let known = u.input_tokens + u.output_tokens + u.requests > 0;
            let show = |n: u64| if known { count(n) } else { "-".to_string() };
            cells.extend([
                show(u.input_tokens),
                show(u.cached_input_tokens),
                show(u.output_tokens),
                if u.requests_known() { show(u.requests) } else { "-".to_string() },
            ]);
        }
        rows.push(cells);
    }
    if billed {
        header.push("Billed".to_string());
    }
    let mut total: Vec<String> = vec![String::new(); view.group_by.len()];
    total[0] = "Total".to_string();
    total.extend([view.currency.format(view.total), if view.rows.is_empty() { "-".into() } else { "100.0%".into() }]);
    if billed {
        // Amounts in different currencies are never added up.
        total.push(String::new());
    }
    if view.usage_shown {
        let sum = view.rows.iter().filter_map(|r| r.usage).fold(
            Default::default(),
            |mut acc: crate::domain::UsageTotals, u| {
                acc += u;
                acc
            },
        );
        total.extend([sum.input_tokens, sum.cached_input_tokens, sum.output_tokens, sum.requests].map(count));
    }
    rows.push(total);
    (header, rows)
}

pub(crate) fn projects(view: &ProjectsView, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", text::prose(&format!("Projects of {}", safe(&text::scope(&view.accounts)))))?;
    let r = view.range;
    writeln!(out, "Spend {} to {} (UTC days)", r.since, r.until)?;
    let cost = format!("Cost ({})", view.currency);
    let mut rows: Vec<Vec<String>> = view
        .rows
        .iter()
        .map(|row| {
            vec![
                row.account.to_string(),
                row.name.clone(),
                if row.id.is_empty() { "-".to_string() } else { row.id.clone() },
                row.status.clone(),
                view.currency.format(row.cost),
            ]
        })
        .collect();
    rows.push(vec!["Total".to_string(), String::new(), String::new(), String::new(), view.currency.format(view.total)]);
    // Narrow: the status, then the id go first; then ids, names and workspaces are cut.
    let t = fitted(&["Workspace", "Project", "ID", "Status", cost.as_str()], rows, &[2, 1, 0], &[3, 2], &[4]);
    writeln!(out, "{t}")?;
    writeln!(out, "{}", text::updated(view.updated_at))?;
    budget_notes(&view.budgets, out)?;
    Ok(())
}
