//! `llmcost brake` end to end against stateful fakes of Anthropic's keys, OpenRouter's keys and
//! OpenAI's project rate limits: a dry run sends no write; `--apply` refuses before any request
//! without write keys; with them it writes with the write key only, journals each old value,
//! survives one provider failing, and `--undo --apply` restores the settings byte for byte,
//! leaving alone a setting someone changed since. Nothing irreversible is ever sent.

use serde_json::{Value, json};

use crate::fake_levers::{FakeLevers, Kind, READ_KEY, WRITE_KEY};
use crate::test_env::{TestEnv, code, stderr, stdout};

struct Setup {
    env: TestEnv,
    anthropic: FakeLevers,
    openrouter: FakeLevers,
    openai: FakeLevers,
}

async fn setup(write_keys: bool) -> Setup {
    let (anthropic, openrouter, openai) = (
        FakeLevers::start(Kind::Anthropic).await,
        FakeLevers::start(Kind::OpenRouter).await,
        FakeLevers::start(Kind::OpenAi).await,
    );
    let mut env = TestEnv::new()
        .var("LLMCOST_KEY_ANTHROPIC_ACME", READ_KEY)
        .var("LLMCOST_KEY_OPENROUTER_ACME", READ_KEY)
        .var("LLMCOST_KEY_OPENAI_ACME", READ_KEY)
        .var("LLMCOST_ANTHROPIC_BASE_URL", &anthropic.base_url())
        .var("LLMCOST_OPENROUTER_BASE_URL", &openrouter.base_url())
        .var("LLMCOST_OPENAI_BASE_URL", &openai.base_url());
    if write_keys {
        for p in ["ANTHROPIC", "OPENROUTER", "OPENAI"] {
            env = env.var(&format!("LLMCOST_WRITE_KEY_{p}_ACME"), WRITE_KEY);
        }
    }
    Setup { env, anthropic, openrouter, openai }
}

fn writes(fake: &FakeLevers) -> usize {
    fake.state.lock().unwrap().writes.len()
}

