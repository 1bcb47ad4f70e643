//! One `[workspaces.<provider>.<name>]` table of the config: a base URL and the provider's own
//! settings, which each provider's folder reads into its own struct. A leaf, so providers read
//! their settings without depending on the whole config.

use serde::Deserialize;

/// One `[workspaces.<provider>.<name>]` table.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WorkspaceConfig {
    /// Overrides the provider's API base URL for this workspace (a proxy, say).
    pub base_url: Option<String>,
    /// Everything else: the provider's own settings (AWS's `profile`, Azure's `scope`...), read
    /// by its folder into its own struct; which keys a provider takes is its `ProviderInfo::settings`.
    #[serde(flatten)]
    pub settings: toml::Table,
    /// Not config: what the cache remembers the provider's API answered about itself (a
    /// probe's answer), handed to the client with its settings by a sync.
    #[serde(skip)]
    pub facts: std::collections::BTreeMap<String, String>,
}

impl WorkspaceConfig {
    /// The provider's settings as its own struct (`deny_unknown_fields`, so a key it does not
    /// read is an error, not ignored).
    pub fn provider_settings<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        let read = |table: toml::Table| T::deserialize(toml::Value::Table(table));
        read(self.settings.clone()).map_err(|e: toml::de::Error| {
            // serde names the expected type, not the key: find the key whose value alone fails.
            let culprit = self
                .settings
                .iter()
                .find(|(k, v)| read(toml::Table::from_iter([((*k).clone(), (*v).clone())])).is_err());
            match culprit {
                Some((key, _)) => format!("{key}: {}", e.message()),
                None => e.message().to_string(),
            }
        })
    }

    /// A workspace with these settings (`providers add`'s flags), as the config will hold it.
    pub fn with_settings<'a>(settings: impl IntoIterator<Item = (&'a str, &'a str)>) -> WorkspaceConfig {
        let settings = settings.into_iter().map(|(k, v)| (k.to_string(), toml::Value::String(v.to_string()))).collect();
        WorkspaceConfig { base_url: None, settings, facts: Default::default() }
    }
}
