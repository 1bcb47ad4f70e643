//! A fake GitHub enhanced billing platform on 127.0.0.1, in the shape of GitHub's REST API
//! description (`GET /organizations/{org}/settings/billing/usage?year=&month=`, API version
//! 2022-11-28): every metered product's usage per day and SKU with gross, discount and net
//! amounts as JSON numbers (floats), premium requests with their model and the included ones
//! discounted to 0, Actions and Packages beside the AI products; errors as GitHub sends them
//! (`{"message", "documentation_url"}`: 401 bad credentials, 403 a token without the permission,
//! 404 an organization the token cannot see).

use std::str::FromStr;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// (day, product, sku, model, net amount as sent)
pub(crate) type Item = (NaiveDate, &'static str, &'static str, Option<&'static str>, &'static str);

pub(crate) struct Org {
    pub login: String,
    pub token: String,
    /// The fake's today: the report holds days up to it.
    pub today: NaiveDate,
    pub items: Vec<Item>,
}

/// September to December 2026: ten Copilot Business seats a day, premium requests past the
/// included ones (with their model), GitHub Models on even days, and Actions and Packages, which
/// are not AI spend.
pub(crate) fn sample_org(login: &str, token: &str) -> Org {
    let mut items = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    while day <= NaiveDate::from_ymd_opt(2026, 12, 31).unwrap() {
        items.push((day, "copilot", "Copilot Business", None, "6.333333"));
        items.push((day, "copilot", "Copilot Premium Request", Some("Claude Sonnet 4.5"), "0.48"));
        items.push((day, "copilot", "Copilot Premium Request", Some("GPT-5"), "0"));
        if day.day().is_multiple_of(2) {
            items.push((day, "models", "GitHub Models", Some("openai/gpt-4.1"), "0.125"));
        }
        items.push((day, "actions", "Actions Linux", None, "3.2"));
        items.push((day, "packages", "Packages storage", None, "0.01"));
        day = day + Days::new(1);
    }
    Org {
        login: login.to_string(),
        token: token.to_string(),
        today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        items,
    }
}

impl Org {
    /// The AI spend of [since, until] (Copilot, Models), as GitHub bills it.
    pub(crate) fn ai_billed(&self, since: NaiveDate, until: NaiveDate) -> Decimal {
        self.items
            .iter()
            .filter(|i| i.0 >= since && i.0 <= until && i.0 <= self.today && matches!(i.1, "copilot" | "models"))
            .map(|i| Decimal::from_str(i.4).unwrap())
            .sum()
    }
}

fn error(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(
        json!({"message": message, "documentation_url": "https://docs.github.com/rest", "status": status.to_string()}),
    )
}

struct Usage(Arc<Org>);

impl Respond for Usage {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let org = &self.0;
        let h = |n: &str| req.headers.get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        // GitHub takes `Bearer` (llmcost, GitHub's docs) and `token` (Octokit) alike.
        let auth = h("authorization");
        match auth.strip_prefix("Bearer ").or_else(|| auth.strip_prefix("token ")) {
            Some(t) if t == org.token => {}
            Some(t) if t.starts_with("github_pat_readonly") => {
                return error(403, "Resource not accessible by personal access token");
            }
            _ => return error(401, "Bad credentials"),
        }
        if !h("x-github-api-version").is_empty() && h("x-github-api-version") != "2022-11-28" {
            return error(400, "Unsupported 'X-GitHub-Api-Version' header value");
        }
        let login = req.url.path().trim_start_matches("/organizations/").split('/').next().unwrap_or("");
        if !login.eq_ignore_ascii_case(&org.login) {
            return error(404, "Not Found");
        }
        let q = |n: &str| req.url.query_pairs().find(|(k, _)| k == n).and_then(|(_, v)| v.parse::<u32>().ok());
        let year = q("year").map_or(org.today.year(), |y| y as i32);
        let month = q("month");
        let items: Vec<Value> = org
            .items
            .iter()
            .filter(|i| i.0 <= org.today && i.0.year() == year && month.is_none_or(|m| i.0.month() == m))
            .map(|(day, product, sku, model, net)| {
                let net: f64 = net.parse().unwrap();
                let mut item = json!({
                    "date": format!("{day}T00:00:00Z"), "product": product, "sku": sku,
                    "quantity": 1.0, "unitType": "units", "pricePerUnit": net,
                    "grossAmount": if net == 0.0 { 0.04 } else { net }, "discountAmount": if net == 0.0 { 0.04 } else { 0.0 },
                    "netAmount": net, "organizationName": org.login
                });
                if let Some(m) = model {
                    item["model"] = json!(m);
                }
                item
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({"usageItems": items}))
    }
}

pub(crate) struct FakeGitHub {
    pub server: MockServer,
}

impl FakeGitHub {
    pub(crate) async fn start(org: Org) -> FakeGitHub {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path_regex(r"^/organizations/[^/]+/settings/billing/usage$"))
            .respond_with(Usage(Arc::new(org)))
            .mount(&server)
            .await;
        FakeGitHub { server }
    }

    pub(crate) async fn requests(&self) -> usize {
        self.server.received_requests().await.unwrap_or_default().len()
    }
}
