//! AWS Bedrock end to end against a Cost Explorer fake that verifies SigV4: credentials from the
//! AWS chain (a workspace profile wins over the environment), Marketplace and first-party models
//! named cleanly, linked accounts as projects, throttling by `__type`, wrong credentials named.

use rust_decimal::Decimal;

use crate::fake_aws::{ACCESS_KEY, FakeCostExplorer, SECRET_KEY, sample_bill};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

/// A home with `~/.aws/credentials` holding the fake's key under profile `prod` and a wrong one
/// under `default`, and the workspace `prod` using that profile.
fn env(fake: &FakeCostExplorer) -> TestEnv {
    let env = TestEnv::new().var("AWS_ENDPOINT_URL_COST_EXPLORER", &fake.server.uri());
    let aws = env.dir.path().join(".aws");
    std::fs::create_dir_all(&aws).unwrap();
    std::fs::write(
        aws.join("credentials"),
        format!(
            "[default]\naws_access_key_id = AKIAWRONG0000000000\naws_secret_access_key = nope\n\n[prod]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n"
        ),
    )
    .unwrap();
    env.write_config("[workspaces.aws.prod]\nprofile = \"prod\"\n");
    // Environment keys lose to the workspace's explicit profile, as with `aws --profile`.
    env.var("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00000").var("AWS_SECRET_ACCESS_KEY", "wrong-too")
}

