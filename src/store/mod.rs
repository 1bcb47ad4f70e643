//! The local SQLite cache: the only module that speaks SQL.
//!
//! Money is stored as exact decimal text and summed with the `dec_sum` aggregate, so SQL
//! groups rows and Rust adds the amounts without ever going through a float.

mod activity;
mod balances;
mod decimal_sum;
mod estimates;
mod fx;
pub(crate) mod imports;
mod journal;
mod key;
mod keys;
mod notifications;
mod query;
mod schema;
mod stats;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::Connection;

pub use crate::domain::KeyValue;
pub use estimates::{EstimateDay, EstimateRow, Score};
pub use journal::{JournalEntry, NewEntry};
pub use key::GroupKey;
pub use keys::{KeyLine, KeyUse};
pub use notifications::NotificationKey;
pub use query::{CostQuery, ProjectSpend};
pub use schema::SCHEMA_VERSION;
pub use stats::{AccountStats, CacheStats};
pub use write::SyncBatch;

use crate::error::{Error, Result};

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Opened read-only because the disk holding it is full: reads answer, writes are refused
    /// with a message that says so.
    frozen: bool,
    /// How reads name people (`[people]`): key owners and activity actors come back under the
    /// person's own name. What is written is always the provider's name.
    people: crate::domain::People,
}

