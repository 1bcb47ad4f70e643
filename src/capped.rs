//! Reading at most so many bytes: files, inflated gzip and zip members. More is an error naming
//! what was read, never a silent truncation (and `/dev/zero` or a compression bomb never grows
//! the process past the cap).

use std::io::Read;

/// Why a capped read stopped.
#[derive(Debug)]
pub(crate) enum CapError {
    /// More than the cap: refused.
    TooLarge { max: u64 },
    /// The reader failed (a damaged stream, say).
    Io(std::io::Error),
}

impl CapError {
    /// The message for `what` (a file name, "the price table").
    pub(crate) fn describe(&self, what: &str) -> String {
        match self {
            CapError::TooLarge { max } => format!("{what} is larger than {} MiB; refused", max >> 20),
            CapError::Io(e) => format!("cannot read {what}: {e}"),
        }
    }
}

/// At most `max` bytes of `reader`.
pub(crate) fn read(reader: impl Read, max: u64) -> Result<Vec<u8>, CapError> {
    let mut out = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut out).map_err(CapError::Io)?;
    if out.len() as u64 > max {
        return Err(CapError::TooLarge { max });
    }
    Ok(out)
}
