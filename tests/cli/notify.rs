//! Budget alerts end to end, against local receivers that accept only what the real services
//! accept (Slack's block limits, Teams' Adaptive Card envelope, Discord's 2000 characters and its
//! 429 `retry_after` body, PagerDuty Events v2 fields, Standard Webhooks signatures): exactly one
//! message per threshold, nothing twice, retries honoured, a failing channel not stopping the
//! others, `--dry-run`, and PagerDuty resolves.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine;
use ring::hmac;
use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::fake_openai::{FakeOpenAi, sample_org};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-notify-0123456789";
const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ROUTING_KEY: &str = "R0UT1NGKEY0123456789abcdef012345";

/// Pseudo statuses for hostile receivers: a 429 asking for 1e20 seconds (Discord: 1e300 in its
/// body), a 400 that echoes the request URL, a receiver that never answers.
const HUGE_RETRY_AFTER: u16 = 1429;
const ECHO_URL: u16 = 1400;
const HANG: u16 = 1504;

/// Records every valid body; answers what the real receiver would, and fails on demand first.
struct Receiver {
    kind: &'static str,
    got: Arc<Mutex<Vec<Value>>>,
    hits: Arc<AtomicUsize>,
    /// Answer this many first requests with this status (500, 429...).
    fail_first: usize,
    fail_status: u16,
}

fn reject(why: &str) -> ResponseTemplate {
    ResponseTemplate::new(400).set_body_string(format!("invalid_payload: {why}"))
}

fn valid(kind: &str, req: &Request, body: &Value) -> Result<(), String> {
    let s = |v: &Value| v.as_str().map(str::to_string);
    match kind {
        "slack" => {
            let blocks = body["blocks"].as_array().ok_or("no blocks")?;
            (s(&body["text"]).is_some() && blocks.len() <= 50).then_some(()).ok_or("text and at most 50 blocks")?;
            (s(&blocks[0]["text"]["text"]).unwrap_or_default().chars().count() <= 150)
                .then_some(())
                .ok_or("header over 150")?;
            Ok(())
        }
        "teams" => {
            (req.body.len() < 28 * 1024).then_some(()).ok_or("over 28 KB")?;
            (body["type"] == "message"
                && body["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"
                && body["attachments"][0]["content"]["type"] == "AdaptiveCard")
                .then_some(())
                .ok_or_else(|| "not an Adaptive Card message".to_string())
        }
        "discord" => {
            let content = s(&body["content"]).ok_or("no content")?;
            (content.chars().count() <= 2000).then_some(()).ok_or_else(|| "content over 2000".into())
        }
        "pagerduty" => {
            (body["routing_key"] == ROUTING_KEY).then_some(()).ok_or("bad routing key")?;
            let action = s(&body["event_action"]).ok_or("no event_action")?;
            s(&body["dedup_key"]).ok_or("no dedup_key")?;
            if action == "trigger" {
                let summary = s(&body["payload"]["summary"]).ok_or("no summary")?;
                (summary.chars().count() <= 1024 && body["payload"]["source"] == "llmcost")
                    .then_some(())
                    .ok_or("summary or source")?;
                // Events API v2: critical, error, warning or info.
                (["critical", "error", "warning", "info"]
                    .contains(&body["payload"]["severity"].as_str().unwrap_or("")))
                .then_some(())
                .ok_or("severity")?;
            }
            Ok(())
        }
        "webhook" => {
            let h =
                |n: &str| req.headers.get(n).and_then(|v| v.to_str().ok()).map(str::to_string).ok_or(format!("no {n}"));
            let (id, ts, sig) = (h("webhook-id")?, h("webhook-timestamp")?, h("webhook-signature")?);
            let engine = base64::engine::general_purpose::STANDARD;
            let key = engine.decode(SECRET.trim_start_matches("whsec_")).unwrap();
            let mut signed = format!("{id}.{ts}.").into_bytes();
            signed.extend_from_slice(&req.body);
            let expected =
                format!("v1,{}", engine.encode(hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, &key), &signed).as_ref()));
            (sig == expected).then_some(()).ok_or("bad signature")?;
            (body["schema_version"] == 1
                && (body["budget"]["name"].is_string() || body["balance_floor"]["name"].is_string()))
            .then_some(())
            .ok_or_else(|| "fields".into())
        }
        _ => Ok(()),
    }
}

