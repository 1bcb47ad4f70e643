//! The `[workspaces.gcp.NAME]` settings, checked as the config is loaded.

use serde::Deserialize;

use crate::config_workspace::WorkspaceConfig;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GcpSettings {
    /// The billing export table, `project.dataset.gcp_billing_export_v1_...`.
    pub billing_table: Option<String>,
    /// The project that runs (and pays for) the query; default the table's project.
    pub job_project: Option<String>,
    /// A service account key file (else `GOOGLE_APPLICATION_CREDENTIALS`, else gcloud's login).
    pub credentials: Option<String>,
    /// The dataset's location (`US`, `EU`, `europe-west6`...).
    pub location: Option<String>,
    /// The service descriptions that are AI spend (default Vertex AI and the Gemini API).
    pub services: Option<Vec<String>>,
    /// A query returning the same aliases with `@start` and `@end`, instead of the default.
    pub query_file: Option<String>,
}

impl GcpSettings {
    /// The workspace's settings; checked when the config was loaded, so defaults only for a
    /// workspace being added.
    pub(crate) fn of(ws: &WorkspaceConfig) -> GcpSettings {
        ws.provider_settings().unwrap_or_default()
    }
}

pub(crate) fn check(ws: &WorkspaceConfig) -> Result<(), (&'static str, String)> {
    let ws: GcpSettings = ws.provider_settings().map_err(|e| ("", e))?;
    match (&ws.billing_table, &ws.query_file) {
        (None, None) => {
            return Err((
                "billing_table",
                "missing; set billing_table = \"project.dataset.gcp_billing_export_v1_...\" (or query_file)".into(),
            ));
        }
        (Some(t), _) => super::query::validate_table(t).map_err(|e| ("billing_table", e))?,
        _ => {}
    }
    if ws.billing_table.is_none() && ws.job_project.is_none() {
        return Err(("job_project", "needed with query_file and no billing_table".into()));
    }
    if let Some(p) = ws
        .job_project
        .as_deref()
        .filter(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '.')))
    {
        return Err(("job_project", format!("{p:?} is not a project id")));
    }
    if ws.services.as_ref().is_some_and(std::vec::Vec::is_empty) {
        return Err(("services", "empty: leave it out for the defaults".into()));
    }
    Ok(())
}
