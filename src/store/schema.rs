//! Embedded migrations, tracked by `PRAGMA user_version`.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// Each entry moves the schema one version up; never edit a released one, append.
const MIGRATIONS: &[&str] = &[
    // 1: costs per (account, UTC day, project, line item); usage per model; which days were fetched.
    "CREATE TABLE cost_buckets (
        provider   TEXT NOT NULL,
        workspace  TEXT NOT NULL,
        day        TEXT NOT NULL,           -- UTC date, YYYY-MM-DD
        project_id TEXT NOT NULL,           -- '' = the default project
        line_item  TEXT NOT NULL,
        model      TEXT NOT NULL,           -- derived from line_item when stored
        amount     TEXT NOT NULL,           -- exact decimal US dollars
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, day, project_id, line_item)
    ) WITHOUT ROWID;
    CREATE INDEX cost_buckets_by_day ON cost_buckets (day);
    CREATE TABLE usage_buckets (
        provider            TEXT NOT NULL,
        workspace           TEXT NOT NULL,
        day                 TEXT NOT NULL,
        project_id          TEXT NOT NULL,
        model               TEXT NOT NULL,
        input_tokens        INTEGER NOT NULL,
        cached_input_tokens INTEGER NOT NULL,
        output_tokens       INTEGER NOT NULL,
        requests            INTEGER NOT NULL,
        fetched_at          TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, day, project_id, model)
    ) WITHOUT ROWID;
    CREATE TABLE synced_days (
        provider   TEXT NOT NULL,
        workspace  TEXT NOT NULL,
        day        TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, day)
    ) WITHOUT ROWID;
    CREATE TABLE projects (
        provider   TEXT NOT NULL,
        workspace  TEXT NOT NULL,
        id         TEXT NOT NULL,
        name       TEXT NOT NULL,
        status     TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, id)
    ) WITHOUT ROWID;",
    // 2: every query seeks on (provider, workspace, day) through the primary key; the day-only
    // index only slowed writes.
    "DROP INDEX IF EXISTS cost_buckets_by_day;",
    // 3: files imported for vendors without a billing API (`llmcost import`).
    "CREATE TABLE imports (
        provider    TEXT NOT NULL,
        workspace   TEXT NOT NULL,
        file        TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        rows        INTEGER NOT NULL
    );",
    // 4: budget alerts sent (or tried), so each is delivered exactly once.
    "CREATE TABLE notifications (
        channel      TEXT NOT NULL,
        budget       TEXT NOT NULL,
        period_start TEXT NOT NULL,
        threshold    INTEGER NOT NULL,
        event        TEXT NOT NULL,     -- trigger | resolve
        delivered_at TEXT,              -- NULL: the last attempt failed
        error        TEXT,
        attempts     INTEGER NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (channel, budget, period_start, threshold, event)
    ) WITHOUT ROWID;",
    // 5: every amount carries its billing currency (existing ones were all US dollars), and the
    // ECB's euro reference rates for showing spend in another currency.
    "ALTER TABLE cost_buckets ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD';
    CREATE TABLE fx_rates (
        currency TEXT NOT NULL,   -- ISO 4217
        day      TEXT NOT NULL,   -- the ECB's publication day
        rate     TEXT NOT NULL,   -- units of the currency per euro, exact decimal
        PRIMARY KEY (currency, day)
    ) WITHOUT ROWID;
    -- Which currencies each account has ever been billed in: lets a view skip every currency
    -- check with one lookup when all is in the currency shown (the usual case).
    CREATE TABLE currencies_seen (
        provider  TEXT NOT NULL,
        workspace TEXT NOT NULL,
        currency  TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, currency)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO currencies_seen SELECT DISTINCT provider, workspace, currency FROM cost_buckets;",
    // 6: a cost row's identity is everything that tells two charges apart: Bedrock's Marketplace
    // models share usage types (`USE1-MP:USE1_OutputTokenCount-Units` is every Claude model's),
    // so the model and the currency join the key. Rows keep their values.
    "CREATE TABLE cost_buckets_v6 (
        provider   TEXT NOT NULL,
        workspace  TEXT NOT NULL,
        day        TEXT NOT NULL,
        project_id TEXT NOT NULL,
        line_item  TEXT NOT NULL,
        model      TEXT NOT NULL,
        amount     TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        currency   TEXT NOT NULL DEFAULT 'USD',
        PRIMARY KEY (provider, workspace, day, project_id, model, line_item, currency)
    ) WITHOUT ROWID;
    INSERT INTO cost_buckets_v6 (provider, workspace, day, project_id, line_item, model, amount, fetched_at, currency)
        SELECT provider, workspace, day, project_id, line_item, model, amount, fetched_at, currency FROM cost_buckets;
    DROP TABLE cost_buckets;
    ALTER TABLE cost_buckets_v6 RENAME TO cost_buckets;",
    // 7: how an imported FOCUS file classified its charges, so a FOCUS export gives them back
    // as the source said (EC2 stays Compute by Amazon Web Services, Inc.).
    "CREATE TABLE charge_sources (
        provider            TEXT NOT NULL,
        workspace           TEXT NOT NULL,
        line_item           TEXT NOT NULL,
        service_category    TEXT NOT NULL,
        service_subcategory TEXT NOT NULL,
        service_name        TEXT NOT NULL,
        provider_name       TEXT NOT NULL,
        publisher_name      TEXT NOT NULL,
        invoice_issuer_name TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, line_item)
    ) WITHOUT ROWID;",
    // 8: an alert's state between attempts: 'sending' is written before the POST (a crash after
    // delivery must not repeat a chat message), 'gone' when the receiver said 404 or 410.
    "ALTER TABLE notifications ADD COLUMN state TEXT NOT NULL DEFAULT '';",
    // 9: prepaid balances as the provider reported them (OpenRouter's credits left), a series
    // per account: what `balances` shows, and the runway it computes.
    "CREATE TABLE balances (
        provider  TEXT NOT NULL,
        workspace TEXT NOT NULL,
        at        TEXT NOT NULL,
        amount    TEXT NOT NULL,
        currency  TEXT NOT NULL DEFAULT 'USD',
        PRIMARY KEY (provider, workspace, at)
    ) WITHOUT ROWID;",
    // 10: the levers journal (`brake`, `limits apply`): every change llmcost makes at a provider, with the value
    // it replaced, so an undo restores exactly what was there. Append-only: a row is written
    // 'pending' before the request and settled once ('applied' or 'failed: why'); the triggers
    // refuse any other change and any delete.
    "CREATE TABLE lever_journal (
        id          INTEGER PRIMARY KEY,
        brake       INTEGER NOT NULL,
        action      TEXT NOT NULL CHECK (action IN ('brake', 'limit', 'undo')),
        undoes      INTEGER REFERENCES lever_journal (id),
        at          TEXT NOT NULL,
        who         TEXT NOT NULL,
        provider    TEXT NOT NULL,
        workspace   TEXT NOT NULL,
        kind        TEXT NOT NULL,
        object_id   TEXT NOT NULL,
        object_name TEXT NOT NULL,
        project     TEXT,
        old_value   TEXT NOT NULL,
        new_value   TEXT NOT NULL,
        outcome     TEXT NOT NULL
    );
    CREATE TRIGGER lever_journal_no_delete BEFORE DELETE ON lever_journal
    BEGIN SELECT RAISE(ABORT, 'the lever journal is append-only'); END;
    CREATE TRIGGER lever_journal_settles_once BEFORE UPDATE ON lever_journal
    WHEN OLD.outcome <> 'pending' OR NEW.id IS NOT OLD.id OR NEW.brake IS NOT OLD.brake
      OR NEW.action IS NOT OLD.action OR NEW.undoes IS NOT OLD.undoes OR NEW.at IS NOT OLD.at
      OR NEW.who IS NOT OLD.who OR NEW.provider IS NOT OLD.provider OR NEW.workspace IS NOT OLD.workspace
      OR NEW.kind IS NOT OLD.kind OR NEW.object_id IS NOT OLD.object_id OR NEW.project IS NOT OLD.project
      OR NEW.object_name IS NOT OLD.object_name OR NEW.old_value IS NOT OLD.old_value
      OR NEW.new_value IS NOT OLD.new_value
    BEGIN SELECT RAISE(ABORT, 'the lever journal is append-only'); END;",
    // 11: estimates of days whose bill has not arrived (usage x list price, or a provider's live
    // figure), kept apart from billed rows; the days they cover, how far their hours are known,
    // and, once the bill arrives, each (estimate, billed) pair: llmcost's measured accuracy.
    "CREATE TABLE estimates (
        provider   TEXT NOT NULL,
        workspace  TEXT NOT NULL,
        day        TEXT NOT NULL,
        hour       TEXT NOT NULL,           -- 'HH:00' UTC, or 'day': a figure for the day so far
        project_id TEXT NOT NULL,
        model      TEXT NOT NULL,
        amount     TEXT NOT NULL,           -- exact decimal
        currency   TEXT NOT NULL DEFAULT 'USD',
        source     TEXT NOT NULL,           -- 'priced': tokens x list price; 'live': the provider's figure
        PRIMARY KEY (provider, workspace, day, hour, project_id, model)
    ) WITHOUT ROWID;
    CREATE TABLE estimate_days (
        provider     TEXT NOT NULL,
        workspace    TEXT NOT NULL,
        day          TEXT NOT NULL,
        through      TEXT NOT NULL,         -- the hours before it are complete: never asked again
        refreshed_at TEXT NOT NULL,
        unpriced     TEXT NOT NULL DEFAULT '', -- models with tokens but no list price
        bill_arrived INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (provider, workspace, day)
    ) WITHOUT ROWID;
    CREATE TABLE estimate_scores (
        provider  TEXT NOT NULL,
        workspace TEXT NOT NULL,
        day       TEXT NOT NULL,
        model     TEXT NOT NULL,
        estimate  TEXT NOT NULL,
        billed    TEXT NOT NULL,
        currency  TEXT NOT NULL,
        scored_at TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, day, model)
    ) WITHOUT ROWID;",
    // 12: who spent it: usage per API key (where the provider reports it), and the keys with
    // their names, owners and the provider's redacted hints (never a secret).
    "CREATE TABLE key_usage (
        provider            TEXT NOT NULL,
        workspace           TEXT NOT NULL,
        day                 TEXT NOT NULL,
        project_id          TEXT NOT NULL,
        model               TEXT NOT NULL,
        key_id              TEXT NOT NULL,   -- '' = no key (a console, a playground)
        input_tokens        INTEGER NOT NULL,
        cached_input_tokens INTEGER NOT NULL,
        output_tokens       INTEGER NOT NULL,
        requests            INTEGER NOT NULL,
        PRIMARY KEY (provider, workspace, day, project_id, model, key_id)
    ) WITHOUT ROWID;
    CREATE TABLE api_keys (
        provider   TEXT NOT NULL,
        workspace  TEXT NOT NULL,
        key_id     TEXT NOT NULL,
        name       TEXT NOT NULL,
        owner      TEXT NOT NULL,            -- an email, a service account, or ''
        owner_kind TEXT NOT NULL,
        hint       TEXT NOT NULL,            -- the provider's redacted form
        project_id TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, key_id)
    ) WITHOUT ROWID;",
    // 13: where a provider bills per key (OpenRouter), each key's bill on a line, exact decimal
    // in the line's currency; NULL where keys are allocated a line's bill by usage.
    "ALTER TABLE key_usage ADD COLUMN billed TEXT;",
    // 14: what a provider's API answered about itself, remembered so it is not asked again on
    // every sync (whether OpenAI's costs endpoint takes group_by=api_key_id).
    "CREATE TABLE provider_facts (
        provider  TEXT NOT NULL,
        workspace TEXT NOT NULL,
        name      TEXT NOT NULL,
        value     TEXT NOT NULL,
        learnt_at TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, name)
    ) WITHOUT ROWID;",
    // 15: a coding assistant's activity per person and day (Claude Code's analytics): a record
    // per actor, terminal and account type (`seq` within the day), and per model the tokens with
    // the vendor's estimated cost, exact decimal: an estimate, never in a billed total.
    "CREATE TABLE activity (
        provider          TEXT NOT NULL,
        workspace         TEXT NOT NULL,
        day               TEXT NOT NULL,
        seq               INTEGER NOT NULL,
        actor             TEXT NOT NULL,
        actor_kind        TEXT NOT NULL,   -- user | api_key
        customer_type     TEXT NOT NULL,   -- api | subscription
        subscription_type TEXT NOT NULL,
        terminal          TEXT NOT NULL,
        sessions          INTEGER NOT NULL,
        lines_added       INTEGER NOT NULL,
        lines_removed     INTEGER NOT NULL,
        commits           INTEGER NOT NULL,
        pull_requests     INTEGER NOT NULL,
        edits_accepted    INTEGER NOT NULL,
        edits_rejected    INTEGER NOT NULL,
        fetched_at        TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, day, seq)
    ) WITHOUT ROWID;
    CREATE TABLE activity_models (
        provider              TEXT NOT NULL,
        workspace             TEXT NOT NULL,
        day                   TEXT NOT NULL,
        seq                   INTEGER NOT NULL,
        model                 TEXT NOT NULL,
        input_tokens          INTEGER NOT NULL,
        output_tokens         INTEGER NOT NULL,
        cache_read_tokens     INTEGER NOT NULL,
        cache_creation_tokens INTEGER NOT NULL,
        estimated             TEXT NOT NULL,
        currency              TEXT NOT NULL,
        PRIMARY KEY (provider, workspace, day, seq, model)
    ) WITHOUT ROWID;",
];

