//! GitHub end to end: the AI part of an organization's bill (Copilot seats, premium requests by
//! model, GitHub Models) per UTC day, one report per month, Actions and Packages left out; the
//! `org` setting; tokens that cannot read billing named, never shown; premium requests billed to
//! each Copilot seat holder (`--by person`).

use rust_decimal::Decimal;
use serde_json::json;

use crate::fake_github::{BILLING_ONLY, FakeGitHub, WRITE, sample_org};
use crate::test_env::{TestEnv, expect_code, json, stderr, stdout};

const TOKEN: &str = "github_pat_11AAAAAA0billing0123456789";

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn env(fake: &FakeGitHub, token: &str) -> TestEnv {
    TestEnv::new().var("LLMCOST_KEY_GITHUB_ACME_LABS", token).var("LLMCOST_GITHUB_BASE_URL", &fake.server.uri())
}

#[tokio::test]
async fn copilot_and_models_are_the_ai_bill() {
    let fake = FakeGitHub::start(sample_org("acme-labs", TOKEN)).await;
    let env = env(&fake, TOKEN);
    let out = env.run(&["costs", "--provider", "github", "--month", "--by", "model", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let total: Decimal = doc["total"].as_str().unwrap().parse().unwrap();
    let org = sample_org("acme-labs", TOKEN);
    assert_eq!(total, org.ai_billed(day("2026-11-01"), day("2026-11-22")), "{doc:#}");
    let models: Vec<&str> = doc["rows"].as_array().unwrap().iter().map(|r| r["model"].as_str().unwrap()).collect();
    for m in ["Copilot Business", "Claude Sonnet 4.5", "openai/gpt-4.1"] {
        assert!(models.contains(&m), "{m}: {models:?}");
    }
    assert!(!models.iter().any(|m| m.contains("Actions") || m.contains("Packages")), "{models:?}");
    assert_eq!(fake.requests_to("/settings/billing/usage").await, 1, "one report for the month");

    // From mid-October: October's report only (November is in the cache). The line items say
    // the product and the premium request's model.
    let out = env
        .run(&["costs", "--provider", "github", "--since", "2026-10-15", "--by", "line_item", "--format", "json"])
        .await;
    expect_code(&out, 0);
    assert_eq!(fake.requests_to("/settings/billing/usage").await, 2);
    let items = json(&out);
    let total: Decimal = items["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, org.ai_billed(day("2026-10-15"), day("2026-11-22")));
    let names: Vec<&str> = items["rows"].as_array().unwrap().iter().map(|r| r["line_item"].as_str().unwrap()).collect();
    assert!(names.contains(&"copilot: Copilot Premium Request (Claude Sonnet 4.5)"), "{names:?}");
    let table = env.run(&["costs", "--provider", "github", "--month", "--offline"]).await;
    assert!(stdout(&table).contains("GitHub"), "{}", stdout(&table));
}

#[tokio::test]
async fn the_org_setting_and_tokens_that_cannot_read_billing() {
    let fake = FakeGitHub::start(sample_org("acme-labs", TOKEN)).await;
    // The workspace is `main`, the organization acme-labs.
    let env = TestEnv::new().var("LLMCOST_KEY_GITHUB_MAIN", TOKEN).var("LLMCOST_GITHUB_BASE_URL", &fake.server.uri());
    env.write_config("[workspaces.github.main]\norg = \"acme-labs\"\n");
    let out = env.run(&["costs", "--provider", "github", "--month", "--format", "json"]).await;
    expect_code(&out, 0);
    env.write_config("[workspaces.github.main]\norg = \"not an org!\"\n");
    let bad = env.run(&["costs", "--provider", "github", "--month"]).await;
    expect_code(&bad, 2);
    assert!(stderr(&bad).contains("org"), "{}", stderr(&bad));

    for (token, needle) in
        [("github_pat_readonly0123456789", "Resource not accessible"), ("ghp_wrong0123456789", "Bad credentials")]
    {
        let out = self::env(&fake, token).run(&["costs", "--provider", "github", "--month"]).await;
        expect_code(&out, 1);
        let err = stderr(&out);
        assert!(err.contains("github/acme_labs") && err.contains(needle), "{err}");
        assert!(!err.contains(token), "never the token: {err}");
    }
}

/// Premium requests past the included ones are billed to the seat holder who made them: each
/// person's net amount per day and model, asked only of those billed anything that month;
/// seats and GitHub Models stay the organization's `(no key)`, and the parts add up to the bill.
#[tokio::test]
async fn premium_requests_are_billed_to_each_seat_holder() {
    let fake = FakeGitHub::start(sample_org("acme-labs", TOKEN)).await;
    let env = env(&fake, TOKEN);
    let out = env.run(&["costs", "--provider", "github", "--month", "--by", "person", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let dec = |v: &serde_json::Value| -> Decimal { v.as_str().unwrap().parse().unwrap() };
    let of = |person: &str| -> Decimal {
        doc["rows"].as_array().unwrap().iter().filter(|r| r["person"] == person).map(|r| dec(&r["cost"])).sum()
    };
    assert_eq!(of("octocat"), Decimal::new(704, 2), "$0.32 a day for 22 days: {doc:#}");
    assert_eq!(of("hubot"), Decimal::new(352, 2));
    assert!(of("mona").is_zero(), "within her included requests");
    let total = sample_org("acme-labs", TOKEN).ai_billed(day("2026-11-01"), day("2026-11-22"));
    assert_eq!(of("(no key)"), total - Decimal::new(1056, 2), "seats and Models stay the organization's");
    assert_eq!(dec(&doc["total"]), total);
    assert!(doc["rows"].as_array().unwrap().iter().all(|r| r["basis"] == "billed"), "{doc:#}");
    // One seat list, a month per seat holder, then each day of the two billed ones.
    assert_eq!(fake.requests_to("/copilot/billing/seats").await, 1);
    assert_eq!(fake.requests_to("/premium_request/usage").await, 3 + 2 * 22);

    // A token that reads billing but may not list seats: the bill whole, under no person.
    let fake = FakeGitHub::start(sample_org("acme-labs", TOKEN)).await;
    let out = self::env(&fake, BILLING_ONLY)
        .run(&["costs", "--provider", "github", "--month", "--by", "person", "--format", "json"])
        .await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(dec(&doc["total"]), total);
    assert!(doc["rows"].as_array().unwrap().iter().all(|r| r["person"] == "(no key)"), "{doc:#}");
    assert_eq!(fake.requests_to("/premium_request/usage").await, 0);
}

/// GitHub's primary rate limit (403, `x-ratelimit-remaining: 0`): a limit that resets within
/// the minute is waited out and the figures are whole; one spent for forty minutes is not waited
/// for: the bill is kept, the people's part is said missing with the time the limit ends.
#[tokio::test]
async fn a_spent_rate_limit_is_waited_out_or_said_with_its_end() {
    use crate::fake_github::Org;
    let fake = FakeGitHub::start(Org { limited_first: 2, reset_in: 1, ..sample_org("acme-labs", TOKEN) }).await;
    let started = std::time::Instant::now();
    let out = env(&fake, TOKEN)
        .run(&["costs", "--provider", "github", "--month", "--by", "person", "--format", "json"])
        .await;
    expect_code(&out, 0);
    let doc = json(&out);
    let octocat: Decimal = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["person"] == "octocat")
        .map(|r| r["cost"].as_str().unwrap().parse::<Decimal>().unwrap())
        .sum();
    assert_eq!(octocat, Decimal::new(704, 2), "{doc:#}");
    assert!(started.elapsed() >= std::time::Duration::from_millis(900), "the reset was waited for");
    assert_eq!(fake.requests_to("/premium_request/usage").await, 2 + 3 + 2 * 22, "each limited request asked again");

    let fake =
        FakeGitHub::start(Org { limited_first: usize::MAX, reset_in: 40 * 60, ..sample_org("acme-labs", TOKEN) }).await;
    let started = std::time::Instant::now();
    let out = env(&fake, TOKEN)
        .run(&["costs", "--provider", "github", "--month", "--by", "person", "--format", "json"])
        .await;
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "forty minutes are not waited");
    let total = sample_org("acme-labs", TOKEN).ai_billed(day("2026-11-01"), day("2026-11-22"));
    assert_eq!(json(&out)["total"].as_str().unwrap().parse::<Decimal>().unwrap(), total, "the bill is kept");
    let err = stderr(&out);
    assert!(err.contains("GitHub's API rate limit for this token is spent until"), "{err}");
    assert!(err.contains("each seat holder's premium requests (costs --by person) could not be fetched"), "{err}");
    assert!(!err.contains(TOKEN), "{err}");
    assert!(fake.requests_to("/premium_request/usage").await <= 3, "no request asked twice");
}

/// `limits`: a month budget with `enforce = "provider"` becomes the organization's AI-credits
/// budget that stops usage, in whole dollars, written with the write token, journaled, undone
/// exactly (a created budget deleted, a changed one set back); a budget that only alerts is the
/// team's and is left alone.
#[tokio::test]
async fn a_budget_becomes_the_organizations_ai_credits_budget() {
    let fake = FakeGitHub::start(sample_org("acme-labs", TOKEN)).await;
    let env = env(&fake, TOKEN).var("LLMCOST_WRITE_KEY_GITHUB_ACME_LABS", WRITE);
    env.write_config(
        "[[budgets]]\nname = \"copilot\"\namount = \"250.75\"\nperiod = \"month\"\nprovider = \"github\"\nenforce = \"provider\"\n",
    );
    let plan = json(&env.run(&["limits", "plan", "--format", "json"]).await);
    let row = &plan["limits"][0];
    assert_eq!(
        (row["verdict"].clone(), row["wanted"].clone()),
        (json!("differs"), json!({"amount": "25000"})),
        "{plan}"
    );
    assert!(row["asks"].as_str().unwrap().contains("budget_amount 250 (cents, cut to whole dollars)"), "{plan}");
    assert!(fake.budgets.lock().unwrap().writes.is_empty(), "a plan writes nothing");

    expect_code(&env.run(&["limits", "apply"]).await, 0);
    {
        let state = fake.budgets.lock().unwrap();
        let b = &state.list[0];
        assert_eq!(state.list.len(), 1);
        assert_eq!(
            (b["budget_amount"].clone(), b["prevent_further_usage"].clone(), b["budget_product_sku"].clone()),
            (json!(250), json!(true), json!("ai_credits"))
        );
        assert_eq!(
            (b["budget_scope"].clone(), b["budget_type"].clone()),
            (json!("organization"), json!("BundlePricing"))
        );
    }
    assert_eq!(crate::test_env::code(&env.run(&["limits", "drift"]).await), 0, "in line after apply");
    expect_code(&env.run(&["brake", "--undo", "--apply"]).await, 0);
    assert!(fake.budgets.lock().unwrap().list.is_empty(), "the created budget is deleted again");

    // A budget there before is changed and set back.
    fake.budgets.lock().unwrap().list.push(json!({"id": "b-1", "budget_scope": "organization", "budget_entity_name": "acme-labs",
        "budget_type": "BundlePricing", "budget_product_sku": "ai_credits", "budget_amount": 400, "prevent_further_usage": true,
        "budget_alerting": {"will_alert": true, "alert_recipients": ["mona"]}}));
    expect_code(&env.run(&["limits", "apply"]).await, 0);
    assert_eq!(fake.budgets.lock().unwrap().list[0]["budget_amount"], 250);
    expect_code(&env.run(&["brake", "--undo", "--apply"]).await, 0);
    let state = fake.budgets.lock().unwrap().list.clone();
    assert_eq!((state.len(), state[0]["budget_amount"].clone()), (1, json!(400)), "{state:?}");
    assert_eq!(state[0]["budget_alerting"]["alert_recipients"], json!(["mona"]), "the rest untouched");

    // One that only alerts is the team's: refused, named, untouched.
    fake.budgets.lock().unwrap().list[0]["prevent_further_usage"] = json!(false);
    let out = env.run(&["limits", "apply"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("only alerts"), "{}", stderr(&out));
    assert_eq!(fake.budgets.lock().unwrap().list[0]["budget_amount"], 400);
}

/// Not part of the suite: serves the fake GitHub billing usage for GitHub's official JavaScript
/// SDK, Octokit (see `tests/sdk/octokit_billing_usage.py`, which runs this).
#[tokio::test]
#[ignore = "run by tests/sdk/octokit_billing_usage.py"]
async fn serve_github_for_sdk() {
    let fake = FakeGitHub::start(sample_org("acme-labs", TOKEN)).await;
    crate::test_env::serve_for_sdk(&fake.server.uri()).await;
}

/// For `tests/sdk/octokit_throttling.py`: the premium request report's first answer is GitHub's
/// spent primary rate limit, resetting a second later.
#[tokio::test]
#[ignore = "run by tests/sdk/octokit_throttling.py"]
async fn serve_github_limited_for_sdk() {
    let org = crate::fake_github::Org { limited_first: 1, reset_in: 1, ..sample_org("acme-labs", TOKEN) };
    let fake = FakeGitHub::start(org).await;
    crate::test_env::serve_for_sdk(&fake.server.uri()).await;
}
