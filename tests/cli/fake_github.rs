//! A fake GitHub enhanced billing platform on 127.0.0.1, in the shape of GitHub's REST API
//! description (`GET /organizations/{org}/settings/billing/usage?year=&month=`, API version
//! 2022-11-28): every metered product's usage per day and SKU with gross, discount and net
//! amounts as JSON numbers (floats), premium requests with their model and the included ones
//! discounted to 0, Actions and Packages beside the AI products; errors as GitHub sends them
//! (`{"message", "documentation_url"}`: 401 bad credentials, 403 a token without the permission,
//! 404 an organization the token cannot see). Copilot's seats (`GET /orgs/{org}/copilot/billing/seats`,
//! `page`/`per_page`) and each seat holder's premium request report
//! (`GET /organizations/{org}/settings/billing/premium_request/usage?year=&month=&day=&user=`, one
//! period summed per model, no grouping by user) add up to the organization's premium requests.

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
    /// The premium request report answers GitHub's primary rate limit (403, `x-ratelimit-remaining:
    /// 0`) to this many requests first, the limit resetting `reset_in` seconds later.
    pub limited_first: usize,
    pub reset_in: u64,
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
        limited_first: 0,
        reset_in: 1,
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

/// Each seat holder's part of a day's Claude Sonnet 4.5 premium requests (the organization's
/// $0.48 a day: 12 requests billed at $0.04), and GPT-5 requests within the included ones ($0).
/// `mona` stays within her allowance.
pub(crate) const PEOPLE: [(&str, &str, u32, u32); 3] =
    [("octocat", "0.32", 8, 0), ("hubot", "0.16", 4, 2), ("mona", "0", 0, 5)];

/// The token that may write budgets (`LLMCOST_WRITE_KEY_GITHUB_*`); the read token gets 403.
pub(crate) const WRITE: &str = "github_pat_11AAAAAA0write0123456789";

/// The organization's budgets as GitHub keeps them, and every write received (method, path).
#[derive(Default)]
pub(crate) struct Budgets {
    pub list: Vec<Value>,
    pub writes: Vec<(String, String)>,
    next_id: u32,
}

struct BudgetApi {
    org: Arc<Org>,
    state: Arc<std::sync::Mutex<Budgets>>,
}

impl Respond for BudgetApi {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let auth = req.headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let token = auth.strip_prefix("Bearer ").or_else(|| auth.strip_prefix("token ")).unwrap_or("");
        let write = req.method.as_str() != "GET";
        match token {
            WRITE => {}
            t if t == self.org.token && !write => {}
            t if t == self.org.token => return error(403, "Resource not accessible by personal access token"),
            _ => return error(401, "Bad credentials"),
        }
        let mut state = self.state.lock().unwrap();
        let id = req.url.path().rsplit_once("/budgets/").map(|(_, id)| id.to_string());
        if write {
            state.writes.push((req.method.to_string(), req.url.path().to_string()));
        }
        let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        match (req.method.as_str(), id) {
            ("GET", None) => {
                let scope = req.url.query_pairs().find(|(k, _)| k == "scope").map(|(_, v)| v.to_string());
                let budgets: Vec<Value> = state
                    .list
                    .iter()
                    .filter(|b| scope.as_deref().is_none_or(|s| b["budget_scope"] == s))
                    .cloned()
                    .collect();
                ResponseTemplate::new(200)
                    .set_body_json(json!({"budgets": budgets, "has_next_page": false, "total_count": state.list.len()}))
            }
            ("POST", None) => {
                if !body["budget_amount"].is_u64() || body["budget_product_sku"].as_str().is_none() {
                    return error(422, "Validation Failed");
                }
                state.next_id += 1;
                let mut budget = body.clone();
                budget["id"] = json!(format!("2066deda-923f-43f9-88d2-{:012}", state.next_id));
                state.list.push(budget.clone());
                ResponseTemplate::new(200)
                    .set_body_json(json!({"message": "Budget successfully created.", "budget": budget}))
            }
            ("PATCH", Some(id)) => {
                let Some(budget) = state.list.iter_mut().find(|b| b["id"] == id.as_str()) else {
                    return error(404, "Budget not found or feature not enabled");
                };
                for (k, v) in body.as_object().cloned().unwrap_or_default() {
                    budget[k.as_str()] = v;
                }
                let budget = budget.clone();
                ResponseTemplate::new(200)
                    .set_body_json(json!({"message": "Budget successfully updated.", "budget": budget}))
            }
            ("DELETE", Some(id)) => {
                let before = state.list.len();
                state.list.retain(|b| b["id"] != id.as_str());
                if state.list.len() == before {
                    return error(404, "Budget not found or feature not enabled");
                }
                ResponseTemplate::new(200).set_body_json(json!({"message": "Budget successfully deleted.", "id": id}))
            }
            _ => error(404, "Not Found"),
        }
    }
}

