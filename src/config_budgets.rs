//! `[[budgets]]` in the config file: reading them into validated budgets, and writing them back
//! without disturbing the rest of the file.

use std::collections::HashSet;
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::budget::{Budget, BudgetPeriod, BudgetScope, DEFAULT_WARN_AT};
use crate::config::{self, Config};
use crate::domain::{Money, ProviderKind};
use crate::error::{Error, Result};

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
    pub warn_at: Option<Vec<i64>>,
    /// ISO 4217 code of `amount` (default USD).
    pub currency: Option<String>,
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
    config::validate_workspace_name(&name).map_err(|e| {
        if config::looks_like_key(&name) {
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
    let start_day = raw.start_day.unwrap_or(1);
    if !(1..=28).contains(&start_day) {
        return Err(field("start_day", format!("{start_day} must be from 1 to 28")));
    }
    if start_day != 1 && matches!(period, BudgetPeriod::Day | BudgetPeriod::Week) {
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
        },
        warn_at,
    })
}

/// Validates every entry; errors name the file, the entry and the field.
pub(crate) fn validate_all(raw: &[RawBudget], path: &Path) -> Result<Vec<Budget>> {
    let mut names = HashSet::new();
    let mut out = Vec::new();
    for (i, entry) in raw.iter().enumerate() {
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

/// The TOML table for a budget, written in a stable field order.
fn to_table(b: &RawBudget) -> toml_edit::Table {
    let mut t = toml_edit::Table::new();
    if let Some(v) = &b.name {
        t["name"] = toml_edit::value(v.clone());
    }
    if let Some(v) = &b.amount {
        t["amount"] = match v {
            toml::Value::Integer(i) => toml_edit::value(*i),
            toml::Value::Float(f) => toml_edit::value(*f),
            other => toml_edit::value(other.to_string().trim_matches('"').to_string()),
        };
    }
    if let Some(v) = &b.period {
        t["period"] = toml_edit::value(v.clone());
    }
    if let Some(v) = b.start_day.filter(|d| *d != 1) {
        t["start_day"] = toml_edit::value(v);
    }
    for (key, value) in [
        ("provider", &b.provider),
        ("workspace", &b.workspace),
        ("project", &b.project),
        ("model", &b.model),
        ("team", &b.team),
        ("currency", &b.currency),
    ] {
        if let Some(v) = value {
            t[key] = toml_edit::value(v.clone());
        }
    }
    if let Some(list) = &b.warn_at {
        let mut arr = toml_edit::Array::new();
        for p in list {
            arr.push(*p);
        }
        t["warn_at"] = toml_edit::value(arr);
    }
    t
}

/// Writes `budget` into the file: appended, or replacing the entry of the same name.
pub(crate) fn save(path: &Path, budget: &RawBudget, replace: bool) -> Result<()> {
    let name = budget.name.clone().unwrap_or_default();
    config::edit(path, |doc| {
        let item = doc.entry("budgets").or_insert(toml_edit::Item::ArrayOfTables(Default::default()));
        let Some(array) = item.as_array_of_tables_mut() else {
            return Err(Error::Config(format!(
                "invalid config {}: 'budgets' must be [[budgets]] tables",
                path.display()
            )));
        };
        let existing = array.iter().position(|t| t.get("name").and_then(|n| n.as_str()) == Some(name.as_str()));
        match (existing, replace) {
            (Some(_), false) => Err(Error::Usage(format!(
                "budget '{name}' already exists: change it with 'llmcost budgets edit {name}' or add --force"
            ))),
            (Some(i), true) => {
                if let Some(slot) = array.get_mut(i) {
                    *slot = to_table(budget);
                }
                Ok(())
            }
            (None, _) => {
                array.push(to_table(budget));
                Ok(())
            }
        }
    })
}

/// Removes the budget named `name`; `Ok(false)` if there was none.
pub(crate) fn remove(path: &Path, name: &str) -> Result<bool> {
    let mut removed = false;
    config::edit(path, |doc| {
        if let Some(array) = doc.get_mut("budgets").and_then(|b| b.as_array_of_tables_mut()) {
            let before = array.len();
            array.retain(|t| t.get("name").and_then(|n| n.as_str()) != Some(name));
            removed = array.len() < before;
        }
        Ok(())
    })?;
    Ok(removed)
}

/// The raw entry of `name`, for `budgets edit`.
pub(crate) fn find_raw<'a>(config: &'a Config, name: &str) -> Option<&'a RawBudget> {
    config.raw_budgets.iter().find(|b| b.name.as_deref() == Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(text, Path::new("team.toml"))
    }

    #[test]
    fn reads_budgets_with_defaults() {
        let c = parse("[[budgets]]\nname = \"team\"\namount = 500\nperiod = \"month\"\n\n[[budgets]]\nname = \"edu\"\namount = \"99.50\"\nperiod = \"quarter\"\nstart_day = 15\nprovider = \"openai\"\nworkspace = \"edugami\"\nwarn_at = [90, 75]\n").unwrap();
        assert_eq!(c.budgets.len(), 2);
        assert_eq!(c.budgets[0].amount.exact(), "500.00");
        assert_eq!(c.budgets[0].warn_at, vec![50, 80, 100]);
        assert_eq!(c.budgets[1].amount.exact(), "99.50");
        assert_eq!(c.budgets[1].start_day, 15);
        assert_eq!(c.budgets[1].warn_at, vec![75, 90]);
        assert_eq!(c.budgets[1].scope.provider, Some(ProviderKind::OpenAi));
    }

    #[test]
    fn bad_entries_name_the_file_the_entry_and_the_field() {
        let cases = [
            ("name = \"a\"\namount = -5\nperiod = \"month\"", "budget 'a' (entry 1): amount: -5 must be more than 0"),
            (
                "name = \"a\"\namount = 5\nperiod = \"fortnight\"",
                "budget 'a' (entry 1): period: 'fortnight' is not a period",
            ),
            (
                "name = \"a\"\namount = 5\nperiod = \"month\"\nprovider = \"Gemini API!\"",
                "budget 'a' (entry 1): provider: unknown provider 'Gemini API!'",
            ),
            ("amount = 5\nperiod = \"month\"", "budget entry 1: name: is missing"),
            ("name = \"a\"\nperiod = \"month\"", "budget 'a' (entry 1): amount: is missing"),
            ("name = \"a\"\namount = 5\nperiod = \"week\"\nstart_day = 3", "start_day: only applies"),
            ("name = \"a\"\namount = 5\nperiod = \"month\"\nstart_day = 31", "start_day: 31 must be from 1 to 28"),
            ("name = \"a\"\namount = 5\nperiod = \"month\"\nwarn_at = [0]", "warn_at: percentages"),
            ("name = \"a\"\namount = 5\nperiod = \"month\"\ncolour = \"red\"", "unknown field `colour`"),
        ];
        for (entry, needle) in cases {
            let err = parse(&format!("[[budgets]]\n{entry}\n")).unwrap_err().to_string();
            assert!(err.contains("team.toml") && err.contains(needle), "{needle}: {err}");
        }
        let dup = "[[budgets]]\nname = \"a\"\namount = 1\nperiod = \"day\"\n[[budgets]]\nname = \"a\"\namount = 2\nperiod = \"day\"\n";
        assert!(parse(dup).unwrap_err().to_string().contains("used by another budget"));
    }

    #[test]
    fn save_replace_and_remove_keep_the_rest_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "# team budgets\n[workspaces.openai.edugami]\n").unwrap();
        let raw = RawBudget {
            name: Some("team".into()),
            amount: Some(toml::Value::Integer(500)),
            period: Some("month".into()),
            ..Default::default()
        };
        save(&path, &raw, false).unwrap();
        assert!(save(&path, &raw, false).unwrap_err().to_string().contains("already exists"));
        let bigger = RawBudget { amount: Some(toml::Value::String("750.25".into())), ..raw.clone() };
        save(&path, &bigger, true).unwrap();
        let c = Config::load(&path).unwrap();
        assert_eq!(c.budgets.len(), 1);
        assert_eq!(c.budgets[0].amount.exact(), "750.25");
        assert!(std::fs::read_to_string(&path).unwrap().starts_with("# team budgets"));
        assert!(remove(&path, "team").unwrap());
        assert!(!remove(&path, "team").unwrap());
        assert!(Config::load(&path).unwrap().budgets.is_empty());
    }
}
