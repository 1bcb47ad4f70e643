//! The `[workspaces.aws.NAME]` settings, checked as the config is loaded.

use serde::Deserialize;

use crate::config_workspace::WorkspaceConfig;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AwsSettings {
    /// The profile whose credentials to use (it wins over the `AWS_*` environment).
    pub profile: Option<String>,
    /// A cost-allocation tag whose values are the projects (else the linked accounts).
    pub project_tag: Option<String>,
}

impl AwsSettings {
    /// The workspace's settings; checked when the config was loaded, so defaults only for a
    /// workspace being added.
    pub(crate) fn of(ws: &WorkspaceConfig) -> AwsSettings {
        ws.provider_settings().unwrap_or_default()
    }
}

pub(crate) fn check(ws: &WorkspaceConfig) -> Result<(), (&'static str, String)> {
    let s: AwsSettings = ws.provider_settings().map_err(|e| ("", e))?;
    for (key, value) in [("profile", &s.profile), ("project_tag", &s.project_tag)] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err((key, "empty: leave it out instead".into()));
        }
    }
    Ok(())
}
