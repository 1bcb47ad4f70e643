//! Live usage: what a provider reports for the hours whose bill has not arrived yet, before
//! llmcost prices it into an estimate (`app::live`). Plain data, no I/O.

use chrono::{DateTime, NaiveDate, Utc};

use super::Money;

/// One bucket of live usage: an hour (or, where the provider only has it, the whole day) of a
/// project and model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveBucket {
    pub day: NaiveDate,
    /// The UTC hour (0..=23) the bucket starts; `None`: the day so far as a whole.
    pub hour: Option<u32>,
    /// `None` is the provider's default project.
    pub project_id: Option<String>,
    pub model: String,
    pub figure: LiveFigure,
}

/// The model of a live figure that covers every model at once (OpenRouter's `usage_daily`):
/// its day is scored against the whole bill, not model by model.
pub const ALL_MODELS: &str = "(all models, live)";

/// What a live bucket says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveFigure {
    /// Tokens, which llmcost prices at the day's list prices.
    Tokens(LiveTokens),
    /// A dollar figure the provider computes live (OpenRouter's `usage_daily`): still an
    /// estimate until the day's bill arrives, but one llmcost does not price.
    Dollars(Money),
}

/// Tokens of a live bucket, split the way list prices are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LiveTokens {
    /// Input tokens neither read from nor written to a prompt cache.
    pub uncached_input: u64,
    pub cache_read: u64,
    /// Cache writes that live 5 minutes (the table's cache-write price).
    pub cache_write_5m: u64,
    /// Cache writes that live an hour (Anthropic: twice the input price).
    pub cache_write_1h: u64,
    pub output: u64,
    pub requests: u64,
    /// Sent through the provider's batch API, billed at its batch discount.
    pub batch: bool,
}

impl LiveTokens {
    pub fn total(&self) -> u64 {
        [self.uncached_input, self.cache_read, self.cache_write_5m, self.cache_write_1h, self.output]
            .into_iter()
            .fold(0u64, u64::saturating_add)
    }
}

/// Where a figure comes from, in every view and format (the `basis` column): the provider's
/// bill, llmcost's estimate that the bill replaces once it arrives, or a bill split between
/// API keys by their usage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Basis {
    Billed,
    Estimate,
    Allocated,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Billed => "billed",
            Basis::Estimate => "estimate",
            Basis::Allocated => "allocated",
        }
    }
}

/// Hours after a UTC day ends before its bill counts as arrived: billing APIs finish a day's
/// costs with a lag, so a fetch just after midnight may hold a partial bill.
pub const BILL_SETTLES_HOURS: i64 = 6;

/// Whether a fetch of `day` at `fetched_at` holds its bill: made `BILL_SETTLES_HOURS` after
/// the day ended.
pub fn bill_arrived(day: NaiveDate, fetched_at: DateTime<Utc>) -> bool {
    day.succ_opt()
        .and_then(|next| next.and_hms_opt(0, 0, 0))
        .is_some_and(|end| fetched_at >= end.and_utc() + chrono::Duration::hours(BILL_SETTLES_HOURS))
}
