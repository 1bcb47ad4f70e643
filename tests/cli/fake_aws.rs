//! A fake AWS Cost Explorer on 127.0.0.1 that speaks the real protocol: JSON 1.1 POSTs to `/`
//! with `X-Amz-Target`, SigV4 signatures verified (this file's own implementation, independent
//! of llmcost's), errors as `{"__type": ..., "Message": ...}`, throttling as HTTP 400
//! `LimitExceededException`, `NextPageToken` pagination that may end inside a day, and a dataset
//! with non-Bedrock services, Marketplace models and non-Usage record types to leave out.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{Days, NaiveDate, NaiveDateTime, Utc};
use ring::{digest, hmac};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub(crate) const ACCESS_KEY: &str = "AKIAFAKE0000EXAMPLE1";
pub(crate) const SECRET_KEY: &str = "fakeSecretKey/0123456789abcdefghijklmnopq";

/// One line of the bill.
#[derive(Clone)]
pub(crate) struct Row {
    pub day: NaiveDate,
    pub service: &'static str,
    pub account: &'static str,
    pub usage_type: &'static str,
    pub amount: &'static str,
    pub record_type: &'static str,
    pub tag: &'static str,
}

pub(crate) struct Bill {
    pub rows: Vec<Row>,
    /// Groups per page (pages end inside days).
    pub page_size: usize,
    /// Throttle the first N requests with LimitExceededException.
    pub throttle_first: usize,
}

fn row(day: NaiveDate, service: &'static str, account: &'static str, usage: &'static str, amount: &'static str) -> Row {
    Row { day, service, account, usage_type: usage, amount, record_type: "Usage", tag: "" }
}

pub(crate) fn sample_bill() -> Bill {
    let mut rows = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    while day <= NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
        let claude = "Claude Sonnet 4.5 (Amazon Bedrock Edition)";
        rows.push(Row {
            tag: "tutor",
            ..row(day, claude, "111111111111", "USE1-MP:USE1_InputTokenCount-Units", "1.2345678")
        });
        rows.push(Row {
            tag: "tutor",
            ..row(day, claude, "111111111111", "USE1-MP:USE1_OutputTokenCount-Units", "3.75")
        });
        rows.push(row(day, claude, "222222222222", "USE1-MP:USE1_InputTokenCount-Units", "0.5"));
        // Cross-region inference bills the same model in another region's usage type.
        rows.push(Row {
            tag: "tutor",
            ..row(day, claude, "111111111111", "USW2-MP:USW2_InputTokenCount-Units", "0.0375")
        });
        // A second Claude model on the same account and tag: Marketplace usage types are generic,
        // so its usage types are Sonnet's own (the collision real accounts hit).
        let opus = "Claude Opus 4.1 (Amazon Bedrock Edition)";
        rows.push(Row { tag: "tutor", ..row(day, opus, "111111111111", "USE1-MP:USE1_InputTokenCount-Units", "0.75") });
        rows.push(Row {
            tag: "tutor",
            ..row(day, opus, "111111111111", "USE1-MP:USE1_OutputTokenCount-Units", "1.5E-1")
        });
        rows.push(Row {
            tag: "search",
            ..row(day, "Amazon Bedrock", "111111111111", "USE1-Nova-Lite-input-tokens", "0.012")
        });
        rows.push(row(day, "Amazon Bedrock", "222222222222", "USE1-Nova-Lite-output-tokens", "0.0480000000"));
        rows.push(row(
            day,
            "Llama 4 Maverick (Amazon Bedrock Edition)",
            "222222222222",
            "USW2-MP:USW2_output_tokens_standard-Units",
            "2.5E-2",
        ));
        // Not Bedrock: never counted.
        rows.push(row(day, "Amazon Elastic Compute Cloud - Compute", "111111111111", "BoxUsage:m5.large", "9.6"));
        rows.push(row(day, "Amazon Simple Storage Service", "222222222222", "TimedStorage-ByteHrs", "1.1"));
        // Not usage: credits and tax are not model spend.
        rows.push(Row {
            record_type: "Credit",
            ..row(day, claude, "111111111111", "USE1-MP:USE1_InputTokenCount-Units", "-1.0")
        });
        rows.push(Row { record_type: "Tax", ..row(day, "Amazon Bedrock", "111111111111", "Tax", "0.4") });
        day = day + Days::new(1);
    }
    Bill { rows, page_size: 7, throttle_first: 0 }
}

