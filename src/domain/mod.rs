//! Plain data with no I/O: money, periods, line items, grouping dimensions and records.

pub(crate) mod activity;
pub(crate) mod calendar;
pub(crate) mod currency;
pub mod day;
pub(crate) mod day_lines;
pub(crate) mod dims;
pub(crate) mod key_value;
pub(crate) mod lenient;
pub(crate) mod line_item;
pub mod live;
pub mod money;
pub(crate) mod people;
pub(crate) mod period;
pub(crate) mod records;
pub(crate) mod wire;

pub use activity::{ActivityModel, ActivityRecord, ActorKind, Work};
pub use currency::Currency;
pub use dims::Dim;
pub use key_value::KeyValue;
pub use live::{Basis, LiveBucket, LiveFigure, LiveTokens};
pub use money::Money;
pub use people::People;
pub use period::{DateRange, PeriodSpec};
pub use records::{Account, ApiKeyInfo, CostRecord, ProjectInfo, ProviderKind, UsageRecord, UsageTotals};