fn json_out(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[tokio::test]
async fn a_dry_run_reads_and_apply_without_write_keys_sends_nothing() {
    let s = setup(false).await;
    let out = s.env.run(&["brake", "--format", "json"]).await;
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = json_out(&out);
    assert_eq!(doc["dry_run"], true);
    let actions = doc["actions"].as_array().unwrap();
    // Anthropic: the 2 active keys (over 2 pages); OpenRouter: 2 keys; OpenAI: 3 rate limits of the active projects.
    let count = |p: &str| actions.iter().filter(|a| a["provider"] == p).count();
    assert_eq!((count("anthropic"), count("openrouter"), count("openai")), (2, 2, 3), "{doc}");
    let dalle = actions.iter().find(|a| a["id"] == "rl-dall-e-3").unwrap();
    assert_eq!(
        dalle["to"],
        json!({"max_images_per_1_minute": 1, "max_requests_per_1_minute": 1}),
        "only the limits it has"
    );
    for fake in [&s.anthropic, &s.openrouter, &s.openai] {
        assert_eq!(writes(fake), 0, "a dry run writes nothing");
    }
    let out = s.env.run(&["brake", "--apply"]).await;
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    for p in ["ANTHROPIC", "OPENROUTER", "OPENAI"] {
        assert!(
            stderr(&out).contains(&format!("LLMCOST_WRITE_KEY_{p}_ACME")),
            "every missing key named: {}",
            stderr(&out)
        );
    }
    assert!(!stderr(&out).contains(READ_KEY));
    for fake in [&s.anthropic, &s.openrouter, &s.openai] {
        assert_eq!(writes(fake), 0, "refused before any request");
    }
}

#[tokio::test]
async fn a_brake_is_journaled_and_undone_to_the_byte_after_a_partial_failure() {
    let s = setup(true).await;
    let before = (s.anthropic.objects(), s.openrouter.objects(), s.openai.objects());
    // One OpenAI rate limit fails to change (500 on every attempt).
    s.openai.state.lock().unwrap().failing.push("proj_b/rl-gpt-4o".into());

    let out = s.env.run(&["brake", "--apply", "--format", "json"]).await;
    assert_eq!(code(&out), 1, "a failed change is a runtime failure: {}", stderr(&out));
    assert!(stderr(&out).contains("rl-gpt-4o"), "{}", stderr(&out));
    let doc = json_out(&out);
    assert_eq!((doc["dry_run"].clone(), doc["brake"].clone()), (json!(false), json!(1)));
    let failed: Vec<&Value> = doc["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["outcome"].as_str().unwrap().starts_with("failed"))
        .collect();
    assert_eq!(failed.len(), 1, "{doc}");
    let keys = s.anthropic.objects();
    assert_eq!(
        keys.iter().map(|k| k["status"].as_str().unwrap()).collect::<Vec<_>>(),
        ["inactive", "inactive", "inactive"]
    );
    assert!(s.openrouter.objects().iter().all(|k| k["disabled"] == true));
    let limits = s.openai.objects();
    assert_eq!(limits[0]["max_requests_per_1_minute"], 1);
    assert_eq!(limits[0]["batch_1_day_max_input_tokens"], 1);
    assert_eq!(limits[2]["max_requests_per_1_minute"], 3000, "the failed one is as it was");
    // Every write carried the write key (the fake refuses the read key); nothing irreversible.
    for fake in [&s.anthropic, &s.openrouter, &s.openai] {
        assert!(fake.state.lock().unwrap().violations.is_empty());
    }

    let status = s.env.run(&["brake", "--status", "--format", "json"]).await;
    assert_eq!(code(&status), 0);
    assert_eq!(json_out(&status)["braked"].as_array().unwrap().len(), 6, "{}", stdout(&status));

    // Someone raises one braked limit by hand meanwhile: the undo leaves it as they set it.
    s.openai.state.lock().unwrap().objects[1]["max_requests_per_1_minute"] = json!(42);
    let writes_before = writes(&s.anthropic) + writes(&s.openrouter) + writes(&s.openai);
    let dry = s.env.run(&["brake", "--undo", "--format", "json"]).await;
    assert_eq!(code(&dry), 0, "{}", stderr(&dry));
    assert_eq!(
        writes(&s.anthropic) + writes(&s.openrouter) + writes(&s.openai),
        writes_before,
        "a dry undo writes nothing"
    );

    let undo = s.env.run(&["brake", "--undo", "1", "--apply", "--format", "json"]).await;
    assert_eq!(code(&undo), 0, "{}", stderr(&undo));
    let doc = json_out(&undo);
    let changed: Vec<&Value> = doc["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["outcome"].as_str().unwrap().starts_with("changed since"))
        .collect();
    assert_eq!(changed.len(), 1, "{doc}");
    assert_eq!(s.anthropic.objects(), before.0, "Anthropic's keys byte for byte");
    assert_eq!(
        s.openrouter.objects().iter().map(|k| k["disabled"].clone()).collect::<Vec<_>>(),
        before.1.iter().map(|k| k["disabled"].clone()).collect::<Vec<_>>()
    );
    // The lever changed since is left whole as it is now (its images limit stays braked).
    let mut expected = before.2.clone();
    expected[1]["max_requests_per_1_minute"] = json!(42);
    expected[1]["max_images_per_1_minute"] = json!(1);
    assert_eq!(s.openai.objects(), expected, "restored, but not over a change made since");
    for fake in [&s.anthropic, &s.openrouter, &s.openai] {
        assert!(fake.state.lock().unwrap().violations.is_empty());
    }
    // What is left braked is the one changed since; a second undo has nothing to restore.
    let status = s.env.run(&["brake", "--status", "--format", "json"]).await;
    assert_eq!(json_out(&status)["braked"].as_array().unwrap().len(), 1, "{}", stdout(&status));
    let again = s.env.run(&["brake", "--undo", "1", "--apply"]).await;
    assert_eq!(code(&again), 0, "{}", stderr(&again));
    assert!(stdout(&again).contains("changed since"), "{}", stdout(&again));
}

#[tokio::test]
async fn the_brake_narrows_to_one_key_and_refuses_bad_input() {
    let s = setup(true).await;
    let out = s.env.run(&["brake", "--provider", "openrouter", "--key", "f01d3c2b9a2", "--apply"]).await;
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("llmcost brake --undo 1 --apply"), "{}", stdout(&out));
    let keys = s.openrouter.objects();
    assert_eq!((keys[0]["disabled"].clone(), keys[1]["disabled"].clone()), (json!(false), json!(true)));
    assert_eq!(writes(&s.anthropic) + writes(&s.openai), 0);
    // The journal is the only record of what was replaced: the cache is kept while a brake is on.
    let out = s.env.run(&["cache", "clear", "--yes"]).await;
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("brake 1 is in place"), "{}", stderr(&out));
    assert_eq!(code(&s.env.run(&["brake", "--undo", "--apply"]).await), 0);
    assert_eq!(s.openrouter.objects()[1]["disabled"], false);
    let out = s.env.run(&["cache", "clear", "--yes"]).await;
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = s.env.run(&["brake", "--undo", "x"]).await;
    assert_eq!(code(&out), 2);
    let out = s.env.run(&["brake", "--undo", "9"]).await;
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("nothing left to undo"), "{}", stderr(&out));
}

