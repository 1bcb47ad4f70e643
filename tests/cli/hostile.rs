//! A hostile provider, proxy, environment or file (issue: hardening): escape sequences in names,
//! redirects, compression bombs, out-of-range and absurd values, keys echoed back, odd keys and
//! environments, a foreign database. None may panic, reach the terminal raw, send a key to another
//! origin, print a key, or change the cache or a foreign file wrongly.

use std::io::Write;

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::real_responses::serve_empty_siblings;
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-hostile-0123456789abcdef";

fn costs_page(results: serde_json::Value, start_time: i64) -> String {
    serde_json::json!({"object": "page", "has_more": false, "next_page": null,
        "data": [{"object": "bucket", "start_time": start_time, "end_time": start_time + 86_400, "results": results}]})
    .to_string()
}

/// 2026-11-20, inside the pinned clock's month.
const NOV_20: i64 = 1_795_132_800;

async fn openai_with_costs(body: String) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/organization/costs"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.into_bytes(), "application/json"))
        .mount(&server)
        .await;
    serve_empty_siblings(&server, "openai").await;
    server
}

fn env_for(server: &MockServer) -> TestEnv {
    TestEnv::new().openai("acme", KEY, &server.uri())
}

const NOV_20_ARGS: [&str; 4] = ["--since", "2026-11-20", "--until", "2026-11-20"];

fn args<'a>(first: &[&'a str]) -> Vec<&'a str> {
    let mut v = first.to_vec();
    v.extend(NOV_20_ARGS);
    v
}

#[tokio::test]
async fn names_with_escape_sequences_never_reach_the_output_raw() {
    let evil_project = "proj\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}";
    let evil_item = "gpt-4o\u{1b}[2J\r\u{202e}, input";
    let body = costs_page(
        serde_json::json!([{"amount": {"value": "1.25", "currency": "usd"}, "line_item": evil_item, "project_id": evil_project},
                           {"amount": {"value": "2", "currency": "usd"}, "line_item": "![x](https://evil.example/p.png) @org/admins <b>, output", "project_id": null}]),
        NOV_20,
    );
    let server = openai_with_costs(body).await;
    let env = env_for(&server);
    for format in ["table", "markdown"] {
        for by in ["project", "line_item", "model"] {
            let out = env.run(&args(&["costs", "--by", by, "--format", format])).await;
            expect_code(&out, 0);
            let text = stdout(&out);
            assert!(
                !text.contains('\u{1b}') && !text.contains('\r') && !text.contains('\u{7}'),
                "{format} {by}: {text:?}"
            );
            assert!(!text.contains('\u{202e}'), "{format} {by}");
            if by != "model" {
                assert!(text.contains("\\x1b"), "{format} {by}: escapes are shown: {text}");
            }
            if format == "markdown" {
                assert!(!text.contains("![x]") && !text.contains("<b>") && !text.contains(" @org"), "{text}");
            }
        }
    }
    // JSON and CSV keep the exact text.
    let out = env.run(&args(&["costs", "--by", "project", "--format", "json"])).await;
    let doc = json(&out);
    assert!(doc["rows"].as_array().unwrap().iter().any(|r| r["project"] == evil_project), "{doc}");
    let out = env.run(&args(&["costs", "--by", "line_item", "--format", "csv"])).await;
    assert!(stdout(&out).contains(evil_item), "CSV keeps the text");
}

#[tokio::test]
async fn redirects_are_refused_and_the_key_stays_home() {
    let elsewhere = MockServer::start().await;
    let server = MockServer::start().await;
    for status in [301u16, 302, 307, 308] {
        server.reset().await;
        Mock::given(method("GET"))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header("location", format!("{}/steal?x=1", elsewhere.uri()).as_str()),
            )
            .mount(&server)
            .await;
        let out = env_for(&server).run(&args(&["costs"])).await;
        assert_eq!(code(&out), 1, "{status}");
        let err = stderr(&out);
        assert!(
            err.contains("redirect") && err.contains(&format!("{}/steal", elsewhere.uri())),
            "{status}: the target with its port: {err}"
        );
        assert!(!err.contains("x=1"), "the query of the Location is not shown: {err}");
    }
    let stolen: Vec<Request> = elsewhere.received_requests().await.unwrap();
    assert!(stolen.is_empty(), "a request reached the other origin: {stolen:?}");
}

