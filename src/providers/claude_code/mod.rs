//! The Claude Code client: an Anthropic organization's Claude Code analytics
//! (`GET /v1/organizations/usage_report/claude_code`, an Admin key), one UTC day a request
//! (`starting_at`, 1,000 records a page): per person or API key, terminal and account type, the
//! sessions, lines, commits, pull requests, edits accepted and rejected, and per model the tokens
//! with Anthropic's **estimated** cost in cents. It is no bill: API-billed Claude Code is already in
//! Anthropic's cost report and subscription use is covered by seats, so the account is
//! `activity_only` and shown by `llmcost activity`, never added to a total.

pub(crate) mod api;

use futures_util::{StreamExt, TryStreamExt};
use rust_decimal::Decimal;

use super::http::{FailureKind, Http, ProviderError};
use super::info::ProviderInfo;
use super::{Credentials, DayBatch, Provider};
use crate::domain::day::day_from_json;
use crate::domain::{ActivityModel, ActivityRecord, ActorKind, Currency, DateRange, Money, ProjectInfo, Work};

pub(crate) const PATH: &str = "/v1/organizations/usage_report/claude_code";
/// Records a page: the API's maximum.
const PAGE_SIZE: &str = "1000";
/// Days asked at once.
const AT_ONCE: usize = 4;

const INFO: ProviderInfo = ProviderInfo {
    id: "claude-code",
    display: "Claude Code",
    key_kind: "an Anthropic Admin API key (sk-ant-admin01-...; console.anthropic.com, Settings, Admin keys): the \
               same key as for the anthropic provider",
    key_prefix: "sk-ant-admin",
    secret_name: "admin key",
    default_base_url: super::anthropic::DEFAULT_BASE_URL,
    default_project_label: "Organization",
    activity_only: true,
    spend_limit: super::info::SpendLimit::Not(
        "Claude Code's analytics are estimates inside Anthropic's bill: limit the anthropic workspace instead",
    ),
    wrong_keys: &[(
        "sk-ant-api03-",
        "a workspace API key; create an Admin key at console.anthropic.com, Settings, Admin keys",
    )],
    ..ProviderInfo::KEY_DEFAULTS
};

pub struct ClaudeCode {
    http: Http,
}

/// Minor units of `currency` (cents of USD), exactly, in the currency's major unit.
fn major_units(amount: &serde_json::Value, currency: Currency) -> Result<Money, String> {
    let text = match amount {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Null => return Ok(Money::ZERO),
        other => return Err(format!("estimated_cost.amount {other} is not a number")),
    };
    let minor =
        crate::domain::money::parse_decimal(&text).map_err(|e| format!("estimated_cost.amount {text:?}: {e}"))?;
    if minor.is_sign_negative() {
        return Err(format!("estimated_cost.amount {text} is negative"));
    }
    let scale = Decimal::from(10u64.pow(currency.places()));
    Ok(Money::from_decimal(minor.checked_div(scale).unwrap_or(Decimal::ZERO).normalize()))
}

