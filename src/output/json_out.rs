//! The versioned JSON contract (schema_version 1). Money is an exact decimal string.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::app::views::CostView;
use crate::app::views::projects_view::ProjectsView;
use crate::domain::{DateRange, Dim};

pub(crate) const SCHEMA_VERSION: u32 = 1;

/// Writes a document: its fields in name order (the order every JSON document of llmcost has
/// had since schema 1, whatever order a struct declares them in), pretty, with a final newline.
pub(crate) fn write_doc(doc: &impl Serialize, out: &mut dyn Write) -> std::io::Result<()> {
    let value = serde_json::to_value(doc).map_err(std::io::Error::other)?;
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// The JSON of `--format json`'s time fields: RFC 3339 to the second, in UTC.
pub(crate) fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A period: UTC days, both ends included.
#[derive(Serialize)]
pub(crate) struct PeriodDoc {
    pub since: String,
    pub until: String,
    pub timezone: &'static str,
    /// Today, when the period includes it (its spend is still growing); `costs` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial_day: Option<Option<String>>,
}

impl PeriodDoc {
    pub(crate) fn of(range: DateRange) -> PeriodDoc {
        PeriodDoc { since: range.since.to_string(), until: range.until.to_string(), timezone: "UTC", partial_day: None }
    }
}

/// An account: `{"provider": "openai", "workspace": "edugami"}`.
#[derive(Serialize)]
pub(crate) struct AccountDoc<'a> {
    provider: &'static str,
    workspace: &'a str,
}

impl<'a> AccountDoc<'a> {
    pub(crate) fn of(account: &'a crate::domain::Account) -> Self {
        AccountDoc { provider: account.provider.id(), workspace: &account.workspace }
    }
}

/// `costs --format json`.
#[derive(Serialize)]
struct CostsDoc<'a> {
    schema_version: u32,
    currency: &'a str,
    /// The ECB rates the amounts were converted with.
    fx: &'a [crate::fx::FxUse],
    period: PeriodDoc,
    scope: ScopeDoc<'a>,
    group_by: Vec<&'static str>,
    total: String,
    rows: Vec<CostRowDoc>,
    /// Every day of every account in view was fetched.
    complete: bool,
    missing_days: Vec<MissingDoc<'a>>,
    /// Providers that do not report today (yet).
    today_not_reported: Vec<&'static str>,
    budgets: Vec<BudgetBrief<'a>>,
    updated_at: Option<String>,
    /// With estimates: how much of `total` is estimated (rows with `basis` `estimate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    estimated: Option<String>,
    /// With estimates: each estimated account and day, with its typical error.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    estimate_notes: &'a [String],
}

#[derive(Serialize)]
struct ScopeDoc<'a> {
    workspaces: Vec<AccountDoc<'a>>,
    projects: &'a [String],
    models: &'a [String],
    team: &'a Option<String>,
}

/// One row: its grouping values by dimension name (a default project is `null`), then money and,
/// when the grouping carries them, token counts.
#[derive(Serialize)]
struct CostRowDoc {
    #[serde(flatten)]
    dims: BTreeMap<&'static str, Option<String>>,
    /// `api` or `import` (vendors without a billing API), when the row names its provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
    cost: String,
    share: f64,
    #[serde(flatten)]
    usage: Option<UsageDoc>,
    /// `--by currency`: the amount billed in the row's own currency, before conversion.
    #[serde(skip_serializing_if = "Option::is_none")]
    billed: Option<String>,
}

#[derive(Serialize)]
struct UsageDoc {
    input_tokens: u64,
    cached_input_tokens: u64,
    output_tokens: u64,
    /// `null` where the provider does not count requests.
    requests: Option<u64>,
}

#[derive(Serialize)]
struct MissingDoc<'a> {
    provider: &'static str,
    workspace: &'a str,
    days: u64,
    unfillable: u64,
}

/// A budget as `costs` and `projects` show it beside their rows.
#[derive(Serialize)]
pub(crate) struct BudgetBrief<'a> {
    name: &'a str,
    level: &'static str,
    amount: String,
    spent: String,
    forecast: String,
    period_start: String,
    period_end: String,
}

impl<'a> BudgetBrief<'a> {
    pub(crate) fn of(r: &'a crate::budget::BudgetRow) -> Self {
        BudgetBrief {
            name: &r.budget.name,
            level: r.status.level.name(),
            amount: r.budget.amount.exact(),
            spent: r.status.spent.exact(),
            forecast: r.status.forecast.cents(),
            period_start: r.status.period.since.to_string(),
            period_end: r.status.period.until.to_string(),
        }
    }
}