#[expect(clippy::cast_possible_wrap, reason = "a handful of migrations")]
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of an llmcost cache: "llmc".
pub(super) const APPLICATION_ID: i64 = 0x6c6c_6d63;

/// Refuses, without writing, a database that is not an llmcost cache: one with another
/// application id, or with tables and no id unless they are an older llmcost cache's.
pub(super) fn ensure_ours(conn: &Connection, path: &std::path::Path) -> Result<()> {
    // One read transaction: another process may be creating this cache right now, and an id
    // read before its migration commits with tables read after it would look foreign.
    let snapshot = conn.unchecked_transaction()?;
    let app_id: i64 = snapshot.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app_id == APPLICATION_ID {
        return Ok(());
    }
    let tables: Vec<String> = snapshot
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let version: i64 = snapshot.pragma_query_value(None, "user_version", |r| r.get(0))?;
    drop(snapshot);
    let ours = [
        "balances",
        "charge_sources",
        "cost_buckets",
        "currencies_seen",
        "estimate_days",
        "estimate_scores",
        "estimates",
        "fx_rates",
        "key_usage",
        "api_keys",
        "imports",
        "lever_journal",
        "notifications",
        "projects",
        "synced_days",
        "usage_buckets",
    ];
    let older_llmcost = app_id == 0 && version >= 1 && tables.iter().all(|t| ours.contains(&t.as_str()));
    if (app_id == 0 && tables.is_empty() && version == 0) || older_llmcost {
        return Ok(());
    }
    Err(Error::Storage(format!(
        "{} is not an llmcost cache (it is another application's SQLite database); nothing was written: \
         pass another --db (or LLMCOST_DB)",
        path.display()
    )))
}

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let version =
        |conn: &Connection| -> Result<i64> { Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?) };
    let app_id =
        |conn: &Connection| -> Result<i64> { Ok(conn.pragma_query_value(None, "application_id", |r| r.get(0))?) };
    if version(conn)? == SCHEMA_VERSION && app_id(conn)? == APPLICATION_ID {
        return Ok(());
    }
    // Take the write lock before reading the version again: two processes opening a new cache
    // at once must not both run the same migration.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = version(&tx)?;
    if current > SCHEMA_VERSION {
        return Err(Error::Storage(format!(
            "the cache was written by a newer llmcost (schema {current}, this one knows {SCHEMA_VERSION}): \
             upgrade llmcost or use another --db"
        )));
    }
    // `current` is 0..=SCHEMA_VERSION here (a newer cache was refused above).
    for sql in MIGRATIONS.iter().skip(usize::try_from(current).unwrap_or(0)) {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_from_scratch_and_is_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, SCHEMA_VERSION);
    }

    #[test]
    fn an_older_cache_is_migrated_in_place_keeping_its_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO cost_buckets VALUES ('openai','edugami','2026-11-01','proj','gpt, input','gpt','1.25','t')",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let amount: String = conn.query_row("SELECT amount FROM cost_buckets", [], |r| r.get(0)).unwrap();
        assert_eq!(amount, "1.25");
        let indexes: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'cost_buckets_by_day'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(indexes, 0);
    }

    #[test]
    fn foreign_databases_are_refused_and_left_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.sqlite");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)").unwrap();
        let err = ensure_ours(&conn, &path).unwrap_err().to_string();
        assert!(err.contains("not an llmcost cache"), "{err}");
        conn.pragma_update(None, "application_id", 42).unwrap();
        assert!(ensure_ours(&conn, &path).is_err());
        // A new file, and our own cache once migrated, are ours.
        let fresh = Connection::open(dir.path().join("new.sqlite")).unwrap();
        ensure_ours(&fresh, &path).unwrap();
        let mut ours = Connection::open(dir.path().join("ours.sqlite")).unwrap();
        migrate(&mut ours).unwrap();
        ensure_ours(&ours, &path).unwrap();
    }

    /// Two processes opening one new cache at once (a dashboard's read while `budgets check`
    /// creates it): whichever looks while the other migrates must see the cache as it was or as
    /// it is, never half of each (an id read before the commit, tables after it).
    #[test]
    fn a_cache_created_while_another_opens_it_is_ours() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let dir = tempfile::tempdir().unwrap();
        for round in 0..100 {
            let path = dir.path().join(format!("cache-{round}.sqlite"));
            let conn = Connection::open(&path).unwrap();
            conn.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
            let done = std::sync::Arc::new(AtomicBool::new(false));
            let looker = {
                let (path, done) = (path.clone(), done.clone());
                std::thread::spawn(move || {
                    while !done.load(Ordering::Relaxed) {
                        ensure_ours(&conn, &path)?;
                    }
                    ensure_ours(&conn, &path)
                })
            };
            let created = crate::store::Store::open(&path);
            done.store(true, Ordering::Relaxed);
            created.unwrap();
            if let Err(e) = looker.join().unwrap() {
                panic!("round {round}: {e}");
            }
        }
    }

    #[test]
    fn refuses_a_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        let err = migrate(&mut conn).unwrap_err().to_string();
        assert!(err.contains("newer llmcost"), "{err}");
    }
}
