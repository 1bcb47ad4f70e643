//! `llmcost generate-cache` (hidden): a large deterministic cache for benchmarks.

use clap::Args;

use super::App;
use crate::error::Result;
use crate::synthetic::Shape;

#[derive(Debug, Args)]
pub struct GenerateCacheArgs {
    #[arg(long, default_value_t = Shape::MILLION.accounts)]
    pub accounts: usize,
    #[arg(long, default_value_t = Shape::MILLION.days)]
    pub days: u64,
    #[arg(long, default_value_t = Shape::MILLION.projects)]
    pub projects: usize,
    #[arg(long, default_value_t = Shape::MILLION.line_items)]
    pub line_items: usize,
    /// API keys per account (their usage split by key, and listed with owners)
    #[arg(long, default_value_t = Shape::MILLION.keys)]
    pub keys: usize,
}

pub(super) fn run(app: &App, args: GenerateCacheArgs) -> Result<()> {
    let shape = Shape {
        accounts: args.accounts,
        days: args.days,
        projects: args.projects,
        line_items: args.line_items,
        keys: args.keys,
    };
    let started = std::time::Instant::now();
    crate::app::cache::generate(app, shape)?;
    app.note(&format!(
        "Wrote {} cost rows for {} accounts to {} in {:.1}s",
        shape.cost_rows(),
        shape.accounts,
        app.db_path.display(),
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}