/// A share of a total as a JSON number, to six places (a ratio, not money).
pub(crate) fn share_number(share: rust_decimal::Decimal) -> f64 {
    share.round_dp(6).to_string().parse::<f64>().unwrap_or(0.0)
}

fn cost_row(row: &crate::app::views::cost_view::CostRow) -> CostRowDoc {
    let mut dims: BTreeMap<&'static str, Option<String>> = BTreeMap::new();
    for cell in &row.cells {
        let default_project = cell.dim == Dim::Project && cell.value.is_empty();
        dims.insert(cell.dim.name(), (!default_project).then(|| cell.value.clone()));
        if cell.dim == Dim::Project {
            dims.insert("project_name", Some(cell.label.clone()));
            if let Some(owner) = &row.owner {
                dims.entry("provider").or_insert_with(|| Some(owner.provider.id().to_string()));
                dims.entry("workspace").or_insert_with(|| Some(owner.workspace.clone()));
            }
        }
    }
    let source = dims.get("provider").and_then(|p| p.as_deref()).map(|p| {
        if crate::domain::ProviderKind::from_id(p).is_ok_and(crate::domain::ProviderKind::is_imported) {
            "import"
        } else {
            "api"
        }
    });
    CostRowDoc {
        dims,
        source,
        cost: row.cost.exact(),
        share: share_number(row.share),
        usage: row.usage.map(|u| UsageDoc {
            input_tokens: u.input_tokens,
            cached_input_tokens: u.cached_input_tokens,
            output_tokens: u.output_tokens,
            requests: u.requests_known().then_some(u.requests),
        }),
        billed: row.billed.map(crate::domain::Money::exact),
    }
}

pub(crate) fn costs(view: &CostView, out: &mut dyn Write) -> std::io::Result<()> {
    let doc = CostsDoc {
        schema_version: SCHEMA_VERSION,
        currency: view.currency.as_str(),
        fx: &view.fx,
        period: PeriodDoc {
            partial_day: Some(view.includes_today().then(|| view.today.to_string())),
            ..PeriodDoc::of(view.range)
        },
        scope: ScopeDoc {
            workspaces: view.accounts.iter().map(AccountDoc::of).collect(),
            projects: &view.project_filter,
            models: &view.model_filter,
            team: &view.team,
        },
        group_by: view.group_by.iter().map(|d| d.name()).collect(),
        total: view.total.exact(),
        rows: view.rows.iter().map(cost_row).collect(),
        complete: view.complete(),
        missing_days: view
            .missing_days
            .iter()
            .map(|m| MissingDoc {
                provider: m.account.provider.id(),
                workspace: &m.account.workspace,
                days: m.days,
                unfillable: m.unfillable,
            })
            .collect(),
        today_not_reported: view.today_not_reported.iter().map(|p| p.id()).collect(),
        budgets: view.budgets.iter().map(BudgetBrief::of).collect(),
        updated_at: view.updated_at.map(rfc3339),
        estimated: view.estimated.map(crate::domain::Money::exact),
        estimate_notes: &view.estimate_notes,
    };
    write_doc(&doc, out)
}

/// `projects --format json`.
#[derive(Serialize)]
struct ProjectsDoc<'a> {
    schema_version: u32,
    currency: &'a str,
    period: PeriodDoc,
    total: String,
    projects: Vec<ProjectDoc<'a>>,
    budgets: Vec<BudgetBrief<'a>>,
    updated_at: Option<String>,
}

#[derive(Serialize)]
struct ProjectDoc<'a> {
    provider: &'static str,
    workspace: &'a str,
    /// `null` for the default project.
    id: Option<&'a str>,
    name: &'a str,
    status: &'a str,
    cost: String,
}

pub(crate) fn projects(view: &ProjectsView, out: &mut dyn Write) -> std::io::Result<()> {
    let doc = ProjectsDoc {
        schema_version: SCHEMA_VERSION,
        currency: view.currency.as_str(),
        period: PeriodDoc::of(view.range),
        total: view.total.exact(),
        projects: view
            .rows
            .iter()
            .map(|r| ProjectDoc {
                provider: r.account.provider.id(),
                workspace: &r.account.workspace,
                id: (!r.id.is_empty()).then_some(r.id.as_str()),
                name: &r.name,
                status: &r.status,
                cost: r.cost.exact(),
            })
            .collect(),
        budgets: view.budgets.iter().map(BudgetBrief::of).collect(),
        updated_at: view.updated_at.map(rfc3339),
    };
    write_doc(&doc, out)
}
