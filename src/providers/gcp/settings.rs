//! The `[workspaces.gcp.NAME]` settings, checked as the config is loaded.

use crate::config::WorkspaceConfig;

pub(crate) fn check(ws: &WorkspaceConfig) -> Result<(), (&'static str, String)> {
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
