//! What a use case returns: its view, and the accounts it could not refresh. The front end
//! renders the view first (the cache's answer is still an answer), then reports the failures.

/// A view with the accounts that could not be brought up to date for it.
#[derive(Debug)]
pub(crate) struct Answer<T> {
    pub view: T,
    /// One message per account that failed to sync (empty: everything was fresh).
    pub failed: Vec<String>,
}

impl<T> Answer<T> {
    /// The failures as the error a command exits with, after it has shown the view.
    pub(crate) fn into_result(self) -> crate::error::Result<()> {
        if self.failed.is_empty() { Ok(()) } else { Err(crate::error::Error::Accounts(self.failed)) }
    }
}