/// A token that reads the billing report but may not list Copilot's seats.
pub(crate) const BILLING_ONLY: &str = "github_pat_billingonly_0123456789";

fn authorized(org: &Org, req: &Request) -> Result<bool, Box<ResponseTemplate>> {
    let auth = req.headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    match auth.strip_prefix("Bearer ").or_else(|| auth.strip_prefix("token ")) {
        Some(t) if t == org.token => Ok(true),
        Some(BILLING_ONLY) => Ok(false),
        Some(t) if t.starts_with("github_pat_readonly") => {
            Err(Box::new(error(403, "Resource not accessible by personal access token")))
        }
        _ => Err(Box::new(error(401, "Bad credentials"))),
    }
}

struct Seats(Arc<Org>);

impl Respond for Seats {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        match authorized(&self.0, req) {
            Ok(true) => {}
            Ok(false) => return error(403, "Resource not accessible by personal access token"),
            Err(e) => return *e,
        }
        let q = |n: &str| req.url.query_pairs().find(|(k, _)| k == n).and_then(|(_, v)| v.parse::<usize>().ok());
        let (page, per_page) = (q("page").unwrap_or(1).max(1), q("per_page").unwrap_or(50).clamp(1, 100));
        let seats: Vec<Value> = PEOPLE
            .iter()
            .enumerate()
            .skip((page - 1) * per_page)
            .take(per_page)
            .map(|(i, (login, ..))| {
                json!({"created_at": "2026-01-05T10:00:00Z", "pending_cancellation_date": null, "plan_type": "business",
                       "last_activity_at": "2026-11-21T18:00:00Z", "last_activity_editor": "vscode/1.99.0/copilot/1.300.0",
                       "assignee": {"login": login, "id": 1000 + i, "type": "User"}})
            })
            .collect();
        let response = ResponseTemplate::new(200).set_body_json(json!({"total_seats": PEOPLE.len(), "seats": seats}));
        // GitHub says where the next page is in a Link header, as Octokit's paginate follows it.
        if page * per_page < PEOPLE.len() {
            let host = req.headers.get("host").and_then(|v| v.to_str().ok()).unwrap_or("127.0.0.1");
            let next = format!("http://{host}{}?per_page={per_page}&page={}", req.url.path(), page + 1);
            return response.insert_header("link", format!("<{next}>; rel=\"next\"").as_str());
        }
        response
    }
}

struct Premium(Arc<Org>, std::sync::atomic::AtomicUsize);

/// GitHub's answer to a token whose primary rate limit is spent, headers and body as its REST
/// documentation gives them.
fn rate_limited(reset_in: u64) -> ResponseTemplate {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    ResponseTemplate::new(403)
        .insert_header("x-ratelimit-limit", "5000")
        .insert_header("x-ratelimit-remaining", "0")
        .insert_header("x-ratelimit-used", "5000")
        .insert_header("x-ratelimit-resource", "core")
        .insert_header("x-ratelimit-reset", (now + reset_in).to_string().as_str())
        .set_body_json(json!({"message": "API rate limit exceeded for user ID 1.",
            "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api", "status": "403"}))
}