#[tokio::test]
async fn bedrock_spend_by_model_is_exact_and_named_cleanly() {
    let fake = FakeCostExplorer::start(sample_bill()).await;
    let env = env(&fake);
    let out = env
        .run(&["costs", "--provider", "aws", "--workspace", "prod", "--month", "--by", "model", "--format", "json"])
        .await;
    expect_code(&out, 0);
    let doc = json(&out);
    let total: Decimal = doc["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, sample_bill().bedrock("2026-11-01", "2026-11-22"), "Bedrock usage only, Marketplace included");
    let models: Vec<&str> = doc["rows"].as_array().unwrap().iter().map(|r| r["model"].as_str().unwrap()).collect();
    for m in ["Claude Sonnet 4.5", "Claude Opus 4.1", "Nova Lite", "Llama 4 Maverick"] {
        assert!(models.contains(&m), "{m} in {models:?}");
    }
    // Two Claude models share Marketplace usage types: each keeps its own exact figure.
    let cost_of = |m: &str| -> Decimal {
        doc["rows"].as_array().unwrap().iter().find(|r| r["model"] == m).unwrap()["cost"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert_eq!(cost_of("Claude Opus 4.1"), Decimal::new(9, 1) * Decimal::from(22), "0.75 + 0.15 a day, 22 days");
    assert_eq!(
        cost_of("Claude Sonnet 4.5"),
        "5.5220678".parse::<Decimal>().unwrap() * Decimal::from(22),
        "two accounts and a cross-region usage type, summed"
    );
    // Linked accounts are the projects, named.
    let out =
        env.run(&["costs", "--provider", "aws", "--month", "--by", "project", "--offline", "--format", "json"]).await;
    let doc = json(&out);
    let names: Vec<&str> =
        doc["rows"].as_array().unwrap().iter().map(|r| r["project_name"].as_str().unwrap()).collect();
    assert!(names.contains(&"edu-prod") && names.contains(&"edu-research"), "{names:?}");
    // A repeated question costs nothing: AWS days stay fresh for hours.
    let before = fake.hits.load(std::sync::atomic::Ordering::SeqCst);
    let again = env.run(&["costs", "--provider", "aws", "--month", "--format", "json"]).await;
    expect_code(&again, 0);
    assert_eq!(fake.hits.load(std::sync::atomic::Ordering::SeqCst), before, "no request, no USD 0.01");
    // `sync` says how many requests it made and what Cost Explorer charges for them.
    let sync = env.run(&["sync", "--provider", "aws", "--month", "--refresh"]).await;
    expect_code(&sync, 0);
    assert!(stderr(&sync).contains("requests, USD 0."), "{}", stderr(&sync));
    let table = env.run(&["costs", "--provider", "aws", "--month", "--by", "model", "--offline"]).await;
    assert!(stdout(&table).contains("Claude Sonnet 4.5"), "{}", stdout(&table));
}

#[tokio::test]
async fn a_cost_allocation_tag_can_be_the_project() {
    let fake = FakeCostExplorer::start(sample_bill()).await;
    let env = env(&fake);
    env.write_config("[workspaces.aws.prod]\nprofile = \"prod\"\nproject_tag = \"team\"\n");
    let out = env.run(&["costs", "--provider", "aws", "--month", "--by", "project", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let projects: Vec<&str> =
        doc["rows"].as_array().unwrap().iter().map(|r| r["project"].as_str().unwrap_or("-")).collect();
    for p in ["tutor", "search", "(untagged)"] {
        assert!(projects.contains(&p), "{p} in {projects:?}");
    }
}

#[tokio::test]
async fn throttling_is_retried_by_type_and_wrong_credentials_are_named() {
    let mut bill = sample_bill();
    bill.throttle_first = 2;
    let fake = FakeCostExplorer::start(bill).await;
    let throttled = env(&fake);
    let out = throttled.run(&["costs", "--provider", "aws", "--today", "--format", "json"]).await;
    assert_eq!(code(&out), 0, "LimitExceededException (HTTP 400) is retried: {}", stderr(&out));

    // The default profile's key is refused: the message says so and where it came from.
    let fake = FakeCostExplorer::start(sample_bill()).await;
    let env = env(&fake);
    env.write_config("[workspaces.aws.other]\nprofile = \"default\"\n");
    let out = env.run(&["costs", "--provider", "aws", "--today"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("aws/other") && err.contains("UnrecognizedClientException"), "{err}");
    assert!(!err.contains("nope") && !err.contains(SECRET_KEY), "{err}");
    let list = env.run(&["providers"]).await;
    assert!(stdout(&list).contains("profile default"), "{}", stdout(&list));
}

#[tokio::test]
async fn providers_add_records_the_profile_and_stores_no_secret() {
    let fake = FakeCostExplorer::start(sample_bill()).await;
    let env = env(&fake);
    env.write_config("");
    let out = env.run(&["providers", "add", "aws", "--workspace", "billing", "--profile", "prod"]).await;
    expect_code(&out, 0);
    let config = std::fs::read_to_string(&env.config).unwrap();
    assert!(config.contains("[workspaces.aws.billing]") && config.contains("profile = \"prod\""), "{config}");
    assert!(!config.contains(SECRET_KEY));
    let out = env.run(&["providers", "add", "aws", "--workspace", "nope", "--profile", "missing"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("no AWS profile 'missing'"), "{}", stderr(&out));
    let test = env.run(&["providers", "test", "--provider", "aws"]).await;
    assert!(stdout(&test).contains("aws/billing: ok"), "{}{}", stdout(&test), stderr(&test));
}

/// Not part of the suite: serves the fake for the official SDK to talk to (see
/// `tests/sdk/boto3_cost_explorer.py`, which runs this). Writes the fake's URL to
/// `$LLMCOST_FAKE_URL_FILE` and serves for `$LLMCOST_FAKE_SECONDS` seconds.
#[tokio::test]
#[ignore = "run by tests/sdk/boto3_cost_explorer.py"]
async fn serve_for_boto3() {
    let fake = FakeCostExplorer::start(sample_bill()).await;
    crate::test_env::serve_for_sdk(&fake.server.uri()).await;
    let targets = fake.targets.lock().unwrap().clone();
    println!("served {} signed request(s): {targets:?}", targets.len());
}

/// A `credential_process` that never returns is stopped at the deadline and named, with its
/// profile; the sync fails instead of hanging.
#[tokio::test]
async fn a_credential_process_that_never_returns_is_stopped_and_named() {
    let fake = FakeCostExplorer::start(sample_bill()).await;
    let env =
        TestEnv::new().var("AWS_ENDPOINT_URL_COST_EXPLORER", &fake.server.uri()).var("LLMCOST_CREDENTIAL_TIMEOUT", "1");
    let aws = env.dir.path().join(".aws");
    std::fs::create_dir_all(&aws).unwrap();
    std::fs::write(aws.join("config"), "[profile stuck]\ncredential_process = sleep 600\n").unwrap();
    env.write_config("[workspaces.aws.prod]\nprofile = \"stuck\"\n");
    let started = std::time::Instant::now();
    let out = env.run(&["sync", "--provider", "aws", "--today"]).await;
    assert_ne!(code(&out), 0);
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "the sync waited on the helper");
    let err = stderr(&out);
    assert!(err.contains("profile stuck") && err.contains("did not finish within 1 s"), "{err}");
}

/// `--record DIR` keeps every Cost Explorer answer, as for the API providers, without the
/// credentials (the request is signed, never sent with the secret).
#[tokio::test]
async fn record_keeps_the_cloud_answers_without_credentials() {
    let fake = FakeCostExplorer::start(sample_bill()).await;
    let env = env(&fake);
    let dir = env.dir.path().join("recorded");
    let out = env.run(&["sync", "--provider", "aws", "--today", "--record", dir.to_str().unwrap()]).await;
    expect_code(&out, 0);
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert!(files.len() >= 2, "the dimension values and the cost pages: {files:?}");
    for f in files {
        let text = std::fs::read_to_string(f.path()).unwrap();
        assert!(text.contains("ResultsByTime") || text.contains("DimensionValues"), "{text}");
        assert!(!text.contains(SECRET_KEY) && !text.contains(ACCESS_KEY), "{text}");
    }
}
