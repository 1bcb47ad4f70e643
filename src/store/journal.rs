//! The levers journal: what `brake` changed at a provider, the value each change replaced, and
//! each undo. Rows are never deleted or rewritten (the schema's triggers refuse it); a row is
//! written before its request and settled once after, so a crash mid-request leaves a
//! `pending` row that says a change may have been made.

use chrono::{DateTime, Utc};

use super::{Store, parse_time, time_text};
use crate::domain::{Account, ProviderKind};
use crate::error::{Error, Result};
use crate::providers::levers::Lever;

/// One journal row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalEntry {
    pub id: i64,
    /// The brake (or undo) run it belongs to: one number per `brake --apply` or `--undo`.
    pub brake: i64,
    /// `brake` or `undo`.
    pub action: String,
    /// For an undo: the entry it reverses.
    pub undoes: Option<i64>,
    pub at: DateTime<Utc>,
    pub who: String,
    pub account: Account,
    pub lever: Lever,
    pub old_value: serde_json::Value,
    pub new_value: serde_json::Value,
    /// `pending`, `applied` or `failed: why`.
    pub outcome: String,
}

/// A row about to be written.
pub struct NewEntry<'a> {
    pub brake: i64,
    pub action: &'a str,
    pub undoes: Option<i64>,
    pub at: DateTime<Utc>,
    pub who: &'a str,
    pub account: &'a Account,
    pub lever: &'a Lever,
    pub old_value: &'a serde_json::Value,
    pub new_value: &'a serde_json::Value,
}

impl Store {
    /// The number the next brake or undo run takes.
    pub fn next_brake(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT COALESCE(MAX(brake), 0) + 1 FROM lever_journal", [], |r| r.get(0))?)
    }

    /// Writes a row as `pending`, before its request is sent; returns its id.
    pub fn journal_pending(&mut self, e: &NewEntry<'_>) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO lever_journal (brake, action, undoes, at, who, provider, workspace, kind, object_id,
                 object_name, project, old_value, new_value, outcome)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'pending')",
            rusqlite::params![
                e.brake,
                e.action,
                e.undoes,
                time_text(e.at),
                e.who,
                e.account.provider.id(),
                e.account.workspace,
                e.lever.kind,
                e.lever.id,
                e.lever.name,
                e.lever.project,
                e.old_value.to_string(),
                e.new_value.to_string(),
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Settles a pending row: `applied`, or `failed: why`.
    pub fn journal_settle(&mut self, id: i64, outcome: &str) -> Result<()> {
        self.conn.execute("UPDATE lever_journal SET outcome = ?2 WHERE id = ?1", (id, outcome))?;
        Ok(())
    }

    /// Every row, oldest first.
    pub fn journal(&self) -> Result<Vec<JournalEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, brake, action, undoes, at, who, provider, workspace, kind, object_id, object_name, project,
                    old_value, new_value, outcome
             FROM lever_journal ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                (r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<i64>>(3)?),
                (r.get::<_, String>(4)?, r.get::<_, String>(5)?, r.get::<_, String>(6)?, r.get::<_, String>(7)?),
                (
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(10)?,
                    r.get::<_, Option<String>>(11)?,
                ),
                (r.get::<_, String>(12)?, r.get::<_, String>(13)?, r.get::<_, String>(14)?),
            ))
        })?;
        let unreadable = |what: &str| Error::Storage(format!("the levers journal holds an unreadable {what}"));
        let mut entries = Vec::new();
        for row in rows {
            let ((id, brake, action, undoes), (at, who, provider, workspace), (kind, object_id, name, project), values) =
                row?;
            let (old_value, new_value, outcome) = values;
            let provider = ProviderKind::from_id(&provider).map_err(|_| unreadable("provider"))?;
            entries.push(JournalEntry {
                id,
                brake,
                action,
                undoes,
                at: parse_time(&at)?,
                who,
                account: Account::new(provider, workspace),
                lever: Lever { kind, id: object_id, name, project },
                old_value: serde_json::from_str(&old_value).map_err(|_| unreadable("value"))?,
                new_value: serde_json::from_str(&new_value).map_err(|_| unreadable("value"))?,
                outcome,
            });
        }
        Ok(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_is_append_only() {
        let mut store = Store::open_in_memory().unwrap();
        let account = Account::new(ProviderKind::Anthropic, "acme");
        let lever = Lever { kind: "api_key".into(), id: "k1".into(), name: "ci".into(), project: None };
        let (old, new) = (serde_json::json!({"status": "active"}), serde_json::json!({"status": "inactive"}));
        let entry = NewEntry {
            brake: store.next_brake().unwrap(),
            action: "brake",
            undoes: None,
            at: Utc::now(),
            who: "me@host",
            account: &account,
            lever: &lever,
            old_value: &old,
            new_value: &new,
        };
        let id = store.journal_pending(&entry).unwrap();
        store.journal_settle(id, "applied").unwrap();
        assert!(store.journal_settle(id, "failed: later").is_err(), "settled once");
        assert!(store.conn.execute("UPDATE lever_journal SET old_value = '{}' WHERE id = ?1", [id]).is_err());
        assert!(store.conn.execute("DELETE FROM lever_journal", []).is_err());
        let rows = store.journal().unwrap();
        assert_eq!((rows.len(), rows[0].outcome.as_str(), &rows[0].old_value), (1, "applied", &old));
        assert_eq!(store.next_brake().unwrap(), 2);
    }
}