impl Bill {
    /// Bedrock usage billed in [since, until], as Cost Explorer totals it.
    pub(crate) fn bedrock(&self, since: &str, until: &str) -> Decimal {
        let (s, u) = (day(since), day(until));
        self.rows
            .iter()
            .filter(|r| r.day >= s && r.day <= u && r.record_type == "Usage")
            .filter(|r| r.service == "Amazon Bedrock" || r.service.ends_with(" (Amazon Bedrock Edition)"))
            .map(|r| Decimal::from_scientific(r.amount).or_else(|_| r.amount.parse()).unwrap())
            .sum()
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn aws_error(status: u16, kind: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(
        json!({"__type": kind, "Message": message}).to_string().into_bytes(),
        "application/x-amz-json-1.1",
    )
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, key), data).as_ref().to_vec()
}

/// Verifies a SigV4 `Authorization` header the way AWS does; `Err` is the AWS error to answer.
pub(crate) fn verify_sigv4(req: &Request) -> Result<(), (&'static str, String)> {
    let header = |n: &str| req.headers.get(n).and_then(|v| v.to_str().ok()).map(str::to_string);
    let auth = header("authorization")
        .ok_or(("MissingAuthenticationTokenException", "Missing Authentication Token".into()))?;
    let rest =
        auth.strip_prefix("AWS4-HMAC-SHA256 ").ok_or(("IncompleteSignatureException", "bad algorithm".into()))?;
    let mut parts: BTreeMap<&str, &str> = BTreeMap::new();
    for p in rest.split(", ") {
        if let Some((k, v)) = p.split_once('=') {
            parts.insert(k, v);
        }
    }
    let credential = parts.get("Credential").ok_or(("IncompleteSignatureException", "no Credential".into()))?;
    let signed = parts.get("SignedHeaders").ok_or(("IncompleteSignatureException", "no SignedHeaders".into()))?;
    let signature = parts.get("Signature").ok_or(("IncompleteSignatureException", "no Signature".into()))?;
    let scope: Vec<&str> = credential.split('/').collect();
    let [key_id, date, region, service, "aws4_request"] = scope.as_slice() else {
        return Err(("IncompleteSignatureException", format!("bad scope {credential}")));
    };
    if *key_id != ACCESS_KEY {
        return Err(("UnrecognizedClientException", "The security token included in the request is invalid.".into()));
    }
    if *region != "us-east-1" || *service != "ce" {
        return Err((
            "InvalidSignatureException",
            format!("Credential should be scoped to a valid region and service ce, not {region}/{service}"),
        ));
    }
    let amz_date = header("x-amz-date").ok_or(("IncompleteSignatureException", "no X-Amz-Date".into()))?;
    let at = NaiveDateTime::parse_from_str(&amz_date, "%Y%m%dT%H%M%SZ")
        .map_err(|_| ("IncompleteSignatureException", "bad X-Amz-Date".to_string()))?
        .and_utc();
    if (Utc::now() - at).num_minutes().abs() > 15 || !amz_date.starts_with(date) {
        return Err(("InvalidSignatureException", "Signature expired (the real clock must sign)".into()));
    }
    let names: Vec<&str> = signed.split(';').collect();
    for must in ["host", "x-amz-date"] {
        if !names.contains(&must) {
            return Err(("InvalidSignatureException", format!("{must} must be signed")));
        }
    }
    let mut canonical_headers = String::new();
    for n in &names {
        let value = if *n == "host" {
            header("host").unwrap_or_default()
        } else {
            header(n).ok_or(("InvalidSignatureException", format!("signed header {n} missing")))?
        };
        canonical_headers.push_str(&format!("{n}:{}\n", value.trim()));
    }
    let body_hash = hex(digest::digest(&digest::SHA256, &req.body).as_ref());
    let canonical = format!(
        "{}\n{}\n{}\n{canonical_headers}\n{signed}\n{body_hash}",
        req.method,
        req.url.path(),
        req.url.query().unwrap_or("")
    );
    let sts = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{date}/{region}/{service}/aws4_request\n{}",
        hex(digest::digest(&digest::SHA256, canonical.as_bytes()).as_ref())
    );
    let mut k = hmac_sha256(format!("AWS4{SECRET_KEY}").as_bytes(), date.as_bytes());
    for part in [*region, *service, "aws4_request"] {
        k = hmac_sha256(&k, part.as_bytes());
    }
    if hex(&hmac_sha256(&k, sts.as_bytes())) != *signature {
        return Err((
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided.".into(),
        ));
    }
    Ok(())
}

