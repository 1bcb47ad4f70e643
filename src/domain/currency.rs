//! ISO 4217 currency codes. Every cached amount carries its billing currency; amounts in
//! different currencies are never added as if 1:1.

use std::fmt;

/// A currency: three upper-case ASCII letters (`USD`, `EUR`, `CHF`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const USD: Currency = Currency(*b"USD");
    pub const EUR: Currency = Currency(*b"EUR");

    /// `usd`, ` EUR ` → the code; anything but three letters is refused.
    pub fn parse(text: &str) -> Result<Currency, String> {
        let t = text.trim();
        let b = t.as_bytes();
        if b.len() == 3 && b.iter().all(u8::is_ascii_alphabetic) {
            Ok(Currency([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase(), b[2].to_ascii_uppercase()]))
        } else {
            let shown: String = t.chars().take(12).collect();
            Err(format!("'{shown}' is not an ISO 4217 currency code (three letters, e.g. USD, EUR, CHF)"))
        }
    }

    pub fn as_str(&self) -> &str {
        // Always three ASCII letters (see `parse`).
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// Decimal places of the currency's minor unit as amounts are shown (0 for yen and won).
    pub fn places(self) -> u32 {
        match self.as_str() {
            "JPY" | "KRW" => 0,
            _ => 2,
        }
    }

    /// How amounts are written: `$1,234.56`, `€1,234.56`, `£`, `¥1,235`, `CHF 1,234.56`.
    pub fn format(self, amount: crate::domain::Money) -> String {
        let (prefix, places) = match self.as_str() {
            "USD" => ("$", 2),
            "EUR" => ("€", 2),
            "GBP" => ("£", 2),
            "JPY" => ("¥", 0),
            "KRW" => ("₩", 0),
            _ => ("", 2),
        };
        let rounded =
            amount.decimal().round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let negative = rounded.is_sign_negative() && !rounded.is_zero();
        let mut abs = rounded.abs();
        abs.rescale(places);
        let text = abs.to_string();
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        let grouped = crate::domain::money::group_thousands(whole);
        let number = if frac.is_empty() { grouped } else { format!("{grouped}.{frac}") };
        let sign = if negative { "-" } else { "" };
        if prefix.is_empty() { format!("{sign}{} {number}", self.as_str()) } else { format!("{sign}{prefix}{number}") }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency::USD
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    #[test]
    fn codes_and_formats() {
        assert_eq!(Currency::parse(" usd ").unwrap(), Currency::USD);
        for bad in ["", "US", "USDT", "U$D", "€"] {
            assert!(Currency::parse(bad).is_err(), "{bad}");
        }
        let m = |s: &str| Money::parse_dollars(s).unwrap();
        assert_eq!(Currency::USD.format(m("1234.565")), "$1,234.57");
        assert_eq!(Currency::EUR.format(m("-3.1")), "-€3.10");
        assert_eq!(Currency::parse("CHF").unwrap().format(m("1234.5")), "CHF 1,234.50");
        assert_eq!(Currency::parse("JPY").unwrap().format(m("1234.5")), "¥1,235");
    }
}
