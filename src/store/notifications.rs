//! What budget alerts were delivered, so each is sent exactly once (and a failed one again).

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, day_text, parse_day, time_text};
use crate::error::Result;

impl Store {
    /// `(threshold, event)` delivered to `channel` for a budget's period.
    pub fn notifications_delivered(
        &self,
        channel: &str,
        budget: &str,
        period_start: NaiveDate,
    ) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT threshold, event FROM notifications
             WHERE channel = ?1 AND budget = ?2 AND period_start = ?3 AND delivered_at IS NOT NULL",
        )?;
        let rows = stmt.query_map((channel, budget, day_text(period_start)), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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

    /// Records an attempt: delivered when `error` is `None`.
    #[allow(clippy::too_many_arguments)]
    pub fn record_notification(
        &mut self,
        channel: &str,
        budget: &str,
        period_start: NaiveDate,
        threshold: i64,
        event: &str,
        error: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let at = time_text(at);
        self.conn.execute(
            "INSERT INTO notifications (channel, budget, period_start, threshold, event, delivered_at, error, attempts, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8)
             ON CONFLICT (channel, budget, period_start, threshold, event) DO UPDATE SET
               delivered_at = excluded.delivered_at, error = excluded.error,
               attempts = attempts + 1, updated_at = excluded.updated_at",
            (channel, budget, day_text(period_start), threshold, event, error.is_none().then_some(at.clone()), error, &at),
        )?;
        Ok(())
    }
}
