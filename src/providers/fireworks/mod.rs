//! The Fireworks AI client: rated costs per UTC day and model from
//! `POST /v1/accounts/{account}/usageCosts:query` (`scope` `ACCOUNT`, `groupBy` `DAY` and
//! `MODEL`, 1,000 rows a page, `nextPageToken`; each `subtotal` a `google.type.Money`: `units`
//! and `nanos`, exact), as Fireworks' API reference has it. The account is the workspace's name,
//! or its `account` setting. Fireworks' spend imported from files before it was read here stays
//! under its own workspace: a sync never replaces it.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;
use serde_json::json;

use super::http::{FailureKind, Http, ProviderError};
use super::info::ProviderInfo;
use super::{Credentials, DayBatch, Provider};
use crate::domain::{CostRecord, Currency, DateRange, Money};

pub(crate) const DEFAULT_BASE_URL: &str = "https://api.fireworks.ai";
/// Rows a page.
const PAGE_SIZE: u32 = 1_000;
/// Pages read at most: a list that never ends is an error, not a loop.
const MAX_PAGES: u32 = 1_000;

const INFO: ProviderInfo = ProviderInfo {
    id: "fireworks",
    display: "Fireworks AI",
    key_kind: "a Fireworks API key of an account administrator (fw_...; app.fireworks.ai, Settings, API Keys)",
    key_prefix: "fw_",
    default_base_url: DEFAULT_BASE_URL,
    default_project_label: "Account",
    resells_models: true,
    spend_limit: super::info::SpendLimit::Not("Fireworks' spend limits are set in its console"),
    // Rated costs lag live traffic by a day or more.
    revises_days: 2,
    settings: &["account"],
    check_settings,
    price_list: Some("fireworks"),
    ..ProviderInfo::KEY_DEFAULTS
};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    account: Option<String>,
}

fn check_settings(ws: &crate::config_workspace::WorkspaceConfig) -> Result<(), (&'static str, String)> {
    let s: Settings = ws.provider_settings().map_err(|e| ("", e))?;
    match s.account.as_deref() {
        Some(a) if !super::slug::valid(a, usize::MAX) => {
            Err(("account", "a Fireworks account id is letters, digits and '-' (e.g. my-team)".into()))
        }
        _ => Ok(()),
    }
}

/// One page of rated costs.
#[derive(Debug, Deserialize)]
pub(crate) struct CostsPage {
    #[serde(default)]
    pub rows: Option<Vec<CostRow>>,
    #[serde(default, rename = "nextPageToken", deserialize_with = "crate::domain::lenient::opt_text")]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CostRow {
    #[serde(default)]
    pub dimensions: Option<Dimensions>,
    #[serde(default)]
    pub subtotal: Option<GoogleMoney>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Dimensions {
    #[serde(default, rename = "startTime")]
    pub start_time: serde_json::Value,
    #[serde(default, deserialize_with = "crate::domain::lenient::opt_text")]
    pub model: Option<String>,
}

/// `google.type.Money`: whole units (an int64, sent as a string) and nanos of the same sign.
#[derive(Debug, Deserialize)]
pub(crate) struct GoogleMoney {
    #[serde(default, rename = "currencyCode", deserialize_with = "crate::domain::lenient::opt_text")]
    pub currency_code: Option<String>,
    #[serde(default)]
    pub units: serde_json::Value,
    #[serde(default)]
    pub nanos: serde_json::Value,
}

impl GoogleMoney {
    fn amount(&self) -> Result<(Money, Currency), String> {
        let int = |v: &serde_json::Value, what: &str| -> Result<i64, String> {
            match v {
                serde_json::Value::Null => Ok(0),
                serde_json::Value::Number(n) => n.as_i64().ok_or_else(|| format!("{what} {n} is not a whole number")),
                serde_json::Value::String(s) => {
                    s.trim().parse().map_err(|_| format!("{what} {s:?} is not a whole number"))
                }
                other => Err(format!("{what} {other} is not a whole number")),
            }
        };
        let units = int(&self.units, "units")?;
        let nanos = int(&self.nanos, "nanos")?;
        if nanos.abs() >= 1_000_000_000 || (units != 0 && nanos != 0 && units.signum() != nanos.signum()) {
            return Err(format!("nanos {nanos} does not go with units {units}"));
        }
        let amount = rust_decimal::Decimal::from(units) + rust_decimal::Decimal::new(nanos, 9);
        let currency = Currency::parse(self.currency_code.as_deref().unwrap_or("USD"))
            .map_err(|e| format!("currencyCode: {e}"))?;
        Ok((Money::from_decimal(amount.normalize()), currency))
    }
}

/// `accounts/fireworks/models/llama-v3p1-8b-instruct` is `llama-v3p1-8b-instruct`.
fn model_name(full: &str) -> &str {
    full.rsplit('/').next().filter(|m| !m.is_empty()).unwrap_or(full)
}

/// The rows of a page in `range`, summed per day and model.
pub(crate) fn add_rows(
    page: CostsPage,
    range: DateRange,
    into: &mut BTreeMap<(NaiveDate, String), (Money, Currency)>,
) -> Result<(), String> {
    for (i, row) in page.rows.unwrap_or_default().into_iter().enumerate() {
        let dims = row.dimensions.ok_or_else(|| format!("rows[{i}]: no dimensions"))?;
        let day = crate::domain::day::day_from_json(&dims.start_time)
            .map_err(|e| format!("rows[{i}].dimensions.startTime: {e}"))?;
        if !range.contains(day) {
            continue;
        }
        let (amount, currency) = match &row.subtotal {
            Some(m) => m.amount().map_err(|e| format!("rows[{i}].subtotal: {e}"))?,
            None => (Money::ZERO, Currency::USD),
        };
        let model = dims.model.as_deref().map_or(crate::domain::line_item::UNATTRIBUTED, model_name).to_string();
        let entry = into.entry((day, model)).or_insert((Money::ZERO, currency));
        if entry.1 != currency {
            return Err(format!("rows[{i}]: {currency} and {} for the same model and day", entry.1));
        }
        entry.0 =
            entry.0.checked_add(amount).ok_or_else(|| format!("rows[{i}]: the day's amounts overflow when summed"))?;
    }
    Ok(())
}

fn records(summed: BTreeMap<(NaiveDate, String), (Money, Currency)>) -> Vec<CostRecord> {
    summed
        .into_iter()
        .map(|((day, model), (amount, currency))| CostRecord {
            day,
            project_id: None,
            line_item: model.clone(),
            model,
            amount,
            currency,
        })
        .collect()
}

/// One page body to records, every day of it (fuzzing uses this).
pub fn parse_costs(body: &str) -> Result<Vec<CostRecord>, String> {
    let mut summed = BTreeMap::new();
    add_rows(
        serde_json::from_str(body).map_err(|e| e.to_string())?,
        DateRange::new(NaiveDate::MIN, NaiveDate::MAX),
        &mut summed,
    )?;
    Ok(records(summed))
}

/// `2026-11-01T00:00:00Z`
fn midnight(day: NaiveDate) -> String {
    day.and_time(NaiveTime::MIN).and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub struct Fireworks {
    http: Http,
    account: String,
}

impl Provider for Fireworks {
    const INFO: ProviderInfo = INFO;

    fn auth_headers(credentials: &Credentials) -> reqwest::header::HeaderMap {
        super::bearer(credentials)
    }

    fn new(http: Http, settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        let account =
            super::slug::account_name(settings.provider_settings::<Settings>().ok().and_then(|s| s.account), &http);
        Fireworks { http, account }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    /// An administrator's key reads the account's costs of today.
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let today = chrono::Utc::now().date_naive();
        self.costs(DateRange::new(today, today)).await?;
        Ok(Some(format!("account {}", self.account)))
    }

    async fn projects(&self) -> Result<Option<Vec<crate::domain::ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        Ok(DayBatch { costs: self.costs(range).await?, ..DayBatch::default() })
    }
}

impl Fireworks {
    fn path(&self) -> String {
        format!("/v1/accounts/{}/usageCosts:query", super::levers::segment(&self.account))
    }

