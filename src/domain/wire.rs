//! The domain's atoms as JSON text, for views that travel between a server and its clients
//! (`tui --remote`): money as its exact decimal text (never a float), a currency as its code, a
//! provider as its id, and any decimal as text. Each reads back through the same parser the
//! rest of llmcost uses, so a hostile server's value is refused the way a provider's would be.

use std::fmt::Display;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Currency, Money, ProviderKind};

/// Writes any value as its `Display` text.
fn as_text<T: Display, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// Reads a string and parses it with `parse`, naming what it expected on failure.
fn from_text<'de, T, E: Display, D: Deserializer<'de>>(
    d: D,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, D::Error> {
    let text = String::deserialize(d)?;
    parse(&text).map_err(D::Error::custom)
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        as_text(&self.decimal(), s)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_text(d, |t| super::money::parse_decimal(t).map(Money::from_decimal))
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        as_text(self, s)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_text(d, Currency::parse)
    }
}

impl Serialize for ProviderKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        as_text(self, s)
    }
}

impl<'de> Deserialize<'de> for ProviderKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_text(d, ProviderKind::from_id)
    }
}

/// `#[serde(with = "crate::domain::wire::decimal")]`: a `Decimal` as exact text.
pub(crate) mod decimal {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        super::as_text(value, s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        super::from_text(d, crate::domain::money::parse_decimal)
    }
}

/// `#[serde(default, with = "crate::domain::wire::opt_decimal")]`: an optional `Decimal` as
/// exact text or `null`.
pub(crate) mod opt_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::as_text(v, s),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => crate::domain::money::parse_decimal(&text).map(Some).map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoms_round_trip_as_text() {
        let money = Money::from_decimal(crate::domain::money::parse_decimal("1754.3700000001").unwrap_or_default());
        let json = serde_json::to_string(&(money, Currency::EUR, ProviderKind::from_id("openai").ok())).ok();
        assert_eq!(json.as_deref(), Some(r#"["1754.3700000001","EUR","openai"]"#));
        let back: Option<(Money, Currency, Option<ProviderKind>)> =
            json.as_deref().and_then(|j| serde_json::from_str(j).ok());
        assert_eq!(back, Some((money, Currency::EUR, ProviderKind::from_id("openai").ok())));
    }

    #[test]
    fn hostile_atoms_are_refused() {
        assert!(serde_json::from_str::<Money>(r#""NaN""#).is_err());
        assert!(serde_json::from_str::<Money>("1.5").is_err(), "a float is never money");
        assert!(serde_json::from_str::<Currency>(r#""\u001b[31m""#).is_err());
        assert!(serde_json::from_str::<ProviderKind>(r#""../x""#).is_err());
    }
}
