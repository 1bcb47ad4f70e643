//! The current time, which `LLMCOST_NOW` can pin for reproducible runs and tests.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, Result};

#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pinned: Option<DateTime<Utc>>,
}

impl Clock {
    pub fn system() -> Self {
        Clock { pinned: None }
    }

    pub fn pinned(at: DateTime<Utc>) -> Self {
        Clock { pinned: Some(at) }
    }

    /// Reads `LLMCOST_NOW` (RFC 3339) if set.
    pub fn from_env(value: Option<&str>) -> Result<Self> {
        match value.map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(Clock::system()),
            Some(text) => {
                DateTime::parse_from_rfc3339(text).map(|t| Clock::pinned(t.with_timezone(&Utc))).map_err(|_| {
                    Error::Config(format!(
                        "LLMCOST_NOW='{text}' is not an RFC 3339 time: use e.g. 2026-11-22T10:00:00Z"
                    ))
                })
            }
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.pinned.unwrap_or_else(Utc::now)
    }

    /// Today's UTC date.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}
