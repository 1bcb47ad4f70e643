//! What budget alerts were delivered, so each is sent exactly once (and a failed one again).

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, day_text, parse_day, time_text};
use crate::error::Result;

/// Which notification: a budget's event on a channel, for one period and threshold (the five
/// columns of the table's key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotificationKey<'a> {
    pub channel: &'a str,
    pub budget: &'a str,
    pub period_start: NaiveDate,
    /// The percentage crossed (0 for a resolve or a test).
    pub threshold: i64,
    /// `trigger` or `resolve`.
    pub event: &'a str,
}

impl Store {
    /// `(threshold, event)` settled for `channel` and a budget's period: delivered, refused for
    /// good (the channel is gone), or, when `at_most_once`, an attempt whose outcome a crash lost
    /// (a chat message may have gone out; sending it again would repeat it).
    pub fn notifications_settled(
        &self,
        channel: &str,
        budget: &str,
        period_start: NaiveDate,
        at_most_once: bool,
    ) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT threshold, event FROM notifications
             WHERE channel = ?1 AND budget = ?2 AND period_start = ?3
               AND (delivered_at IS NOT NULL OR state = 'gone' OR (state = 'sending' AND ?4))",
        )?;
        let rows =
            stmt.query_map((channel, budget, day_text(period_start), at_most_once), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks an alert as being sent, before the request goes out.
    pub fn begin_notification(&mut self, key: &NotificationKey<'_>, at: DateTime<Utc>) -> Result<()> {
        let NotificationKey { channel, budget, period_start, threshold, event } = *key;
        self.conn.execute(
            "INSERT INTO notifications (channel, budget, period_start, threshold, event, delivered_at, error, attempts, updated_at, state)
             VALUES (?1, ?2, ?3, ?4, ?5, NULL, NULL, 0, ?6, 'sending')
             ON CONFLICT (channel, budget, period_start, threshold, event) DO UPDATE SET
               state = 'sending', updated_at = excluded.updated_at",
            (channel, budget, day_text(period_start), threshold, event, time_text(at)),
        )?;
        Ok(())
    }

    /// Periods before `current` with a delivered trigger and no delivered resolve.
    pub fn unresolved_triggers(&self, channel: &str, budget: &str, current: NaiveDate) -> Result<Vec<NaiveDate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT period_start FROM notifications t
             WHERE channel = ?1 AND budget = ?2 AND period_start < ?3 AND event = 'trigger' AND delivered_at IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM notifications r WHERE r.channel = t.channel AND r.budget = t.budget
                               AND r.period_start = t.period_start AND r.event = 'resolve' AND r.delivered_at IS NOT NULL)",
        )?;
        let rows = stmt.query_map((channel, budget, day_text(current)), |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for day in rows {
            out.push(parse_day(&day?)?);
        }
        Ok(out)
    }

    /// Records an attempt: delivered when `error` is `None`; `gone` when the receiver said the
    /// channel no longer exists.
    pub fn record_notification(
        &mut self,
        key: &NotificationKey<'_>,
        error: Option<&str>,
        gone: bool,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let NotificationKey { channel, budget, period_start, threshold, event } = *key;
        let at = time_text(at);
        let state = if gone { "gone" } else { "" };
        self.conn.execute(
            "INSERT INTO notifications (channel, budget, period_start, threshold, event, delivered_at, error, attempts, updated_at, state)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9)
             ON CONFLICT (channel, budget, period_start, threshold, event) DO UPDATE SET
               delivered_at = excluded.delivered_at, error = excluded.error,
               attempts = attempts + 1, updated_at = excluded.updated_at, state = excluded.state",
            (
                channel,
                budget,
                day_text(period_start),
                threshold,
                event,
                error.is_none().then_some(at.clone()),
                error,
                &at,
                state,
            ),
        )?;
        Ok(())
    }
}
