//! Who spent it: against the fake OpenAI organization whose usage report names API keys (a CI
//! service account's and Ana's in each project) and whose projects list their keys with owners,
//! `--by key` and `--by person` split each line's bill between its keys, add up to the bill to
//! the cent per project and day, say how (basis), never show a secret, and a wildcard person
//! budget gives each person a verdict of their own, alerted once per period.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::fake_openai::{FakeOpenAi, billed, sample_org};
use crate::test_env::{TestEnv, expect_code, json, stdout};

const KEY: &str = "sk-admin-test-who-0000aaaa";

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap_or_else(|| panic!("not a decimal string: {v}")).parse().unwrap()
}

#[tokio::test]
async fn keys_and_people_add_up_to_the_bill() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("lab", KEY, &fake.base_url());
    let out = env.run(&["costs", "--month", "--by", "key", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(dec(&doc["total"]), billed(&sample_org(KEY), "2026-11-01", "2026-11-22"), "{doc:#}");
    assert_eq!(doc["group_by"], serde_json::json!(["key", "basis"]));
    let rows = doc["rows"].as_array().unwrap();
    let keys: Vec<&str> = rows.iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert!(keys.contains(&"ci-key (sk-proj-...ci9)") && keys.contains(&"ana-key (sk-proj-...ana9)"), "{keys:?}");
    assert!(keys.contains(&"(no key)"), "tools and storage no key used: {keys:?}");
    assert!(!stdout(&out).contains(KEY), "never a secret");
    for r in rows {
        let expected = if r["key"] == "(no key)" { "billed" } else { "allocated" };
        assert_eq!(r["basis"], expected, "{r}");
    }

    // Per project, model and day, the keys' parts add up to the line's bill exactly.
    let by = |dims: &str| {
        let env = &env;
        let dims = dims.to_string();
        async move { json(&env.run(&["costs", "--month", "--by", &dims, "--format", "json", "--offline"]).await) }
    };
    let lines = by("day,project,model").await;
    let parts = by("day,project,model,key").await;
    let mut summed: BTreeMap<(String, String, String), Decimal> = BTreeMap::new();
    for r in parts["rows"].as_array().unwrap() {
        let k = (r["day"].to_string(), r["project"].to_string(), r["model"].to_string());
        *summed.entry(k).or_default() += dec(&r["cost"]);
    }
    for r in lines["rows"].as_array().unwrap() {
        let k = (r["day"].to_string(), r["project"].to_string(), r["model"].to_string());
        assert_eq!(summed.get(&k).copied(), Some(dec(&r["cost"])), "{k:?}");
    }

    // By person: the CI key's owner is a service account; Ana's spend is a quarter of the
    // GPT-4o lines' (her quarter of the tokens, at the same prices).
    let people = by("person").await;
    let who: Vec<&str> = people["rows"].as_array().unwrap().iter().map(|r| r["person"].as_str().unwrap()).collect();
    assert!(who.contains(&"ana@example.org") && who.contains(&"service account ci-runner"), "{who:?}");

    // The exporter says the same, per person and basis.
    let out = env.run(&["metrics", "--offline"]).await;
    expect_code(&out, 0);
    let text = stdout(&out);
    let gauges: Vec<&str> =
        text.lines().filter(|l| l.starts_with("llmcost_spend_month_to_date_by_person_usd{")).collect();
    assert!(gauges.iter().any(|l| l.contains("person=\"ana@example.org\",basis=\"allocated\"")), "{gauges:?}");
    let sum: Decimal = gauges.iter().map(|l| l.rsplit(' ').next().unwrap().parse::<Decimal>().unwrap()).sum();
    assert_eq!(sum, dec(&doc["total"]), "the people add up to the month's bill");

    // A per-person budget: Ana alone is a person; her verdict is her own, alerted once.
    let hook = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(wiremock::ResponseTemplate::new(200))
        .mount(&hook)
        .await;
    env.write_config(&format!(
        "[[budgets]]\nname = \"per-person\"\namount = 1\nperiod = \"month\"\nperson = \"*\"\n\n\
         [[notify]]\nkind = \"webhook\"\nurl = \"{}/hook\"\nbudgets = [\"per-person\"]\n",
        hook.uri()
    ));
    let out = env.run(&["budgets", "check", "--offline", "--format", "json", "--notify"]).await;
    expect_code(&out, 3);
    let doc = json(&out);
    let names: Vec<&str> = doc["budgets"].as_array().unwrap().iter().map(|b| b["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["per-person/ana@example.org"], "{doc:#}");
    assert_eq!(doc["budgets"][0]["level"], "exceeded");
    assert_eq!(doc["budgets"][0]["scope"]["person"], "ana@example.org");
    let sent = hook.received_requests().await.unwrap().len();
    assert!(sent >= 1, "alerted");
    let again = env.run(&["budgets", "check", "--offline", "--notify"]).await;
    expect_code(&again, 3);
    assert_eq!(hook.received_requests().await.unwrap().len(), sent, "once per person and period");

    // A rolling window: the last 7 UTC days, today included.
    env.write_config(
        "[[budgets]]\nname = \"ana-week\"\namount = \"0.01\"\nperiod = \"rolling-7d\"\nperson = \"ana@example.org\"\n",
    );
    let doc = json(&env.run(&["budgets", "check", "--offline", "--format", "json"]).await);
    let b = &doc["budgets"][0];
    assert_eq!(
        (b["period"].as_str(), b["period_start"].as_str(), b["period_end"].as_str()),
        (Some("rolling-7d"), Some("2026-11-16"), Some("2026-11-22")),
        "{doc:#}"
    );
    assert_eq!(b["level"], "exceeded");
}

#[tokio::test]
async fn the_demo_has_keys_and_people() {
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-12-06T10:00:00Z");
    let out = env.run(&["--demo", "costs", "--month", "--by", "person", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let whole = json(&env.run(&["--demo", "costs", "--month", "--format", "json"]).await);
    assert_eq!(doc["total"], whole["total"], "people add up to the bill");
    let rows = doc["rows"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["person"] == "ben@edugami.org" && r["basis"] == "allocated"));
    let out = env.run(&["--demo", "budgets", "--format", "json"]).await;
    let doc = json(&out);
    let ben = doc["budgets"].as_array().unwrap().iter().find(|b| b["name"] == "per-person/ben@edugami.org").unwrap();
    assert_eq!(ben["level"], "exceeded", "ben's agent reran the grading");
}

/// Key names and owners are the provider's text: a table shows their control characters
/// escaped, never raw.
#[tokio::test]
async fn hostile_key_names_never_reach_the_terminal_raw() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    wiremock::Mock::given(wiremock::matchers::path("/v1/organization/projects/proj_tutor/api_keys"))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "object": "list", "has_more": false, "first_id": null, "last_id": null,
            "data": [{"object": "organization.project.api_key", "id": "key_proj_tutor_ci", "name": "ci\u{1b}[2J\u{1b}]0;pwned\u{7}",
                      "redacted_value": "sk-proj-...ci9",
                      "owner": {"type": "user", "user": {"id": "u", "name": "x", "email": "eve\u{1b}[31m@example.org"}}}]
        })))
        .with_priority(1)
        .mount(&fake.server)
        .await;
    let env = TestEnv::new().openai("lab", KEY, &fake.base_url());
    for by in ["key", "person"] {
        let out = env.run(&["costs", "--month", "--by", by]).await;
        expect_code(&out, 0);
        let text = stdout(&out);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text}");
        assert!(text.contains("\\u{1b}") || text.contains("\\x1b") || text.contains("^["), "shown escaped: {text}");
    }
}