impl Respond for Premium {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let org = &self.0;
        if let Err(e) = authorized(org, req) {
            return *e;
        }
        if self.1.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < org.limited_first {
            return rate_limited(org.reset_in);
        }
        let q = |n: &str| req.url.query_pairs().find(|(k, _)| k == n).map(|(_, v)| v.to_string());
        let num = |n: &str| q(n).and_then(|v| v.parse::<u32>().ok());
        let (Some(year), Some(month)) = (num("year"), num("month")) else {
            return error(400, "year and month are required here");
        };
        let Some(user) = q("user") else { return error(400, "this fake answers per user only") };
        let Some((_, net, billed, included)) = PEOPLE.iter().find(|p| p.0 == user) else {
            return ResponseTemplate::new(200).set_body_json(json!({"timePeriod": {"year": year, "month": month},
                "organization": org.login, "user": user, "usageItems": []}));
        };
        let days = (1..=31u32)
            .filter_map(|d| NaiveDate::from_ymd_opt(year as i32, month, d))
            .filter(|d| *d <= org.today && num("day").is_none_or(|day| d.day() == day))
            .count() as u32;
        let net = Decimal::from_str(net).unwrap() * Decimal::from(days);
        let mut items = Vec::new();
        if days > 0 && (*billed > 0 || !net.is_zero()) {
            let gross = billed * days;
            items.push(json!({"product": "Copilot", "sku": "Copilot Premium Request", "model": "Claude Sonnet 4.5",
                "unitType": "requests", "pricePerUnit": 0.04, "grossQuantity": gross, "grossAmount": f64::from(gross) * 0.04,
                "discountQuantity": 0, "discountAmount": 0.0, "netQuantity": gross, "netAmount": net.to_string().parse::<f64>().unwrap()}));
        }
        if days > 0 && *included > 0 {
            let gross = included * days;
            items.push(json!({"product": "Copilot", "sku": "Copilot Premium Request", "model": "GPT-5",
                "unitType": "requests", "pricePerUnit": 0.04, "grossQuantity": gross, "grossAmount": f64::from(gross) * 0.04,
                "discountQuantity": gross, "discountAmount": f64::from(gross) * 0.04, "netQuantity": 0, "netAmount": 0.0}));
        }
        let mut period = json!({"year": year, "month": month});
        if let Some(day) = num("day") {
            period["day"] = json!(day);
        }
        ResponseTemplate::new(200)
            .set_body_json(json!({"timePeriod": period, "organization": org.login, "user": user, "usageItems": items}))
    }
}

struct Usage(Arc<Org>);

impl Respond for Usage {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let org = &self.0;
        let h = |n: &str| req.headers.get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        // GitHub takes `Bearer` (llmcost, GitHub's docs) and `token` (Octokit) alike.
        if let Err(e) = authorized(org, req) {
            return *e;
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
    pub budgets: Arc<std::sync::Mutex<Budgets>>,
}

impl FakeGitHub {
    pub(crate) async fn start(org: Org) -> FakeGitHub {
        let server = MockServer::start().await;
        let org = Arc::new(org);
        Mock::given(method("GET"))
            .and(path_regex(r"^/organizations/[^/]+/settings/billing/usage$"))
            .respond_with(Usage(org.clone()))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path_regex(r"^/organizations/[^/]+/settings/billing/premium_request/usage$"))
            .respond_with(Premium(org.clone(), Default::default()))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path_regex(r"^/orgs/[^/]+/copilot/billing/seats$"))
            .respond_with(Seats(org.clone()))
            .mount(&server)
            .await;
        let budgets = Arc::new(std::sync::Mutex::new(Budgets::default()));
        Mock::given(path_regex(r"^/organizations/[^/]+/settings/billing/budgets(/[^/]+)?$"))
            .respond_with(BudgetApi { org, state: budgets.clone() })
            .mount(&server)
            .await;
        FakeGitHub { server, budgets }
    }

    /// Requests to paths ending with `suffix`.
    pub(crate) async fn requests_to(&self, suffix: &str) -> usize {
        self.server
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .filter(|r| r.url.path().ends_with(suffix))
            .count()
    }
}