#[tokio::test]
async fn a_compression_bomb_fails_the_account_at_the_cap() {
    // 80 MiB of zeros gzip to about 80 KB.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1024 * 1024];
    for _ in 0..80 {
        gz.write_all(&zeros).unwrap();
    }
    let bomb = gz.finish().unwrap();
    assert!(bomb.len() < 1024 * 1024);
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/organization/costs"))
        .respond_with(
            ResponseTemplate::new(200).insert_header("content-encoding", "gzip").set_body_raw(bomb, "application/json"),
        )
        .mount(&server)
        .await;
    serve_empty_siblings(&server, "openai").await;
    let env = env_for(&server);
    let out = env.run(&args(&["costs"])).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("larger than 64 MiB"), "{}", stderr(&out));
    assert_eq!(synced_days(&env), 0, "nothing recorded as fetched");
}

fn synced_days(env: &TestEnv) -> i64 {
    if !env.db.exists() {
        return 0;
    }
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.query_row("SELECT count(*) FROM synced_days", [], |r| r.get(0)).unwrap_or(0)
}

#[tokio::test]
async fn buckets_outside_the_request_fail_the_account_and_mark_nothing() {
    for start in [0i64, 253_402_300_800, NOV_20 * 1000] {
        let server = openai_with_costs(costs_page(
            serde_json::json!([{"amount": {"value": "5", "currency": "usd"}, "line_item": "gpt-4o, input"}]),
            start,
        ))
        .await;
        let env = env_for(&server);
        let out = env.run(&args(&["costs"])).await;
        assert_eq!(code(&out), 1, "{start}: {}", stdout(&out));
        assert_eq!(synced_days(&env), 0, "{start}: no day is marked fetched");
        assert!(stderr(&out).contains("start_time") || stderr(&out).contains("outside"), "{}", stderr(&out));
    }
}

#[tokio::test]
async fn absurd_amounts_fail_that_account_only() {
    let bad = openai_with_costs(costs_page(
        serde_json::json!([{"amount": {"value": "79228162514264337593543950335", "currency": "usd"}, "line_item": "x, input"},
                           {"amount": {"value": "NaN", "currency": "usd"}, "line_item": "y, input"}]),
        NOV_20,
    ))
    .await;
    let good = openai_with_costs(costs_page(
        serde_json::json!([{"amount": {"value": "3.5", "currency": "usd"}, "line_item": "gpt-4o, input"}]),
        NOV_20,
    ))
    .await;
    let env = TestEnv::new().var("LLMCOST_KEY_OPENAI_BAD", KEY).var("LLMCOST_KEY_OPENAI_GOOD", KEY);
    env.write_config(&format!(
        "[workspaces.openai.bad]\nbase_url = \"{}\"\n[workspaces.openai.good]\nbase_url = \"{}\"\n",
        bad.uri(),
        good.uri()
    ));
    let out = env.run(&args(&["costs", "--format", "json"])).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("openai/bad") && err.contains("larger than any amount"), "{err}");
    assert!(err.contains("--record"), "suggests recording: {err}");
    let out = env.run(&args(&["costs", "--workspace", "good", "--offline", "--format", "json"])).await;
    assert_eq!(json(&out)["total"], "3.50", "the good account was written: {}", stderr(&out));
}

#[tokio::test]
async fn has_more_without_a_cursor_is_an_error_not_a_silent_last_page() {
    let body = serde_json::json!({"object": "page", "has_more": true, "next_page": null,
        "data": [{"object": "bucket", "start_time": NOV_20, "end_time": NOV_20 + 86_400, "results": []}]})
    .to_string();
    let server = openai_with_costs(body).await;
    let out = env_for(&server).run(&args(&["costs"])).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("has_more"), "{}", stderr(&out));
}

#[tokio::test]
async fn keys_echoed_back_or_odd_are_never_printed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(|req: &Request| {
            let auth = req.headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
            ResponseTemplate::new(401)
                .set_body_json(serde_json::json!({"error": {"message": format!("Incorrect API key provided: {auth}")}}))
        })
        .mount(&server)
        .await;
    for key in [KEY, "–€sk-admin-0123456789abcdefghij", "€€€€€€€€€€€€€€€€€€€€"]
    {
        let env = TestEnv::new().openai("acme", key, &server.uri());
        for verbose in [&["-vv"][..], &[]] {
            let mut a = verbose.to_vec();
            a.extend(args(&["costs"]));
            let out = env.run(&a).await;
            assert_eq!(code(&out), 1, "{key}");
            let all = format!("{}{}", stdout(&out), stderr(&out));
            assert!(!all.contains(key), "the key was printed: {all}");
            assert!(!all.contains("panicked"), "{all}");
        }
    }
}

