//! What the cache holds, for `doctor` and `cache info`.

use super::Store;
use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountStats {
    pub provider: String,
    pub workspace: String,
    pub cost_rows: u64,
    pub days: u64,
    pub oldest: Option<String>,
    pub newest: Option<String>,
    pub last_sync: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheStats {
    pub schema_version: i64,
    /// `ok`, or what SQLite's quick check found.
    pub integrity: String,
    pub cost_rows: u64,
    pub usage_rows: u64,
    pub accounts: Vec<AccountStats>,
}

impl Store {
    pub fn stats(&self) -> Result<CacheStats> {
        let schema_version: i64 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let integrity: String = self.conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        let count = |table: &str| -> Result<u64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))?
                .unsigned_abs())
        };
        let mut stmt = self.conn.prepare(
            "SELECT s.provider, s.workspace, count(*), min(s.day), max(s.day), max(s.fetched_at),
                    (SELECT count(*) FROM cost_buckets c WHERE c.provider = s.provider AND c.workspace = s.workspace)
             FROM synced_days s GROUP BY s.provider, s.workspace ORDER BY s.provider, s.workspace",
        )?;
        let accounts = stmt
            .query_map([], |r| {
                Ok(AccountStats {
                    provider: r.get(0)?,
                    workspace: r.get(1)?,
                    days: r.get::<_, i64>(2)?.unsigned_abs(),
                    oldest: r.get(3)?,
                    newest: r.get(4)?,
                    last_sync: r.get(5)?,
                    cost_rows: r.get::<_, i64>(6)?.unsigned_abs(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(CacheStats {
            schema_version,
            integrity,
            cost_rows: count("cost_buckets")?,
            usage_rows: count("usage_buckets")?,
            accounts,
        })
    }
}