/// Not part of the suite: serves the fake Anthropic keys for Anthropic's official Python SDK
/// (see `tests/sdk/anthropic_api_keys.py`, which runs this).
#[tokio::test]
#[ignore = "run by tests/sdk/anthropic_api_keys.py"]
async fn serve_anthropic_levers_for_sdk() {
    let fake = FakeLevers::start(Kind::Anthropic).await;
    crate::test_env::serve_for_sdk(&fake.base_url()).await;
}

/// Not part of the suite: serves the fake OpenAI levers (rate limits, spend limits) for OpenAI's
/// official Python SDK (see `tests/sdk/openai_levers.py`, which runs this).
#[tokio::test]
#[ignore = "run by tests/sdk/openai_levers.py"]
async fn serve_openai_levers_for_sdk() {
    let fake = FakeLevers::start(Kind::OpenAi).await;
    crate::test_env::serve_for_sdk(&fake.base_url()).await;
}

/// A budget with `brake = true`: `budgets check --enforce` brakes its scope once it is exceeded,
/// says how to undo it, and a second run finds nothing left to brake.
#[tokio::test]
async fn an_exceeded_budget_brakes_its_scope_with_enforce() {
    let fake = crate::fake_anthropic::FakeAnthropic::start(crate::fake_anthropic::sample_org(READ_KEY)).await;
    let keys = FakeLevers::anthropic_keys_on(&fake.server).await;
    let env = TestEnv::new()
        .var("LLMCOST_NOW", "2026-11-20T10:00:00Z")
        .var("LLMCOST_KEY_ANTHROPIC_ACME", READ_KEY)
        .var("LLMCOST_WRITE_KEY_ANTHROPIC_ACME", WRITE_KEY)
        .var("LLMCOST_ANTHROPIC_BASE_URL", &fake.base_url());
    env.write_config(
        "[[budgets]]\nname = \"claude\"\namount = 1\nperiod = \"month\"\nprovider = \"anthropic\"\nbrake = true\n\n\
         [[budgets]]\nname = \"watch-only\"\namount = 1\nperiod = \"month\"\n",
    );
    let out = env.run(&["budgets", "check"]).await;
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(keys.lock().unwrap().writes.is_empty(), "no brake without --enforce");
    let out = env.run(&["budgets", "check", "--enforce"]).await;
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("budget claude exceeded: brake 1 applied 2 change(s); undo: llmcost brake --undo 1 --apply"),
        "{}",
        stderr(&out)
    );
    let statuses: Vec<Value> = keys.lock().unwrap().objects.iter().map(|k| k["status"].clone()).collect();
    assert_eq!(statuses, [json!("inactive"), json!("inactive"), json!("inactive")]);
    let again = env.run(&["budgets", "check", "--enforce"]).await;
    assert!(stderr(&again).contains("nothing left to brake"), "{}", stderr(&again));
    assert_eq!(keys.lock().unwrap().writes.len(), 2, "idempotent");
    // Two days later the late bills arrive: the status says what got through after the brake.
    let env = env.var("LLMCOST_NOW", "2026-11-22T10:00:00Z");
    assert_eq!(code(&env.run(&["sync", "--month"]).await), 0);
    let status = json_out(&env.run(&["brake", "--status", "--format", "json"]).await);
    let after = &status["overshoot"][0]["billed_after"];
    let costs = json_out(
        &env.run(&["costs", "--since", "2026-11-21", "--provider", "anthropic", "--offline", "--format", "json"]).await,
    );
    assert_eq!(
        after[0]["amount"].as_str().map(|a| a.parse::<rust_decimal::Decimal>().unwrap()),
        costs["total"].as_str().map(|a| a.parse().unwrap()),
        "{status}"
    );
    assert!(costs["total"].as_str().unwrap() != "0", "{costs}");
    let table = env.run(&["brake", "--status"]).await;
    assert!(
        stdout(&table).contains("Brake 1 (2026-11-20 10:00 UTC): billed for the UTC days after it"),
        "{}",
        stdout(&table)
    );
    let bad = TestEnv::new();
    bad.write_config("[[budgets]]\nname = \"t\"\namount = 1\nperiod = \"month\"\nteam = \"x\"\nbrake = true\n");
    let out = bad.run(&["budgets", "list"]).await;
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("brake"), "{}", stderr(&out));
}