struct CostExplorer {
    bill: Arc<Bill>,
    hits: Arc<AtomicUsize>,
    targets: Arc<Mutex<Vec<String>>>,
}

fn period(body: &Value) -> Option<(NaiveDate, NaiveDate)> {
    let p = &body["TimePeriod"];
    Some((day(p["Start"].as_str()?), day(p["End"].as_str()?)))
}

impl Respond for CostExplorer {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let n = self.hits.fetch_add(1, Ordering::SeqCst);
        if let Err((kind, message)) = verify_sigv4(req) {
            let status = if kind == "UnrecognizedClientException" || kind == "MissingAuthenticationTokenException" {
                403
            } else {
                400
            };
            return aws_error(status, &format!("com.amazon.coral.service#{kind}"), &message);
        }
        let ct = req.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
        if ct != "application/x-amz-json-1.1" {
            return aws_error(400, "com.amazon.coral.service#SerializationException", "bad content type");
        }
        if n < self.bill.throttle_first {
            return aws_error(400, "com.amazon.ce#LimitExceededException", "Rate exceeded");
        }
        let target = req.headers.get("x-amz-target").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        self.targets.lock().unwrap().push(target.clone());
        let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
            return aws_error(400, "com.amazon.coral.service#SerializationException", "not JSON");
        };
        let Some((start, end)) = period(&body) else {
            return aws_error(400, "com.amazon.ce#ValidationException", "TimePeriod is required");
        };
        let in_period = |r: &&Row| r.day >= start && r.day < end;
        match target.as_str() {
            "AWSInsightsIndexService.GetDimensionValues" => {
                let search = body["SearchString"].as_str().unwrap_or("").to_lowercase();
                let mut values: Vec<&str> = self.bill.rows.iter().filter(in_period).map(|r| r.service).collect();
                values.sort();
                values.dedup();
                let values: Vec<Value> = values
                    .into_iter()
                    .filter(|v| v.to_lowercase().contains(&search))
                    .map(|v| json!({"Value": v, "Attributes": {}}))
                    .collect();
                ResponseTemplate::new(200).set_body_raw(
                    json!({"DimensionValues": values, "ReturnSize": values.len(), "TotalSize": values.len()})
                        .to_string()
                        .into_bytes(),
                    "application/x-amz-json-1.1",
                )
            }
            "AWSInsightsIndexService.GetCostAndUsage" => self.cost_and_usage(&body, start, end),
            other => aws_error(400, "com.amazon.coral.service#UnknownOperationException", other),
        }
    }
}

