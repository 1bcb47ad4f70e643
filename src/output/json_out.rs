//! The versioned JSON contract (schema_version 1). Money is an exact decimal string.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::CostView;
use super::projects_view::ProjectsView;
use crate::domain::Dim;

pub(crate) const SCHEMA_VERSION: u32 = 1;

fn dim_value(dim: Dim, value: &str) -> Value {
    if dim == Dim::Project && value.is_empty() { Value::Null } else { Value::String(value.to_string()) }
}

pub(crate) fn costs(view: &CostView, out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<Value> = view
        .rows
        .iter()
        .map(|row| {
            let mut obj = Map::new();
            for cell in &row.cells {
                obj.insert(cell.dim.name().to_string(), dim_value(cell.dim, &cell.value));
                if cell.dim == Dim::Project {
                    obj.insert("project_name".into(), Value::String(cell.label.clone()));
                    if let Some(owner) = &row.owner {
                        obj.entry("provider").or_insert_with(|| Value::String(owner.provider.id().to_string()));
                        obj.entry("workspace").or_insert_with(|| Value::String(owner.workspace.clone()));
                    }
                }
            }
            // Imported spend (vendors without a billing API) says so.
            let provider = obj.get("provider").and_then(|p| p.as_str()).map(str::to_string);
            if let Some(p) = provider {
                let imported = crate::domain::ProviderKind::from_id(&p)
                    .is_ok_and(super::super::providers::registry::ProviderKind::is_imported);
                obj.insert("source".into(), Value::String(if imported { "import" } else { "api" }.into()));
            }
            obj.insert("cost".into(), Value::String(row.cost.exact()));
            obj.insert("share".into(), json!(row.share.round_dp(6).to_string().parse::<f64>().unwrap_or(0.0)));
            if let Some(u) = row.usage {
                obj.insert("input_tokens".into(), json!(u.input_tokens));
                obj.insert("cached_input_tokens".into(), json!(u.cached_input_tokens));
                obj.insert("output_tokens".into(), json!(u.output_tokens));
                obj.insert("requests".into(), if u.requests_known() { json!(u.requests) } else { Value::Null });
            }
            Value::Object(obj)
        })
        .collect();
    let missing: Vec<Value> = view
        .missing_days
        .iter()
        .map(|m| {
            json!({"provider": m.account.provider.id(), "workspace": m.account.workspace, "days": m.days, "unfillable": m.unfillable})
        })
        .collect();
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "currency": view.currency.as_str(),
        "fx": view.fx,
        "period": {
            "since": view.range.since.to_string(),
            "until": view.range.until.to_string(),
            "timezone": "UTC",
            "partial_day": if view.includes_today() { Value::String(view.today.to_string()) } else { Value::Null },
        },
        "scope": {
            "workspaces": view.accounts.iter().map(|a| json!({"provider": a.provider.id(), "workspace": a.workspace})).collect::<Vec<_>>(),
            "projects": view.project_filter,
            "models": view.model_filter,
            "team": view.team,
        },
        "group_by": view.group_by.iter().map(|d| d.name()).collect::<Vec<_>>(),
        "total": view.total.exact(),
        "rows": rows,
        "complete": view.complete(),
        "missing_days": missing,
        "today_not_reported": view.today_not_reported.iter().map(|p| p.id()).collect::<Vec<_>>(),
        "budgets": view.budgets.iter().map(super::budgets_out::brief_json).collect::<Vec<_>>(),
        "updated_at": view.updated_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

pub(crate) fn projects(view: &ProjectsView, out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<Value> = view
        .rows
        .iter()
        .map(|r| {
            json!({
                "provider": r.account.provider.id(),
                "workspace": r.account.workspace,
                "id": if r.id.is_empty() { Value::Null } else { Value::String(r.id.clone()) },
                "name": r.name,
                "status": r.status,
                "cost": r.cost.exact(),
            })
        })
        .collect();
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "currency": view.currency.as_str(),
        "period": {"since": view.range.since.to_string(), "until": view.range.until.to_string(), "timezone": "UTC"},
        "total": view.total.exact(),
        "projects": rows,
        "budgets": view.budgets.iter().map(super::budgets_out::brief_json).collect::<Vec<_>>(),
        "updated_at": view.updated_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
