//! The `[workspaces.azure.NAME]` settings, checked as the config is loaded.

use serde::Deserialize;

use crate::config_workspace::WorkspaceConfig;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AzureSettings {
    /// The Entra ID tenant of the service principal.
    pub tenant_id: Option<String>,
    /// The service principal's application (client) id.
    pub client_id: Option<String>,
    /// The Cost Management scope, `subscriptions/<id>[/resourceGroups/<rg>]` or a billing account.
    pub scope: Option<String>,
    /// The ServiceName values that are AI spend (default the three names the service has had).
    pub services: Option<Vec<String>>,
    /// `resource` (default) or `resource_group`: what a project is.
    pub project_by: Option<String>,
}

impl AzureSettings {
    /// The workspace's settings; checked when the config was loaded, so defaults only for a
    /// workspace being added.
    pub(crate) fn of(ws: &WorkspaceConfig) -> AzureSettings {
        ws.provider_settings().unwrap_or_default()
    }
}

/// An Azure Cost Management scope llmcost can put in a URL path.
pub(crate) fn validate_scope(scope: &str) -> Result<(), String> {
    let scope = scope.trim_matches('/');
    let known = ["subscriptions/", "providers/Microsoft.Billing/", "providers/Microsoft.Management/"];
    if !known.iter().any(|k| scope.starts_with(k)) {
        return Err(
            "must start with subscriptions/, providers/Microsoft.Billing/ or providers/Microsoft.Management/".into()
        );
    }
    if scope.chars().any(|c| c.is_control() || matches!(c, '?' | '#' | ' ' | '%' | '\\')) || scope.contains("..") {
        return Err("contains characters a scope cannot have".into());
    }
    Ok(())
}

pub(crate) fn check(ws: &WorkspaceConfig) -> Result<(), (&'static str, String)> {
    let ws: AzureSettings = ws.provider_settings().map_err(|e| ("", e))?;
    match ws.scope.as_deref().map(|s| s.trim_matches('/')) {
        None | Some("") => return Err(("scope", "missing; set scope = \"subscriptions/<subscription id>\"".into())),
        Some(s) => validate_scope(s).map_err(|e| ("scope", e))?,
    }
    if ws.tenant_id.is_some() != ws.client_id.is_some() {
        return Err(("tenant_id", "tenant_id and client_id go together (or neither, to use az login)".into()));
    }
    if let Some(by) = ws.project_by.as_deref().filter(|b| !["resource", "resource_group"].contains(b)) {
        return Err(("project_by", format!("{by:?} is not resource or resource_group")));
    }
    if ws.services.as_ref().is_some_and(std::vec::Vec::is_empty) {
        return Err(("services", "empty: leave it out for the defaults".into()));
    }
    Ok(())
}
