//! Markdown for reports, PR comments and `$GITHUB_STEP_SUMMARY`.

use std::io::Write;

use super::text::{self, dim_title, thousands};
use crate::app::views::CostView;
use crate::app::views::projects_view::ProjectsView;

/// Provider text made safe for a Markdown cell (no table breaks, HTML, images or mentions).
fn cell(value: &str) -> String {
    crate::sanitize::markdown(value)
}

pub(super) fn costs(view: &CostView, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## LLM spend: {}\n", cell(&text::scope(&view.accounts)))?;
    if let Some(team) = &view.team {
        writeln!(out, "Team: **{}** (its direct spend and its parts of shared costs)\n", cell(team))?;
    }
    writeln!(out, "**{}** · {}\n", view.currency.format(view.total), text::period(view.range, view.today))?;
    let mut header: Vec<String> = view.group_by.iter().map(|d| dim_title(*d).to_string()).collect();
    let mut align: Vec<&str> = vec!["---"; header.len()];
    header.extend([format!("Cost ({})", view.currency), "Share".to_string()]);
    align.extend(["---:", "---:"]);
    if view.usage_shown {
        header.extend(["Input tokens", "Output tokens", "Requests"].map(String::from));
        align.extend(["---:", "---:", "---:"]);
    }
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "| {} |", align.join(" | "))?;
    let shares = text::percents(&view.rows.iter().map(|r| r.share).collect::<Vec<_>>());
    for (row, share) in view.rows.iter().zip(shares) {
        let mut cells: Vec<String> = row.cells.iter().map(|c| cell(&view.shown(row, c))).collect();
        cells.extend([view.currency.format(row.shown_cost()), share]);
        if let Some(u) = row.usage {
            // As the table: "-" where a row has no token counts, or the provider counts no requests.
            let known = u.input_tokens + u.output_tokens + u.requests > 0;
            let show = |n: u64| if known { thousands(n) } else { "-".to_string() };
            cells.extend([
                show(u.input_tokens),
                show(u.output_tokens),
                if u.requests_known() { show(u.requests) } else { "-".to_string() },
            ]);
        }
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    let mut total = vec![String::new(); view.group_by.len()];
    total[0] = "**Total**".into();
    total.extend([
        format!("**{}**", view.currency.format(view.total)),
        if view.rows.is_empty() { "-".into() } else { "100.0%".into() },
    ]);
    if view.usage_shown {
        total.extend([String::new(), String::new(), String::new()]);
    }
    writeln!(out, "| {} |", total.join(" | "))?;
    writeln!(out, "\n_{}._", text::updated(view.updated_at))?;
    if !view.fx.is_empty() {
        writeln!(out, "\n_Converted at each day's ECB euro reference rate: {}._", crate::fx::summary(&view.fx))?;
    }
    for note in text::incomplete_notes(view) {
        writeln!(out, "\n> **{note}**")?;
    }
    for b in &view.budgets {
        writeln!(out, "\n- {}", super::budget_text::note(b))?;
    }
    Ok(())
}

pub(super) fn projects(view: &ProjectsView, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## Projects: {}\n", cell(&text::scope(&view.accounts)))?;
    writeln!(out, "Spend {} to {} (UTC days)\n", view.range.since, view.range.until)?;
    writeln!(out, "| Workspace | Project | ID | Status | Cost ({}) |", view.currency)?;
    writeln!(out, "| --- | --- | --- | --- | ---: |")?;
    for r in &view.rows {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&r.account.to_string()),
            cell(&r.name),
            cell(&r.id),
            cell(&r.status),
            view.currency.format(r.cost)
        )?;
    }
    writeln!(out, "| **Total** | | | | **{}** |", view.currency.format(view.total))
}
