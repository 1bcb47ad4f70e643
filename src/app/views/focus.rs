//! The lines of a FOCUS export: the cache's spend per UTC day, account, project, model, line
//! item and billing currency (never converted), with the names and classifications the cache
//! keeps. `output::focus` writes them as FOCUS 1.2 or 1.3.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::{Currency, Dim, Money, ProviderKind};
use crate::error::Result;
pub(crate) use crate::store::imports::ChargeSource;
use crate::store::{CostQuery, KeyValue, Store};

/// One FOCUS row's facts.
#[derive(Clone, Debug)]
pub(crate) struct FocusLine {
    pub day: NaiveDate,
    pub kind: ProviderKind,
    pub workspace: String,
    /// The project id ("" for the account's default project).
    pub project: String,
    /// Its name as the provider last reported it (the id when it never did).
    pub project_name: String,
    pub model: String,
    pub line_item: String,
    pub currency: Currency,
    pub cost: Money,
    /// The classification an imported FOCUS file gave the charge (`None`: an API provider's).
    pub source: Option<ChargeSource>,
    /// Who published the model, when the provider resells models and the name says who.
    pub publisher: Option<&'static str>,
    /// In an export split by key: the key's part of the line.
    pub key: Option<FocusKey>,
}

/// The API key a line's part belongs to (`x_Llmcost*` columns of an export split by key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FocusKey {
    /// The provider's key id (`""`: no key used this part).
    pub id: String,
    /// `ci-key (sk-proj-...ci9)`, `(no key)`: never a secret.
    pub name: String,
    pub person: String,
    /// `billed` or `allocated`.
    pub basis: crate::domain::Basis,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct FocusView {
    pub lines: Vec<FocusLine>,
    /// Each line split between the API keys that used it (`export --by-key`).
    pub by_key: bool,
}

impl FocusView {
    /// The lines of `query`'s accounts and period (its grouping is ignored), split by API key
    /// as `costs --by key,line_item` splits them when `by_key`.
    pub(crate) fn build(store: &Store, query: &CostQuery, by_key: bool) -> Result<FocusView> {
        if by_key {
            return Self::by_key(store, query);
        }
        let dims =
            vec![Dim::Day, Dim::Provider, Dim::Workspace, Dim::Project, Dim::Model, Dim::LineItem, Dim::Currency];
        let q = CostQuery { group_by: dims, ..query.clone() };
        let names: HashMap<(String, String, String), String> = store.project_names()?;
        let sources = store.charge_sources()?;
        let mut lines = Vec::new();
        for (key, cost) in store.aggregate_costs(&q)? {
            let [
                KeyValue::Day(day),
                KeyValue::Provider(kind),
                KeyValue::Text(workspace),
                KeyValue::Text(project),
                KeyValue::Text(model),
                KeyValue::Text(line_item),
                KeyValue::Currency(currency),
            ] = key.values.as_slice()
            else {
                continue;
            };
            let id = |x: &str| (kind.id().to_string(), workspace.clone(), x.to_string());
            lines.push(FocusLine {
                day: *day,
                kind: *kind,
                workspace: workspace.clone(),
                project: project.clone(),
                project_name: names.get(&id(project)).cloned().unwrap_or_else(|| project.clone()),
                model: model.clone(),
                line_item: line_item.clone(),
                currency: *currency,
                cost,
                source: sources.get(&id(line_item)).cloned(),
                publisher: if kind.info().resells_models { super::publisher::of_model(model) } else { None },
                key: None,
            });
        }
        Ok(FocusView { lines, by_key: false })
    }

    /// Every line's parts by key, each in the currency it was billed in.
    fn by_key(store: &Store, query: &CostQuery) -> Result<FocusView> {
        let names: HashMap<(String, String, String), String> = store.project_names()?;
        let sources = store.charge_sources()?;
        let mut lines = Vec::new();
        super::key_rows::each_part(store, query, super::key_rows::Amounts::AsBilled, true, |part| {
            let (kind, workspace) = (part.account.provider, &part.account.workspace);
            let id = |x: &str| (kind.id().to_string(), workspace.clone(), x.to_string());
            let line_item = part.line_item.unwrap_or_default();
            lines.push(FocusLine {
                day: part.day,
                kind,
                workspace: workspace.clone(),
                project: part.project.to_string(),
                project_name: names.get(&id(part.project)).cloned().unwrap_or_else(|| part.project.to_string()),
                model: part.model.to_string(),
                line_item: line_item.to_string(),
                currency: part.currency,
                cost: part.cost,
                source: sources.get(&id(line_item)).cloned(),
                publisher: if kind.info().resells_models { super::publisher::of_model(part.model) } else { None },
                key: Some(FocusKey {
                    id: part.key_id.to_string(),
                    name: part.value(Dim::Key).to_string(),
                    person: part.person(),
                    basis: part.basis,
                }),
            });
            Ok(())
        })?;
        Ok(FocusView { lines, by_key: true })
    }
}
