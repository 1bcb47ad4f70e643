//! The price table in use: the copy `llmcost prices update` cached next to the cache file, else
//! the one built in. Updating reads a genai-prices `data.json` (or an llmcost table) from a file
//! or a URL, checks it whole, and replaces the cached copy atomically.

use std::path::PathBuf;

use super::App;
use crate::error::{Error, Result};
use crate::prices::{DEFAULT_URL, PriceTable, Source};

/// Where `prices update` keeps its copy: next to the cache file.
pub(crate) fn cached_path(app: &App) -> PathBuf {
    app.db_path.with_file_name("prices.json")
}

/// The cached table if there is a readable one (a damaged one is named, and the built-in used).
pub(crate) fn load(app: &App) -> PriceTable {
    let path = cached_path(app);
    let Ok(text) = std::fs::read_to_string(&path) else { return PriceTable::built_in() };
    match PriceTable::parse(&text, || Source {
        name: "cached".into(),
        url: path.display().to_string(),
        commit: None,
        date: String::new(),
        license: String::new(),
    }) {
        Ok((table, _)) => table,
        Err(e) => {
            app.note(&format!(
                "warning: the cached price table {} cannot be read ({e}); using the built-in one (run 'llmcost prices update')",
                path.display()
            ));
            PriceTable::built_in()
        }
    }
}

/// Reads a table from `from` (a file, or an http(s) URL; default genai-prices on GitHub),
/// stores it and returns it with the path written.
pub(crate) fn update(app: &App, from: Option<&str>) -> Result<(PriceTable, PathBuf)> {
    let from = from.unwrap_or(DEFAULT_URL);
    let is_url = from.starts_with("http://") || from.starts_with("https://");
    let text = if is_url {
        if app.is_demo() {
            return Err(Error::Usage("the demo never uses the network: give --from FILE".into()));
        }
        app.note(&format!("fetching the price table from {from}"));
        super::download::get_text(app, from, "the price table", 64 << 20)?
    } else {
        std::fs::File::open(from)
            .map_err(|e| e.to_string())
            .and_then(|f| crate::import::read_capped(f, 64 << 20, &format!("the price table {from}")))
            .and_then(|b| String::from_utf8(b).map_err(|_| format!("the price table {from} is not UTF-8 text")))
            .map_err(|e| Error::Usage(format!("cannot read the price table {from}: {e}")))?
    };
    let source = || Source {
        name: "pydantic/genai-prices".into(),
        url: from.to_string(),
        commit: None,
        date: app.clock.today().to_string(),
        license: "MIT, Copyright (c) Pydantic Services Inc.".into(),
    };
    let (table, file) = PriceTable::parse(&text, source)
        .map_err(|e| Error::Fetch(format!("{from} is not a usable price table: {e}; the cached table is unchanged")))?;
    let path = cached_path(app);
    let bytes = serde_json::to_vec(&file).map_err(|e| Error::Runtime(format!("cannot write the price table: {e}")))?;
    crate::config::write_atomically(&path, &bytes)?;
    Ok((table, path))
}

/// Every model the cache has billed spend for, by provider (whether or not its provider reports
/// tokens: a cloud's models have none, yet a price entry may still apply), sorted.
pub(crate) fn billed_models(
    app: &App,
    only: &[crate::domain::ProviderKind],
) -> Result<Vec<(crate::domain::ProviderKind, String)>> {
    use crate::domain::{DateRange, Dim, KeyValue};
    let store = app.open_store()?;
    let accounts: Vec<_> =
        app.accounts().into_iter().filter(|a| only.is_empty() || only.contains(&a.provider)).collect();
    let q = crate::store::CostQuery::all(accounts, DateRange::all_time(), vec![Dim::Provider, Dim::Model]);
    let mut models: Vec<_> = store
        .aggregate_costs(&q)?
        .into_iter()
        .filter_map(|(key, _)| match key.values.as_slice() {
            [KeyValue::Provider(kind), KeyValue::Text(model)] => Some((*kind, model.clone())),
            _ => None,
        })
        .collect();
    models.sort_by(|a, b| (a.0.id(), &a.1).cmp(&(b.0.id(), &b.1)));
    Ok(models)
}
