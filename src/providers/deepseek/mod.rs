//! The DeepSeek client: the prepaid balance (`GET /user/balance`, any API key; amounts as
//! strings, in CNY or USD, possibly both). DeepSeek has no spend or usage API, so its spend is
//! imported from files (`llmcost import`, as before the balance was read) and never synced; the
//! balance's runway is taken over that imported spend.

use serde::Deserialize;

use super::http::{FailureKind, Http, ProviderError};
use super::info::ProviderInfo;
use super::{Credentials, DayBatch, Provider};
use crate::domain::{Currency, DateRange, Money};

pub(crate) const DEFAULT_BASE_URL: &str = "https://api.deepseek.com";
const BALANCE: &str = "/user/balance";

const INFO: ProviderInfo = ProviderInfo {
    id: "deepseek",
    display: "DeepSeek",
    key_kind: "a DeepSeek API key (sk-...; platform.deepseek.com, API keys); it reads the balance only",
    key_prefix: "sk-",
    default_base_url: DEFAULT_BASE_URL,
    counts_requests: true,
    prepaid: true,
    // No spend API: spend is imported from files.
    fetches_spend: false,
    spend_limit: super::info::SpendLimit::Not("DeepSeek is prepaid and has no spend limit: its balance is the limit"),
    price_list: Some("deepseek"),
    ..ProviderInfo::KEY_DEFAULTS
};

/// `GET /user/balance`.
#[derive(Debug, Deserialize)]
pub(crate) struct BalanceAnswer {
    #[serde(default)]
    pub balance_infos: Option<Vec<BalanceInfo>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct BalanceInfo {
    #[serde(default, deserialize_with = "crate::domain::lenient::opt_text")]
    pub currency: Option<String>,
    /// Granted plus topped up: what can be spent.
    #[serde(default)]
    pub total_balance: serde_json::Value,
}

/// The balance to show: the US-dollar one where DeepSeek reports both, else the one it has.
pub(crate) fn balance_of(answer: BalanceAnswer) -> Result<Option<(Money, Currency)>, String> {
    let mut found: Vec<(Money, Currency)> = Vec::new();
    for (i, b) in answer.balance_infos.unwrap_or_default().into_iter().enumerate() {
        let currency = Currency::parse(b.currency.as_deref().unwrap_or(""))
            .map_err(|e| format!("balance_infos[{i}].currency: {e}"))?;
        let amount = crate::domain::money::money_from_json(&b.total_balance)
            .map_err(|e| format!("balance_infos[{i}].total_balance: {e}"))?;
        found.push((amount, currency));
    }
    Ok(found.iter().find(|(_, c)| *c == Currency::USD).or(found.first()).copied())
}

/// One balance body (fuzzing uses this).
pub fn parse_balance(body: &str) -> Result<Option<(Money, Currency)>, String> {
    balance_of(serde_json::from_str(body).map_err(|e| e.to_string())?)
}

pub struct DeepSeek {
    http: Http,
}

impl Provider for DeepSeek {
    const INFO: ProviderInfo = INFO;

    fn auth_headers(credentials: &Credentials) -> reqwest::header::HeaderMap {
        super::bearer(credentials)
    }

    fn new(http: Http, _settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        DeepSeek { http }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    /// A key reads the balance: says it.
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        Ok(self.balance().await?.map(|(m, c)| format!("balance {}", c.format(m))))
    }

    async fn balance(&self) -> Result<Option<(Money, Currency)>, ProviderError> {
        let answer: BalanceAnswer = self.http.get_json(BALANCE, &[]).await?;
        balance_of(answer).map_err(|m| self.http.fail(BALANCE, FailureKind::Malformed, m))
    }

    async fn projects(&self) -> Result<Option<Vec<crate::domain::ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    /// Never called by a sync (`fetches_spend` is false): DeepSeek serves no spend.
    async fn fetch_days(&self, _range: DateRange) -> Result<DayBatch, ProviderError> {
        Err(self.http.fail(
            BALANCE,
            FailureKind::Unsupported,
            "DeepSeek has no spend API: import its spend with 'llmcost import --provider deepseek'",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dollar_balance_wins_and_strings_are_exact() {
        let both = r#"{"is_available": true, "balance_infos": [
            {"currency": "CNY", "total_balance": "110.00", "granted_balance": "10.00", "topped_up_balance": "100.00"},
            {"currency": "USD", "total_balance": "15.27", "granted_balance": "0.00", "topped_up_balance": "15.27"}]}"#;
        assert_eq!(parse_balance(both).unwrap().map(|(m, c)| (m.exact(), c)), Some(("15.27".into(), Currency::USD)));
        let cny = r#"{"is_available": true, "balance_infos": [{"currency": "CNY", "total_balance": "110.00"}]}"#;
        assert_eq!(parse_balance(cny).unwrap().map(|(_, c)| c), Some(Currency::parse("CNY").unwrap()));
        assert_eq!(parse_balance(r#"{"is_available": false, "balance_infos": []}"#).unwrap(), None);
        assert!(parse_balance(r#"{"balance_infos": [{"currency": "??", "total_balance": "1"}]}"#).is_err());
    }
}
