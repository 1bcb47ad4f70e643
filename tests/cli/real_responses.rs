//! Every recorded real response in `tests/fixtures/real/<provider>/` replayed through a fake
//! server on 127.0.0.1: `costs --by model|project|day --format json` must equal totals this test
//! computes itself from the payload (its own exact arithmetic, not llmcost's), to $0.000001.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, NaiveDate};
use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::test_env::{TestEnv, code, json, stderr};

/// Femto-dollars (10^-15 $): exact for every amount in the corpus, independent of llmcost.
type Femto = i128;
const TOLERANCE: Femto = 1_000_000_000; // $0.000001

/// `text` × 10^(15 + shift) as an integer, truncating digits beyond that.
fn femto(text: &str, shift: i32) -> Femto {
    let t = text.trim();
    let (negative, t) = t.strip_prefix('-').map_or((false, t.trim_start_matches('+')), |r| (true, r));
    let (mantissa, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i32>().unwrap()),
        None => (t, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let scale = 15 + shift + exp - frac.len() as i32;
    let mut value: i128 = 0;
    let n = digits.len() as i32;
    for (i, c) in digits.chars().enumerate() {
        let power = scale + (n - 1 - i as i32);
        if power >= 0 && c != '0' {
            value += i128::from(c.to_digit(10).unwrap()) * 10i128.pow(power as u32);
        }
    }
    if negative { -value } else { value }
}

fn number_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => panic!("not an amount: {other}"),
    }
}

/// One billed row as the payload states it: (day, project, model, amount).
type Row = (NaiveDate, Option<String>, String, Femto);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").unwrap()
}

fn expected_rows(provider: &str, body: &Value) -> Vec<Row> {
    let mut rows = Vec::new();
    for bucket in body["data"].as_array().unwrap() {
        match provider {
            "openai" => {
                let d = DateTime::from_timestamp(bucket["start_time"].as_i64().unwrap(), 0).unwrap().date_naive();
                for r in bucket["results"].as_array().unwrap() {
                    let item = r["line_item"].as_str().unwrap_or("");
                    // The model is what precedes ", <kind>"; other line items are their own row.
                    let model = match item.split_once(", ") {
                        Some((head, _)) => head.to_string(),
                        None if item.is_empty() => "(unattributed)".to_string(),
                        None => item.to_string(),
                    };
                    let project = r["project_id"].as_str().map(String::from);
                    rows.push((d, project, model, femto(&number_text(&r["amount"]["value"]), 0)));
                }
            }
            "anthropic" => {
                let d = day(bucket["starting_at"].as_str().unwrap());
                for r in bucket["results"].as_array().unwrap() {
                    let model = r["model"].as_str().or(r["description"].as_str()).unwrap().to_string();
                    let project = r["workspace_id"].as_str().map(String::from);
                    // Cents: two places further right.
                    rows.push((d, project, model, femto(&number_text(&r["amount"]), -2)));
                }
            }
            "openrouter" => {
                let d = day(bucket["date"].as_str().unwrap());
                let model = bucket["model"].as_str().unwrap().to_string();
                rows.push((d, None, model, femto(&number_text(&bucket["usage"]), 0)));
            }
            other => panic!("no expectations for provider {other}"),
        }
    }
    rows
}

struct Fixture {
    file: PathBuf,
    provider: String,
    path: String,
    body_text: String,
    body: Value,
}

/// The recorded responses of one provider's folder, in name order.
fn recorded_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn fixtures() -> Vec<Fixture> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut all = Vec::new();
    for provider in ["openai", "anthropic", "openrouter"] {
        let dir = root.join(provider);
        assert!(dir.join("PROVENANCE.md").exists(), "{} needs a PROVENANCE.md", dir.display());
        for file in recorded_files(&dir) {
            let record: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            assert_eq!(record["llmcost_record"], 1, "{}", file.display());
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let provenance = std::fs::read_to_string(dir.join("PROVENANCE.md")).unwrap();
            assert!(provenance.contains(&name), "{name} has no line in {provider}/PROVENANCE.md");
            let body_text = match &record["body"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            all.push(Fixture {
                provider: record["provider"].as_str().unwrap().to_string(),
                path: record["path"].as_str().unwrap().to_string(),
                body: serde_json::from_str(&body_text).unwrap(),
                body_text,
                file,
            });
        }
    }
    all
}