impl Store {
    /// Opens (creating if needed, owner-only) and migrates the cache at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        create_private_file(path)?;
        let conn = Connection::open(path)
            .map_err(|e| Error::Storage(format!("cannot open the cache {}: {e}", path.display())))?;
        let mut store = Store { conn, path: Some(path.to_path_buf()), frozen: false, people: Default::default() };
        if let Err(e) = store.prepare() {
            // On a full disk SQLite cannot even open its shared-memory file ("disk I/O error"):
            // the cache is still readable as it is, so reads answer from it.
            if disk_full(path) {
                drop(store);
                return Store::open_frozen(path);
            }
            return Err(store.explain(e));
        }
        tracing::debug!("opened the cache {} (schema {})", path.display(), SCHEMA_VERSION);
        Ok(store)
    }

    /// The cache opened read-only, without locks or a shared-memory file (SQLite's
    /// `immutable`): what a full disk still allows. Nobody can write it meanwhile.
    fn open_frozen(path: &Path) -> Result<Store> {
        let shown = path.display();
        let encoded: String = path
            .to_string_lossy()
            .chars()
            .map(|c| match c {
                '%' | '?' | '#' => format!("%{:02X}", u32::from(c)),
                c => c.to_string(),
            })
            .collect();
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(format!("file:{encoded}?immutable=1"), flags).map_err(|e| {
            Error::Storage(format!(
                "the disk holding the cache {shown} is full, and the cache cannot be read ({e}): free some space"
            ))
        })?;
        schema::ensure_ours(&conn, path)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version != SCHEMA_VERSION {
            return Err(Error::Storage(format!(
                "the disk holding the cache {shown} is full, and the cache needs an upgrade that writes to it: free some space"
            )));
        }
        decimal_sum::register(&conn)?;
        tracing::warn!("the disk holding {shown} is full: the cache is read-only");
        Ok(Store { conn, path: Some(path.to_path_buf()), frozen: true, people: Default::default() })
    }

    /// Why the cache cannot be written this run, if it cannot (a full disk).
    pub fn read_only_reason(&self) -> Option<String> {
        self.frozen.then(|| {
            let shown = self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
            format!(
                "the disk holding the cache {shown} is full: answering from the cache as it is, nothing can be fetched \
                 or written until some space is freed"
            )
        })
    }

    /// Refuses a write to a cache opened read-only, saying why.
    pub(crate) fn writable(&self) -> Result<()> {
        match self.read_only_reason() {
            Some(why) => Err(Error::Storage(why)),
            None => Ok(()),
        }
    }

    /// A throwaway in-memory cache (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store { conn, path: None, frozen: false, people: Default::default() };
        store.prepare()?;
        Ok(store)
    }

    /// Reads name people as `[people]` does from now on (a GitHub login and an e-mail of the
    /// same person are one person).
    pub fn name_people(&mut self, people: crate::domain::People) {
        self.people = people;
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(&mut self) -> Result<()> {
        // WAL and a busy timeout let a sync and a read (or two syncs) run at once.
        self.conn.busy_timeout(Duration::from_secs(10))?;
        if let Some(path) = &self.path {
            // Before anything writes (the switch to WAL does): never touch a foreign database.
            schema::ensure_ours(&self.conn, path)?;
            self.enable_wal()?;
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        decimal_sum::register(&self.conn)?;
        schema::migrate(&mut self.conn)
    }

    /// Switching a new file to WAL needs an exclusive lock that SQLite does not wait for, so a
    /// second process opening the same new cache retries for a moment instead of failing.
    fn enable_wal(&self) -> Result<()> {
        let mut attempts = 0;
        loop {
            let mode: rusqlite::Result<String> =
                self.conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0));
            match mode {
                Ok(_) => return Ok(()),
                Err(e) if attempts < 100 && is_busy(&e) => {
                    attempts += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Turns SQLite's terse errors into ones that say what to do.
    fn explain(&self, e: Error) -> Error {
        let where_ = self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
        match e {
            Error::CacheDamaged(msg) => Error::CacheDamaged(format!(
                "the cache {where_} is damaged or not an llmcost cache ({msg}); it was left untouched: \
                 move it aside (its history may not be fetchable again) or use --db PATH"
            )),
            other => other,
        }
    }

    /// When each day of `account` was last fetched, for the days in `range`.
    pub fn synced_days(
        &self,
        provider: &str,
        workspace: &str,
        since: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<(NaiveDate, DateTime<Utc>)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT day, fetched_at FROM synced_days
             WHERE provider = ?1 AND workspace = ?2 AND day BETWEEN ?3 AND ?4 ORDER BY day",
        )?;
        let rows = stmt.query_map((provider, workspace, day_text(since), day_text(until)), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (day, at) = row?;
            out.push((parse_day(&day)?, parse_time(&at)?));
        }
        Ok(out)
    }

    /// The last time anything was fetched for this account.
    pub fn last_sync(&self, provider: &str, workspace: &str) -> Result<Option<DateTime<Utc>>> {
        let at: Option<String> = self.conn.query_row(
            "SELECT max(fetched_at) FROM synced_days WHERE provider = ?1 AND workspace = ?2",
            (provider, workspace),
            |r| r.get(0),
        )?;
        at.as_deref().map(parse_time).transpose()
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// A usage row's counts as SQLite stores them (i64): larger counts are stored as its largest.
pub(super) fn stored_counts(t: &crate::domain::UsageTotals) -> [i64; 4] {
    [t.input_tokens, t.cached_input_tokens, t.output_tokens, t.requests].map(|n| i64::try_from(n).unwrap_or(i64::MAX))
}

pub(crate) fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

pub(crate) fn time_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn parse_day(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::Storage(format!("cache holds a bad day '{text}'")))
}

fn parse_time(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::Storage(format!("cache holds a bad time '{text}'")))
}

/// Creates the cache file readable by its owner only, before SQLite opens it.
/// Whether the file system holding `path` has no room left: a small file cannot be written
/// next to it. Asked only after opening failed.
fn disk_full(path: &Path) -> bool {
    use std::io::Write;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let no_space = |e: &std::io::Error| e.kind() == std::io::ErrorKind::StorageFull;
    match tempfile::tempfile_in(dir) {
        Ok(mut f) => f.write_all(&[0; 64 << 10]).and_then(|()| f.sync_all()).is_err_and(|e| no_space(&e)),
        Err(e) => no_space(&e),
    }
}

fn create_private_file(path: &Path) -> Result<()> {
    let fail = |e: std::io::Error| Error::io(format!("cannot create the cache {}", path.display()), e);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    if path.exists() {
        return Ok(());
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(fail(e)),
    }
}