impl Respond for Receiver {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let n = self.hits.fetch_add(1, Ordering::SeqCst);
        if n < self.fail_first {
            return match (self.kind, self.fail_status) {
                ("discord", 429) => ResponseTemplate::new(429).set_body_json(
                    serde_json::json!({"message": "You are being rate limited.", "retry_after": 0.2, "global": false}),
                ),
                (_, 429) => ResponseTemplate::new(429).insert_header("retry-after", "1"),
                ("discord", HUGE_RETRY_AFTER) => ResponseTemplate::new(429)
                    .set_body_string(r#"{"message":"slow down","retry_after":1e300,"global":false}"#),
                (_, HUGE_RETRY_AFTER) => ResponseTemplate::new(429).insert_header("retry-after", "1e20"),
                (_, ECHO_URL) => ResponseTemplate::new(400).set_body_string(format!(
                    "invalid_payload for {} ({})",
                    req.url,
                    req.url.path()
                )),
                (_, HANG) => ResponseTemplate::new(200).set_delay(std::time::Duration::from_secs(600)),
                (_, status) => ResponseTemplate::new(status).set_body_string("upstream error"),
            };
        }
        let Ok(body) = serde_json::from_slice::<Value>(&req.body) else { return reject("not JSON") };
        if let Err(why) = valid(self.kind, req, &body) {
            return reject(&why);
        }
        self.got.lock().unwrap().push(body);
        match self.kind {
            "teams" | "pagerduty" => ResponseTemplate::new(202),
            "discord" => ResponseTemplate::new(204),
            _ => ResponseTemplate::new(200).set_body_string("ok"),
        }
    }
}