/// The other endpoints a sync calls, answering empty and valid.
pub(crate) async fn serve_empty_siblings(server: &MockServer, provider: &str) {
    let empty: &[(&str, &str)] = match provider {
        "openai" => &[
            ("/organization/usage/completions", r#"{"object":"page","data":[],"has_more":false,"next_page":null}"#),
            ("/organization/projects", r#"{"object":"list","data":[],"has_more":false,"last_id":null}"#),
        ],
        "anthropic" => &[
            ("/v1/organizations/usage_report/messages", r#"{"data":[],"has_more":false,"next_page":null}"#),
            ("/v1/organizations/workspaces", r#"{"data":[],"has_more":false,"last_id":null}"#),
        ],
        _ => &[],
    };
    for (p, body) in empty {
        Mock::given(method("GET"))
            .and(path(*p))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body.as_bytes().to_vec(), "application/json"))
            .mount(server)
            .await;
    }
}

fn sum_by<K: Ord>(rows: &[Row], key: impl Fn(&Row) -> K) -> BTreeMap<K, Femto> {
    let mut out = BTreeMap::new();
    for r in rows {
        *out.entry(key(r)).or_default() += r.3;
    }
    out
}

fn assert_close(what: &str, got: Femto, want: Femto) {
    assert!((got - want).abs() <= TOLERANCE, "{what}: llmcost says {got} fD, the payload says {want} fD");
}

#[tokio::test]
async fn every_recorded_real_response_gives_the_payloads_totals() {
    let all = fixtures();
    assert!(all.len() >= 9, "the corpus has {} files", all.len());
    for fx in all {
        let label = fx.file.display().to_string();
        let rows = expected_rows(&fx.provider, &fx.body);
        let days: Vec<NaiveDate> = match fx.provider.as_str() {
            "openrouter" => {
                fx.body["data"].as_array().unwrap().iter().map(|r| day(r["date"].as_str().unwrap())).collect()
            }
            "openai" => fx.body["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| DateTime::from_timestamp(b["start_time"].as_i64().unwrap(), 0).unwrap().date_naive())
                .collect(),
            _ => fx.body["data"].as_array().unwrap().iter().map(|b| day(b["starting_at"].as_str().unwrap())).collect(),
        };
        let (since, until) = (*days.iter().min().unwrap(), *days.iter().max().unwrap());

        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(fx.path.as_str()))
            .respond_with(
                ResponseTemplate::new(200).set_body_raw(fx.body_text.clone().into_bytes(), "application/json"),
            )
            .mount(&server)
            .await;
        serve_empty_siblings(&server, &fx.provider).await;
        let now = format!("{}T10:00:00Z", until + Days::new(1));
        let upper = fx.provider.to_uppercase();
        let env = TestEnv::new()
            .var("LLMCOST_NOW", &now)
            .var(&format!("LLMCOST_KEY_{upper}_REAL"), "sk-admin-replay-0000000000")
            .var(&format!("LLMCOST_{upper}_BASE_URL"), &server.uri());

        let period = ["--since", &since.to_string(), "--until", &until.to_string()].map(String::from);
        let total: Femto = rows.iter().map(|r| r.3).sum();
        for (by, field) in [("model", "model"), ("project", "project"), ("day", "day")] {
            let mut args = vec!["costs", "--by", by, "--format", "json"];
            args.extend(period.iter().map(String::as_str));
            let out = env.run(&args).await;
            assert_eq!(code(&out), 0, "{label} --by {by}: {}", stderr(&out));
            let doc = json(&out);
            assert_eq!(doc["complete"], true, "{label}");
            assert_close(&format!("{label} total"), femto(doc["total"].as_str().unwrap(), 0), total);
            let got: BTreeMap<String, Femto> = doc["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (r[field].as_str().unwrap_or("(default)").to_string(), femto(r["cost"].as_str().unwrap(), 0)))
                .collect();
            let want: BTreeMap<String, Femto> = match by {
                "model" => sum_by(&rows, |r| r.2.clone()),
                "project" => sum_by(&rows, |r| r.1.clone().unwrap_or_else(|| "(default)".into())),
                _ => sum_by(&rows, |r| r.0.to_string()),
            };
            // Days and groups with nothing billed may be absent from one side or zero on the other.
            let keys: std::collections::BTreeSet<&String> = got.keys().chain(want.keys()).collect();
            for k in keys {
                let (g, w) = (got.get(k).copied().unwrap_or(0), want.get(k).copied().unwrap_or(0));
                assert_close(&format!("{label} --by {by} {k}"), g, w);
            }
        }
    }
}

#[test]
fn the_independent_arithmetic_is_exact() {
    assert_eq!(femto("0E-6176", 0), 0);
    assert_eq!(femto("0.000004500000000000000000000000000000000", 0), 4_500_000_000);
    assert_eq!(femto("12.50", 0), 12_500_000_000_000_000);
    assert_eq!(femto("123.78912", -2), 1_237_891_200_000_000);
    assert_eq!(femto("1.5e-2", 0), 15_000_000_000_000);
}

/// Claude Code's analytics: every recorded report, replayed for its day, gives the payload's
/// estimate per person and its sessions and lines (`activity`; never a bill, so not above).
#[tokio::test]
async fn every_recorded_claude_code_report_gives_the_payloads_figures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/claude-code");
    let provenance = std::fs::read_to_string(dir.join("PROVENANCE.md")).unwrap();
    let files = recorded_files(&dir);
    assert!(!files.is_empty());
    for file in files {
        let label = file.display().to_string();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(provenance.contains(&name), "{name} has no line in claude-code/PROVENANCE.md");
        let record: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let body = &record["body"];
        let records = body["data"].as_array().unwrap();
        let the_day = day(&records[0]["date"].as_str().unwrap()[..10]);
        // The payload's own arithmetic: cents to femto-dollars per actor, and the work.
        let mut per_actor: BTreeMap<String, Femto> = BTreeMap::new();
        let (mut sessions, mut added) = (0u64, 0u64);
        for r in records {
            let actor = r["actor"]["email_address"].as_str().or(r["actor"]["api_key_name"].as_str()).unwrap();
            for m in r["model_breakdown"].as_array().unwrap() {
                *per_actor.entry(actor.to_string()).or_default() +=
                    femto(&number_text(&m["estimated_cost"]["amount"]), -2);
            }
            sessions += r["core_metrics"]["num_sessions"].as_u64().unwrap();
            added += r["core_metrics"]["lines_of_code"]["added"].as_u64().unwrap();
        }
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(record["path"].as_str().unwrap()))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_string().into_bytes(), "application/json"))
            .mount(&server)
            .await;
        let env = TestEnv::new()
            .var("LLMCOST_NOW", &format!("{}T10:00:00Z", the_day + Days::new(1)))
            .var("LLMCOST_KEY_CLAUDE_CODE_REAL", "sk-ant-admin01-replay-0000000000")
            .var("LLMCOST_CLAUDE_CODE_BASE_URL", &server.uri());
        let d = the_day.to_string();
        let out = env.run(&["activity", "--since", &d, "--until", &d, "--format", "json"]).await;
        assert_eq!(code(&out), 0, "{label}: {}", stderr(&out));
        let doc = json(&out);
        let total: Femto = per_actor.values().sum();
        assert_close(&format!("{label} total"), femto(doc["totals"][0]["estimated_cost"].as_str().unwrap(), 0), total);
        assert_eq!(doc["totals"][0]["work"]["sessions"], sessions, "{label}");
        assert_eq!(doc["totals"][0]["work"]["lines_added"], added, "{label}");
        for row in doc["rows"].as_array().unwrap() {
            let key = row["key"].as_str().unwrap();
            assert_close(&format!("{label} {key}"), femto(row["estimated_cost"].as_str().unwrap(), 0), per_actor[key]);
        }
    }
}