/// `limits`: a budget with `enforce = "provider"` becomes Anthropic's own monthly limit, in
/// cents; `drift` is the gate; `apply` writes, journaled, and `brake --undo` takes it back. What
/// a provider cannot hold is said.
#[tokio::test]
async fn budgets_become_provider_limits_with_plan_apply_drift() {
    let s = setup(true).await;
    s.env.write_config(
        "[[budgets]]\nname = \"claude\"\namount = \"500.005\"\nperiod = \"month\"\nprovider = \"anthropic\"\nenforce = \"provider\"\n\n\
         [[budgets]]\nname = \"tutor\"\namount = 120\nperiod = \"month\"\nprovider = \"anthropic\"\nproject = \"wrkspc_01Tutor\"\nenforce = \"provider\"\n\n\
         [[budgets]]\nname = \"gpt\"\namount = 100\nperiod = \"month\"\nprovider = \"openai\"\nenforce = \"provider\"\n\n\
         [[budgets]]\nname = \"grading\"\namount = 200\nperiod = \"month\"\nprovider = \"openai\"\nproject = \"proj_b\"\nenforce = \"provider\"\n\n\
         [[budgets]]\nname = \"router\"\namount = 100\nperiod = \"month\"\nprovider = \"openrouter\"\nenforce = \"provider\"\n\n\
         [[budgets]]\nname = \"weekly\"\namount = 100\nperiod = \"week\"\nprovider = \"anthropic\"\nenforce = \"provider\"\n",
    );
    let plan = s.env.run(&["limits", "plan", "--format", "json"]).await;
    assert_eq!(code(&plan), 0, "{}", stderr(&plan));
    let doc = json_out(&plan);
    let row = |name: &str| doc["limits"].as_array().unwrap().iter().find(|r| r["budget"] == name).unwrap().clone();
    assert_eq!(
        (row("claude")["verdict"].clone(), row("claude")["wanted"].clone()),
        (json!("differs"), json!({"amount": "50000"}))
    );
    assert!(row("claude")["asks"].as_str().unwrap().contains("a fraction of a cent dropped"), "{doc}");
    assert_eq!(row("tutor")["limit"], "wrkspc_01Tutor");
    // OpenAI holds hard monthly limits too (organization and project), in whole cents.
    assert_eq!(
        (row("gpt")["verdict"].clone(), row("gpt")["now"].clone()),
        (json!("differs"), json!({"amount": null, "currency": null}))
    );
    assert!(row("gpt")["asks"].as_str().unwrap().contains("threshold_amount 10000 (cents"), "{doc}");
    assert_eq!(
        (row("grading")["limit"].clone(), row("grading")["now"]["amount"].clone()),
        (json!("proj_b"), json!("30000"))
    );
    assert_eq!(row("router")["verdict"], "cannot");
    assert!(row("weekly")["reason"].as_str().unwrap().contains("monthly"), "{doc}");
    assert_eq!(code(&s.env.run(&["limits", "drift"]).await), 3);

    let out = s.env.run(&["limits", "apply", "--format", "json"]).await;
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let limits = s.anthropic.state.lock().unwrap().limits.clone();
    assert_eq!(limits.len(), 2, "{limits:?}");
    assert_eq!(
        (limits[0]["amount"].clone(), limits[0]["scope"].clone()),
        (json!("50000"), json!({"type": "organization"}))
    );
    assert_eq!(limits[1]["scope"], json!({"type": "workspace", "workspace_id": "wrkspc_01Tutor"}));
    let openai = s.openai.state.lock().unwrap().limits.clone();
    let cents: Vec<(Value, Value)> =
        openai.iter().map(|l| (l["scope"].clone(), l["threshold_amount"].clone())).collect();
    assert_eq!(cents, [(json!("proj_b"), json!(20000)), (json!("organization"), json!(10000))]);
    assert_eq!(code(&s.env.run(&["limits", "drift"]).await), 0, "in line after apply");

    // The journal holds what was there (no limit): undo writes it back.
    let undo = s.env.run(&["brake", "--undo", "--apply", "--format", "json"]).await;
    assert_eq!(code(&undo), 0, "{}", stderr(&undo));
    let limits = s.anthropic.state.lock().unwrap().limits.clone();
    assert!(limits.iter().all(|l| l["amount"].is_null()), "{limits:?} {}", stdout(&undo));
    assert!(s.anthropic.state.lock().unwrap().violations.is_empty());
    // OpenAI: the project's $300 is back as it was; the organization's limit, which did not
    // exist, is removed again.
    let openai = s.openai.state.lock().unwrap().limits.clone();
    assert_eq!(openai.len(), 1, "{openai:?}");
    assert_eq!((openai[0]["scope"].clone(), openai[0]["threshold_amount"].clone()), (json!("proj_b"), json!(30000)));
    assert!(s.openai.state.lock().unwrap().violations.is_empty());
    assert_eq!(code(&s.env.run(&["limits", "drift"]).await), 3);
}