/// `[[teams]]` rules may match keys and people: spend is split by key before it is claimed, so
/// the platform team gets the CI service account's part and research Ana's, key by key, and
/// the chargeback, `costs --by team,person` and a team budget say the same and add up to the
/// bill.
#[tokio::test]
async fn teams_claim_spend_by_key_and_person() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("lab", KEY, &fake.base_url());
    expect_code(&env.run(&["sync", "--quiet"]).await, 0);
    env.write_config(
        "[[teams]]\nname = \"platform\"\nmatch = [ { person = \"service account *\" } ]\n\n\
         [[teams]]\nname = \"research\"\nmatch = [ { key = \"ana-*\" } ]\n\n\
         [[budgets]]\nname = \"research\"\namount = 1000\nperiod = \"month\"\nteam = \"research\"\n",
    );
    let month = |args: &[&str]| {
        let env = &env;
        let args: Vec<String> = args.iter().map(ToString::to_string).collect();
        async move {
            let mut all = args;
            all.extend(["--offline".to_string(), "--format".into(), "json".into()]);
            let all: Vec<&str> = all.iter().map(String::as_str).collect();
            let out = env.run(&all).await;
            expect_code(&out, 0);
            json(&out)
        }
    };
    let people = month(&["costs", "--month", "--by", "person"]).await;
    let of = |doc: &serde_json::Value, field: &str, name: &str| -> Decimal {
        let amount = if doc["rows"][0].get("cost").is_some() { "cost" } else { "total" };
        doc["rows"].as_array().unwrap().iter().filter(|r| r[field] == name).map(|r| dec(&r[amount])).sum()
    };
    let ci = of(&people, "person", "service account ci-runner");
    let ana = of(&people, "person", "ana@example.org");
    assert!(ci > Decimal::ZERO && ana > Decimal::ZERO, "{people:#}");

    let chargeback = month(&["teams", "--month"]).await;
    assert_eq!(of(&chargeback, "team", "platform"), ci, "{chargeback:#}");
    assert_eq!(of(&chargeback, "team", "research"), ana);
    assert_eq!(of(&chargeback, "team", "(unallocated)"), of(&people, "person", "(no key)"));
    assert_eq!(dec(&chargeback["total"]), dec(&people["total"]), "the teams add up to the bill");

    let by_team = month(&["costs", "--month", "--by", "team,person"]).await;
    assert_eq!(of(&by_team, "team", "research"), ana, "{by_team:#}");
    assert!(
        by_team["rows"].as_array().unwrap().iter().all(|r| r["team"] != "research" || r["person"] == "ana@example.org"),
        "research holds Ana's keys only: {by_team:#}"
    );
    assert_eq!(dec(&by_team["total"]), dec(&people["total"]));

    let budgets = month(&["budgets", "check"]).await;
    let research = &budgets["budgets"][0];
    assert_eq!(dec(&research["spent"]), ana, "a team budget spends what the chargeback charges: {budgets:#}");

    let check = env.run(&["teams", "check", "--offline"]).await;
    expect_code(&check, 0);
}

