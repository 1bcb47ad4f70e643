//! The list-price table: what a model's tokens cost per million on a given day, per provider,
//! from pydantic's genai-prices (historic prices with their start dates). A built-in copy ships
//! in `data/prices.json`; `llmcost prices update` caches a newer one. A model the table does not
//! know is *missing*, never priced at 0.

pub(crate) mod matcher;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use matcher::Matcher;

/// The table that ships with llmcost.
pub(crate) const BUILT_IN: &str = include_str!("../../data/prices.json");
/// The file format this module writes and reads (`format` in the file).
pub(crate) const FORMAT: &str = "llmcost-prices/1";
/// Where `prices update` fetches from by default.
pub(crate) const DEFAULT_URL: &str = "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json";
/// The price lists of vendors without a billing API whose spend is imported. With each API
/// provider's own list (`ProviderInfo::price_list`), they are what a genai-prices file keeps.
const IMPORTED_LISTS: [&str; 8] =
    ["cerebras", "cohere", "deepseek", "fireworks", "groq", "mistral", "perplexity", "together"];

/// Whether a genai-prices list is kept: a provider llmcost reads or imports.
fn kept(list: &str) -> bool {
    crate::domain::ProviderKind::ALL.iter().any(|p| p.price_list() == Some(list)) || IMPORTED_LISTS.contains(&list)
}

/// Where a table came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Source {
    pub name: String,
    /// The file or URL it was read from.
    pub url: String,
    pub commit: Option<String>,
    /// The day the source was taken (UTC).
    pub date: String,
    pub license: String,
}

/// The file as stored: prices and matches kept as the source wrote them.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct TableFile {
    pub format: String,
    pub source: Source,
    pub providers: Vec<ProviderFile>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct ProviderFile {
    pub id: String,
    pub name: String,
    pub models: Vec<ModelFile>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct ModelFile {
    pub id: String,
    #[serde(rename = "match")]
    pub matcher: Value,
    pub prices: Value,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deprecated: bool,
}

/// List prices in USD per million tokens; `None` where the model has no such price.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Rates {
    pub input: Option<Decimal>,
    pub cache_read: Option<Decimal>,
    pub cache_write: Option<Decimal>,
    pub output: Option<Decimal>,
    /// Prices rise above a prompt size (long context): these are the base prices, and daily
    /// totals cannot say which requests crossed the tier.
    pub tiered: bool,
}

/// A model's prices over time.
#[derive(Clone, Debug)]
pub(crate) struct ModelPrices {
    pub id: String,
    pub matcher: Matcher,
    /// `(from, rates)`, oldest first; `None` is "since always".
    pub history: Vec<(Option<NaiveDate>, Rates)>,
    pub deprecated: bool,
}

impl ModelPrices {
    /// The rates in force on `day`.
    pub(crate) fn on(&self, day: NaiveDate) -> Option<Rates> {
        self.history.iter().rev().find(|(from, _)| from.is_none_or(|f| f <= day)).map(|(_, r)| *r)
    }

    /// Whether the price changed inside `[since, until]`.
    pub(crate) fn changed_within(&self, since: NaiveDate, until: NaiveDate) -> bool {
        self.history.iter().any(|(from, _)| from.is_some_and(|f| f > since && f <= until))
    }
}

/// A loaded table.
#[derive(Clone, Debug)]
pub(crate) struct PriceTable {
    pub source: Source,
    /// `(price list id, models in the source's order)`.
    pub providers: Vec<(String, Vec<ModelPrices>)>,
}

impl PriceTable {
    /// Reads a table in llmcost's format, or a genai-prices `data.json` (a list of providers),
    /// which is converted: `source` names where it came from.
    pub(crate) fn parse(text: &str, source_if_raw: impl FnOnce() -> Source) -> Result<(PriceTable, TableFile), String> {
        let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let file = match value {
            Value::Array(_) => {
                let providers: Vec<ProviderFile> =
                    serde_json::from_value(value).map_err(|e| format!("not a genai-prices data.json: {e}"))?;
                let providers = providers.into_iter().filter(|p| kept(&p.id)).collect::<Vec<_>>();
                TableFile { format: FORMAT.into(), source: source_if_raw(), providers }
            }
            Value::Object(_) => {
                let file: TableFile =
                    serde_json::from_value(value).map_err(|e| format!("not an llmcost price table: {e}"))?;
                if file.format != FORMAT {
                    return Err(format!("price table format {:?} is not {FORMAT:?}", file.format));
                }
                file
            }
            _ => return Err("neither a genai-prices data.json nor an llmcost price table".into()),
        };
        let mut providers = Vec::new();
        for p in &file.providers {
            let mut models = Vec::new();
            for m in &p.models {
                let at = || format!("{}/{}", p.id, m.id);
                let matcher = Matcher::from_json(&m.matcher).map_err(|e| format!("{}: {e}", at()))?;
                let history = history(&m.prices).map_err(|e| format!("{}: {e}", at()))?;
                models.push(ModelPrices { id: m.id.clone(), matcher, history, deprecated: m.deprecated });
            }
            providers.push((p.id.clone(), models));
        }
        if providers.iter().all(|(_, m)| m.is_empty()) {
            return Err("the table has no models for any provider llmcost knows".into());
        }
        Ok((PriceTable { source: file.source.clone(), providers }, file))
    }

    /// The table that ships with llmcost (parsed once per process).
    pub(crate) fn built_in() -> PriceTable {
        static TABLE: std::sync::OnceLock<PriceTable> = std::sync::OnceLock::new();
        TABLE
            .get_or_init(|| {
                PriceTable::parse(BUILT_IN, built_in_source)
                    .map_or_else(|_| PriceTable { source: built_in_source(), providers: Vec::new() }, |(t, _)| t)
            })
            .clone()
    }