    /// Every page of the range's rated costs, by day and model.
    async fn costs(&self, range: DateRange) -> Result<Vec<CostRecord>, ProviderError> {
        let path = self.path();
        let end = range.until.succ_opt().unwrap_or(range.until);
        let mut summed = BTreeMap::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut body = json!({
                "startTime": midnight(range.since), "endTime": midnight(end), "scope": "ACCOUNT",
                "groupBy": ["DAY", "MODEL"], "pageSize": PAGE_SIZE
            });
            if let Some(t) = &token {
                body["pageToken"] = json!(t);
            }
            let page: CostsPage = self.http.send_json(reqwest::Method::POST, &path, &body, &[]).await?;
            token = page.next_page_token.clone().filter(|t| !t.is_empty());
            add_rows(page, range, &mut summed).map_err(|m| self.http.fail(&path, FailureKind::Malformed, m))?;
            if token.is_none() {
                return Ok(records(summed));
            }
        }
        Err(self.http.fail(&path, FailureKind::Malformed, format!("more than {MAX_PAGES} pages; refusing to read on")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_money_is_exact_and_models_lose_their_path() {
        let body = r#"{"rows": [
            {"dimensions": {"startTime": "2026-11-01T00:00:00Z", "model": "accounts/fireworks/models/llama-v3p1-8b-instruct"},
             "subtotal": {"currencyCode": "USD", "units": "12", "nanos": 500000000}},
            {"dimensions": {"startTime": "2026-11-01T00:00:00Z", "model": "accounts/fireworks/models/llama-v3p1-8b-instruct"},
             "subtotal": {"currencyCode": "USD", "units": "0", "nanos": 1}},
            {"dimensions": {"startTime": "2026-11-02T00:00:00Z"}, "subtotal": {"currencyCode": "USD", "nanos": 250000000}}
        ], "subtotal": {"currencyCode": "USD", "units": "12", "nanos": 750000001}}"#;
        let rows = parse_costs(body).unwrap();
        let got: Vec<(String, String)> = rows.iter().map(|r| (r.model.clone(), r.amount.exact())).collect();
        assert_eq!(
            got,
            [("llama-v3p1-8b-instruct".into(), "12.500000001".into()), ("(unattributed)".into(), "0.25".into())]
        );
        assert!(parse_costs(r#"{"rows": [{"dimensions": {"startTime": "2026-11-01T00:00:00Z"}, "subtotal": {"units": "1", "nanos": -5}}]}"#).is_err());
        assert!(parse_costs(r#"{"rows": [{"dimensions": {"startTime": "x"}}]}"#).is_err());
    }
}
