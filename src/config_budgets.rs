//! `[[budgets]]` in the config file: reading them into validated budgets, and writing them back
//! without disturbing the rest of the file.

use std::collections::HashSet;
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::budget::{BalanceFloor, Budget, BudgetPeriod, BudgetScope, DEFAULT_WARN_AT};
use crate::domain::{Money, ProviderKind};
use crate::error::{Error, Result};
use crate::names;

/// A budget as written in TOML, before validation.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBudget {
    pub name: Option<String>,
    /// A number or a decimal string, in US dollars.
    pub amount: Option<toml::Value>,
    pub period: Option<String>,
    pub start_day: Option<i64>,
    pub provider: Option<String>,
    pub workspace: Option<String>,
    pub project: Option<String>,
    pub model: Option<String>,
    /// A `[[teams]]` name (not with project or model).
    pub team: Option<String>,
    /// An API key's id or name: its allocated spend.
    pub key: Option<String>,
    /// A person (a key owner's email), or `"*"`: each person against the amount.
    pub person: Option<String>,
    pub warn_at: Option<Vec<i64>>,
    /// ISO 4217 code of `amount` (default USD).
    pub currency: Option<String>,
    /// Brake the budget's scope when it is exceeded (`budgets check --enforce`).
    pub brake: Option<bool>,
    /// `"provider"`: the provider enforces the amount as its own spend limit (`llmcost limits`).
    pub enforce: Option<String>,
    /// Count estimates of days whose bill has not arrived.
    pub include_estimate: Option<bool>,
    /// A balance floor instead of a spend budget: the prepaid balance must stay above it.
    pub min_balance: Option<toml::Value>,
}

fn amount_of(value: &toml::Value) -> std::result::Result<Money, String> {
    let text = match value {
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::String(s) => s.clone(),
        other => return Err(format!("{other} is not an amount")),
    };
    let money = Money::from_str(&text).map_err(|e| e.to_string())?;
    if money.decimal() <= Decimal::ZERO {
        return Err(format!("{text} must be more than 0"));
    }
    Ok(money)
}

/// Validates one entry; the error says which field is wrong.
pub(crate) fn validate(raw: &RawBudget) -> std::result::Result<Budget, (String, String)> {
    let field = |f: &str, m: String| (f.to_string(), m);
    let name = raw.name.clone().filter(|n| !n.trim().is_empty()).ok_or_else(|| field("name", "is missing".into()))?;
    names::validate_workspace_name(&name).map_err(|e| {
        if names::looks_like_key(&name) {
            field("name", e)
        } else {
            field("name", format!("'{name}' is not a valid name: use letters, digits, '-', '_' or '.'"))
        }
    })?;
    let amount = raw.amount.as_ref().ok_or_else(|| field("amount", "is missing".into()))?;
    let amount = amount_of(amount).map_err(|m| field("amount", m))?;
    let period = raw.period.as_deref().ok_or_else(|| field("period", "is missing".into()))?;
    let period = BudgetPeriod::from_str(period).map_err(|m| field("period", m))?;
    if raw.team.is_some() && (raw.project.is_some() || raw.model.is_some()) {
        return Err(field(
            "team",
            "a team budget covers the team's whole allocation: leave project and model out".into(),
        ));
    }
    let (brake, enforce_by_provider) = actions(raw).map_err(|(f, m)| field(&f, m))?;
    let start_day = raw.start_day.unwrap_or(1);
    if !(1..=28).contains(&start_day) {
        return Err(field("start_day", format!("{start_day} must be from 1 to 28")));
    }
    if start_day != 1
        && matches!(period, BudgetPeriod::Day | BudgetPeriod::Week | BudgetPeriod::Rolling7 | BudgetPeriod::Rolling30)
    {
        return Err(field("start_day", "only applies to month, quarter and year budgets".into()));
    }
    // An API provider, or a vendor whose spend is imported from files (`groq`): which vendors
    // have imports is known from the cache, so a name with neither is refused when the budget
    // is checked (naming the budget), not here.
    let provider = raw
        .provider
        .as_deref()
        .map(|p| ProviderKind::from_str(p).or_else(|unknown| ProviderKind::imported(p).map_err(|_| unknown)))
        .transpose()
        .map_err(|e| field("provider", e.to_string()))?;
    let mut warn_at: Vec<u32> = match &raw.warn_at {
        None => DEFAULT_WARN_AT.to_vec(),
        Some(list) => list
            .iter()
            .map(|p| u32::try_from(*p).ok().filter(|p| (1..=1000).contains(p)))
            .collect::<Option<Vec<u32>>>()
            .ok_or_else(|| field("warn_at", "percentages must be whole numbers from 1 to 1000".into()))?,
    };
    warn_at.sort_unstable();
    warn_at.dedup();
    let currency = match raw.currency.as_deref() {
        None => crate::domain::Currency::USD,
        Some(c) => crate::app::fx::reporting_currency(Some(c), None).map_err(|e| field("currency", e.to_string()))?,
    };
    Ok(Budget {
        currency,
        name,
        amount,
        period,
        start_day: u32::try_from(start_day).unwrap_or(1),
        scope: BudgetScope {
            provider,
            workspace: raw.workspace.clone().filter(|w| !w.is_empty()),
            project: raw.project.clone().filter(|p| !p.is_empty()),
            model: raw.model.clone().filter(|m| !m.is_empty()),
            team: raw.team.clone().filter(|t| !t.is_empty()),
            key: raw.key.clone().filter(|k| !k.is_empty()),
            person: raw.person.clone().filter(|p| !p.is_empty()),
        },
        warn_at,
        brake,
        enforce_by_provider,
        include_estimate: raw.include_estimate.unwrap_or(false),
    })
}

