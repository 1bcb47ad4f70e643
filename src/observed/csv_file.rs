//! Observed spend from a CSV: a header row with `day` (or `date`), `model` and `cost` (USD),
//! optionally `provider`, `requests` and `failed_requests`. A bad row names its line and
//! nothing is read.

use chrono::NaiveDate;

use super::Observation;
use crate::domain::Money;

pub(crate) fn parse(text: &str, label: &str) -> Result<Vec<Observation>, String> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("{label}: {e}"))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let at = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let (Some(day_at), Some(model_at), Some(cost_at)) =
        (at(&["day", "date"]), at(&["model"]), at(&["cost", "cost_usd"]))
    else {
        return Err(format!("{label}: the header needs day, model and cost (and may have provider, requests)"));
    };
    let (provider_at, requests_at, failed_at) = (at(&["provider"]), at(&["requests"]), at(&["failed_requests"]));
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| format!("{label}, line {line}: {e}"))?;
        let cell = |at: usize| record.get(at).unwrap_or("").to_string();
        let count = |at: Option<usize>, what: &str| -> Result<u64, String> {
            match at.map(cell).filter(|c| !c.is_empty()) {
                None => Ok(0),
                Some(c) => c.parse().map_err(|_| format!("{label}, line {line}: {what} {c:?} is not a count")),
            }
        };
        let day = NaiveDate::parse_from_str(&cell(day_at), "%Y-%m-%d")
            .map_err(|_| format!("{label}, line {line}: day {:?} is not YYYY-MM-DD", cell(day_at)))?;
        let cost = Money::parse_dollars(&cell(cost_at)).map_err(|e| format!("{label}, line {line}: cost: {e}"))?;
        if cost.decimal().is_sign_negative() {
            return Err(format!("{label}, line {line}: a negative cost"));
        }
        out.push(Observation {
            day,
            provider: provider_at.map(cell).filter(|p| !p.is_empty()),
            model: cell(model_at),
            cost,
            requests: count(requests_at, "requests")?,
            failed_requests: count(failed_at, "failed_requests")?,
            cached_tokens: 0,
        });
    }
    Ok(out)
}
