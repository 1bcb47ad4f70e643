//! The export use case: the cached spend of a scope and period as FOCUS lines, each in the
//! currency it was billed in.

use super::App;
use super::answer::Answer;
use super::select::{Scope, prepare};
use super::views::focus::FocusView;
use crate::domain::DateRange;
use crate::error::Result;
use crate::store::CostQuery;

pub(crate) fn focus(app: &App, scope: &Scope, range: DateRange, by_key: bool) -> Result<Answer<FocusView>> {
    let p = prepare(app, scope, range)?;
    let view = FocusView::build(&p.store, &CostQuery::all(p.accounts, range, vec![]), by_key)?;
    Ok(Answer { view, failed: p.failed })
}

/// One partition of a warehouse export: an account's day.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct PartitionKey {
    pub provider: String,
    pub workspace: String,
    pub day: chrono::NaiveDate,
}

impl PartitionKey {
    /// Hive-style: `provider=openai/workspace=edugami/day=2026-11-22`, what DuckDB, BigQuery,
    /// Spark and ClickHouse read as columns.
    pub(crate) fn path(&self) -> std::path::PathBuf {
        std::path::PathBuf::from(format!("provider={}", self.provider))
            .join(format!("workspace={}", self.workspace))
            .join(format!("day={}", self.day))
    }
}

/// The export split into partitions, with every partition the scope and period could hold
/// (a partition that had rows and has none now is to be removed, not kept stale).
pub(crate) struct Partitions {
    pub parts: std::collections::BTreeMap<PartitionKey, FocusView>,
    pub possible: Vec<PartitionKey>,
}

pub(crate) fn focus_partitions(app: &App, scope: &Scope, range: DateRange, by_key: bool) -> Result<Answer<Partitions>> {
    let p = prepare(app, scope, range)?;
    let view = FocusView::build(&p.store, &CostQuery::all(p.accounts.clone(), range, vec![]), by_key)?;
    let mut parts: std::collections::BTreeMap<PartitionKey, FocusView> = std::collections::BTreeMap::new();
    for line in view.lines {
        let key =
            PartitionKey { provider: line.kind.id().to_string(), workspace: line.workspace.clone(), day: line.day };
        parts.entry(key).or_insert_with(|| FocusView { lines: Vec::new(), by_key: view.by_key }).lines.push(line);
    }
    let possible = p
        .accounts
        .iter()
        .flat_map(|a| {
            range.days().map(move |day| PartitionKey {
                provider: a.provider.id().to_string(),
                workspace: a.workspace.clone(),
                day,
            })
        })
        .collect();
    Ok(Answer { view: Partitions { parts, possible }, failed: p.failed })
}
