//! A day's cost lines summed by (day, project, model, line item), each in one currency: what a
//! provider that bills in many small rows (cloud meters, SKUs) hands the cache, which keys a
//! day's line items and must not see one twice.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{CostRecord, Currency, Money};

/// `(day, project id ("" for none), model, line item)`.
pub(crate) type LineKey = (NaiveDate, String, String, String);

/// Why an amount could not be added to its line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum AddError {
    /// The line is already billed in this other currency: amounts are never summed across them.
    OtherCurrency(Currency),
    Overflow,
}

#[derive(Debug, Default)]
pub(crate) struct DayLines(BTreeMap<LineKey, (Money, Currency)>);

impl DayLines {
    /// The currency `key` is billed in so far, if it has been seen.
    pub(crate) fn currency_of(&self, key: &LineKey) -> Option<Currency> {
        self.0.get(key).map(|(_, c)| *c)
    }

    /// Adds `amount` to its line, exactly.
    pub(crate) fn add(&mut self, key: LineKey, amount: Money, currency: Currency) -> Result<(), AddError> {
        let entry = self.0.entry(key).or_insert((Money::ZERO, currency));
        if entry.1 != currency {
            return Err(AddError::OtherCurrency(entry.1));
        }
        entry.0 = entry.0.checked_add(amount).ok_or(AddError::Overflow)?;
        Ok(())
    }

    pub(crate) fn into_records(self) -> Vec<CostRecord> {
        self.0
            .into_iter()
            .map(|((day, project, model, line_item), (amount, currency))| CostRecord {
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
        assert_eq!(lines.add(key("input"), m("1"), Currency::EUR), Err(AddError::OtherCurrency(Currency::USD)));
        assert_eq!(lines.currency_of(&key("input")), Some(Currency::USD));
        let records = lines.into_records();
        assert_eq!(records.len(), 1);
        assert_eq!((records[0].amount, records[0].project_id.as_deref()), (m("0.3"), None));
    }
}
