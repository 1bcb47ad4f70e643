//! The registry's machinery and what it answers about every provider. THE list is the one
//! `registry!` call in `providers/mod.rs`: one line per provider declares its folder's module and
//! generates the `ProviderKind` enum, its facts, the list in help and errors, and `AnyProvider`'s
//! dispatch. Adding a provider is its folder (`src/providers/<id>/`, with an `impl Provider`)
//! plus that one line.

use super::ProviderKind;

/// Expanded in `providers/mod.rs`, so each line's `mod` finds its folder there.
macro_rules! registry {
    ($($vis:vis $variant:ident => $module:ident :: $client:ident),+ $(,)?) => {
        $($vis mod $module;)+

        /// What the registry generates, apart from the modules; `super` is `providers`.
        mod registered {
            use super::Provider;
            use super::info::ProviderInfo;

            /// A provider llmcost can read billing data from, or a vendor without a billing API whose
            /// spend is imported from files (`groq`, `mistral`...; see `ProviderKind::imported`).
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum ProviderKind {
                $($variant,)+
                Imported(&'static str),
            }

            impl ProviderKind {
                /// Every API provider, in the registry's order (imported ones are not listed).
                pub const ALL: &'static [ProviderKind] = &[$(ProviderKind::$variant),+];

                /// The provider's facts, declared in its folder.
                pub fn info(self) -> &'static ProviderInfo {
                    match self {
                        $(ProviderKind::$variant => &<super::$module::$client as Provider>::INFO,)+
                        ProviderKind::Imported(_) => &<super::imported::Imported as Provider>::INFO,
                    }
                }
            }

            /// A connected client of any provider: static dispatch over the registry.
            pub enum AnyProvider {
                $($variant(super::$module::$client),)+
                Imported(super::imported::Imported),
            }

            impl AnyProvider {
                pub(super) fn with_http(
                    kind: ProviderKind,
                    http: impl FnOnce(reqwest::header::HeaderMap, Option<super::http::Signer>, Option<super::http::ErrorReader>) -> super::http::Http,
                    credentials: &super::Credentials,
                    settings: &crate::config_workspace::WorkspaceConfig,
                ) -> AnyProvider {
                    match kind {
                        $(ProviderKind::$variant => {
                            type P = super::$module::$client;
                            let headers = <P as Provider>::auth_headers(credentials);
                            let signer = <P as Provider>::signer(credentials);
                            AnyProvider::$variant(<P as Provider>::new(http(headers, signer, <P as Provider>::error_reader()), settings, credentials))
                        })+
                        ProviderKind::Imported(_) => {
                            type P = super::imported::Imported;
                            AnyProvider::Imported(<P as Provider>::new(http(reqwest::header::HeaderMap::new(), None, None), settings, credentials))
                        }
                    }
                }

                pub(super) fn http(&self) -> &super::http::Http {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::http(p),)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::http(p),
                    }
                }

                pub(super) async fn fetch_batch(&self, range: crate::domain::DateRange) -> Result<super::DayBatch, super::http::ProviderError> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::fetch_days(p, range).await,)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::fetch_days(p, range).await,
                    }
                }

                /// Projects (Anthropic: workspaces); `None` for a provider without them.
                pub async fn projects(&self) -> Result<Option<Vec<crate::domain::ProjectInfo>>, super::http::ProviderError> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::projects(p).await,)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::projects(p).await,
                    }
                }

                /// The prepaid balance the provider reports, where it has one.
                pub async fn balance(&self) -> Result<Option<(crate::domain::Money, crate::domain::Currency)>, super::http::ProviderError> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::balance(p).await,)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::balance(p).await,
                    }
                }

                /// Live usage of `[since, until)` for estimates; `None`: the provider has none.
                pub async fn live(&self, since: chrono::DateTime<chrono::Utc>, until: chrono::DateTime<chrono::Utc>) -> Result<Option<Vec<crate::domain::LiveBucket>>, super::http::ProviderError> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::live(p, since, until).await,)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::live(p, since, until).await,
                    }
                }

                /// The account's API keys, names and owners; `None`: the provider lists none.
                pub async fn api_keys(&self) -> Result<Option<Vec<crate::domain::ApiKeyInfo>>, super::http::ProviderError> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::api_keys(p).await,)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::api_keys(p).await,
                    }
                }

                /// What the API answered about itself, for the cache to remember.
                pub fn learnt(&self) -> Vec<(String, String)> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::learnt(p),)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::learnt(p),
                    }
                }

                /// The reversible changes that stop the account's spend; `None`: no lever known.
                pub async fn brake_changes(&self, rung: super::levers::Rung, deny: &[String]) -> Result<Option<Vec<super::levers::Change>>, super::http::ProviderError> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::brake_changes(p, rung, deny).await,)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::brake_changes(p, rung, deny).await,
                    }
                }

                /// A lever's setting now (the fields of `like`).
                pub async fn lever_read(&self, lever: &super::levers::Lever, like: &serde_json::Value) -> Result<serde_json::Value, super::http::ProviderError> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::lever_read(p, lever, like).await,)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::lever_read(p, lever, like).await,
                    }
                }

                /// Sets a lever's setting; the setting as the provider reports it after.
                pub async fn lever_write(&self, lever: &super::levers::Lever, value: &serde_json::Value) -> Result<serde_json::Value, super::http::ProviderError> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::lever_write(p, lever, value).await,)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::lever_write(p, lever, value).await,
                    }
                }

                /// One cheap authenticated call that needs the admin rights llmcost needs, and a note
                /// about the account where the API has one.
                pub async fn check(&self) -> Result<Option<String>, super::http::ProviderError> {
                    match self {
                        $(AnyProvider::$variant(p) => <super::$module::$client as Provider>::check(p).await,)+
                        AnyProvider::Imported(p) => <super::imported::Imported as Provider>::check(p).await,
                    }
                }
            }
        }
        pub use registered::{AnyProvider, ProviderKind};
    };
}
pub(super) use registry;

/// `openai, anthropic, openrouter`: for help texts and errors.
pub(crate) fn ids() -> String {
    ProviderKind::ALL.iter().map(|p| p.info().id).collect::<Vec<_>>().join(", ")
}

/// `OpenRouter keeps only the last 30 days`, for every provider with limited history: what a
/// deleted cache loses for good. Empty when every provider serves all history.
pub(crate) fn history_limits() -> Vec<String> {
    ProviderKind::ALL.iter().filter_map(|p| p.info().history_limit()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::info::SpendLimit;

    /// `ProviderInfo::KEY_DEFAULTS` leaves a provider's own names empty: every registered
    /// provider fills them in.
    #[test]
    fn every_provider_names_itself_its_key_and_its_limit() {
        for p in ProviderKind::ALL {
            let i = p.info();
            assert!(
                [i.id, i.display, i.key_kind, i.default_base_url].iter().all(|f| !f.is_empty()),
                "{p:?}: id, display, key_kind and default_base_url are its own"
            );
            if let SpendLimit::Not(why) = i.spend_limit {
                assert!(!why.is_empty(), "{p:?}: says why it holds no spend limit");
            }
        }
    }
}