/// OpenRouter bills per key: `--by key` reads each key's own activity, so its rows are billed
/// (not allocated), a deleted key's spend stays `(no key)`, a key that never spent is not asked,
/// and the keys add up to the bill to the cent.
#[tokio::test]
async fn openrouter_keys_are_billed_per_key() {
    use crate::fake_openrouter::{FakeOpenRouter, key_of, sample_account};
    const OR_KEY: &str = "sk-or-v1-mgmt-who-0000";
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let fake = FakeOpenRouter::start(sample_account(OR_KEY, today)).await;
    let env = TestEnv::new().var("LLMCOST_KEY_OPENROUTER_PERSONAL", OR_KEY);
    env.write_config(&format!("[workspaces.openrouter.personal]\nbase_url = \"{}\"\n", fake.base_url()));
    let out = env.run(&["costs", "--month", "--by", "key", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let acct = sample_account(OR_KEY, today);
    let (since, until) = (chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), today.pred_opt().unwrap());
    assert_eq!(dec(&doc["total"]), acct.billed(since, until), "{doc:#}");
    let spent_by = |hash: Option<&str>| -> Decimal {
        acct.rows
            .iter()
            .filter(|r| r.0 >= since && r.0 <= until && key_of(r.2) == hash)
            .map(|r| r.3.parse::<Decimal>().unwrap())
            .sum()
    };
    let row = |name: &str| doc["rows"].as_array().unwrap().iter().find(|r| r["key"] == name).cloned();
    let ana = row("ana-laptop (sk-or-v1-a1b...9f0)").unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!((dec(&ana["cost"]), ana["basis"].as_str()), (spent_by(Some("hash_ana")), Some("billed")));
    let ci = row("ci (sk-or-v1-e5f...222)").expect("a disabled key spent before it was");
    assert_eq!((dec(&ci["cost"]), ci["basis"].as_str()), (spent_by(Some("hash_ci")), Some("billed")));
    let gone = row("(no key)").expect("the deleted key's spend");
    assert_eq!((dec(&gone["cost"]), gone["basis"].as_str()), (spent_by(None), Some("billed")));
    assert!(row("spare (sk-or-v1-c3d...111)").is_none(), "the idle key spent nothing");
    let asked: Vec<String> = fake
        .server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter_map(|r| r.url.query_pairs().find(|(k, _)| k == "api_key_hash").map(|(_, v)| v.into_owned()))
        .collect();
    assert_eq!(asked.len(), 2, "each key that spent asked once, the idle one never: {asked:?}");

    // People are the keys' creators (OpenRouter lists user ids, not emails).
    let people = json(&env.run(&["costs", "--month", "--by", "person", "--offline", "--format", "json"]).await);
    let who: Vec<&str> = people["rows"].as_array().unwrap().iter().map(|r| r["person"].as_str().unwrap()).collect();
    assert!(who.contains(&"user_2ana") && who.contains(&"user_2ci"), "{who:?}");
    // By line item, a key's bill (per model) weighs the line: allocated, and still exact.
    let items = json(&env.run(&["costs", "--month", "--by", "key,line_item", "--offline", "--format", "json"]).await);
    assert_eq!(items["total"], doc["total"]);
    assert!(items["rows"].as_array().unwrap().iter().any(|r| r["basis"] == "allocated"), "{items:#}");
}

/// `export --by-key`: each FOCUS line split between its keys, with the key, its owner and the
/// basis in `x_Llmcost*` columns; the rows still add up to the bill, and never a secret.
#[tokio::test]
async fn a_focus_export_split_by_key_adds_up_to_the_bill() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("lab", KEY, &fake.base_url());
    let total = dec(&json(&env.run(&["costs", "--month", "--format", "json"]).await)["total"]);
    let out = env.run(&["export", "--format", "focus", "--month", "--by-key", "--offline"]).await;
    expect_code(&out, 0);
    let text = stdout(&out);
    assert!(!text.contains(KEY), "never a secret");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header[header.len() - 4..],
        ["x_LlmcostApiKeyId", "x_LlmcostApiKeyName", "x_LlmcostPerson", "x_LlmcostCostBasis"]
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (billed, person, basis, key_id) =
        (col("BilledCost"), col("x_LlmcostPerson"), col("x_LlmcostCostBasis"), col("x_LlmcostApiKeyId"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let sum: Decimal = rows.iter().map(|r| r[billed].parse::<Decimal>().unwrap()).sum();
    assert_eq!(sum, total, "the keys' parts add up to the bill");
    assert!(rows.iter().any(|r| &r[person] == "ana@example.org" && &r[basis] == "allocated"));
    assert!(rows.iter().all(|r| r[key_id].is_empty() == (&r[person] == "(no key)")), "no key: no id");
    assert!(rows.iter().filter(|r| r[key_id].is_empty()).all(|r| &r[basis] == "billed"));

    // Without the flag, the file keeps its columns.
    let plain = stdout(&env.run(&["export", "--format", "focus", "--month", "--offline"]).await);
    assert!(!plain.lines().next().unwrap().contains("x_LlmcostApiKeyId"));
}

/// OpenAI's costs endpoint lists `group_by=api_key_id` but answered 400 to it in 2026: llmcost
/// asks once, remembers the refusal (no second probe on the next sync) and allocates; where the
/// API takes it, each key's part is its bill (`billed`), exactly.
#[tokio::test]
async fn openai_costs_per_key_are_probed_once_and_billed_where_taken() {
    // Refused: asked once, remembered.
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("lab", KEY, &fake.base_url());
    expect_code(&env.run(&["sync", "--quiet"]).await, 0);
    assert_eq!(keyed_cost_calls(&fake.server).await, 1);
    expect_code(&env.run(&["sync", "--refresh", "--quiet"]).await, 0);
    assert_eq!(keyed_cost_calls(&fake.server).await, 1, "the refusal is remembered");
    let doc = json(&env.run(&["costs", "--month", "--by", "key", "--offline", "--format", "json"]).await);
    assert!(doc["rows"].as_array().unwrap().iter().all(|r| r["key"] == "(no key)" || r["basis"] == "allocated"));

    // Taken: the keys' rows are their bills.
    let fake = FakeOpenAi::start(crate::fake_openai::Org { costs_by_key: true, ..sample_org(KEY) }).await;
    let env = TestEnv::new().openai("lab", KEY, &fake.base_url());
    let out = env.run(&["costs", "--month", "--by", "key", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(dec(&doc["total"]), billed(&sample_org(KEY), "2026-11-01", "2026-11-22"), "{doc:#}");
    let rows = doc["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["basis"] == "billed"), "{doc:#}");
    let ana: Decimal = rows.iter().filter(|r| r["key"] == "ana-key (sk-proj-...ana9)").map(|r| dec(&r["cost"])).sum();
    let ci: Decimal = rows.iter().filter(|r| r["key"] == "ci-key (sk-proj-...ci9)").map(|r| dec(&r["cost"])).sum();
    assert!(ana > Decimal::ZERO && ci > ana * Decimal::from(2), "the fake bills CI three quarters: {ci} {ana}");
}

/// Costs requests grouped by key a fake OpenAI received.
async fn keyed_cost_calls(server: &wiremock::MockServer) -> usize {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| {
            r.url.path() == "/v1/organization/costs"
                && r.url.query_pairs().any(|(k, v)| k == "group_by" && v == "api_key_id")
        })
        .count()
}

/// `[people]`: GitHub bills Ana's premium requests to her login (`octocat` in the fake), OpenAI
/// allocates her keys' share to her e-mail. Named as one person, `--by person`, the report's
/// people, a person budget written with either name and a team's person rule all count her once,
/// under the config's name, and the total is the bill's. A name given to two people is refused.
#[tokio::test]
async fn one_person_named_two_ways_by_two_providers_is_one_person() {
    use crate::fake_github::{FakeGitHub, sample_org as github_org};
    const GITHUB_TOKEN: &str = "github_pat_11AAAAAA0people0123456789";
    let openai = FakeOpenAi::start(sample_org(KEY)).await;
    let github = FakeGitHub::start(github_org("acme-labs", GITHUB_TOKEN)).await;
    let env = TestEnv::new()
        .openai("lab", KEY, &openai.base_url())
        .var("LLMCOST_KEY_GITHUB_ACME_LABS", GITHUB_TOKEN)
        .var("LLMCOST_GITHUB_BASE_URL", &github.server.uri());
    let people = |doc: &serde_json::Value| -> BTreeMap<String, Decimal> {
        let mut out = BTreeMap::new();
        for r in doc["rows"].as_array().unwrap() {
            *out.entry(r["person"].as_str().unwrap().to_string()).or_default() += dec(&r["cost"]);
        }
        out
    };
    let before = json(&env.run(&["costs", "--month", "--by", "person", "--format", "json"]).await);
    let apart = people(&before);
    let (ana, octocat) = (apart["ana@example.org"], apart["octocat"]);
    assert!(ana > Decimal::ZERO && octocat > Decimal::ZERO, "{apart:?}");

    env.write_config(
        "[people]\n\"ana@example.org\" = [\"OctoCat\"]\n\n\
         [[budgets]]\nname = \"ana-by-login\"\namount = 1000\nperiod = \"month\"\nperson = \"octocat\"\n\n\
         [[teams]]\nname = \"ana-team\"\nmatch = [ { person = \"OCTOCAT\" } ]\n",
    );
    let after = json(&env.run(&["costs", "--month", "--by", "person", "--format", "json", "--offline"]).await);
    let together = people(&after);
    assert_eq!(together.get("ana@example.org"), Some(&(ana + octocat)), "{together:?}");
    assert!(!together.contains_key("octocat"), "{together:?}");
    assert_eq!(dec(&after["total"]), dec(&before["total"]), "the same bill");

    let report = json(&env.run(&["report", "--month", "--format", "json", "--offline"]).await);
    let reported: Vec<(&str, Decimal)> = report["by_person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["person"].as_str().unwrap(), dec(&p["cost"])))
        .collect();
    assert!(reported.contains(&("ana@example.org", ana + octocat)), "{reported:?}");
    assert!(!reported.iter().any(|(p, _)| *p == "octocat"), "{reported:?}");

    let budgets = json(&env.run(&["budgets", "check", "--offline", "--format", "json"]).await);
    let budget = &budgets["budgets"][0];
    assert_eq!(budget["scope"]["person"], "ana@example.org", "{budget:#}");
    assert_eq!(dec(&budget["spent"]), ana + octocat, "{budget:#}");

    let teams = env.run(&["teams", "--month", "--format", "json", "--offline"]).await;
    expect_code(&teams, 0);
    let teams = json(&teams);
    let claimed: Decimal =
        teams["rows"].as_array().unwrap().iter().filter(|r| r["team"] == "ana-team").map(|r| dec(&r["total"])).sum();
    assert_eq!(claimed, ana + octocat, "{teams:#}");

    // doctor names a listed name no provider has reported (a typo), and only that one.
    env.write_config("[people]\n\"ana@example.org\" = [\"OctoCat\", \"octocatt\"]\n");
    let doctor = stdout(&env.run(&["doctor", "--offline"]).await);
    assert!(doctor.contains("[people]: 1 person(s), 2 other name(s)"), "{doctor}");
    assert!(doctor.contains("octocatt (of ana@example.org): no provider has reported this name yet"), "{doctor}");
    assert!(!doctor.contains("OctoCat (of"), "{doctor}");

    env.write_config("[people]\n\"ana@example.org\" = [\"octocat\"]\n\"hubot@example.org\" = [\"OctoCat\"]\n");
    let out = env.run(&["costs", "--month", "--offline"]).await;
    expect_code(&out, 2);
    let err = crate::test_env::stderr(&out);
    assert!(err.contains("'OctoCat' is given to both \"ana@example.org\" and \"hubot@example.org\""), "{err}");
}
