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
    /// A provider's API failed a call (exit 1), typed by kind: the doctor and the commands
    /// branch on [`FailureKind`](crate::providers::failure::FailureKind), never on the message.
    #[error(transparent)]
    Provider(#[from] crate::providers::failure::ProviderError),
    /// No key could be had: missing, or the keyring unavailable (exit 1).
    #[error(transparent)]
    Key(#[from] crate::secrets::KeyError),
    /// `providers add` checked the credentials and the provider refused them (exit 1): nothing
    /// was stored, and `advice` says how to store them anyway.
    #[error("{source}\n{advice}")]
    NotAdded {
        #[source]
        source: Box<Error>,
        advice: &'static str,
    },
    /// A download (ECB rates, a price table) failed or was not usable (exit 1).
    #[error("{0}")]
    Fetch(String),
    /// Spend in a currency with no ECB rate for its day (exit 1).
    #[error("{0}")]
    NoRate(String),
    /// A check (`doctor`, `teams check`) found problems, each listed above (exit 1).
    #[error("{what} found {count} problem(s)")]
    Problems { what: &'static str, count: usize },
    /// The machine failed: a file, the terminal, stdin, the async runtime (exit 1), with the
    /// OS error as the source.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
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
    /// Another part of the machine failed: the keyring, TLS setup, an encoder (exit 1).
    #[error("{0}")]
    Runtime(String),
    /// A budget failed `budgets check` (exit 3).
    #[error("{0}")]
    BudgetExceeded(String),
    /// Several accounts failed; each message is already complete (exit 1).
    #[error("{}", .0.join("\n"))]
    Accounts(Vec<String>),
}

/// Exit codes, documented in docs/reference.md (Exit codes).
pub(crate) mod exit {
    pub(crate) const OK: u8 = 0;
    pub(crate) const FAILURE: u8 = 1;
    pub(crate) const USAGE: u8 = 2;
    pub(crate) const BUDGET_EXCEEDED: u8 = 3;
}

impl Error {
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.exit_number())
    }

    /// The exit code as a number (what `serve`'s API sends in `X-Llmcost-Exit`).
    pub fn exit_number(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Config(_) => exit::USAGE,
            Error::BudgetExceeded(_) => exit::BUDGET_EXCEEDED,
            _ => exit::FAILURE,
        }
    }

    pub fn usage(msg: impl Into<String>) -> Self {
        Error::Usage(msg.into())
    }

    /// An I/O failure, with what was being done.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { context: context.into(), source }
    }

    /// This failure as the reason a credentials check stopped `providers add`: a refusal by the
    /// provider gets `advice` (how to store them anyway); a failure of the machine stays as it is.
    pub fn not_added(self, advice: &'static str) -> Self {
        match self {
            Error::Provider(_) => Error::NotAdded { source: Box::new(self), advice },
            other => other,
        }
    }

    /// The provider's verdict when a call failed, if it was a provider call.
    pub fn failure_kind(&self) -> Option<&crate::providers::failure::FailureKind> {
        match self {
            Error::Provider(e) => Some(&e.kind),
            Error::NotAdded { source, .. } => source.failure_kind(),
            _ => None,
        }
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

    #[test]
    fn kinds_are_typed_and_keep_their_sources() {
        use crate::providers::failure::{FailureKind, ProviderError};
        let refused = ProviderError {
            account: "openai/edugami".into(),
            endpoint: "/v1/organization/costs".into(),
            kind: FailureKind::InvalidKey,
            message: "invalid key".into(),
        };
        let e: Error = refused.clone().into();
        assert_eq!(e.failure_kind(), Some(&FailureKind::InvalidKey));
        assert_eq!(e.exit_code(), ExitCode::from(exit::FAILURE));
        let not_added = e.not_added("Nothing was stored.");
        assert_eq!(not_added.failure_kind(), Some(&FailureKind::InvalidKey), "the kind survives the advice");
        assert_eq!(not_added.to_string(), format!("{refused}\nNothing was stored."));
        assert!(not_added.source().is_some());
        // A machine failure is not the provider's refusal: no advice to skip the check.
        let io = Error::io("cannot start the async runtime", std::io::Error::other("no threads"));
        assert!(matches!(io.not_added("x"), Error::Io { .. }));
        let io = Error::io("cannot write output", std::io::Error::other("disk"));
        assert_eq!(io.to_string(), "cannot write output: disk");
        assert!(io.source().is_some_and(|s| s.to_string() == "disk"));
        assert_eq!(Error::Problems { what: "doctor", count: 2 }.to_string(), "doctor found 2 problem(s)");
        assert_eq!(Error::Config("x".into()).exit_code(), ExitCode::from(exit::USAGE));
        assert_eq!(Error::BudgetExceeded("x".into()).exit_code(), ExitCode::from(exit::BUDGET_EXCEEDED));
    }
}