#[cfg(unix)]
#[tokio::test]
async fn environments_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let bytes = std::ffi::OsStr::from_bytes(b"sk-admin-\xff\xfe-secret-bytes");
    let env = TestEnv::new();
    let mut cmd = env.std_cmd();
    cmd.env("SOME_UNRELATED_VAR", bytes).args(["--demo", "costs", "--month"]);
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap()).await.unwrap();
    assert_eq!(code(&out), 0, "an unrelated non-UTF-8 variable changes nothing: {}", stderr(&out));
    let mut cmd = env.std_cmd();
    cmd.env("LLMCOST_KEY_OPENAI_ACME", bytes).args(["costs", "--month"]);
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap()).await.unwrap();
    expect_code(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("LLMCOST_KEY_OPENAI_ACME") && err.contains("not valid UTF-8"), "{err}");
    assert!(!err.contains("secret-bytes"), "{err}");
}

#[tokio::test]
async fn a_foreign_database_is_refused_untouched() {
    let env = TestEnv::new();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'mine');")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&env.db).unwrap();
    let out = env.run(&["cache", "info"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("not an llmcost cache"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&env.db).unwrap(), before, "the file is byte for byte as it was");
    assert!(!env.db.with_extension("sqlite-wal").exists());
}

#[tokio::test]
async fn record_writes_bodies_without_keys() {
    let server = openai_with_costs(costs_page(
        serde_json::json!([{"amount": {"value": "0E-6176", "currency": "usd"}, "line_item": "gpt-4o, cached input"}]),
        NOV_20,
    ))
    .await;
    let env = env_for(&server);
    let dir = env.dir.path().join("rec");
    let mut a = vec!["--record", dir.to_str().unwrap()];
    a.extend(args(&["costs"]));
    let out = env.run(&a).await;
    expect_code(&out, 0);
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(files.len() >= 3, "costs, usage and projects: {files:?}");
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(!text.contains(KEY) && !text.to_lowercase().contains("authorization"), "{text}");
        let rec: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(rec["llmcost_record"], 1);
    }
    let costs = files.iter().find(|f| f.to_string_lossy().contains("organization_costs")).unwrap();
    let rec: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(costs).unwrap()).unwrap();
    assert!(rec["body"].as_str().unwrap().contains("0E-6176"), "the body exactly as received");
    assert!(rec["query"].as_str().unwrap().contains("start_time="), "{rec}");
}

#[tokio::test]
async fn a_closed_stderr_keeps_the_documented_exit_code() {
    let env = TestEnv::new();
    let mut cmd = env.std_cmd();
    cmd.args(["costs", "--since", "not-a-date"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let status = tokio::task::spawn_blocking(move || {
        let mut child = cmd.spawn().unwrap();
        drop(child.stderr.take());
        child.wait().unwrap()
    })
    .await
    .unwrap();
    assert_eq!(status.code(), Some(2), "a usage error stays exit 2 when nobody reads stderr");
}

/// On a terminal, a provider's rendition sequence (`ESC[8m` hides what follows) is escaped even
/// where llmcost keeps its own colours: a CSV with `--color always`, and `metrics`.
#[tokio::test]
async fn a_hiding_sequence_in_a_name_never_reaches_a_terminal() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "script (bsdutils) is needed for the terminal test");
        return;
    }
    let env = TestEnv::new();
    let file = env.dir.path().join("evil.csv");
    std::fs::write(&file, "date,model,cost\n2026-11-20,\"evil\u{1b}[8mhidden\u{1b}[0m\",1.5\n").unwrap();
    expect_code(&env.run(&["import", file.to_str().unwrap(), "--provider", "groq", "--workspace", "t"]).await, 0);
    let bin = env!("CARGO_BIN_EXE_llmcost");
    for command in [
        format!("{bin} costs --month --by model --format csv --color always --offline"),
        format!("{bin} metrics --offline"),
    ] {
        let cmd = env.std_cmd();
        let out = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .envs(cmd.get_envs().filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned()))))
            .current_dir(env.dir.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("evil"), "{command}: {text}");
        assert!(!text.contains("\u{1b}[8m"), "{command}: the hiding sequence reached the terminal: {text:?}");
        assert!(text.contains("\\x1b[8m"), "{command}: shown escaped: {text:?}");
    }
}
