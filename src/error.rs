//! The error type every command returns, and the documented exit code of each kind.

use std::process::ExitCode;

/// What went wrong, sorted by what the user should do about it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad flags, dates, names or values on the command line (exit 2).
    #[error("{0}")]
    Usage(String),
    /// A config file that cannot be read or is invalid (exit 2).
    #[error("{0}")]
    Config(String),
    /// No key, a rejected key, a provider or network failure (exit 1).
    #[error("{0}")]
    Provider(String),
    /// The local cache could not be read or written (exit 1).
    #[error("{0}")]
    Storage(String),
    /// The cache file is damaged, or not an SQLite database at all (exit 1): it is left as it is.
    #[error("{0}")]
    CacheDamaged(String),
    /// SQLite refused a read or a write (exit 1): what to do, with SQLite's error as the source.
    #[error("{message}")]
    Cache {
        message: String,
        #[source]
        source: rusqlite::Error,
    },
    /// The keyring or another part of the machine failed (exit 1).
    #[error("{0}")]
    Runtime(String),
    /// A budget failed `budgets check` (exit 3).
    #[error("{0}")]
    BudgetExceeded(String),
    /// Several accounts failed; each message is already complete (exit 1).
    #[error("{}", .0.join("\n"))]
    Accounts(Vec<String>),
}

/// Exit codes, documented in the README.
pub(crate) mod exit {
    pub(crate) const OK: u8 = 0;
    pub(crate) const FAILURE: u8 = 1;
    pub(crate) const USAGE: u8 = 2;
    pub(crate) const BUDGET_EXCEEDED: u8 = 3;
}

impl Error {
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self {
            Error::Usage(_) | Error::Config(_) => exit::USAGE,
            Error::BudgetExceeded(_) => exit::BUDGET_EXCEEDED,
            _ => exit::FAILURE,
        })
    }

    pub fn usage(msg: impl Into<String>) -> Self {
        Error::Usage(msg.into())
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let message = match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => {
                format!(
                    "the disk holding the cache is full ({e}): nothing was written, the cache is as it was; free some space and run again"
                )
            }
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => format!(
                "the cache cannot be written ({e}): nothing was changed; check the file's and its directory's permissions, or use --db PATH"
            ),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                format!("the cache is busy ({e}): another llmcost is writing it; try again")
            }
            // Classified by SQLite's code, not by its message's text.
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                return Error::CacheDamaged(e.to_string());
            }
            _ => format!("cache error: {e}"),
        };
        Error::Cache { message, source: e }
    }
}

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    #[test]
    fn sqlite_errors_keep_their_source_and_map_to_exit_1() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let e: Error = conn.execute("SELECT * FROM nowhere", []).unwrap_err().into();
        assert!(matches!(e, Error::Cache { .. }), "{e:?}");
        assert!(e.source().is_some_and(|s| s.to_string().contains("no such table")));
        assert_eq!(e.exit_code(), ExitCode::from(exit::FAILURE));
        let damaged: Error = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_NOTADB),
            Some("file is not a database".into()),
        )
        .into();
        assert!(matches!(damaged, Error::CacheDamaged(_)), "classified by code: {damaged:?}");
    }
}
