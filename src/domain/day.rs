//! UTC days from the many ways billing APIs write a point in time: one parser for every provider.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// A time that could not be read as a UTC day, with the text as it was sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' {reason}")]
pub struct DayParseError {
    pub text: String,
    pub reason: &'static str,
}

impl DayParseError {
    fn new(text: &str, reason: &'static str) -> Self {
        DayParseError { text: text.chars().take(60).collect(), reason }
    }
}

/// The years a billing record can plausibly fall in; anything else is a unit or format mistake
/// (a millisecond timestamp read as seconds lands in the year 58000).
const YEARS: std::ops::RangeInclusive<i32> = 1970..=2200;

fn plausible(day: NaiveDate, text: &str) -> Result<NaiveDate, DayParseError> {
    use chrono::Datelike;
    if YEARS.contains(&day.year()) {
        Ok(day)
    } else {
        Err(DayParseError::new(text, "is not a plausible billing date (years 1970 to 2200)"))
    }
}

/// The UTC day of a time written as `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS[.fff]` (OpenRouter; no
/// zone means UTC), `YYYY-MM-DDTHH:MM:SS[.fff]` with or without an offset or `Z` (RFC 3339), or
/// Unix seconds written as digits. A time with an offset is converted to UTC first.
pub fn parse_utc_day(text: &str) -> Result<NaiveDate, DayParseError> {
    parse_utc_time(text).map(|t| t.date())
}

/// [`parse_utc_day`]'s time of day too (UTC): what hourly buckets start at. A date alone is its
/// midnight.
pub fn parse_utc_time(text: &str) -> Result<NaiveDateTime, DayParseError> {
    let t = text.trim();
    let check = |at: NaiveDateTime| plausible(at.date(), t).map(|_| at);
    if !t.is_empty() && t.len() <= 12 && t.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = t.parse().map_err(|_| DayParseError::new(t, "is not a Unix time"))?;
        return time_of_unix(secs).map_err(|_| DayParseError::new(t, "is not a plausible Unix time in seconds"));
    }
    if let Ok(day) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return check(day.and_time(chrono::NaiveTime::MIN));
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(t) {
        return check(at.with_timezone(&Utc).naive_utc());
    }
    // RFC 3339 with a space instead of `T` (`2026-08-23 00:00:00+00:00`).
    if let Some(with_t) = t.get(10..11).filter(|s| *s == " ").map(|_| format!("{}T{}", &t[..10], &t[11..]))
        && let Ok(at) = DateTime::parse_from_rfc3339(&with_t)
    {
        return check(at.with_timezone(&Utc).naive_utc());
    }
    for format in ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(t, format) {
            return check(at);
        }
    }
    Err(DayParseError::new(
        t,
        "is not a date or time llmcost reads (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, RFC 3339, Unix seconds)",
    ))
}

fn time_of_unix(secs: i64) -> Result<NaiveDateTime, DayParseError> {
    let text = secs.to_string();
    let at = DateTime::from_timestamp(secs, 0).ok_or_else(|| DayParseError::new(&text, "is out of range"))?;
    plausible(at.date_naive(), &text).map(|_| at.naive_utc())
}

/// A JSON time (Unix seconds, or a string [`parse_utc_time`] reads) as its UTC day and hour.
pub(crate) fn hour_from_json(value: &serde_json::Value) -> Result<(NaiveDate, u32), DayParseError> {
    let at = match value {
        serde_json::Value::String(s) => parse_utc_time(s)?,
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(secs) => time_of_unix(secs)?,
            None => return Err(DayParseError::new(&n.to_string(), "is not a whole number of Unix seconds")),
        },
        other => return Err(DayParseError::new(&other.to_string(), "is not a time")),
    };
    Ok((at.date(), chrono::Timelike::hour(&at)))
}

/// The UTC day of a Unix time in seconds.
pub(crate) fn day_of_unix(secs: i64) -> Result<NaiveDate, DayParseError> {
    let text = secs.to_string();
    let at = DateTime::from_timestamp(secs, 0).ok_or_else(|| DayParseError::new(&text, "is out of range"))?;
    plausible(at.date_naive(), &text)
}

