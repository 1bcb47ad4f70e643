//! A coding assistant's activity per person and day (Claude Code's analytics), written with a
//! sync and read by `llmcost activity`: records and their models' tokens and estimated cost.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Store, day_text, parse_day};
use crate::domain::{Account, ActivityModel, ActivityRecord, ActorKind, Currency, Money, Work};
use crate::error::{Error, Result};

/// Replaces the activity of the fetched `days` with `records`' (those of other days are left).
pub(super) fn replace_activity(
    tx: &rusqlite::Transaction<'_>,
    provider: &str,
    workspace: &str,
    days: &[NaiveDate],
    records: &[ActivityRecord],
    fetched_at: &str,
) -> Result<()> {
    for day in days {
        for table in ["activity", "activity_models"] {
            tx.prepare_cached(&format!("DELETE FROM {table} WHERE provider = ?1 AND workspace = ?2 AND day = ?3"))?
                .execute((provider, workspace, day_text(*day)))?;
        }
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO activity (provider, workspace, day, seq, actor, actor_kind, customer_type, subscription_type,
             terminal, sessions, lines_added, lines_removed, commits, pull_requests, edits_accepted, edits_rejected,
             fetched_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    let mut insert_model = tx.prepare_cached(
        "INSERT INTO activity_models (provider, workspace, day, seq, model, input_tokens, output_tokens,
             cache_read_tokens, cache_creation_tokens, estimated, currency)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut seq: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    for r in records.iter().filter(|r| days.contains(&r.day)) {
        let n = seq.entry(r.day).or_insert(0);
        *n += 1;
        let day = day_text(r.day);
        insert.execute(rusqlite::params![
            provider,
            workspace,
            day,
            *n,
            r.actor,
            r.actor_kind.as_str(),
            r.customer_type,
            r.subscription_type,
            r.terminal,
            count(r.work.sessions),
            count(r.work.lines_added),
            count(r.work.lines_removed),
            count(r.work.commits),
            count(r.work.pull_requests),
            count(r.work.edits_accepted),
            count(r.work.edits_rejected),
            fetched_at,
        ])?;
        for m in merged_models(r)? {
            insert_model.execute(rusqlite::params![
                provider,
                workspace,
                day,
                *n,
                m.model,
                count(m.input_tokens),
                count(m.output_tokens),
                count(m.cache_read_tokens),
                count(m.cache_creation_tokens),
                m.estimated.exact(),
                m.currency.as_str(),
            ])?;
        }
    }
    Ok(())
}

/// A record's models, one row per model (a model listed twice is summed; two currencies for one
/// model is refused rather than added as if 1:1).
fn merged_models(r: &ActivityRecord) -> Result<Vec<ActivityModel>> {
    let mut merged: BTreeMap<&str, ActivityModel> = BTreeMap::new();
    for m in &r.models {
        match merged.get_mut(m.model.as_str()) {
            None => {
                merged.insert(&m.model, m.clone());
            }
            Some(seen) if seen.currency == m.currency => {
                seen.input_tokens = seen.input_tokens.saturating_add(m.input_tokens);
                seen.output_tokens = seen.output_tokens.saturating_add(m.output_tokens);
                seen.cache_read_tokens = seen.cache_read_tokens.saturating_add(m.cache_read_tokens);
                seen.cache_creation_tokens = seen.cache_creation_tokens.saturating_add(m.cache_creation_tokens);
                seen.estimated = seen.estimated.checked_add(m.estimated).ok_or_else(|| {
                    Error::Storage(format!("{}'s estimate of {} overflows when summed", m.model, r.day))
                })?;
            }
            Some(_) => {
                return Err(Error::Storage(format!(
                    "{} is estimated in two currencies in one record of {}",
                    m.model, r.day
                )));
            }
        }
    }
    Ok(merged.into_values().collect())
}

impl Store {
    /// Hands each cached activity record of `accounts` over `[since, until]` to `each`, by day,
    /// without keeping them: one record is refilled for the next, so a year of a large
    /// organization is read in the memory of one record.
    pub fn each_activity(
        &self,
        accounts: &[Account],
        since: NaiveDate,
        until: NaiveDate,
        mut each: impl FnMut(&ActivityRecord) -> Result<()>,
    ) -> Result<()> {
        // One pass over the records and their models, joined in key order (day, seq): no map.
        let mut rows_of = self.conn.prepare_cached(
            "SELECT a.day, a.seq, a.actor, a.actor_kind, a.customer_type, a.subscription_type, a.terminal,
                    a.sessions, a.lines_added, a.lines_removed, a.commits, a.pull_requests, a.edits_accepted,
                    a.edits_rejected, m.model, m.input_tokens, m.output_tokens, m.cache_read_tokens,
                    m.cache_creation_tokens, m.estimated, m.currency
             FROM activity a LEFT JOIN activity_models m
               ON m.provider = a.provider AND m.workspace = a.workspace AND m.day = a.day AND m.seq = a.seq
             WHERE a.provider = ?1 AND a.workspace = ?2 AND a.day BETWEEN ?3 AND ?4
             ORDER BY a.day, a.seq",
        )?;
        let mut record = ActivityRecord {
            day: since,
            actor: String::new(),
            actor_kind: ActorKind::User,
            customer_type: String::new(),
            subscription_type: String::new(),
            terminal: String::new(),
            work: Work::default(),
            models: Vec::new(),
        };
        // Model entries of the records handed over, refilled rather than allocated again.
        let mut spare: Vec<ActivityModel> = Vec::new();
        let mut currency_seen = (String::new(), Currency::USD);
        for account in accounts {
            let key = (account.provider.id(), account.workspace.as_str(), day_text(since), day_text(until));
            let mut rows = rows_of.query(key)?;
            // The record being filled: its day as the cache writes it, and its seq.
            let (mut day_read, mut current) = (String::new(), None);
            while let Some(row) = rows.next()? {
                let day = row.get_ref(0)?.as_str().map_err(|_| bad("day"))?;
                let seq: i64 = row.get(1)?;
                if current != Some(seq) || day_read != day {
                    if current.is_some() {
                        each(&record)?;
                    }
                    if day_read != day {
                        record.day = parse_day(day)?;
                        day_read.clear();
                        day_read.push_str(day);
                    }
                    current = Some(seq);
                    fill_record(row, &mut record, &self.people)?;
                    spare.append(&mut record.models);
                }
                let Some(model) = row.get_ref(14)?.as_str_or_null().map_err(|_| bad("model"))? else { continue };
                let mut m = spare.pop().unwrap_or_else(empty_model);
                m.model.clear();
                m.model.push_str(model);
                fill_model(row, &mut m, &mut currency_seen)?;
                record.models.push(m);
            }
            if current.is_some() {
                each(&record)?;
            }
        }
        Ok(())
    }
}

/// What a record or model row the cache cannot read is.
fn bad(what: &str) -> Error {
    Error::Runtime(format!(
        "the cache holds an unreadable activity {what}: run 'llmcost sync --refresh' to fetch it again"
    ))
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// Column `i` into `into`, its allocation kept.
fn text_into(row: &rusqlite::Row<'_>, i: usize, what: &str, into: &mut String) -> Result<()> {
    into.clear();
    into.push_str(row.get_ref(i)?.as_str().map_err(|_| bad(what))?);
    Ok(())
}

/// The record's own columns (2 to 13) into `record`; a person named as `[people]` names them.
fn fill_record(row: &rusqlite::Row<'_>, record: &mut ActivityRecord, people: &crate::domain::People) -> Result<()> {
    let kind = row.get_ref(3)?.as_str().map_err(|_| bad("actor kind"))?;
    record.actor_kind = ActorKind::parse(kind).ok_or_else(|| bad("actor kind"))?;
    let actor = row.get_ref(2)?.as_str().map_err(|_| bad("actor"))?;
    record.actor.clear();
    record.actor.push_str(match record.actor_kind {
        ActorKind::User => people.name(actor),
        ActorKind::ApiKey => actor,
    });
    text_into(row, 4, "account type", &mut record.customer_type)?;
    text_into(row, 5, "subscription", &mut record.subscription_type)?;
    text_into(row, 6, "terminal", &mut record.terminal)?;
    record.work = Work {
        sessions: count(row.get(7)?),
        lines_added: count(row.get(8)?),
        lines_removed: count(row.get(9)?),
        commits: count(row.get(10)?),
        pull_requests: count(row.get(11)?),
        edits_accepted: count(row.get(12)?),
        edits_rejected: count(row.get(13)?),
    };
    Ok(())
}

fn empty_model() -> ActivityModel {
    ActivityModel {
        model: String::new(),
        input_tokens: 0,
        output_tokens: 0,
        cache_read_tokens: 0,
        cache_creation_tokens: 0,
        estimated: Money::ZERO,
        currency: Currency::USD,
    }
}

/// A model row's figures (columns 15 to 20) into `m`; the currency parsed once per change.
fn fill_model(row: &rusqlite::Row<'_>, m: &mut ActivityModel, currency_seen: &mut (String, Currency)) -> Result<()> {
    let estimated = row.get_ref(19)?.as_str().map_err(|_| bad("estimate"))?;
    let currency = row.get_ref(20)?.as_str().map_err(|_| bad("currency"))?;
    if currency_seen.0 != currency {
        *currency_seen = (currency.to_string(), Currency::parse(currency).map_err(|_| bad("currency"))?);
    }
    m.input_tokens = count(row.get(15)?);
    m.output_tokens = count(row.get(16)?);
    m.cache_read_tokens = count(row.get(17)?);
    m.cache_creation_tokens = count(row.get(18)?);
    m.estimated = Money::parse_dollars(estimated).map_err(|_| bad("estimate"))?;
    m.currency = currency_seen.1;
    Ok(())
}
