//! A bearer token held between requests (Azure's Entra ID, Google's OAuth): shared by the clones a
//! sync makes, handed out until shortly before it expires.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::secrets::Secret;

/// A token is renewed this long before it expires.
const RENEW_BEFORE: Duration = Duration::from_secs(300);

#[derive(Clone, Debug, Default)]
pub struct TokenCache(Arc<Mutex<Option<(Secret, Instant)>>>);

impl TokenCache {
    /// A cache already holding `token`, valid for `lifetime`.
    pub fn holding(token: Secret, lifetime: Duration) -> Self {
        let cache = TokenCache::default();
        cache.set(token, lifetime);
        cache
    }

    /// The token, if one is held and not about to expire.
    pub fn current(&self) -> Option<Secret> {
        let held = self.0.lock().ok()?;
        held.as_ref().filter(|(_, until)| Instant::now() + RENEW_BEFORE < *until).map(|(t, _)| t.clone())
    }

    pub fn set(&self, token: Secret, lifetime: Duration) {
        if let Ok(mut held) = self.0.lock() {
            *held = Some((token, Instant::now() + lifetime));
        }
    }
}

impl TokenCache {
    /// Signs each request with `Authorization: Bearer <token>`, the token held when it is sent
    /// (the provider fetches one before its first request).
    pub fn bearer_signer(&self) -> super::http::Signer {
        let cache = self.clone();
        std::sync::Arc::new(move |_request: &reqwest::Request| {
            cache.current().map(|t| vec![("authorization", format!("Bearer {}", t.expose()))]).unwrap_or_default()
        })
    }
}