/// A JSON time that may be a number (Unix seconds) or a string in any form [`parse_utc_day`] reads.
pub(crate) fn day_from_json(value: &serde_json::Value) -> Result<NaiveDate, DayParseError> {
    match value {
        serde_json::Value::String(s) => parse_utc_day(s),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(secs) => day_of_unix(secs),
            None => Err(DayParseError::new(&n.to_string(), "is not a whole number of Unix seconds")),
        },
        serde_json::Value::Null => Err(DayParseError::new("null", "is not a time (the field is empty)")),
        other => Err(DayParseError::new(&other.to_string(), "is not a time")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_every_form_providers_send() {
        for (text, day) in [
            ("2026-08-23", "2026-08-23"),
            ("2026-08-23 00:00:00", "2026-08-23"),
            ("2026-02-20 12:34:56", "2026-02-20"),
            ("2026-02-20 12:34:56.789", "2026-02-20"),
            ("2026-06-14T00:00:00", "2026-06-14"),
            ("2026-06-15T00:00:00+00:00", "2026-06-15"),
            ("2026-08-31T00:00:00Z", "2026-08-31"),
            ("2026-07-10T00:00:00.000Z", "2026-07-10"),
            ("2026-07-10T01:00:00+02:00", "2026-07-09"),
            ("2026-08-23 00:00:00+00:00", "2026-08-23"),
            ("1781395200", "2026-06-14"),
            (" 2026-08-23 ", "2026-08-23"),
        ] {
            assert_eq!(parse_utc_day(text), Ok(d(day)), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_billing_day() {
        for text in ["", "yesterday", "2026-13-01", "23/08/2026", "1781395200000", "99999-01-01", "0001-01-01"] {
            assert!(parse_utc_day(text).is_err(), "{text}");
        }
        assert!(day_of_unix(1_781_395_200_000).is_err(), "milliseconds read as seconds");
        assert!(day_of_unix(-86_400 * 365 * 10).is_err());
    }

    #[test]
    fn hours_read_in_every_form() {
        let v: serde_json::Value = serde_json::from_str(
            r#"[1781409600, "2026-06-14T04:00:00Z", "2026-06-14 04:00:00", "2026-06-14T06:00:00+02:00", "2026-06-14"]"#,
        )
        .unwrap();
        for (i, hour) in [4, 4, 4, 4, 0].into_iter().enumerate() {
            assert_eq!(hour_from_json(&v[i]), Ok((d("2026-06-14"), hour)), "{}", v[i]);
        }
        assert!(hour_from_json(&serde_json::Value::Null).is_err());
    }

    #[test]
    fn json_numbers_are_unix_seconds() {
        let v: serde_json::Value = serde_json::from_str(r#"[1781395200, "2026-06-14", 1.5, null]"#).unwrap();
        assert_eq!(day_from_json(&v[0]), Ok(d("2026-06-14")));
        assert_eq!(day_from_json(&v[1]), Ok(d("2026-06-14")));
        assert!(day_from_json(&v[2]).is_err());
        assert!(day_from_json(&v[3]).is_err());
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #[test]
            fn parsing_never_panics(text in "\\PC{0,40}") {
                let _ = parse_utc_day(&text);
            }

            #[test]
            fn every_form_of_a_day_gives_that_day(days in 0i64..80_000, secs in 0u32..86_400) {
                let day = d("1970-01-01") + chrono::Days::new(days.unsigned_abs());
                let h = secs / 3600; let m = (secs / 60) % 60; let s = secs % 60;
                let plain = day.format("%Y-%m-%d").to_string();
                prop_assert_eq!(parse_utc_day(&plain), Ok(day));
                prop_assert_eq!(parse_utc_day(&format!("{plain} {h:02}:{m:02}:{s:02}")), Ok(day));
                prop_assert_eq!(parse_utc_day(&format!("{plain}T{h:02}:{m:02}:{s:02}Z")), Ok(day));
                let unix = day.and_hms_opt(h, m, s).unwrap().and_utc().timestamp();
                prop_assert_eq!(parse_utc_day(&unix.to_string()), Ok(day));
            }
        }
    }
}