impl CostExplorer {
    fn cost_and_usage(&self, body: &Value, start: NaiveDate, end: NaiveDate) -> ResponseTemplate {
        let filters = body["Filter"]["And"].as_array().cloned().unwrap_or_default();
        let values_of = |key: &str| -> Vec<String> {
            filters
                .iter()
                .filter(|f| f["Dimensions"]["Key"] == key)
                .flat_map(|f| f["Dimensions"]["Values"].as_array().cloned().unwrap_or_default())
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        };
        let (services, record_types) = (values_of("SERVICE"), values_of("RECORD_TYPE"));
        let groups = body["GroupBy"].as_array().cloned().unwrap_or_default();
        if groups.len() > 2 {
            return aws_error(400, "com.amazon.ce#ValidationException", "at most 2 GroupBy");
        }
        let tag = groups.iter().find(|g| g["Type"] == "TAG").and_then(|g| g["Key"].as_str()).map(String::from);
        // Every (day, group) in order; a page holds `page_size` groups.
        let mut flat: Vec<(NaiveDate, [String; 2], Decimal)> = Vec::new();
        let mut d = start;
        while d < end {
            let mut by_key: BTreeMap<[String; 2], Decimal> = BTreeMap::new();
            for r in self.bill.rows.iter().filter(|r| r.day == d) {
                if (!services.is_empty() && !services.iter().any(|s| s == r.service))
                    || (!record_types.is_empty() && !record_types.iter().any(|t| t == r.record_type))
                {
                    continue;
                }
                let first = match &tag {
                    Some(t) => format!("{t}${}", r.tag),
                    None => r.account.to_string(),
                };
                let amount = Decimal::from_scientific(r.amount).or_else(|_| r.amount.parse()).unwrap();
                *by_key.entry([first, r.usage_type.to_string()]).or_default() += amount;
            }
            flat.extend(by_key.into_iter().map(|(k, v)| (d, k, v)));
            d = d + Days::new(1);
        }
        let from: usize = body["NextPageToken"]
            .as_str()
            .and_then(|t| t.strip_prefix("page-"))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let to = (from + self.bill.page_size).min(flat.len());
        let slice = &flat[from.min(flat.len())..to];
        let mut results: Vec<Value> = Vec::new();
        let mut last: Option<NaiveDate> = None;
        for (d, keys, amount) in slice {
            if last != Some(*d) {
                // Real answers sometimes fill `Total` beside the groups (the day's sum of what was
                // asked); llmcost reads the groups only, so the total is never counted twice.
                let day_total: Decimal = slice.iter().filter(|(x, _, _)| x == d).map(|(_, _, a)| *a).sum();
                results.push(json!({"TimePeriod": {"Start": d.to_string(), "End": (*d + Days::new(1)).to_string()}, "Total": {"UnblendedCost": {"Amount": day_total.normalize().to_string(), "Unit": "USD"}}, "Groups": [], "Estimated": d.month0() == 10}));
                last = Some(*d);
            }
            let amount_text = amount.normalize().to_string();
            results.last_mut().unwrap()["Groups"].as_array_mut().unwrap().push(json!({
                "Keys": keys,
                // Real answers carry every metric asked for; a quantity beside the cost is ignored.
                "Metrics": {"UnblendedCost": {"Amount": amount_text, "Unit": "USD"}, "UsageQuantity": {"Amount": "1234.0", "Unit": "N/A"}}
            }));
        }
        let mut answer = json!({
            "GroupDefinitions": groups,
            "ResultsByTime": results,
            "DimensionValueAttributes": if tag.is_none() {
                json!([{"Value": "111111111111", "Attributes": {"description": "edu-prod"}}, {"Value": "222222222222", "Attributes": {"description": "edu-research"}}])
            } else { json!([]) },
        });
        if to < flat.len() {
            answer["NextPageToken"] = json!(format!("page-{to}"));
        }
        ResponseTemplate::new(200).set_body_raw(answer.to_string().into_bytes(), "application/x-amz-json-1.1")
    }
}

use chrono::Datelike;

pub(crate) struct FakeCostExplorer {
    pub server: MockServer,
    pub hits: Arc<AtomicUsize>,
    pub targets: Arc<Mutex<Vec<String>>>,
}

impl FakeCostExplorer {
    pub(crate) async fn start(bill: Bill) -> FakeCostExplorer {
        let server = MockServer::start().await;
        let hits = Arc::new(AtomicUsize::new(0));
        let targets = Arc::new(Mutex::new(Vec::new()));
        Mock::given(method("POST"))
            .respond_with(CostExplorer { bill: Arc::new(bill), hits: hits.clone(), targets: targets.clone() })
            .mount(&server)
            .await;
        FakeCostExplorer { server, hits, targets }
    }
}
