//! Plain data with no I/O: money, periods, line items, grouping dimensions and records.

pub mod calendar;
pub mod currency;
pub mod day;
pub mod dims;
pub mod lenient;
pub mod line_item;
pub mod money;
pub mod period;
pub mod records;

pub use currency::Currency;
pub use dims::Dim;
pub use money::Money;
pub use period::{DateRange, PeriodSpec};
pub use records::{Account, CostRecord, ProjectInfo, ProviderKind, UsageRecord, UsageTotals};