/// The records of one day's pages, each checked to be of `day` (a record of another day would be
/// filed under a day that was not asked).
pub(crate) fn records(day: chrono::NaiveDate, pages: Vec<api::Page>) -> Result<Vec<ActivityRecord>, String> {
    let mut out = Vec::new();
    for (p, page) in pages.into_iter().enumerate() {
        for (i, r) in page.data.into_iter().enumerate() {
            let at = format!("page {}, data[{i}]", p + 1);
            let said = day_from_json(&r.date).map_err(|e| format!("{at}.date: {e}"))?;
            if said != day {
                return Err(format!("{at}.date is {said}, but the report of {day} was asked for"));
            }
            let (actor, actor_kind) = match (r.actor.kind.as_deref(), r.actor.email_address, r.actor.api_key_name) {
                (Some("user_actor"), Some(email), _) => (email, ActorKind::User),
                (Some("api_actor"), _, Some(name)) => (name, ActorKind::ApiKey),
                (kind, _, _) => {
                    return Err(format!(
                        "{at}.actor: {} without its name",
                        kind.map_or_else(|| "no type".to_string(), |k| format!("type {k:?}"))
                    ));
                }
            };
            let mut models = Vec::new();
            for (m, b) in r.model_breakdown.into_iter().enumerate() {
                let (estimated, currency) = match b.estimated_cost {
                    Some(cost) => {
                        let currency = Currency::parse(cost.currency.as_deref().unwrap_or("USD"))
                            .map_err(|e| format!("{at}.model_breakdown[{m}].estimated_cost.currency: {e}"))?;
                        let amount = major_units(&cost.amount, currency)
                            .map_err(|e| format!("{at}.model_breakdown[{m}]: {e}"))?;
                        (amount, currency)
                    }
                    None => (Money::ZERO, Currency::USD),
                };
                models.push(ActivityModel {
                    model: b.model.filter(|m| !m.is_empty()).unwrap_or_else(|| "(unattributed)".to_string()),
                    input_tokens: b.tokens.input,
                    output_tokens: b.tokens.output,
                    cache_read_tokens: b.tokens.cache_read,
                    cache_creation_tokens: b.tokens.cache_creation,
                    estimated,
                    currency,
                });
            }
            let (accepted, rejected) = r
                .tool_actions
                .values()
                .fold((0u64, 0u64), |(a, j), t| (a.saturating_add(t.accepted), j.saturating_add(t.rejected)));
            out.push(ActivityRecord {
                day,
                actor,
                actor_kind,
                customer_type: r.customer_type.unwrap_or_default(),
                subscription_type: r.subscription_type.unwrap_or_default(),
                terminal: r.terminal_type.unwrap_or_default(),
                work: Work {
                    sessions: r.core_metrics.num_sessions,
                    lines_added: r.core_metrics.lines_of_code.added,
                    lines_removed: r.core_metrics.lines_of_code.removed,
                    commits: r.core_metrics.commits_by_claude_code,
                    pull_requests: r.core_metrics.pull_requests_by_claude_code,
                    edits_accepted: accepted,
                    edits_rejected: rejected,
                },
                models,
            });
        }
    }
    Ok(out)
}

/// One report page's body of `day` (`YYYY-MM-DD`) to records (fuzzing uses this).
pub fn parse_page(day: &str, body: &str) -> Result<Vec<ActivityRecord>, String> {
    let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|e| e.to_string())?;
    records(day, vec![serde_json::from_str(body).map_err(|e| e.to_string())?])
}

impl Provider for ClaudeCode {
    const INFO: ProviderInfo = INFO;

    fn auth_headers(credentials: &Credentials) -> reqwest::header::HeaderMap {
        let Some(key) = credentials.key() else { return reqwest::header::HeaderMap::new() };
        let mut headers = super::sensitive_header("x-api-key", key.expose());
        headers.extend(super::sensitive_header("anthropic-version", super::anthropic::API_VERSION));
        headers
    }

    fn new(http: Http, _settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        ClaudeCode { http }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    /// One record of today's report: the key reads Claude Code's analytics.
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
        let _: api::Page = self.http.get_json(PATH, &[("starting_at", today), ("limit", "1".to_string())]).await?;
        Ok(None)
    }