    /// The entry for `model` in price list `list` (first match in the source's order), trying
    /// the name as the cache has it, then as an API id (`Gemini 2.5 Pro` → `gemini-2.5-pro`).
    pub(crate) fn find(&self, list: &str, model: &str) -> Option<&ModelPrices> {
        let models = &self.providers.iter().find(|(id, _)| id == list)?.1;
        let api_id = model.trim().to_lowercase().replace(' ', "-");
        [model, api_id.as_str()].into_iter().find_map(|name| models.iter().find(|m| m.matcher.matches(name)))
    }

    pub(crate) fn model_count(&self) -> usize {
        self.providers.iter().map(|(_, m)| m.len()).sum()
    }
}

fn built_in_source() -> Source {
    Source { name: "built-in".into(), url: String::new(), commit: None, date: String::new(), license: String::new() }
}

/// `prices` as genai-prices writes it: one set of prices, or a list of sets each with an
/// optional `constraint.start_date`. Sets limited to hours of the day (off-peak discounts) are
/// left out: daily totals cannot tell which tokens fell in those hours.
fn history(prices: &Value) -> Result<Vec<(Option<NaiveDate>, Rates)>, String> {
    let entries: Vec<(Option<&Value>, &Value)> = match prices {
        Value::Array(list) => {
            list.iter().map(|e| (e.get("constraint"), e.get("prices").unwrap_or(&Value::Null))).collect()
        }
        other => vec![(None, other)],
    };
    let mut out = Vec::new();
    for (constraint, set) in entries {
        let mut from = None;
        if let Some(c) = constraint {
            if c.get("start_time").is_some() || c.get("end_time").is_some() {
                continue;
            }
            if let Some(d) = c.get("start_date").and_then(Value::as_str) {
                from =
                    Some(crate::domain::period::parse_date(d).map_err(|_| format!("start_date {d:?} is not a date"))?);
            }
        }
        out.push((from, rates(set)?));
    }
    out.sort_by_key(|(from, _)| *from);
    Ok(out)
}

fn rates(set: &Value) -> Result<Rates, String> {
    let Value::Object(map) = set else { return Err("prices is not an object".into()) };
    let mut tiered = false;
    let mut price = |key: &str| -> Result<Option<Decimal>, String> {
        let Some(v) = map.get(key) else { return Ok(None) };
        let base = match v {
            Value::Object(t) => {
                tiered = true;
                t.get("base").ok_or_else(|| format!("{key} has tiers without a base"))?
            }
            other => other,
        };
        let text = match base {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.clone(),
            other => return Err(format!("{key} is not a number: {other}")),
        };
        let d = crate::domain::money::parse_decimal(&text).map_err(|e| format!("{key}: {e}"))?;
        if d < Decimal::ZERO {
            return Err(format!("{key} is negative"));
        }
        Ok(Some(d))
    };
    let input = price("input_mtok")?;
    let cache_read = price("cache_read_mtok")?;
    let cache_write = price("cache_write_mtok")?;
    let output = price("output_mtok")?;
    Ok(Rates { input, cache_read, cache_write, output, tiered })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_built_in_table_knows_the_demo_models() {
        let t = PriceTable::built_in();
        assert!(t.model_count() > 500, "{}", t.model_count());
        assert_eq!(t.source.name, "pydantic/genai-prices");
        let gpt = t.find("openai", "gpt-4o-mini-2024-07-18").unwrap().on(d("2026-11-01")).unwrap();
        assert_eq!(gpt.input, Some("0.15".parse().unwrap()));
        assert_eq!(gpt.cache_read, Some("0.075".parse().unwrap()));
        assert!(t.find("google", "Gemini 2.5 Pro").unwrap().on(d("2026-11-01")).unwrap().tiered);
        assert!(t.find("openai", "no-such-model-9").is_none(), "missing, not priced at 0");
    }

    #[test]
    fn historic_prices_apply_from_their_start_date() {
        let raw = serde_json::json!([{ "id": "openai", "name": "OpenAI", "models": [{
            "id": "o3", "match": {"equals": "o3"},
            "prices": [{"prices": {"input_mtok": 10, "output_mtok": 40}},
                       {"constraint": {"start_date": "2025-06-10"}, "prices": {"input_mtok": 2, "output_mtok": 8}},
                       {"constraint": {"start_time": "16:30:00", "end_time": "00:30:00"}, "prices": {"input_mtok": 1}}]
        }]}, { "id": "elsewhere", "name": "X", "models": [] }]);
        let (t, file) = PriceTable::parse(&raw.to_string(), || Source {
            name: "test".into(),
            url: "file".into(),
            commit: None,
            date: "2026-11-30".into(),
            license: "MIT".into(),
        })
        .unwrap();
        assert_eq!(file.providers.len(), 1, "only the price lists llmcost uses are kept");
        let o3 = t.find("openai", "o3").unwrap();
        assert_eq!(o3.on(d("2025-06-09")).unwrap().input, Some(Decimal::from(10)));
        assert_eq!(o3.on(d("2025-06-10")).unwrap().input, Some(Decimal::from(2)));
        assert!(o3.changed_within(d("2025-06-01"), d("2025-06-30")));
        assert!(!o3.changed_within(d("2025-07-01"), d("2025-07-31")));
        assert!(PriceTable::parse("{\"format\": \"other/9\"}", built_in_source).is_err());
        assert!(PriceTable::parse("[]", built_in_source).is_err(), "no models is an error");
    }
}