/// `serve --enforce`: the team server brakes an exceeded `brake = true` budget after its sync.
#[tokio::test]
async fn the_server_enforces_after_its_sync() {
    use std::process::Stdio;
    let fake = crate::fake_anthropic::FakeAnthropic::start(crate::fake_anthropic::sample_org(READ_KEY)).await;
    let keys = FakeLevers::anthropic_keys_on(&fake.server).await;
    let env = TestEnv::new()
        .var("LLMCOST_KEY_ANTHROPIC_ACME", READ_KEY)
        .var("LLMCOST_WRITE_KEY_ANTHROPIC_ACME", WRITE_KEY)
        .var("LLMCOST_ANTHROPIC_BASE_URL", &fake.base_url());
    env.write_config(
        "[[budgets]]\nname = \"claude\"\namount = 1\nperiod = \"month\"\nprovider = \"anthropic\"\nbrake = true\n",
    );
    let port = crate::serve::free_port();
    let mut cmd = env.std_cmd();
    cmd.args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--enforce"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let _serve = crate::serve::Killed(cmd.spawn().unwrap());
    let braked = || {
        let k = keys.clone();
        async move { k.lock().unwrap().objects.iter().all(|o| o["status"] == "inactive").then_some(()) }
    };
    assert!(crate::serve::eventually(40, braked).await.is_some(), "the keys were set inactive");
    assert_eq!(keys.lock().unwrap().writes.len(), 2);
    let status = json_out(&env.run(&["brake", "--status", "--format", "json"]).await);
    assert_eq!(status["braked"].as_array().unwrap().len(), 2, "journaled by the server: {status}");
}

/// The ladder's middle rung: `--rung deny-models` refuses the expensive models in every active
/// OpenAI project (a deny list created, or grown), leaves providers without that rung alone and
/// says so, and an undo puts each project's policy back as it was (removing the one created).
#[tokio::test]
async fn the_deny_models_rung_refuses_expensive_models_and_is_undone() {
    let s = setup(true).await;
    let plan = s.env.run(&["brake", "--rung", "deny-models", "--format", "json"]).await;
    assert_eq!(code(&plan), 0, "{}", stderr(&plan));
    let doc = json_out(&plan);
    let actions = doc["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 2, "the two active projects: {doc:#}");
    assert!(actions.iter().all(|a| a["kind"] == "model_permissions"), "{doc:#}");
    let to = &actions.iter().find(|a| a["id"] == "proj_a").unwrap()["to"];
    let denied: Vec<&str> = to["model_ids"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    assert_eq!(to["mode"], "deny_list");
    assert!(denied.contains(&"o1-pro") && denied.contains(&"gpt-4.5-preview"), "{denied:?}");
    assert!(!denied.contains(&"gpt-4o-mini") && !denied.contains(&"gpt-4o"), "cheap models stay: {denied:?}");
    let table = s.env.run(&["brake", "--rung", "deny-models", "--provider", "anthropic"]).await;
    assert!(stdout(&table).contains("No lever llmcost uses for anthropic/acme"), "{}", stdout(&table));

    // Chosen models, applied: proj_b's deny list grows, proj_a gets one.
    let out = s.env.run(&["brake", "--rung", "deny-models", "--deny-models", "o3-pro,o1-pro", "--apply"]).await;
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let policies = s.openai.state.lock().unwrap().permissions.clone();
    let of = |p: &str| policies.iter().find(|x| x["project"] == p).map(|x| x["model_ids"].clone());
    assert_eq!(of("proj_b"), Some(json!(["o1-pro", "o3-pro"])));
    assert_eq!(of("proj_a"), Some(json!(["o3-pro", "o1-pro"])));
    assert_eq!(writes(&s.anthropic), 0, "only the rung asked");

    let undo = s.env.run(&["brake", "--undo", "--apply"]).await;
    assert_eq!(code(&undo), 0, "{}", stderr(&undo));
    let policies = s.openai.state.lock().unwrap().permissions.clone();
    assert_eq!(policies.len(), 1, "proj_a's policy, which did not exist, is removed: {policies:?}");
    assert_eq!(
        (policies[0]["project"].clone(), policies[0]["model_ids"].clone()),
        (json!("proj_b"), json!(["o1-pro"]))
    );
    assert!(s.openai.state.lock().unwrap().violations.is_empty());
}
