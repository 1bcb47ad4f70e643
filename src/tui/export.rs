//! `e` in the dashboard: the view on screen written as CSV next to where llmcost was started.

use std::path::PathBuf;

use crate::app::App;
use crate::app::dashboard::Query;
use crate::error::Result;
use crate::output::Format;

/// Writes the current view (by provider and model, the models `filter` matches) as CSV, its
/// header row first (a comment line above it would be read as the header by spreadsheets);
/// returns the path written, which names the period. An existing file is never overwritten:
/// `-2`, `-3`... is added to the name.
pub fn export(app: &App, q: &Query, filter: &str, path: PathBuf) -> Result<PathBuf> {
    let view = crate::app::dashboard::export(app, q, filter)?;
    write(&view, path)
}

/// Writes `view` as CSV to `path`, or to a free name beside it.
pub fn write(view: &crate::app::views::CostView, path: PathBuf) -> Result<PathBuf> {
    let mut bytes = Vec::new();
    crate::output::render_costs(view, Format::Csv, &mut bytes)
        .map_err(|e| crate::error::Error::Runtime(format!("cannot render CSV: {e}")))?;
    write_bytes(&bytes, path)
}

/// Writes CSV `bytes` to `path`, or to a free name beside it.
pub fn write_bytes(bytes: &[u8], path: PathBuf) -> Result<PathBuf> {
    let path = free_path(path);
    crate::config::write_atomically(&path, bytes)?;
    Ok(path)
}

/// `path`, or `name-2.csv`, `name-3.csv`... when it exists.
fn free_path(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    (2..).map(|n| path.with_file_name(format!("{stem}-{n}{ext}"))).find(|p| !p.exists()).unwrap_or(path)
}
