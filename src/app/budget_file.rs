//! Budgets written into the config file (`budgets add`, `edit`, `remove`): one entry replaced or
//! appended in place, the rest of the file (comments, order) kept, nothing written that would
//! not load again.

use std::path::Path;

use crate::config::Config;
use crate::config_budgets::RawBudget;
use crate::error::{Error, Result};

/// Writes every field of `b` into `t`: set where the budget has it, removed where it has none.
/// An entry edited in place keeps its other keys' order and comments; the destructuring names
/// every field, so a new one cannot be forgotten here (`budgets edit` once dropped `person`).
fn write_fields(t: &mut toml_edit::Table, b: &RawBudget) {
    let RawBudget {
        name,
        amount,
        period,
        start_day,
        provider,
        workspace,
        project,
        model,
        team,
        key,
        person,
        warn_at,
        currency,
        brake,
        enforce,
        include_estimate,
        min_balance,
    } = b;
    let money = |v: &toml::Value| match v {
        toml::Value::Integer(i) => toml_edit::Value::from(*i),
        toml::Value::Float(f) => toml_edit::Value::from(*f),
        other => toml_edit::Value::from(other.to_string().trim_matches('"').to_string()),
    };
    let text = |v: &Option<String>| v.as_ref().map(|v| toml_edit::Value::from(v.clone()));
    let fields: [(&str, Option<toml_edit::Value>); 17] = [
        ("name", text(name)),
        ("amount", amount.as_ref().map(money)),
        ("period", text(period)),
        // The 1st is the default cycle: not written.
        ("start_day", start_day.filter(|d| *d != 1).map(toml_edit::Value::from)),
        ("provider", text(provider)),
        ("workspace", text(workspace)),
        ("project", text(project)),
        ("model", text(model)),
        ("team", text(team)),
        ("key", text(key)),
        ("person", text(person)),
        ("min_balance", min_balance.as_ref().map(money)),
        ("currency", text(currency)),
        ("warn_at", warn_at.as_ref().map(|list| toml_edit::Value::Array(list.iter().copied().collect()))),
        ("brake", brake.map(toml_edit::Value::from)),
        ("enforce", text(enforce)),
        ("include_estimate", include_estimate.map(toml_edit::Value::from)),
    ];
    for (field, value) in fields {
        match (t.get_mut(field).and_then(toml_edit::Item::as_value_mut), value) {
            // The value replaced, its comments and spacing kept.
            (Some(old), Some(mut new)) => {
                *new.decor_mut() = old.decor().clone();
                *old = new;
            }
            (None, Some(new)) => t[field] = toml_edit::Item::Value(new),
            (_, None) => {
                t.remove(field);
            }
        }
    }
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
                if let Some(entry) = array.get_mut(i) {
                    write_fields(entry, budget);
                }
                Ok(())
            }
            (None, _) => {
                let mut entry = toml_edit::Table::new();
                write_fields(&mut entry, budget);
                array.push(entry);
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

/// `budgets add --min-balance`: a balance floor checked as the config loader checks it, then
/// written. Returns the floor as it will be read.
pub(crate) fn save_floor_checked(
    app: &super::App,
    raw: &RawBudget,
    replace: bool,
) -> Result<crate::budget::BalanceFloor> {
    refuse_demo(app)?;
    let floor = crate::config_budgets::validate_floor(raw)
        .map_err(|(field, m)| Error::Usage(format!("--{}: {m}", field.replace('_', "-"))))?;
    save(&app.config_path, raw, replace)?;
    Ok(floor)
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

    /// An entry written back loses no field and keeps its comments: every field set survives a
    /// save and a load, and an edit changes only what it changes.
    #[test]
    fn every_field_survives_an_edit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[[budgets]]\n# each person's week\nname = \"per-person\"\namount = 200\nperiod = \"week\"\n\
             person = \"*\" # not the service accounts\ncurrency = \"EUR\"\nwarn_at = [80]\n",
        )
        .unwrap();
        let raw = Config::load(&path).unwrap().raw_budgets[0].clone();
        let edited = RawBudget { amount: Some(toml::Value::Integer(300)), ..raw.clone() };
        save(&path, &edited, true).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("# each person's week") && text.contains("# not the service accounts"), "{text}");
        assert_eq!(Config::load(&path).unwrap().raw_budgets[0], edited, "{text}");

        let every = RawBudget {
            name: Some("all".into()),
            amount: Some(toml::Value::String("99.50".into())),
            period: Some("month".into()),
            start_day: Some(15),
            provider: Some("openai".into()),
            workspace: Some("edugami".into()),
            project: Some("proj_a".into()),
            model: Some("gpt-4o".into()),
            team: Some("learning".into()),
            key: Some("ci-key".into()),
            person: Some("ana@example.org".into()),
            warn_at: Some(vec![50, 90]),
            currency: Some("EUR".into()),
            brake: Some(true),
            enforce: Some("provider".into()),
            include_estimate: Some(false),
            min_balance: Some(toml::Value::Integer(20)),
        };
        // Not a budget that loads (a floor and a spend budget at once): the writer alone.
        let mut doc = toml_edit::DocumentMut::new();
        let mut entry = toml_edit::Table::new();
        write_fields(&mut entry, &every);
        doc["budget"] = toml_edit::Item::Table(entry);
        let text = doc.to_string();
        let written: RawBudget = toml::from_str::<toml::Value>(&text).unwrap()["budget"].clone().try_into().unwrap();
        assert_eq!(written, every, "{text}");
    }
}
