//! The team server: `serve` with `[serve] tokens` answers `/api/v1/<command>?flag=value` with
//! exactly what the command prints on the server, and `--remote URL` makes a teammate's command
//! ask it: byte-identical JSON to the local command, no admin key on the teammate's machine.
//! Requests without a valid token, for commands that write, or with flags that touch files are
//! refused.

use std::process::Stdio;

use crate::fake_openai::{FakeOpenAi, sample_org};
use crate::serve::{Killed, eventually, free_port, get};
use crate::test_env::{TestEnv, code, expect_code, stderr, stdout};

const KEY: &str = "sk-admin-remote-0123456789";
const TOKEN: &str = "team-token-0123456789abcdef";
const TUTORS: &str = "tutors-token-0123456789abcdef";

/// Fills the server's cache for the month, starts `serve` on a free port and waits until it
/// answers: the running server (stopped when dropped) and its base URL.
async fn sync_and_serve(server: &TestEnv) -> (Killed, String) {
    expect_code(&server.run(&["sync", "--month"]).await, 0);
    let port = free_port();
    let mut cmd = server.std_cmd();
    cmd.args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--interval", "1h"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let serve = Killed(cmd.spawn().unwrap());
    let base = format!("http://127.0.0.1:{port}");
    let health = format!("{base}/healthz");
    assert!(eventually(20, || get(&health)).await.is_some(), "serve answers");
    (serve, base)
}

#[tokio::test]
async fn a_teammate_gets_the_servers_answer_byte_for_byte() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let server = TestEnv::new().openai("edugami", KEY, &fake.base_url()).var("LLMCOST_SERVE_TOKEN_TEAM", TOKEN);
    let server = server.var("LLMCOST_SERVE_TOKEN_TUTORS", TUTORS);
    server.write_config(
        "[serve]\ntokens = [\n  { name = \"team\", env = \"LLMCOST_SERVE_TOKEN_TEAM\" },\n  \
         { name = \"tutors\", env = \"LLMCOST_SERVE_TOKEN_TUTORS\", team = \"tutoring\" },\n]\n\n\
         [[teams]]\nname = \"tutoring\"\nmatch = [ { project = \"proj_tut*\" } ]\n\n\
         [[teams]]\nname = \"others\"\nmatch = [ { provider = \"openai\" } ]\n\n\
         [[budgets]]\nname = \"all\"\namount = 1\nperiod = \"month\"\n",
    );
    // The server's cache, filled once; then the same questions locally and remotely.
    let (_serve, base) = sync_and_serve(&server).await;

    // A teammate: no key, no config, an empty cache of their own.
    let teammate = TestEnv::new().var("LLMCOST_REMOTE_TOKEN", TOKEN);
    for question in [
        vec!["costs", "--by", "model", "--month", "--format", "json"],
        vec!["costs", "--by", "day,model", "--month", "--format", "csv"],
        vec!["projects", "--month", "--format", "json"],
        vec!["report", "--month", "--format", "json"],
        vec!["budgets", "check", "--format", "json"],
    ] {
        let local = server.run(&[&question[..], &["--offline"]].concat()).await;
        let remote = teammate.run(&[&["--remote", base.as_str()], &question[..]].concat()).await;
        assert_eq!(code(&remote), code(&local), "{question:?}: {}", stderr(&remote));
        assert_eq!(stdout(&remote), stdout(&local), "{question:?}: byte for byte");
    }
    // The API as the issue spells it, for curl and scripts.
    let client = llmcost::providers::http::build_client(std::time::Duration::from_secs(5)).unwrap();
    let url = format!("{base}/api/v1/costs?by=model&month=&format=json");
    let answer = client.get(&url).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.headers()["x-llmcost-exit"], "0");
    assert_eq!(answer.headers()["content-type"], "application/json");
    let local = server.run(&["costs", "--by", "model", "--month", "--format", "json", "--offline"]).await;
    assert_eq!(answer.text().await.unwrap(), stdout(&local));

    // Refused: no token, a wrong one, a command that writes, a flag that writes a file.
    assert_eq!(client.get(&url).send().await.unwrap().status(), 401);
    assert_eq!(client.get(&url).bearer_auth("team-token-wrong-0000000").send().await.unwrap().status(), 401);
    for forbidden in ["providers", "budgets/add?amount=1", "sync", "report?out=/tmp/x", "prices/update"] {
        let r = client.get(format!("{base}/api/v1/{forbidden}")).bearer_auth(TOKEN).send().await.unwrap();
        assert_eq!(r.status(), 403, "{forbidden}");
    }
    // A token limited to one team sees that team's spend, and nothing else.
    let tutor = TestEnv::new().var("LLMCOST_REMOTE_TOKEN", TUTORS);
    let theirs = tutor.run(&["--remote", base.as_str(), "costs", "--by", "model", "--month", "--format", "json"]).await;
    let local =
        server.run(&["costs", "--team", "tutoring", "--by", "model", "--month", "--format", "json", "--offline"]).await;
    expect_code(&theirs, 0);
    assert_eq!(stdout(&theirs), stdout(&local), "the team's own view");
    assert!(stdout(&theirs).contains("\"team\": \"tutoring\""), "{}", stdout(&theirs));
    for other in [vec!["costs", "--team", "others"], vec!["projects"], vec!["budgets"]] {
        let out = tutor.run(&[&["--remote", base.as_str()], &other[..]].concat()).await;
        assert_eq!(code(&out), 2, "{other:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("limited to team tutoring"), "{}", stderr(&out));
    }

    let wrong = TestEnv::new().var("LLMCOST_REMOTE_TOKEN", "team-token-wrong-0000000");
    let out = wrong.run(&["--remote", base.as_str(), "costs"]).await;
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("refused LLMCOST_REMOTE_TOKEN") && !stderr(&out).contains("wrong-0000"),
        "{}",
        stderr(&out)
    );
}

