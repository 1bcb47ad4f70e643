//! What alerts were delivered: the record that makes a budget alert go out once per threshold
//! and period (and a failed one again), kept in the cache. `notify` decides and sends through it
//! without touching the cache itself.

use chrono::{DateTime, NaiveDate, Utc};

use super::App;
use crate::error::Result;
pub(crate) use crate::store::NotificationKey;
use crate::store::Store;

/// The cache's record of deliveries, opened for one run of `budgets check --notify` or
/// `notify test`.
pub(crate) struct DeliveryLog {
    store: Store,
}

impl DeliveryLog {
    pub(crate) fn open(app: &App) -> Result<DeliveryLog> {
        Ok(DeliveryLog { store: app.open_store()? })
    }

    /// `(threshold, event)` already settled for a channel and a budget's period (see
    /// `Store::notifications_settled`).
    pub(crate) fn settled(
        &self,
        channel: &str,
        budget: &str,
        period_start: NaiveDate,
        at_most_once: bool,
    ) -> Result<Vec<(i64, String)>> {
        self.store.notifications_settled(channel, budget, period_start, at_most_once)
    }

    /// Starts of earlier periods whose incident was triggered and never resolved.
    pub(crate) fn unresolved(&self, channel: &str, budget: &str, current: NaiveDate) -> Result<Vec<NaiveDate>> {
        self.store.unresolved_triggers(channel, budget, current)
    }

    /// Written before a message is sent: a crash after it went out is not a reason to repeat it.
    pub(crate) fn begin(&mut self, key: &NotificationKey<'_>, at: DateTime<Utc>) -> Result<()> {
        self.store.begin_notification(key, at)
    }

    /// The outcome of an attempt: delivered when `error` is `None`.
    pub(crate) fn record(
        &mut self,
        key: &NotificationKey<'_>,
        error: Option<&str>,
        gone: bool,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.store.record_notification(key, error, gone, at)
    }
}
