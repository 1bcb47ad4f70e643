//! `optimize`, `reconcile` and `prices` end to end: the demo shows a finding of each kind,
//! reconciliation's billed column is the bill, and `prices update` reads genai-prices files
//! from disk or a (local) URL, keeping the cached table when a file is bad.

use rust_decimal::Decimal;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::fake_openai::{FakeOpenAi, sample_org};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-savings-0123456789";

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap_or_else(|| panic!("not a decimal string: {v}")).parse().unwrap()
}

#[tokio::test]
async fn the_demo_names_savings_of_every_kind() {
    let env = TestEnv::new();
    let out = env.run(&["--demo", "optimize", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    insta::assert_snapshot!("optimize_demo_json", serde_json::to_string_pretty(&doc).unwrap());
    let findings = doc["findings"].as_array().unwrap();
    for kind in ["caching", "batch", "model_choice", "waste"] {
        assert!(findings.iter().any(|f| f["kind"] == kind), "no {kind} finding");
    }
    for f in findings {
        assert!(dec(&f["monthly_saving_usd"]) >= Decimal::ZERO);
        assert!(!f["method"].as_str().unwrap().is_empty() && !f["evidence"].as_str().unwrap().is_empty());
    }
    let table = stdout(&env.run(&["--demo", "optimize"]).await);
    assert!(table.contains("Estimates per 30 days") && table.contains("do not add up"), "{table}");
    let md = stdout(&env.run(&["--demo", "optimize", "--format", "markdown"]).await);
    assert!(md.starts_with("## Savings estimates"), "{md}");
    let report = json(&env.run(&["--demo", "report", "--format", "json"]).await);
    assert_eq!(report["savings"].as_array().unwrap().len(), 3, "the report lists the top three");
    assert_eq!(report["savings"][0], findings[0]);
}

#[tokio::test]
async fn reconciliation_adds_up_to_the_bill_and_explains_rows() {
    let env = TestEnv::new();
    let out = env.run(&["--demo", "reconcile", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    insta::assert_snapshot!("reconcile_demo_json", serde_json::to_string_pretty(&doc).unwrap());
    let costs = json(&env.run(&["--demo", "costs", "--format", "json"]).await);
    let rows = doc["rows"].as_array().unwrap();
    let billed: Decimal = rows.iter().map(|r| dec(&r["billed"])).sum();
    assert_eq!(billed, dec(&costs["total"]), "billed adds up to what costs shows");
    let batch = rows.iter().find(|r| r["model"] == "gpt-4o-mini-2024-07-18").unwrap();
    assert!(batch["reason"].as_str().unwrap().contains("batch API"), "{batch}");
    assert_eq!(batch["flagged"], true);
    let bedrock = rows.iter().find(|r| r["provider"] == "aws").unwrap();
    assert!(bedrock["list_price_cost"].is_null(), "no tokens: never priced at 0");

    // Against the fake OpenAI API: tokens from the usage API, billed from the costs API.
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let costs = env.run(&["costs", "--month", "--format", "json"]).await;
    expect_code(&costs, 0);
    let rec = env.run(&["reconcile", "--offline", "--tolerance", "5%", "--format", "json"]).await;
    expect_code(&rec, 0);
    let doc = json(&rec);
    assert_eq!(doc["tolerance_percent"], "5");
    let rows = doc["rows"].as_array().unwrap();
    let billed: Decimal = rows.iter().map(|r| dec(&r["billed"])).sum();
    assert_eq!(billed, dec(&json(&costs)["total"]));
    let gpt = rows.iter().find(|r| r["model"] == "gpt-4o-2024-08-06").unwrap();
    assert!(!gpt["list_price_cost"].is_null(), "{gpt}");
    let csv = stdout(&env.run(&["reconcile", "--offline", "--format", "csv"]).await);
    assert!(
        csv.starts_with(
            "provider,workspace,model,billed_usd,list_price_cost_usd,difference_usd,percent,flagged,reason"
        )
    );
    let bad = env.run(&["reconcile", "--offline", "--tolerance", "lots"]).await;
    expect_code(&bad, 2);
    assert!(stderr(&bad).contains("--tolerance \"lots\" is not a percentage"), "{}", stderr(&bad));
}

/// A genai-prices data.json in its real shape (a list of providers; prices per million tokens,
/// historic sets with a start date, tiers), cut to two models.
const GENAI: &str = r#"[
 {"id": "openai", "name": "OpenAI", "api_pattern": "https://api\\.openai\\.com", "pricing_urls": [],
  "models": [
   {"id": "gpt-4o", "name": "GPT-4o", "match": {"or": [{"equals": "gpt-4o"}, {"starts_with": "gpt-4o-2024-"}]},
    "context_window": 128000, "prices": {"input_mtok": 2.5, "cache_read_mtok": 1.25, "output_mtok": 10}},
   {"id": "o3", "match": {"equals": "o3"}, "prices": [{"prices": {"input_mtok": 10, "output_mtok": 40}},
    {"constraint": {"start_date": "2025-06-10"}, "prices": {"input_mtok": 2, "output_mtok": 8}}]}
  ]},
 {"id": "voyageai", "name": "Voyage", "models": [{"id": "voyage-3", "match": {"equals": "voyage-3"}, "prices": {"input_mtok": 0.06}}]}
]"#;

#[tokio::test]
async fn prices_update_from_a_file_or_a_url_and_bad_tables_change_nothing() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    assert_eq!(code(&env.run(&["costs", "--month"]).await), 0);
    let built_in = json(&env.run(&["prices", "--format", "json"]).await);
    assert_eq!(built_in["source"]["name"], "pydantic/genai-prices");
    let gpt4o = built_in["models"].as_array().unwrap().iter().find(|m| m["model"] == "gpt-4o-2024-08-06").unwrap();
    assert_eq!(gpt4o["input_per_mtok"], "2.5");

    let file = env.dir.path().join("data.json");
    std::fs::write(&file, GENAI).unwrap();
    let out = env.run(&["prices", "update", "--from", file.to_str().unwrap()]).await;
    expect_code(&out, 0);
    assert!(stdout(&out).contains("2 models"), "only the lists llmcost uses are kept: {}", stdout(&out));
    let all = json(&env.run(&["prices", "--all", "--format", "json"]).await);
    assert_eq!(all["source"]["url"], file.to_str().unwrap());
    assert_eq!(all["models"].as_array().unwrap().len(), 2);

    // A URL (the default is genai-prices on GitHub; here a local server).
    let server = MockServer::start().await;
    let newer = GENAI.replace("\"input_mtok\": 2.5", "\"input_mtok\": 3");
    Mock::given(method("GET"))
        .and(path("/prices/data.json"))
        .respond_with(ResponseTemplate::new(200).set_body_string(newer))
        .mount(&server)
        .await;
    let url = format!("{}/prices/data.json", server.uri());
    let out = env.run(&["prices", "update", "--from", &url]).await;
    expect_code(&out, 0);
    let cached = json(&env.run(&["prices", "--format", "json"]).await);
    let gpt4o = cached["models"].as_array().unwrap().iter().find(|m| m["model"] == "gpt-4o-2024-08-06").unwrap();
    assert_eq!(gpt4o["input_per_mtok"], "3");

    // Broken tables: named, exit 1, and the cached table is unchanged.
    for bad in [
        "{not json",
        "[{\"id\": \"openai\", \"name\": \"x\", \"models\": [{\"id\": \"m\", \"match\": {\"glob\": \"*\"}, \"prices\": {}}]}]",
        "[]",
    ] {
        std::fs::write(&file, bad).unwrap();
        let out = env.run(&["prices", "update", "--from", file.to_str().unwrap()]).await;
        assert_eq!(code(&out), 1, "{bad}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("is not a usable price table") && stderr(&out).contains("unchanged"),
            "{}",
            stderr(&out)
        );
        let still = json(&env.run(&["prices", "--format", "json"]).await);
        let gpt4o = still["models"].as_array().unwrap().iter().find(|m| m["model"] == "gpt-4o-2024-08-06").unwrap();
        assert_eq!(gpt4o["input_per_mtok"], "3");
    }
    let gone = env.run(&["prices", "update", "--from", "/nonexistent/data.json"]).await;
    expect_code(&gone, 2);
    let demo_net = env.run(&["--demo", "prices", "update"]).await;
    expect_code(&demo_net, 2);
    assert!(stderr(&demo_net).contains("the demo never uses the network"), "{}", stderr(&demo_net));
}

/// At 80 and 120 columns the reason that explains a difference is whole (wrapped onto more lines,
/// never cut), the table fits, and budget names people type are not cut at 80.
#[tokio::test]
async fn reasons_and_budget_names_are_whole_at_80_and_120_columns() {
    for width in ["80", "120"] {
        let env = crate::test_env::TestEnv::new().var("LLMCOST_TABLE_WIDTH", width);
        let out = env.run(&["--demo", "reconcile"]).await;
        let text = crate::test_env::stdout(&out);
        let w: usize = width.parse().unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= w), "{width}: {text}");
        // The reason column: what follows the last column separator on each table line.
        let reasons: Vec<&str> =
            text.lines().filter_map(|l| l.rsplit_once('┆').map(|(_, r)| r.trim_end_matches('│').trim())).collect();
        let joined = reasons.join(" ");
        assert!(joined.contains("batch API at a discount"), "{width}: {text}");
        assert!(reasons.iter().all(|r| !r.ends_with('…')), "{width}: a reason was cut: {text}");
        let out = env.run(&["--demo", "budgets"]).await;
        let text = crate::test_env::stdout(&out);
        for name in ["team-monthly", "edugami-openai", "openrouter-weekly"] {
            assert!(text.contains(name), "{width}: {name} cut: {text}");
        }
    }
}

/// `prices` lists every billed model (27 in the demo), those without a list price as missing,
/// and prices with cents at least (`$0.30`, not `$0.3`).
#[tokio::test]
async fn prices_list_every_billed_model() {
    let env = crate::test_env::TestEnv::new();
    let models = crate::test_env::json(
        &env.run(&["--demo", "costs", "--month", "--by", "provider,model", "--format", "json"]).await,
    );
    let billed = models["rows"].as_array().unwrap().len();
    let prices = crate::test_env::json(&env.run(&["--demo", "prices", "--format", "json"]).await);
    let listed = prices["models"].as_array().unwrap();
    assert_eq!(listed.len(), billed, "{prices}");
    assert!(listed.iter().any(|m| m["missing"] == true) && listed.iter().any(|m| m["provider"] == "aws"));
    let table = crate::test_env::stdout(&env.run(&["--demo", "prices"]).await);
    assert!(table.contains("$0.30") && !table.contains("$0.3 "), "{table}");
}
