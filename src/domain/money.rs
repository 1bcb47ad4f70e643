//! Exact money: a `rust_decimal::Decimal` in US dollars, parsed from text, never from an f64.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

/// An exact amount of US dollars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// A money value that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a decimal amount")]
pub struct MoneyParseError(pub String);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn from_decimal(value: Decimal) -> Self {
        Money(value)
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Parses dollars written as a decimal (`"0.1308"`, `"12"`) or in scientific
    /// notation (`"1e-05"`, as JSON serialisers print small floats).
    pub fn parse_dollars(text: &str) -> Result<Self, MoneyParseError> {
        let text = text.trim();
        let fail = || MoneyParseError(text.to_string());
        if text.is_empty() {
            return Err(fail());
        }
        let value = if text.contains(['e', 'E']) {
            Decimal::from_scientific(text).map_err(|_| fail())?
        } else {
            Decimal::from_str(text).map_err(|_| fail())?
        };
        Ok(Money(value.normalize()))
    }

    /// Parses an amount in cents (Anthropic's unit) into dollars, exactly.
    pub fn parse_cents(text: &str) -> Result<Self, MoneyParseError> {
        let cents = Money::parse_dollars(text)?;
        Ok(Money((cents.0 / Decimal::ONE_HUNDRED).normalize()))
    }

    /// The exact value, with at least two decimal places: `"412.80"`, `"0.00032195744715549047"`.
    pub fn exact(self) -> String {
        let mut value = self.0.normalize();
        if value.scale() < 2 {
            value.rescale(2);
        }
        value.to_string()
    }

    /// Rounded to the cent, half away from zero, as invoices do: `"412.80"`.
    pub fn cents(self) -> String {
        let mut rounded = self.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        rounded.rescale(2);
        rounded.to_string()
    }

    /// For people: `$1,234.56`, negative as `-$3.10`.
    pub fn display_usd(self) -> String {
        let cents = self.cents();
        let negative = cents.starts_with('-') && cents != "-0.00";
        let digits = cents.trim_start_matches('-');
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, "00"));
        let grouped = group_thousands(whole);
        let sign = if negative { "-" } else { "" };
        format!("{sign}${grouped}.{frac}")
    }

    /// This amount's share of `total`, as a fraction from 0 to 1 (0 when the total is 0).
    pub fn share_of(self, total: Money) -> Decimal {
        if total.0.is_zero() { Decimal::ZERO } else { self.0 / total.0 }
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
}

impl FromStr for Money {
    type Err = MoneyParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse_dollars(s)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.exact())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

/// `1234567` as `1,234,567`: digits only, no sign.
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Reads a JSON money value that may be a number or a numeric string, keeping every digit
/// the provider sent (serde_json's `arbitrary_precision` keeps numbers as text).
pub fn money_from_json(value: &serde_json::Value) -> Result<Money, MoneyParseError> {
    match value {
        serde_json::Value::Number(n) => Money::parse_dollars(&n.to_string()),
        serde_json::Value::String(s) => Money::parse_dollars(s),
        other => Err(MoneyParseError(other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::parse_dollars(s).unwrap()
    }

    #[test]
    fn parses_decimal_and_scientific_text() {
        assert_eq!(m("0.13080438340307526").exact(), "0.13080438340307526");
        assert_eq!(m("1e-05").exact(), "0.00001");
        assert_eq!(m("2.5E-06").exact(), "0.0000025");
        assert_eq!(m("12").exact(), "12.00");
        assert_eq!(m("412.8").exact(), "412.80");
        assert_eq!(m(" 3.10 ").exact(), "3.10");
    }

    #[test]
    fn rejects_non_numbers() {
        for bad in ["", "abc", "1.2.3", "NaN", "$5"] {
            assert!(Money::parse_dollars(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cents_are_divided_exactly() {
        assert_eq!(Money::parse_cents("41280.000000").unwrap().exact(), "412.80");
        assert_eq!(Money::parse_cents("123.78912").unwrap().exact(), "1.2378912");
        assert_eq!(Money::parse_cents("12").unwrap().exact(), "0.12");
    }

    #[test]
    fn sums_without_float_artefacts() {
        let total: Money = ["0.1", "0.2", "0.3"].iter().map(|s| m(s)).sum();
        assert_eq!(total.exact(), "0.60");
        let many: Money = std::iter::repeat_n(m("0.01"), 1000).sum();
        assert_eq!(many.cents(), "10.00");
    }

    #[test]
    fn rounds_to_cents_half_away_from_zero() {
        assert_eq!(m("0.005").cents(), "0.01");
        assert_eq!(m("0.0049999").cents(), "0.00");
        assert_eq!(m("-0.005").cents(), "-0.01");
        assert_eq!(m("7").cents(), "7.00");
    }

    #[test]
    fn displays_grouped_dollars() {
        assert_eq!(m("1234567.891").display_usd(), "$1,234,567.89");
        assert_eq!(m("999.999").display_usd(), "$1,000.00");
        assert_eq!(m("0").display_usd(), "$0.00");
        assert_eq!(m("-3.1").display_usd(), "-$3.10");
        assert_eq!(m("-0.001").display_usd(), "$0.00");
    }

    #[test]
    fn share_of_zero_total_is_zero() {
        assert!(m("5").share_of(Money::ZERO).is_zero());
        assert_eq!(m("1").share_of(m("4")).to_string(), "0.25");
    }

    #[test]
    fn json_numbers_keep_every_digit() {
        let v: serde_json::Value = serde_json::from_str(r#"[0.00032195744715549047, "1.5", null]"#).unwrap();
        assert_eq!(money_from_json(&v[0]).unwrap().exact(), "0.00032195744715549047");
        assert_eq!(money_from_json(&v[1]).unwrap().exact(), "1.50");
        assert!(money_from_json(&v[2]).is_err());
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #[test]
            fn decimal_text_round_trips(mantissa in any::<i64>(), scale in 0u32..=12) {
                let d = Decimal::new(mantissa, scale);
                let m = Money::parse_dollars(&d.to_string()).unwrap();
                prop_assert_eq!(m.decimal(), d);
                prop_assert_eq!(Money::parse_dollars(&m.exact()).unwrap(), m);
            }

            #[test]
            fn cents_have_two_decimals_and_stay_within_half_a_cent(mantissa in -10i64.pow(15)..10i64.pow(15), scale in 0u32..=9) {
                let m = Money::from_decimal(Decimal::new(mantissa, scale));
                let cents = m.cents();
                prop_assert_eq!(cents.split_once('.').map(|(_, f)| f.len()), Some(2));
                let diff = (Money::parse_dollars(&cents).unwrap().decimal() - m.decimal()).abs();
                prop_assert!(diff <= Decimal::new(5, 3));
            }

            #[test]
            fn scientific_and_plain_notation_agree(mantissa in 1i64..1_000_000_000, exp in 0u32..=12) {
                let plain = Decimal::new(mantissa, exp);
                let sci = format!("{mantissa}e-{exp}");
                prop_assert_eq!(Money::parse_dollars(&sci).unwrap().decimal(), plain);
            }

            #[test]
            fn parsing_never_panics(text in ".{0,40}") {
                let _ = Money::parse_dollars(&text);
                let _ = Money::parse_cents(&text);
            }

            #[test]
            fn sums_are_exact(values in proptest::collection::vec(0i64..100_000_000, 0..200)) {
                let total: Money = values.iter().map(|v| Money::from_decimal(Decimal::new(*v, 6))).sum();
                prop_assert_eq!(total.decimal(), Decimal::new(values.iter().sum::<i64>(), 6));
            }
        }
    }
}