/// What a budget does besides warning: `brake` and `enforce`.
fn actions(raw: &RawBudget) -> std::result::Result<(bool, bool), (String, String)> {
    if raw.brake == Some(true) && (raw.team.is_some() || raw.model.is_some()) {
        return Err((
            "brake".into(),
            "a brake stops keys and rate limits of a provider, workspace or project: a team or model budget \
             cannot be braked precisely"
                .into(),
        ));
    }
    let enforce_by_provider = match raw.enforce.as_deref().map(str::trim) {
        None | Some("" | "llmcost") => false,
        Some("provider") => true,
        Some(other) => {
            return Err((
                "enforce".into(),
                format!("'{other}' is not a way to enforce: use \"provider\" (or leave it out)"),
            ));
        }
    };
    if (raw.key.is_some() || raw.person.is_some()) && (raw.team.is_some() || raw.brake == Some(true)) {
        return Err((
            if raw.team.is_some() { "team" } else { "brake" }.into(),
            "a key or person budget watches allocated spend: it takes no team and cannot brake".into(),
        ));
    }
    if raw.include_estimate == Some(true) && (raw.team.is_some() || raw.key.is_some() || raw.person.is_some()) {
        return Err((
            "include_estimate".into(),
            "a team's, a key's or a person's spend is allocated from the bill: estimates are not allocated".into(),
        ));
    }
    Ok((raw.brake.unwrap_or(false), enforce_by_provider))
}

/// Validates every entry; errors name the file, the entry and the field.
pub(crate) fn validate_all(raw: &[RawBudget], path: &Path) -> Result<Vec<Budget>> {
    let mut names = HashSet::new();
    let mut out = Vec::new();
    for (i, entry) in raw.iter().enumerate().filter(|(_, e)| e.min_balance.is_none()) {
        let label = match &entry.name {
            Some(n) => format!("budget '{n}' (entry {})", i + 1),
            None => format!("budget entry {}", i + 1),
        };
        let budget = validate(entry).map_err(|(field, message)| {
            Error::Config(format!("invalid config {}: {label}: {field}: {message}", path.display()))
        })?;
        if !names.insert(budget.name.clone()) {
            return Err(Error::Config(format!(
                "invalid config {}: {label}: name: '{}' is used by another budget",
                path.display(),
                budget.name
            )));
        }
        out.push(budget);
    }
    Ok(out)
}

/// A `min_balance` entry: a name, a prepaid scope and the floor; nothing a spend budget has.
pub(crate) fn validate_floor(raw: &RawBudget) -> std::result::Result<BalanceFloor, (String, String)> {
    let field = |f: &str, m: String| (f.to_string(), m);
    let name = raw.name.clone().filter(|n| !n.trim().is_empty()).ok_or_else(|| field("name", "is missing".into()))?;
    names::validate_workspace_name(&name)
        .map_err(|_| field("name", format!("'{name}' is not a valid name: use letters, digits, '-', '_' or '.'")))?;
    let spend_only = [
        ("amount", raw.amount.is_some()),
        ("period", raw.period.is_some()),
        ("start_day", raw.start_day.is_some()),
        ("project", raw.project.is_some()),
        ("model", raw.model.is_some()),
        ("team", raw.team.is_some()),
        ("warn_at", raw.warn_at.is_some()),
        ("brake", raw.brake.is_some()),
        ("enforce", raw.enforce.is_some()),
        ("include_estimate", raw.include_estimate.is_some()),
        ("key", raw.key.is_some()),
        ("person", raw.person.is_some()),
    ];
    if let Some((f, _)) = spend_only.iter().find(|(_, set)| *set) {
        return Err(field(f, "belongs to a spend budget, not to a min_balance one (a balance floor has a provider, a workspace and the floor)".into()));
    }
    let min = raw.min_balance.as_ref().ok_or_else(|| field("min_balance", "is missing".into()))?;
    let min = amount_of(min).map_err(|m| field("min_balance", m))?;
    let provider = raw
        .provider
        .as_deref()
        .map(ProviderKind::from_str)
        .transpose()
        .map_err(|e| field("provider", e.to_string()))?;
    if let Some(p) = provider.filter(|p| !p.info().prepaid) {
        return Err(field("provider", format!("{} is billed after use: it has no balance to watch", p.display_name())));
    }
    let currency = match raw.currency.as_deref() {
        None => crate::domain::Currency::USD,
        Some(c) => crate::app::fx::reporting_currency(Some(c), None).map_err(|e| field("currency", e.to_string()))?,
    };
    Ok(BalanceFloor { name, provider, workspace: raw.workspace.clone().filter(|w| !w.is_empty()), min, currency })
}

/// The `min_balance` entries, validated; their names are unique among all `[[budgets]]`.
pub(crate) fn validate_floors(raw: &[RawBudget], budgets: &[Budget], path: &Path) -> Result<Vec<BalanceFloor>> {
    let mut names: HashSet<String> = budgets.iter().map(|b| b.name.clone()).collect();
    let mut out = Vec::new();
    for (i, entry) in raw.iter().enumerate().filter(|(_, e)| e.min_balance.is_some()) {
        let label = format!("budget '{}' (entry {})", entry.name.as_deref().unwrap_or(""), i + 1);
        let floor = validate_floor(entry).map_err(|(field, message)| {
            Error::Config(format!("invalid config {}: {label}: {field}: {message}", path.display()))
        })?;
        if !names.insert(floor.name.clone()) {
            return Err(Error::Config(format!(
                "invalid config {}: {label}: name: '{}' is used by another budget",
                path.display(),
                floor.name
            )));
        }
        out.push(floor);
    }
    Ok(out)
}