    async fn projects(&self) -> Result<Option<Vec<ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    /// Each day of the range is its own report, asked a few at a time.
    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let days: Vec<Vec<ActivityRecord>> = futures_util::stream::iter(range.days())
            .map(|day| async move {
                let q = [("starting_at", day.format("%Y-%m-%d").to_string()), ("limit", PAGE_SIZE.to_string())];
                let pages: Vec<api::Page> = self.http.pages(PATH, &q, "page").await?;
                records(day, pages).map_err(|m| self.http.fail(PATH, FailureKind::Malformed, m))
            })
            .buffered(AT_ONCE)
            .try_collect()
            .await?;
        Ok(DayBatch { activity: days.into_iter().flatten().collect(), ..DayBatch::default() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn page(json: &str) -> api::Page {
        serde_json::from_str(json).unwrap()
    }

    /// The example of Anthropic's API reference, whose `date` is an RFC 3339 midnight although
    /// the field is documented as `YYYY-MM-DD`.
    const REFERENCE: &str = r#"{"data":[{"actor":{"email_address":"user@example.com","type":"user_actor"},
        "core_metrics":{"commits_by_claude_code":8,"lines_of_code":{"added":342,"removed":128},
        "num_sessions":15,"pull_requests_by_claude_code":2},"customer_type":"api","date":"2025-08-08T00:00:00Z",
        "model_breakdown":[{"estimated_cost":{"amount":186,"currency":"USD"},"model":"claude-sonnet-4-20250514",
        "tokens":{"cache_creation":2340,"cache_read":8790,"input":45230,"output":12450}},
        {"estimated_cost":{"amount":42,"currency":"USD"},"model":"claude-3-5-haiku-20241022",
        "tokens":{"cache_creation":890,"cache_read":3420,"input":23100,"output":5680}}],
        "organization_id":"12345678-1234-5678-1234-567812345678","terminal_type":"iTerm.app",
        "tool_actions":{"edit_tool":{"accepted":25,"rejected":3},"multi_edit_tool":{"accepted":12,"rejected":1},
        "notebook_edit_tool":{"accepted":5,"rejected":2},"write_tool":{"accepted":8,"rejected":0}},
        "subscription_type":"enterprise"}],"has_more":false,"next_page":null}"#;

    #[test]
    fn reads_the_reference_example() {
        let r = records(d("2025-08-08"), vec![page(REFERENCE)]).unwrap();
        assert_eq!(r.len(), 1);
        let r = &r[0];
        assert_eq!((r.actor.as_str(), r.actor_kind), ("user@example.com", ActorKind::User));
        let w = r.work;
        assert_eq!((w.sessions, w.lines_added, w.lines_removed, w.commits, w.pull_requests), (15, 342, 128, 8, 2));
        assert_eq!((w.edits_accepted, w.edits_rejected), (50, 6));
        assert_eq!(r.terminal, "iTerm.app");
        assert_eq!(r.models[0].estimated.exact(), "1.86");
        assert_eq!(r.models[1].estimated.exact(), "0.42");
        assert_eq!(r.models[0].cache_read_tokens, 8790);
    }

    #[test]
    fn cents_as_text_or_fractions_stay_exact() {
        let json = r#"{"data":[{"date":"2026-11-02","actor":{"type":"api_actor","api_key_name":"ci"},
            "model_breakdown":[{"model":"claude-opus-4-1","tokens":{"input":"10"},
            "estimated_cost":{"amount":"1234.5678","currency":"USD"}}]}]}"#;
        let r = records(d("2026-11-02"), vec![page(json)]).unwrap();
        assert_eq!((r[0].actor.as_str(), r[0].actor_kind), ("ci", ActorKind::ApiKey));
        assert_eq!(r[0].models[0].estimated.exact(), "12.345678");
        assert_eq!(r[0].models[0].input_tokens, 10);
    }

    #[test]
    fn refuses_what_it_cannot_file() {
        let other_day = REFERENCE.replace("2025-08-08T00:00:00Z", "2025-08-09");
        assert!(records(d("2025-08-08"), vec![page(&other_day)]).unwrap_err().contains("2025-08-09"));
        let nameless = r#"{"data":[{"date":"2025-08-08","actor":{"type":"user_actor"}}]}"#;
        assert!(records(d("2025-08-08"), vec![page(nameless)]).unwrap_err().contains("without its name"));
        let negative = REFERENCE.replace("\"amount\":186", "\"amount\":-1");
        assert!(records(d("2025-08-08"), vec![page(&negative)]).unwrap_err().contains("negative"));
    }
}
