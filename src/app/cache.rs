//! The cache file itself: what it holds, deleting it, and filling it with a synthetic
//! organization for benchmarks.

use super::App;
use crate::error::{Error, Result};
use crate::store::CacheStats;

/// The cache's size on disk and what it holds; `None` when no sync has created it yet.
pub(crate) fn info(app: &App) -> Result<Option<(u64, CacheStats)>> {
    if !app.db_path.exists() {
        return Ok(None);
    }
    let size = std::fs::metadata(&app.db_path).map_or(0, |m| m.len());
    Ok(Some((size, app.open_store()?.stats()?)))
}

/// Deletes the cache file and its write-ahead log; `false` when there was none.
pub(crate) fn delete(app: &App) -> Result<bool> {
    if app.is_demo() {
        return Err(Error::Usage("the demo's cache is temporary already: run without --demo".into()));
    }
    if !app.db_path.exists() {
        return Ok(false);
    }
    // The journal is the only record of what a brake replaced: not while one is in place. A
    // cache that cannot be read has no journal to lose.
    if let Ok(braked) = super::brake::status(app)
        && let Some(latest) = braked.iter().map(|b| b.entry.brake).max()
    {
        return Err(Error::Usage(format!(
            "brake {latest} is in place, and this cache's journal is the only record of the settings it replaced: \
             undo it first ('llmcost brake --undo {latest} --apply'; 'llmcost brake --status' lists what is braked)"
        )));
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut path = app.db_path.clone().into_os_string();
        path.push(suffix);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(format!("cannot delete {}", path.to_string_lossy()), e)),
        }
    }
    Ok(true)
}

/// Fills the cache with a synthetic organization of `shape` (`generate-cache`).
pub(crate) fn generate(app: &App, shape: crate::synthetic::Shape) -> Result<()> {
    if app.is_demo() {
        return Err(Error::Usage("generate-cache writes --db; run it without --demo".into()));
    }
    let mut store = app.open_store()?;
    crate::synthetic::fill(&mut store, shape, app.clock.now())
}

/// The imports recorded per account (file and time), for `providers list`; none without a cache.
pub(crate) fn imports(app: &App) -> Result<Vec<crate::store::imports::ImportInfo>> {
    if !app.db_path.exists() {
        return Ok(Vec::new());
    }
    app.open_store()?.imports()
}

/// When each account last synced, in order (`None`: never, or no cache yet).
pub(crate) fn last_syncs(
    app: &App,
    accounts: &[crate::domain::Account],
) -> Result<Vec<Option<chrono::DateTime<chrono::Utc>>>> {
    if !app.db_path.exists() {
        return Ok(vec![None; accounts.len()]);
    }
    let store = app.open_store()?;
    accounts.iter().map(|a| store.last_sync(a.provider.id(), &a.workspace)).collect()
}
