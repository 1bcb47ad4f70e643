//! Serde helpers for fields real APIs send in more than one shape: counts as numbers, numeric
//! strings, integral floats (`30.0`) or `null`. Documentation is not the wire.

use serde::{Deserialize, Deserializer};

/// A non-negative count: `123`, `"123"`, `123.0`, `null` or absent (0).
pub(crate) fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    count_from_json(value.as_ref().unwrap_or(&serde_json::Value::Null)).map_err(serde::de::Error::custom)
}

/// An optional count: like [`count`], with `null` or absent as `None`.
pub(crate) fn opt_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => count_from_json(&v).map(Some).map_err(serde::de::Error::custom),
    }
}

/// An optional label that may come as a string or a number (ids), `null` or absent.
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
        Some(serde_json::Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(other) => Err(serde::de::Error::custom(format!("expected text, got {}", kind(&other)))),
    }
}

/// A flag: `true`/`false`, `"true"`/`"false"`, `1`/`0`, `null` or absent (false).
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(false),
        Some(serde_json::Value::Bool(b)) => Ok(b),
        Some(serde_json::Value::String(s)) if s.eq_ignore_ascii_case("true") || s == "1" => Ok(true),
        Some(serde_json::Value::String(s)) if s.eq_ignore_ascii_case("false") || s == "0" => Ok(false),
        Some(serde_json::Value::Number(n)) if n.to_string() == "1" => Ok(true),
        Some(serde_json::Value::Number(n)) if n.to_string() == "0" => Ok(false),
        Some(other) => Err(serde::de::Error::custom(format!("expected true or false, got {}", kind(&other)))),
    }
}

fn kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
        _ => "a value",
    }
}

fn count_from_json(value: &serde_json::Value) -> Result<u64, String> {
    let text = match value {
        serde_json::Value::Null => return Ok(0),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.trim().to_string(),
        other => return Err(format!("expected a count, got {}", kind(other))),
    };
    let shown: String = text.chars().take(40).collect();
    if let Ok(n) = text.parse::<u64>() {
        return Ok(n);
    }
    // `30.0`, `1e3`: exact decimal reading, accepted only when whole and non-negative.
    let d = crate::domain::money::parse_decimal(&text).map_err(|_| format!("'{shown}' is not a count"))?;
    if d.is_sign_negative() || !d.fract().is_zero() {
        return Err(format!("'{shown}' is not a whole, non-negative count"));
    }
    u64::try_from(d.trunc().mantissa() / 10i128.pow(d.scale())).map_err(|_| format!("'{shown}' is too large a count"))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Row {
        #[serde(default, deserialize_with = "super::count")]
        n: u64,
        #[serde(default, deserialize_with = "super::opt_count")]
        o: Option<u64>,
        #[serde(default, deserialize_with = "super::opt_text")]
        t: Option<String>,
    }

    fn row(json: &str) -> Result<Row, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn counts_in_every_shape() {
        for (json, n) in [
            (r#"{"n": 123}"#, 123),
            (r#"{"n": "123"}"#, 123),
            (r#"{"n": 30.0}"#, 30),
            (r#"{"n": "1e3"}"#, 1000),
            (r#"{"n": null}"#, 0),
            (r#"{}"#, 0),
        ] {
            assert_eq!(row(json).unwrap().n, n, "{json}");
        }
        for bad in [r#"{"n": -1}"#, r#"{"n": 1.5}"#, r#"{"n": "many"}"#, r#"{"n": [1]}"#, r#"{"n": 1e30}"#] {
            assert!(row(bad).is_err(), "{bad}");
        }
        assert_eq!(row(r#"{"o": null}"#).unwrap().o, None);
        assert_eq!(row(r#"{"o": "7"}"#).unwrap().o, Some(7));
        assert_eq!(row(r#"{"t": 42}"#).unwrap().t.as_deref(), Some("42"));
        assert_eq!(row(r#"{"t": null}"#).unwrap().t, None);
    }
}