#[tokio::test]
async fn without_tokens_the_api_is_off() {
    let port = free_port();
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-12-06T10:00:00Z");
    let mut cmd = env.std_cmd();
    cmd.args(["--demo", "serve", "--listen", &format!("127.0.0.1:{port}")]).stdout(Stdio::null()).stderr(Stdio::null());
    let _serve = Killed(cmd.spawn().unwrap());
    let base = format!("http://127.0.0.1:{port}");
    let health = format!("{base}/healthz");
    assert!(eventually(20, || get(&health)).await.is_some());
    let client = llmcost::providers::http::build_client(std::time::Duration::from_secs(5)).unwrap();
    let r = client.get(format!("{base}/api/v1/costs")).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let out = TestEnv::new().run(&["--remote", base.as_str(), "costs"]).await;
    assert_eq!(code(&out), 2, "no LLMCOST_REMOTE_TOKEN: {}", stderr(&out));
}

/// `--remote URL tui`: the dashboard's loads, refreshes and exports go to the server, which
/// answers from its cache with the local dashboard's own use case: the screen's total is the
/// server's `costs` total, a workspaces token sees its workspace only, a team token is refused.
#[tokio::test]
async fn the_dashboard_reads_the_servers_cache() {
    use llmcost::app::remote::Server;
    use llmcost::tui::model::Model;
    use llmcost::tui::update::{Effect, Msg, init, update};

    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let server = TestEnv::new()
        .openai("edugami", KEY, &fake.base_url())
        .var("LLMCOST_KEY_OPENAI_LABS", KEY)
        .var("LLMCOST_SERVE_TOKEN_TEAM", TOKEN)
        .var("LLMCOST_SERVE_TOKEN_LABS", "labs-token-0123456789abcdef")
        .var("LLMCOST_SERVE_TOKEN_TUTORS", TUTORS);
    server.write_config(
        "[serve]\ntokens = [\n  { name = \"team\", env = \"LLMCOST_SERVE_TOKEN_TEAM\" },\n  \
         { name = \"labs\", env = \"LLMCOST_SERVE_TOKEN_LABS\", workspaces = [\"labs\"] },\n  \
         { name = \"tutors\", env = \"LLMCOST_SERVE_TOKEN_TUTORS\", team = \"tutoring\" },\n]\n\n\
         [[teams]]\nname = \"tutoring\"\nmatch = [ { project = \"proj_tut*\" } ]\n\n\
         [[budgets]]\nname = \"edugami-monthly\"\namount = 1\nperiod = \"month\"\nworkspace = \"edugami\"\n",
    );
    let (_serve, base) = sync_and_serve(&server).await;
    let total = |json: &str| -> rust_decimal::Decimal {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["total"].as_str().unwrap().parse().unwrap()
    };
    let local = server.run(&["costs", "--month", "--format", "json", "--offline"]).await;
    let labs_local = server.run(&["costs", "--month", "-w", "labs", "--format", "json", "--offline"]).await;

    let dir = tempfile::tempdir().unwrap();
    let (base2, dir_path) = (base.clone(), dir.path().to_path_buf());
    // The dashboard runs blocking HTTP: off the test's async threads.
    let (screens, exported) = tokio::task::spawn_blocking(move || {
        let open = |token: &str| Server::new(&base2, &[("LLMCOST_REMOTE_TOKEN".into(), token.into())]).unwrap();
        let run = |server: &Server, model: &mut Model, effects: Vec<Effect>| {
            let mut queue = effects;
            while let Some(effect) = queue.pop() {
                let msg = llmcost::tui::run_remote_effect(server, effect);
                queue.extend(update(model, msg));
            }
        };
        let mut screens = Vec::new();
        let mut exported = None;
        for token in [TOKEN, "labs-token-0123456789abcdef"] {
            let server = open(token);
            let start = server.dashboard_start().unwrap();
            let mut model = Model::new(start.accounts, start.today, true, false);
            let effects = init(&mut model);
            run(&server, &mut model, effects);
            // r: the server syncs on its own; the dashboard asks it again.
            let effects = update(
                &mut model,
                Msg::Key(ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('r'))),
            );
            run(&server, &mut model, effects);
            let snapshot = model.snapshot.clone().expect("a screen");
            screens.push((model.accounts.clone(), snapshot));
            if exported.is_none() {
                let q = llmcost::app::dashboard::Query {
                    currency: llmcost::domain::Currency::USD,
                    accounts: vec![],
                    project: None,
                    range: screens[0].1.range,
                    period_end: screens[0].1.range.until,
                    today: start.today,
                    estimates: false,
                    activity: vec![],
                };
                let msg = llmcost::tui::run_remote_effect(
                    &server,
                    Effect::Export { query: q, path: dir_path.join("export.csv"), filter: String::new() },
                );
                let Msg::Exported(Ok(path)) = msg else { panic!("export failed: {msg:?}") };
                exported = Some(std::fs::read_to_string(path).unwrap());
            }
        }
        let tutors = open(TUTORS).dashboard_start().unwrap_err().to_string();
        (screens, (exported, tutors))
    })
    .await
    .unwrap();

    let (all_accounts, all) = &screens[0];
    assert_eq!(all_accounts.len(), 2, "both workspaces: {all_accounts:?}");
    assert!(all.total.decimal() > rust_decimal::Decimal::ZERO, "the server synced spend");
    assert_eq!(all.total.decimal(), total(&stdout(&local)), "the screen's total is costs' total");
    assert_eq!(all.budgets.len(), 1, "the server's budget is on the screen");
    let (labs_accounts, labs) = &screens[1];
    assert_eq!(labs_accounts.iter().map(|a| a.workspace.as_str()).collect::<Vec<_>>(), ["labs"]);
    assert_eq!(labs.total.decimal(), total(&stdout(&labs_local)), "labs sees labs");
    assert!(labs.budgets.is_empty(), "edugami's budget is not labs' to see");
    let (csv, tutors) = exported;
    let csv = csv.unwrap();
    let local_csv = server.run(&["costs", "--month", "--by", "provider,model", "--format", "csv", "--offline"]).await;
    assert_eq!(csv.lines().next(), stdout(&local_csv).lines().next(), "the CSV's header row");
    assert_eq!(csv.lines().count(), stdout(&local_csv).lines().count(), "{csv}");
    assert!(tutors.contains("403") && tutors.contains("limited to team tutoring"), "{tutors}");
}
