//! The application layer: the context a use case runs in, and the use cases every front end
//! (commands, dashboard) shares. Nothing here imports a front end.

pub(crate) mod budgets;
mod context;
pub(crate) mod download;
pub(crate) mod fx;
pub(crate) mod models;
pub(crate) mod prices;
pub(crate) mod projects;
pub(crate) mod savings;
pub mod sync;
pub(crate) mod teams;

pub use context::{App, Options};

/// A day read back from the cache. A cache edited by hand or damaged can hold one that is not a
/// date: that is one clear error naming the fix, wherever it is read, never a panic or a
/// silently dropped row.
pub fn cached_day(text: &str) -> crate::error::Result<chrono::NaiveDate> {
    crate::domain::period::parse_date(text).map_err(|_| {
        crate::error::Error::Storage(format!(
            "the cache holds a day that is not a date ({:?}); move the cache aside (llmcost cache path) and sync again",
            crate::output::sanitize::terminal(text)
        ))
    })
}