/// What a receiver kept, and how often it was called.
type Seen = (&'static str, Arc<Mutex<Vec<Value>>>, Arc<AtomicUsize>);

struct Receivers {
    server: MockServer,
    got: Vec<Seen>,
}

impl Receivers {
    async fn start(failures: &[(&'static str, usize, u16)]) -> Receivers {
        let server = MockServer::start().await;
        let mut got = Vec::new();
        for kind in ["slack", "teams", "discord", "pagerduty", "webhook"] {
            let (fail_first, fail_status) = failures.iter().find(|f| f.0 == kind).map_or((0, 500), |f| (f.1, f.2));
            let (store, hits) = (Arc::new(Mutex::new(Vec::new())), Arc::new(AtomicUsize::new(0)));
            Mock::given(method("POST"))
                .and(path(format!("/{kind}")))
                .respond_with(Receiver { kind, got: store.clone(), hits: hits.clone(), fail_first, fail_status })
                .mount(&server)
                .await;
            got.push((kind, store, hits));
        }
        Receivers { server, got }
    }

    fn bodies(&self, kind: &str) -> Vec<Value> {
        self.got.iter().find(|g| g.0 == kind).unwrap().1.lock().unwrap().clone()
    }

    fn hits(&self, kind: &str) -> usize {
        self.got.iter().find(|g| g.0 == kind).unwrap().2.load(Ordering::SeqCst)
    }
}

fn config(r: &Receivers, amount: u32) -> String {
    let u = r.server.uri();
    format!(
        "[[budgets]]\nname = \"team\"\namount = {amount}\nperiod = \"month\"\n\n\
         [[notify]]\nkind = \"slack\"\nurl_env = \"SLACK_URL\"\n\n\
         [[notify]]\nname = \"ms-teams\"\nkind = \"teams\"\nurl = \"{u}/teams\"\n\n\
         [[notify]]\nkind = \"discord\"\nurl = \"{u}/discord\"\nmin_level = \"exceeded\"\n\n\
         [[notify]]\nname = \"oncall\"\nkind = \"pagerduty\"\nrouting_key_env = \"PD_KEY\"\n\n\
         [[notify]]\nkind = \"webhook\"\nurl = \"{u}/webhook\"\nsecret_env = \"HOOK_SECRET\"\n"
    )
}

async fn setup(failures: &[(&'static str, usize, u16)]) -> (FakeOpenAi, Receivers, TestEnv) {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let r = Receivers::start(failures).await;
    let env = TestEnv::new()
        .openai("edugami", KEY, &fake.base_url())
        .var("SLACK_URL", &format!("{}/slack", r.server.uri()))
        .var("LLMCOST_PAGERDUTY_URL", &format!("{}/pagerduty", r.server.uri()))
        .var("PD_KEY", ROUTING_KEY)
        .var("HOOK_SECRET", SECRET);
    env.write_config(&config(&r, 1));
    (fake, r, env)
}

#[tokio::test]
async fn each_threshold_is_sent_once_to_every_channel_with_retries() {
    let (_fake, r, env) = setup(&[("discord", 1, 429), ("webhook", 1, 500)]).await;
    let out = env.run(&["budgets", "check", "--notify", "--format", "json"]).await;
    assert_eq!(code(&out), 3, "the budget is exceeded: {}", stderr(&out));
    // $1 budget, far exceeded: 50 %, 80 % and 100 % crossed at once: one message, the highest.
    for kind in ["slack", "teams", "pagerduty", "webhook", "discord"] {
        assert_eq!(r.bodies(kind).len(), 1, "{kind}: {}", stderr(&out));
    }
    assert_eq!(r.bodies("webhook")[0]["budget"]["threshold"], 100);
    assert_eq!(r.hits("discord"), 2, "Discord's 429 retry_after was honoured");
    assert_eq!(r.hits("webhook"), 2, "the 500 was retried");
    let pd = r.bodies("pagerduty");
    assert_eq!(pd[0]["payload"]["severity"], "critical");
    let doc = json(&out);
    let notes = doc["notifications"].as_array().unwrap();
    assert_eq!(notes.len(), 5, "one per channel");
    assert!(notes.iter().all(|n| n["delivered"] == true));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(!all.contains(ROUTING_KEY) && !all.contains(&r.server.uri()), "no secret or URL in any output");

    // A repeat run sends nothing.
    let again = env.run(&["budgets", "check", "--notify"]).await;
    expect_code(&again, 3);
    for kind in ["slack", "teams", "pagerduty", "webhook"] {
        assert_eq!(r.bodies(kind).len(), 1, "{kind} got nothing new");
    }

    // Spend back under the lowest threshold (a bigger budget): PagerDuty resolves the incident.
    env.write_config(&config(&r, 1_000_000));
    let calm = env.run(&["budgets", "check", "--notify"]).await;
    expect_code(&calm, 0);
    let pd = r.bodies("pagerduty");
    assert_eq!(pd.len(), 2);
    assert_eq!((pd[1]["event_action"].as_str(), &pd[1]["dedup_key"]), (Some("resolve"), &pd[0]["dedup_key"]));
}

/// Thresholds crossed one run at a time each send their own message; crossed together, the
/// highest alone goes, and the lower ones are never sent after it.
#[tokio::test]
async fn a_higher_threshold_later_sends_a_new_message() {
    let (_fake, r, env) = setup(&[]).await;
    // About $49 spent: $80 is 61 % (50 % crossed).
    env.write_config(&config(&r, 80));
    expect_code(&env.run(&["budgets", "check", "--notify"]).await, 0);
    let hooks = r.bodies("webhook");
    assert_eq!(hooks.len(), 1);
    assert_eq!(hooks[0]["budget"]["threshold"], 50);
    // $45: 109 %, so 80 and 100 crossed since: one message, 100 %.
    env.write_config(&config(&r, 45));
    expect_code(&env.run(&["budgets", "check", "--notify"]).await, 3);
    let hooks = r.bodies("webhook");
    assert_eq!(hooks.len(), 2);
    assert_eq!(hooks[1]["budget"]["threshold"], 100);
    expect_code(&env.run(&["budgets", "check", "--notify", "--offline"]).await, 3);
    assert_eq!(r.bodies("webhook").len(), 2, "80 % is never sent after 100 %");
}

#[tokio::test]
async fn a_failing_channel_never_stops_the_others_and_is_tried_again() {
    let (_fake, r, env) = setup(&[("teams", 100, 400)]).await;
    let out = env.run(&["budgets", "check", "--notify", "--fail-on", "warning"]).await;
    expect_code(&out, 3);
    assert!(stderr(&out).contains("notify channel 'ms-teams'"), "{}", stderr(&out));
    assert!(!stderr(&out).contains(&r.server.uri()), "the URL is a secret: {}", stderr(&out));
    assert_eq!(r.bodies("slack").len(), 1, "the others were delivered");
    // With the budget no longer failing, a channel failure is exit 1, and the failed messages are tried again.
    let before = r.hits("teams");
    let out = env.run(&["budgets", "check", "--notify", "--fail-on", "exceeded", "--offline"]).await;
    assert!(r.hits("teams") > before, "the failed messages were tried again");
    assert_eq!(r.bodies("slack").len(), 1, "delivered ones were not sent again");
    assert_eq!(code(&out), 3, "still exceeded");
}

#[tokio::test]
async fn dry_run_sends_and_records_nothing() {
    let (_fake, r, env) = setup(&[]).await;
    let out = env.run(&["budgets", "check", "--notify", "--dry-run", "--format", "json"]).await;
    expect_code(&out, 3);
    let notes = json(&out)["notifications"].as_array().unwrap().clone();
    assert_eq!(notes.len(), 5);
    assert!(notes.iter().all(|n| n["threshold"] == 100), "the dry run says the threshold: {notes:?}");
    let pd = notes.iter().find(|n| n["kind"] == "pagerduty").unwrap();
    assert_eq!(pd["body"]["routing_key"], "***");
    assert!(!stdout(&out).contains(ROUTING_KEY));
    for kind in ["slack", "teams", "discord", "pagerduty", "webhook"] {
        assert_eq!(r.hits(kind), 0, "{kind}");
    }
    let real = env.run(&["budgets", "check", "--notify"]).await;
    expect_code(&real, 3);
    assert_eq!(r.bodies("slack").len(), 1, "the dry run recorded nothing");
    let test = env.run(&["notify", "test", "--channel", "slack"]).await;
    expect_code(&test, 0);
    assert_eq!(r.bodies("slack").len(), 2);
}

#[tokio::test]
async fn bad_channels_are_config_errors_naming_the_entry_and_field() {
    let env = TestEnv::new();
    for (text, needle) in [
        ("[[notify]]\nkind = \"sms\"\nurl = \"https://x\"\n", "[[notify]] #1: kind"),
        ("[[notify]]\nkind = \"slack\"\n", "url: missing"),
        ("[[notify]]\nname = \"pd\"\nkind = \"pagerduty\"\n", "[[notify]] pd: routing_key_env"),
        (
            "[[notify]]\nkind = \"slack\"\nurl = \"https://a\"\n[[notify]]\nkind = \"slack\"\nurl = \"https://b\"\n",
            "used twice",
        ),
        ("[[notify]]\nkind = \"slack\"\nurl = \"https://a\"\nbudgets = [\"nope\"]\n", "no budget named 'nope'"),
    ] {
        env.write_config(text);
        let out = env.run(&["budgets"]).await;
        assert_eq!(code(&out), 2, "{text}");
        assert!(stderr(&out).contains(needle), "{text}: {}", stderr(&out));
    }
}

/// Hostile receivers never crash a run or hold the others: absurd Retry-After values are bounded
/// (they panicked before), an echoed webhook URL is not printed, a receiver that never answers
/// times out while the others are delivered, and a deleted webhook (410) is not retried by later
/// runs.
#[tokio::test]
async fn hostile_receivers_never_stop_the_alerts() {
    let (_fake, r, env) = setup(&[
        ("slack", 100, HUGE_RETRY_AFTER),
        ("discord", 100, HUGE_RETRY_AFTER),
        ("teams", 100, ECHO_URL),
        ("webhook", 100, HANG),
    ])
    .await;
    let env = env.var("LLMCOST_RETRY_MAX_MS", "50");
    let started = std::time::Instant::now();
    let out = env.run(&["--timeout", "2", "budgets", "check", "--notify", "--format", "json"]).await;
    assert_eq!(code(&out), 3, "an exceeded budget, not a panic: {}", stderr(&out));
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "a hanging receiver held the run");
    assert_eq!(r.bodies("pagerduty").len(), 1, "the page after the failing channels went out");
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(!all.contains("/slack") && !all.contains("/teams") && !all.contains(&r.server.uri()), "{all}");
    assert!(all.contains("[redacted]"), "the echo is shown without the URL: {all}");
    let notes = json(&out)["notifications"].as_array().unwrap().clone();
    let webhook: Vec<&Value> = notes.iter().filter(|n| n["channel"] == "webhook").collect();
    assert!(webhook[0]["error"].as_str().unwrap().contains("timed out"), "{webhook:?}");
    assert!(webhook.iter().all(|n| n["delivered"] == false), "{webhook:?}");

    // A deleted webhook: 410 once, never again.
    let (_fake, r, env) = setup(&[("teams", 100, 410)]).await;
    let out = env.run(&["budgets", "check", "--notify"]).await;
    expect_code(&out, 3);
    assert!(stderr(&out).contains("no longer exists"), "{}", stderr(&out));
    let hits = r.hits("teams");
    let out = env.run(&["budgets", "check", "--notify", "--offline"]).await;
    expect_code(&out, 3);
    assert_eq!(r.hits("teams"), hits, "a gone channel is not retried by later runs");
}

/// A crash between a chat message going out and its record must not repeat it: an attempt left
/// 'sending' is settled for Slack, tried again for a webhook (which drops a repeated id).
#[tokio::test]
async fn an_attempt_whose_outcome_was_lost_is_not_repeated_in_chat() {
    let (_fake, r, env) = setup(&[]).await;
    expect_code(&env.run(&["budgets", "check", "--notify", "--dry-run"]).await, 3);
    // What a crash right after the POSTs leaves behind: every due message 'sending'.
    let db = rusqlite::Connection::open(env.dir.path().join("cache.sqlite")).unwrap();
    for channel in ["slack", "webhook"] {
        for t in [50, 80, 100] {
            db.execute(
                "INSERT INTO notifications (channel, budget, period_start, threshold, event, attempts, updated_at, state)
                 VALUES (?1, 'team', '2026-11-01', ?2, 'trigger', 0, '2026-11-22T10:00:00Z', 'sending')",
                rusqlite::params![channel, t],
            )
            .unwrap();
        }
    }
    expect_code(&env.run(&["budgets", "check", "--notify"]).await, 3);
    assert_eq!(r.bodies("slack").len(), 0, "Slack may have shown them: not sent again");
    assert_eq!(r.bodies("webhook").len(), 1, "webhooks dedupe by id: sent again (the highest, once)");
}

/// `notify test` never touches a budget's real incident: PagerDuty gets a trigger under a test
/// key of its own and its resolve, and the budget's incident key is not used.
#[tokio::test]
async fn a_test_page_has_its_own_key_and_resolves_itself() {
    let (_fake, r, env) = setup(&[]).await;
    let out = env.run(&["notify", "test", "--channel", "oncall"]).await;
    expect_code(&out, 0);
    let pd = r.bodies("pagerduty");
    assert_eq!(pd.len(), 2, "{pd:?}");
    assert_eq!((pd[0]["event_action"].as_str(), pd[1]["event_action"].as_str()), (Some("trigger"), Some("resolve")));
    assert_eq!(pd[0]["dedup_key"], pd[1]["dedup_key"]);
    assert!(pd[0]["dedup_key"].as_str().unwrap().starts_with("llmcost/test/"), "{pd:?}");
    assert_eq!(pd[0]["payload"]["severity"], "info");
    assert!(stderr(&out).contains("resolved"), "{}", stderr(&out));
}

/// A `min_balance` budget: the prepaid credits below the floor alert every channel once (a
/// second run sends nothing), and the check fails (exit 3); the JSON lists the floor.
#[tokio::test]
async fn a_balance_floor_alerts_once_when_the_credits_run_low() {
    const OR_KEY: &str = "sk-or-v1-floor-0123456789abcdef";
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let fake =
        crate::fake_openrouter::FakeOpenRouter::start(crate::fake_openrouter::sample_account(OR_KEY, today)).await;
    let r = Receivers::start(&[]).await;
    let env = TestEnv::new()
        .var("LLMCOST_KEY_OPENROUTER_PERSONAL", OR_KEY)
        .var("LLMCOST_OPENROUTER_BASE_URL", &fake.base_url())
        .var("SLACK_URL", &format!("{}/slack", r.server.uri()))
        .var("LLMCOST_PAGERDUTY_URL", &format!("{}/pagerduty", r.server.uri()))
        .var("PD_KEY", ROUTING_KEY)
        .var("HOOK_SECRET", SECRET);
    let channels = config(&r, 1);
    let channels = &channels[channels.find("[[notify]]").unwrap()..];
    env.write_config(&format!(
        "[[budgets]]\nname = \"credits\"\nprovider = \"openrouter\"\nmin_balance = 100\n\n{channels}"
    ));
    let out = env.run(&["budgets", "check", "--notify", "--format", "json"]).await;
    assert_eq!(code(&out), 3, "74.75 left is below the floor of 100: {}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let floor = &doc["balance_floors"][0];
    assert_eq!((floor["balance"].as_str(), floor["level"].as_str()), (Some("74.75"), Some("exceeded")), "{doc}");
    for kind in ["slack", "teams", "discord", "pagerduty", "webhook"] {
        assert_eq!(r.bodies(kind).len(), 1, "{kind}");
    }
    let hook = &r.bodies("webhook")[0];
    assert_eq!(
        (hook["type"].as_str(), hook["balance_floor"]["min_balance"].as_str()),
        (Some("balance.below_floor"), Some("100.00"))
    );
    assert!(
        r.bodies("slack")[0]["text"].as_str().unwrap().contains("LLM credits of openrouter/personal below $100.00")
    );
    let again = env.run(&["budgets", "check", "--notify"]).await;
    assert_eq!(code(&again), 3);
    for kind in ["slack", "teams", "discord", "pagerduty", "webhook"] {
        assert_eq!(r.bodies(kind).len(), 1, "{kind}: once");
    }
    // A floor on a provider billed after use is refused, naming the field.
    env.write_config("[[budgets]]\nname = \"x\"\nprovider = \"openai\"\nmin_balance = 5\n");
    let out = env.run(&["budgets", "check"]).await;
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("provider") && stderr(&out).contains("no balance"), "{}", stderr(&out));
}
