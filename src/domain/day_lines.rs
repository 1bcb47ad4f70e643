//! A day's cost lines summed by (day, project, model, line item, currency): what a provider
//! that bills in many small rows (cloud meters, SKUs) hands the cache. Amounts in two currencies
//! stay two lines: they are never summed across currencies, and neither fails the day.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{CostRecord, Currency, Money};

/// `(day, project id ("" for none), model, line item)`.
pub(crate) type LineKey = (NaiveDate, String, String, String);

/// The day's amounts of one line overflow the money type.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Overflow;

#[derive(Debug, Default)]
pub(crate) struct DayLines(BTreeMap<(LineKey, Currency), Money>);

impl DayLines {
    /// Adds `amount` to its line in its currency, exactly.
    pub(crate) fn add(&mut self, key: LineKey, amount: Money, currency: Currency) -> Result<(), Overflow> {
        let sum = self.0.entry((key, currency)).or_insert(Money::ZERO);
        *sum = sum.checked_add(amount).ok_or(Overflow)?;
        Ok(())
    }

    pub(crate) fn into_records(self) -> Vec<CostRecord> {
        self.0
            .into_iter()
            .map(|(((day, project, model, line_item), currency), amount)| CostRecord {
                day,
                model,
                project_id: Some(project).filter(|p| !p.is_empty()),
                line_item,
                amount,
                currency,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_add_up_exactly_and_never_across_currencies() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let key = |item: &str| (day, String::new(), "gpt-4o".to_string(), item.to_string());
        let m = |s: &str| s.parse::<Money>().unwrap();
        let mut lines = DayLines::default();
        lines.add(key("input"), m("0.1"), Currency::USD).unwrap();
        lines.add(key("input"), m("0.2"), Currency::USD).unwrap();
        lines.add(key("input"), m("1"), Currency::EUR).unwrap();
        let records = lines.into_records();
        assert_eq!(records.len(), 2, "one line per currency");
        assert_eq!((records[0].amount, records[0].currency), (m("1"), Currency::EUR));
        assert_eq!((records[1].amount, records[1].project_id.as_deref()), (m("0.3"), None));
    }
}
