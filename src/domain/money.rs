//! Exact money: a `rust_decimal::Decimal` in US dollars, parsed from text, never from an f64.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

/// An exact amount of US dollars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// A money value that could not be read, with the text as it was sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' {reason}")]
pub struct MoneyParseError {
    pub text: String,
    pub reason: &'static str,
}

impl MoneyParseError {
    fn new(text: &str, reason: &'static str) -> Self {
        // Error messages quote the value; a hostile one is cut short, never echoed whole.
        let text: String = text.chars().take(60).collect();
        MoneyParseError { text, reason }
    }
}

/// The largest amount llmcost accepts in one record: a quadrillion dollars. Far above any real
/// bill, and low enough that summing millions of records can never overflow the decimal type.
pub(crate) const MAX_AMOUNT: Decimal = Decimal::from_parts(2764472320, 232830, 0, false, 0); // 10^15

/// Digits the decimal type keeps (28 significant digits, scale at most 28).
const MAX_DIGITS: i64 = 28;

/// Reads any decimal notation a JSON API may produce: `12`, `-0.5`, `+3.`, `.25`, `1.5E-7`,
/// `0E-6176` (a Decimal128 zero), `0.000004500000000000000000000000000000000` (39 fractional
/// digits). More digits than the decimal type holds are rounded half-even to its precision
/// (28 significant digits or 28 decimal places), which keeps any real amount exact to far below
/// $0.000001. Never goes through f64. `NaN`, infinities and amounts above [`MAX_AMOUNT`] are
/// refused.
pub fn parse_decimal(text: &str) -> Result<Decimal, MoneyParseError> {
    let t = text.trim();
    let fail = |reason| MoneyParseError::new(t, reason);
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if ["nan", "snan", "inf", "infinity"].contains(&unsigned) {
        return Err(fail("is not a finite amount (NaN and infinities are refused)"));
    }
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int_part.is_empty() && frac_part.is_empty()) || !all_digits(int_part) || !all_digits(frac_part) {
        return Err(fail("is not a decimal amount"));
    }
    let mut exp: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.trim_start_matches(['+', '-']);
            if digits.is_empty() || !all_digits(digits) || e.len() - digits.len() > 1 {
                return Err(fail("is not a decimal amount"));
            }
            // Exponents beyond 10^12 in either direction are zero or absurd; clamp, never overflow.
            let magnitude: i64 = digits
                .trim_start_matches('0')
                .get(..13)
                .map_or_else(|| digits.parse().unwrap_or(0), |_| 1_000_000_000_000);
            if e.starts_with('-') { -magnitude } else { magnitude }
        }
    };
    // Lengths of text held in memory fit in i64.
    exp -= i64::try_from(frac_part.len()).map_err(|_| fail("is not a decimal amount"))?;
    let joined = format!("{int_part}{frac_part}");
    let mut digits = joined.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(Decimal::ZERO);
    }
    while let Some(rest) = digits.strip_suffix('0') {
        digits = rest;
        exp += 1;
    }
    // value = digits × 10^exp; `magnitude` is how many digits it has before the decimal point.
    let magnitude = i64::try_from(digits.len()).map_err(|_| fail("is not a decimal amount"))?.saturating_add(exp);
    if magnitude > 16 {
        return Err(fail("is larger than any amount llmcost accepts (10^15)"));
    }
    let scale = (-exp).max(0);
    let keep_scale = scale.min(MAX_DIGITS).min(MAX_DIGITS - magnitude.max(0));
    // Beyond usize every digit is dropped, which rounds the amount to zero: right for 1e-(huge).
    let drop = usize::try_from(scale - keep_scale).unwrap_or(usize::MAX);
    let kept_len = digits.len().saturating_sub(drop);
    let mut mantissa: i128 =
        if kept_len == 0 { 0 } else { digits[..kept_len].parse().map_err(|_| fail("is not a decimal amount"))? };
    if drop > 0 && drop <= digits.len() {
        let rest = &digits[kept_len..];
        let first = rest.as_bytes()[0];
        let round_up = match first.cmp(&b'5') {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            // Exactly half (the rest has no trailing zeros): to even.
            std::cmp::Ordering::Equal => rest.len() > 1 || mantissa % 2 == 1,
        };
        if round_up {
            mantissa += 1;
        }
    }
    let too_large = || fail("is larger than any amount llmcost accepts (10^15)");
    if exp > 0 {
        // exp <= 16 here (magnitude was checked), so the power fits.
        let power = u32::try_from(exp).ok().and_then(|e| 10i128.checked_pow(e)).ok_or_else(too_large)?;
        mantissa = mantissa.checked_mul(power).ok_or_else(too_large)?;
    }
    let scale = u32::try_from(keep_scale).map_err(|_| too_large())?;
    let value = Decimal::try_from_i128_with_scale(if negative { -mantissa } else { mantissa }, scale)
        .map_err(|_| too_large())?;
    if value.abs() > MAX_AMOUNT {
        return Err(fail("is larger than any amount llmcost accepts (10^15)"));
    }
    Ok(if value.is_zero() { Decimal::ZERO } else { value.normalize() })
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn from_decimal(value: Decimal) -> Self {
        Money(value)
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Parses dollars in any notation [`parse_decimal`] reads.
    pub fn parse_dollars(text: &str) -> Result<Self, MoneyParseError> {
        parse_decimal(text).map(Money)
    }

    /// Parses an amount in cents (Anthropic's unit) into dollars, exactly.
    pub fn parse_cents(text: &str) -> Result<Self, MoneyParseError> {
        let cents = parse_decimal(text)?;
        let dollars = cents.checked_div(Decimal::ONE_HUNDRED).unwrap_or(Decimal::ZERO);
        Ok(Money(if dollars.is_zero() { Decimal::ZERO } else { dollars.normalize() }))
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

    /// `self + rhs`, or `None` when the sum does not fit (only reachable with hostile input).
    pub fn checked_add(self, rhs: Money) -> Option<Money> {
        self.0.checked_add(rhs.0).map(Money)
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
/// `values` rounded to `places` decimals so that they add up to their exact sum rounded the same
/// way (the largest remainder rule: each is rounded down, and the units left over go to the
/// largest fractions, ties to the earlier). What finance needs: columns of cents whose sum is the
/// total shown.
pub(crate) fn round_preserving_sum(values: &[Decimal], places: u32) -> Vec<Decimal> {
    let scale = Decimal::from(10u64.pow(places));
    let scaled: Vec<Decimal> = values.iter().map(|v| v * scale).collect();
    // Half away from zero, as amounts are shown.
    let target =
        scaled.iter().copied().sum::<Decimal>().round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let mut out: Vec<Decimal> = scaled.iter().map(Decimal::floor).collect();
    let mut left = target - out.iter().copied().sum::<Decimal>();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| (scaled[b] - out[b]).cmp(&(scaled[a] - out[a])).then(a.cmp(&b)));
    for i in order {
        if left <= Decimal::ZERO {
            break;
        }
        out[i] += Decimal::ONE;
        left -= Decimal::ONE;
    }
    out.into_iter().map(|v| v / scale).collect()
}

pub(crate) fn group_thousands(digits: &str) -> String {
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
pub(crate) fn money_from_json(value: &serde_json::Value) -> Result<Money, MoneyParseError> {
    match value {
        serde_json::Value::Number(n) => Money::parse_dollars(&n.to_string()),
        serde_json::Value::String(s) => Money::parse_dollars(s),
        serde_json::Value::Null => Err(MoneyParseError::new("null", "is not an amount (the field is empty)")),
        other => Err(MoneyParseError::new(&other.to_string(), "is not a decimal amount")),
    }
}

#[cfg(test)]
mod round_tests {
    use super::*;

    #[test]
    fn rounded_parts_add_up_to_the_rounded_whole() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let parts = [d("2369.644236"), d("313.431335"), d("1285.776985"), d("269.5029613868")];
        let r = round_preserving_sum(&parts, 2);
        assert_eq!(r.iter().copied().sum::<Decimal>(), d("4238.36"));
        assert_eq!(
            r,
            vec![d("2369.65"), d("313.43"), d("1285.78"), d("269.50")],
            "the two largest fractions get the cents left"
        );
        let thirds = [d("0.3333333"), d("0.3333333"), d("0.3333334")];
        assert_eq!(round_preserving_sum(&thirds, 2).iter().copied().sum::<Decimal>(), d("1.00"));
        assert_eq!(round_preserving_sum(&[d("1234.5")], 0), vec![d("1235")]);
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
        for bad in ["", "abc", "1.2.3", "$5", "1e", "1e+-3", "--1", "1 000", ".", "e5", "0x10", "1_000"] {
            assert!(Money::parse_dollars(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_what_real_apis_send() {
        // OpenAI Costs API, live: a Decimal128 zero and 39 fractional digits.
        assert_eq!(m("0E-6176"), Money::ZERO);
        assert_eq!(m("-0E-6176"), Money::ZERO);
        assert_eq!(m("0.000004500000000000000000000000000000000").exact(), "0.0000045");
        assert_eq!(m("0.00003420000000000000000000000000000000").exact(), "0.0000342");
        assert_eq!(m("1.5E-7").exact(), "0.00000015");
        assert_eq!(m("-2.5e3").exact(), "-2500.00");
        assert_eq!(m("+3.").exact(), "3.00");
        assert_eq!(m(".25").exact(), "0.25");
        assert_eq!(m("1e+2").exact(), "100.00");
        assert_eq!(m("0.8958740000000000").exact(), "0.895874");
        assert_eq!(m("5.0E-6").exact(), "0.000005");
        assert_eq!(m("1E-99999999999999999999").exact(), "0.00");
    }

    #[test]
    fn rounds_excess_digits_half_even_to_28_places() {
        // 29 and more decimal places: rounded half-even at the 28th.
        assert_eq!(m("0.00000000000000000000000000015").decimal().to_string(), "0.0000000000000000000000000002");
        assert_eq!(m("0.00000000000000000000000000025").decimal().to_string(), "0.0000000000000000000000000002");
        assert_eq!(m("0.000000000000000000000000000251").decimal().to_string(), "0.0000000000000000000000000003");
        assert_eq!(m("0.00000000000000000000000000004"), Money::ZERO);
        // Long amounts keep 28 significant digits: exact far below a millionth of a dollar.
        assert_eq!(m("123456789.123456789123456789123456789").exact(), "123456789.1234567891234567891");
    }

    #[test]
    fn refuses_non_finite_and_absurd_amounts_with_reasons() {
        for bad in ["NaN", "nan", "-Infinity", "inf", "+INF", "sNaN"] {
            let e = Money::parse_dollars(bad).unwrap_err();
            assert!(e.to_string().contains("not a finite amount"), "{bad}: {e}");
        }
        for big in ["1e16", "10000000000000000", "1e400", "-1e20"] {
            let e = Money::parse_dollars(big).unwrap_err();
            assert!(e.to_string().contains("larger than"), "{big}: {e}");
        }
        assert!(Money::parse_dollars("999999999999999").is_ok());
        let long = "9".repeat(500);
        assert!(Money::parse_dollars(&long).unwrap_err().text.len() <= 60, "errors quote a bounded prefix");
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
            fn decimal_text_round_trips(mantissa in -10i64.pow(15)..=10i64.pow(15), scale in 0u32..=12) {
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
            fn exponent_forms_agree_with_plain_text(mantissa in -10i64.pow(12)..10i64.pow(12), exp in -40i32..=3) {
                // m × 10^exp written in scientific notation equals the plain text, to 28 places.
                let sci = Money::parse_dollars(&format!("{mantissa}E{exp}")).unwrap().decimal();
                let plain = if exp >= 0 {
                    format!("{mantissa}{}", "0".repeat(exp.unsigned_abs() as usize))
                } else {
                    let digits = mantissa.unsigned_abs().to_string();
                    let places = exp.unsigned_abs() as usize;
                    let padded = format!("{}{digits}", "0".repeat((places + 1).saturating_sub(digits.len())));
                    let (int, frac) = padded.split_at(padded.len() - places);
                    format!("{}{int}.{frac}", if mantissa < 0 { "-" } else { "" })
                };
                prop_assert_eq!(sci, Money::parse_dollars(&plain).unwrap().decimal());
                let diff = (sci - Money::parse_dollars(&plain).unwrap().decimal()).abs();
                prop_assert!(diff <= Decimal::new(1, 6));
            }

            #[test]
            fn any_text_parses_or_fails_without_panicking(text in "[-+0-9.eE]{0,60}") {
                let _ = Money::parse_dollars(&text);
            }

            #[test]
            fn sums_are_exact(values in proptest::collection::vec(0i64..100_000_000, 0..200)) {
                let total: Money = values.iter().map(|v| Money::from_decimal(Decimal::new(*v, 6))).sum();
                prop_assert_eq!(total.decimal(), Decimal::new(values.iter().sum::<i64>(), 6));
            }
        }
    }
}
