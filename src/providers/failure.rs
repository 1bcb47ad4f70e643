//! What a failed call to a provider is: its kind, which callers branch on, and the account and
//! endpoint it names. A leaf module: the crate's error type holds a `ProviderError`, and the
//! HTTP client makes them, without the two importing each other.

/// What a request to a provider ended in, when it did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureKind {
    /// 401: the key is wrong, revoked or not for this API.
    InvalidKey,
    /// 403: the key is valid but lacks admin rights.
    NotAdmin,
    RateLimited,
    Server(u16),
    /// Another 4xx: the provider refused the request itself.
    Rejected(u16),
    Timeout,
    Unreachable,
    /// A 200 whose body was not what the API documents.
    Malformed,
    /// Asked of a provider that has no such thing (a lever on a provider without levers).
    Unsupported,
}

/// A failed call, with enough context to name the account and endpoint.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{account}: {endpoint}: {message}")]
pub struct ProviderError {
    pub account: String,
    pub endpoint: String,
    pub kind: FailureKind,
    pub message: String,
}
