//! Rendering the views `app` builds as table, JSON, CSV or Markdown.

pub(crate) mod activity_out;
pub(crate) mod balances_out;
pub(crate) mod brake_out;
pub(crate) mod budget_text;
pub(crate) mod budgets_out;
pub(crate) mod csv_out;
pub(crate) mod estimates_out;
pub(crate) mod fit;
pub(crate) mod floors_out;
pub(crate) mod focus;
pub(crate) mod focus_parquet;
pub(crate) mod gateway_out;
pub(crate) mod json_out;
pub(crate) mod limits_out;
mod markdown;
pub(crate) mod report_out;
pub(crate) mod savings_out;
pub(crate) mod table;
pub(crate) mod teams_out;
pub(crate) mod text;

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

static COLOR: AtomicBool = AtomicBool::new(false);
static QUIET: AtomicBool = AtomicBool::new(false);

/// `-q`: summaries meant for a person at a terminal are left out.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Whether renderers may colour their output (decided once from `--color` and `NO_COLOR`).
pub fn set_color(enabled: bool) {
    COLOR.store(enabled, Ordering::Relaxed);
}

pub fn color() -> bool {
    COLOR.load(Ordering::Relaxed)
}

/// A message for the person at the terminal, on stderr (notes, confirmations, a question before
/// a prompt): the one place front ends write to stderr besides errors. `newline` false leaves
/// the cursor after it, for an answer typed on the same line.
pub fn tell(text: &str, newline: bool) {
    use std::io::Write as _;
    let mut stderr = std::io::stderr().lock();
    let shown = crate::sanitize::rendered(text, false);
    let _ = if newline { writeln!(stderr, "{shown}") } else { write!(stderr, "{shown}") };
    let _ = stderr.flush();
}

/// How an answer is written to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// A table for people
    #[default]
    Table,
    /// Versioned JSON (schema_version 1) for scripts
    Json,
    /// CSV with a header row, for spreadsheets
    Csv,
    /// Markdown for reports and PR comments
    Markdown,
}

/// Writes `view` in `format`. A closed pipe (`| head`) is not an error.
pub fn render_costs(view: &crate::app::views::CostView, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Table => table::costs(view, out),
        Format::Json => json_out::costs(view, out),
        Format::Csv => csv_out::costs(view, out),
        Format::Markdown => markdown::costs(view, out),
    }
}

pub fn render_projects(
    view: &crate::app::views::projects_view::ProjectsView,
    format: Format,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Table => table::projects(view, out),
        Format::Json => json_out::projects(view, out),
        Format::Csv => csv_out::projects(view, out),
        Format::Markdown => markdown::projects(view, out),
    }
}
