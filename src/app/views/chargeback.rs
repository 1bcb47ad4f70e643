//! The chargeback: what is charged to whom in a period, by team or cost centre, built from an
//! allocation; the figures every front end shows.

use crate::domain::{Currency, DateRange, Money};
use crate::teams::Team;
use crate::teams::allocate::Allocation;

/// What is charged to whom.
#[derive(Clone, Debug)]
pub(crate) struct ChargebackView {
    pub range: DateRange,
    pub currency: Currency,
    pub by_cost_center: bool,
    /// `(name, cost centre, direct, shared)`.
    pub rows: Vec<(String, String, Money, Money)>,
    pub total: Money,
    pub notes: Vec<String>,
}

impl ChargebackView {
    pub(crate) fn build(
        teams: &[Team],
        allocation: &Allocation,
        range: DateRange,
        currency: Currency,
        by_cost_center: bool,
    ) -> Self {
        let center = |name: &str| crate::teams::cost_center_of(teams, name).to_string();
        let mut rows: Vec<(String, String, Money, Money)> =
            allocation.teams.iter().map(|(name, s)| (name.clone(), center(name), s.direct, s.shared)).collect();
        if by_cost_center {
            let mut merged: Vec<(String, String, Money, Money)> = Vec::new();
            for (_, cc, d, s) in rows {
                match merged.iter_mut().find(|r| r.0 == cc) {
                    Some(r) => {
                        r.2 += d;
                        r.3 += s;
                    }
                    None => merged.push((cc.clone(), cc, d, s)),
                }
            }
            rows = merged;
        }
        ChargebackView {
            range,
            currency,
            by_cost_center,
            rows,
            total: allocation.total(),
            notes: allocation.notes.clone(),
        }
    }

    /// Each row's `(direct, shared, total)` in the currency's minor unit, so that every row's
    /// direct and shared add up to its total, each column adds up to its total, and the totals
    /// add up to the bill rounded (the remainder rule, column by column; direct is what is left
    /// of each row's total once its shared part is rounded). What tables and CSV show.
    pub(crate) fn in_cents(&self) -> (Vec<(Money, Money, Money)>, Money) {
        use crate::domain::money::round_preserving_sum;
        let places = self.currency.places();
        let totals: Vec<_> = self.rows.iter().map(|(_, _, d, s)| (*d + *s).decimal()).collect();
        let shared: Vec<_> = self.rows.iter().map(|(_, _, _, s)| s.decimal()).collect();
        let (totals, shared) = (round_preserving_sum(&totals, places), round_preserving_sum(&shared, places));
        let rows = totals
            .iter()
            .zip(&shared)
            .map(|(t, s)| (Money::from_decimal(t - s), Money::from_decimal(*s), Money::from_decimal(*t)))
            .collect();
        (rows, Money::from_decimal(totals.iter().copied().sum()))
    }
}
