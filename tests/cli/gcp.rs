//! Gemini API / Vertex AI spend end to end against a fake Google OAuth endpoint and BigQuery:
//! a service account's signed JWT exchanged once, the query polled while the job runs and paged,
//! credits netted exactly, SKUs named as models, CHF kept as CHF, roles and tables named when
//! missing, and no token or key in any output.

use std::sync::atomic::Ordering;

use rust_decimal::Decimal;

use crate::fake_gcp::{FakeGcp, TABLE, TOKEN, sample_bill};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

fn env(fake: &FakeGcp, table: &str) -> TestEnv {
    let env = TestEnv::new().var("LLMCOST_GCP_BASE_URL", &fake.server.uri());
    let key = fake.key_file(env.dir.path());
    env.write_config(&format!(
        "[workspaces.gcp.acme]\nbilling_table = \"{table}\"\ncredentials = \"{}\"\nlocation = \"EU\"\n",
        key.display()
    ));
    env
}

#[tokio::test]
async fn gemini_and_vertex_spend_is_exact_net_of_credits() {
    let fake = FakeGcp::start(sample_bill()).await;
    let env = env(&fake, TABLE);
    let out = env
        .run(&[
            "costs",
            "--provider",
            "gcp",
            "--workspace",
            "acme",
            "--month",
            "--by",
            "model",
            "--currency",
            "CHF",
            "--format",
            "json",
            "-v",
        ])
        .await;
    expect_code(&out, 0);
    let doc = json(&out);
    let total: Decimal = doc["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, sample_bill().ai_spend("2026-11-01", "2026-11-22"), "AI services only, credits applied, exact");
    let models: Vec<&str> = doc["rows"].as_array().unwrap().iter().map(|r| r["model"].as_str().unwrap()).collect();
    for m in ["Gemini 2.5 Flash", "Gemini 2.5 Pro", "Gemini 2.0 Flash Lite"] {
        assert!(models.contains(&m), "{m} in {models:?}");
    }
    assert_eq!(fake.token_requests.load(Ordering::SeqCst), 1, "one signed JWT exchange for the sync");
    assert!(fake.polls.load(Ordering::SeqCst) >= 2, "polled while the job ran, then paged");
    assert!(stderr(&out).contains("73400320 bytes"), "-v shows the bytes scanned: {}", stderr(&out));
    assert!(!stderr(&out).contains(TOKEN) && !stdout(&out).contains(TOKEN));
    // Projects are GCP projects, named.
    let out = env
        .run(&[
            "costs",
            "--provider",
            "gcp",
            "--month",
            "--by",
            "project",
            "--offline",
            "--currency",
            "CHF",
            "--format",
            "json",
        ])
        .await;
    let doc = json(&out);
    let names: Vec<&str> =
        doc["rows"].as_array().unwrap().iter().map(|r| r["project_name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Acme prod") && names.contains(&"Acme research"), "{names:?}");
}

#[tokio::test]
async fn missing_roles_tables_and_credentials_are_named() {
    let fake = FakeGcp::start(sample_bill()).await;
    let out = env(&fake, "acme-billing.billing_export.forbidden").run(&["sync", "--provider", "gcp", "--month"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("BigQuery Data Viewer") && stderr(&out).contains("Job User"), "{}", stderr(&out));
    let out = env(&fake, "acme-billing.billing_export.missing").run(&["sync", "--provider", "gcp", "--month"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("billing_table") && stderr(&out).contains("BigQuery export"), "{}", stderr(&out));
    // A key that does not match the one Google knows: the token endpoint refuses the signature.
    let env2 = TestEnv::new().var("LLMCOST_GCP_BASE_URL", &fake.server.uri());
    let key = fake.key_file(env2.dir.path());
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&key).unwrap()).unwrap();
    doc["client_email"] = serde_json::json!("someone-else@acme-billing.iam.gserviceaccount.com");
    std::fs::write(&key, doc.to_string()).unwrap();
    env2.write_config(&format!(
        "[workspaces.gcp.acme]\nbilling_table = \"{TABLE}\"\ncredentials = \"{}\"\n",
        key.display()
    ));
    let out = env2.run(&["sync", "--provider", "gcp", "--month"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("refused the credentials") && err.contains("gcp/acme"), "{err}");
    assert!(!err.contains("PRIVATE KEY") && !err.contains("MIIE"), "{err}");
    // A bad table name never reaches SQL.
    env2.write_config("[workspaces.gcp.acme]\nbilling_table = \"a.b.c`; DROP TABLE x\"\n");
    let out = env2.run(&["costs", "--provider", "gcp", "--month"]).await;
    expect_code(&out, 2);
    // No credentials anywhere: every way to give them is named.
    env2.write_config(&format!("[workspaces.gcp.acme]\nbilling_table = \"{TABLE}\"\n"));
    let out = env2.run(&["costs", "--provider", "gcp", "--month"]).await;
    assert_ne!(code(&out), 0);
    assert!(
        stderr(&out).contains("GOOGLE_APPLICATION_CREDENTIALS") && stderr(&out).contains("LLMCOST_KEY_GCP_ACME"),
        "{}",
        stderr(&out)
    );
}

#[tokio::test]
async fn an_access_token_as_the_key_and_providers_add() {
    let fake = FakeGcp::start(sample_bill()).await;
    let env = TestEnv::new().var("LLMCOST_GCP_BASE_URL", &fake.server.uri()).var("LLMCOST_KEY_GCP_ACME", TOKEN);
    env.write_config(&format!("[workspaces.gcp.acme]\nbilling_table = \"{TABLE}\"\nlocation = \"EU\"\n"));
    let out = env.run(&["costs", "--provider", "gcp", "--month", "--currency", "CHF", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(fake.token_requests.load(Ordering::SeqCst), 0, "the token is used as it is");

    let env = TestEnv::new().var("LLMCOST_GCP_BASE_URL", &fake.server.uri());
    let key = fake.key_file(env.dir.path());
    let out = env
        .run(&[
            "providers",
            "add",
            "gcp",
            "--workspace",
            "acme",
            "--billing-table",
            TABLE,
            "--credentials",
            key.to_str().unwrap(),
            "--location",
            "EU",
        ])
        .await;
    expect_code(&out, 0);
    let config = std::fs::read_to_string(&env.config).unwrap();
    assert!(config.contains("billing_table") && config.contains("service-account.json"), "{config}");
    assert!(!config.contains("PRIVATE KEY"));
    let out = env.run(&["providers", "add", "gcp", "--workspace", "other"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("--billing-table"), "{}", stderr(&out));
}

#[tokio::test]
async fn a_query_file_replaces_the_default_query_and_is_named_when_refused() {
    let fake = FakeGcp::start(sample_bill()).await;
    let env = TestEnv::new().var("LLMCOST_GCP_BASE_URL", &fake.server.uri()).var("LLMCOST_KEY_GCP_ACME", TOKEN);
    let file = env.dir.path().join("spend.sql");
    std::fs::write(
        &file,
        format!("SELECT * FROM `{TABLE}` WHERE day >= @start AND day < @end AND service IN ('Vertex AI')"),
    )
    .unwrap();
    env.write_config(&format!(
        "[workspaces.gcp.acme]\nquery_file = \"{}\"\njob_project = \"acme-billing\"\nlocation = \"EU\"\n",
        file.display()
    ));
    let out = env.run(&["costs", "--provider", "gcp", "--month", "--currency", "CHF", "--format", "json"]).await;
    expect_code(&out, 0);
    let total: Decimal = json(&out)["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, sample_bill().ai_spend("2026-11-01", "2026-11-22"));
    // A query file gets @start and @end only: one using @services is refused, and named.
    std::fs::write(&file, format!("SELECT * FROM `{TABLE}` WHERE day >= @start AND service IN UNNEST(@services)"))
        .unwrap();
    let out = env.run(&["sync", "--provider", "gcp", "--month", "--refresh"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("spend.sql") && stderr(&out).contains("query was refused"), "{}", stderr(&out));
    env.write_config("[workspaces.gcp.acme]\nquery_file = \"x.sql\"\n");
    let out = env.run(&["costs", "--provider", "gcp", "--month"]).await;
    assert_eq!(code(&out), 2, "job_project is needed without billing_table: {}", stderr(&out));
}

/// Serves the fake for `tests/sdk/google_bigquery.py`; by hand only.
#[tokio::test]
#[ignore = "run by tests/sdk/google_bigquery.py"]
async fn serve_for_google_sdk() {
    let fake = FakeGcp::start(sample_bill()).await;
    crate::test_env::serve_for_sdk(&fake.server.uri()).await;
    println!(
        "served {} token request(s), {} poll(s)",
        fake.token_requests.load(Ordering::SeqCst),
        fake.polls.load(Ordering::SeqCst)
    );
}
