//! Budgets written into the config file (`budgets add`, `edit`, `remove`): one entry replaced or
//! appended in place, the rest of the file (comments, order) kept, nothing written that would
//! not load again.

use std::path::Path;

use crate::config::Config;
use crate::config_budgets::RawBudget;
use crate::error::{Error, Result};

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
    if let Some(brake) = b.brake {
        t["brake"] = toml_edit::value(brake);
    }
    if let Some(enforce) = &b.enforce {
        t["enforce"] = toml_edit::value(enforce.clone());
    }
    t
}

/// Writes `budget` into the file: appended, or replacing the entry of the same name.
pub(crate) fn save(path: &Path, budget: &RawBudget, replace: bool) -> Result<()> {
    let name = budget.name.clone().unwrap_or_default();
    crate::config::edit(path, |doc| {
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
    crate::config::edit(path, |doc| {
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

/// `budgets add` and `budgets edit`: the budget checked as the config loader checks it, its scope
/// checked against the accounts (a typo fails now rather than in CI), then written. Returns the
/// budget as it will be read.
pub(crate) fn save_checked(app: &super::App, raw: &RawBudget, replace: bool) -> Result<crate::budget::Budget> {
    refuse_demo(app)?;
    let budget = crate::config_budgets::validate(raw)
        .map_err(|(field, m)| Error::Usage(format!("--{}: {m}", field.replace('_', "-"))))?;
    super::budgets::budget_accounts(app, &budget).map_err(|e| Error::Usage(e.to_string()))?;
    save(&app.config_path, raw, replace)?;
    Ok(budget)
}

/// `budgets remove`: an unknown name is an error, not a silent success.
pub(crate) fn remove_named(app: &super::App, name: &str) -> Result<()> {
    refuse_demo(app)?;
    if !remove(&app.config_path, name)? {
        return Err(Error::Usage(format!("no budget named '{name}': see 'llmcost budgets list'")));
    }
    Ok(())
}

fn refuse_demo(app: &super::App) -> Result<()> {
    if app.is_demo() {
        return Err(Error::Usage("the demo's budgets are built in: run without --demo".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
