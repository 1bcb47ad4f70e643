//! Faults from providers and from the machine: each ends in success after bounded retries, or
//! in a clear error with exit code 1 and the cache as it was.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::Stdio;
use std::str::FromStr;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::fake_openai::{FakeOpenAi, Line, Org, sample_org};
use crate::test_env::{TestEnv, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-test-edugami-0000aaaa";

/// A server on 127.0.0.1 that accepts connections and then either holds them silently or
/// drops them at once. Its thread ends with the test process.
fn raw_server(hold: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            if hold {
                held.push(stream);
            } else {
                drop(stream);
            }
        }
    });
    format!("http://{addr}/v1")
}

#[tokio::test]
async fn a_server_that_never_answers_is_bounded_by_the_timeout() {
    let env = TestEnv::new().openai("edugami", KEY, &raw_server(true));
    let started = Instant::now();
    let out = env.run(&["--timeout", "1", "costs", "--today"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("openai/edugami") && err.contains("/organization/costs") && err.contains("timed out"),
        "{err}"
    );
    // One retry of a timed-out request: about 2 s, far below any default.
    assert!(started.elapsed() < Duration::from_secs(20), "bounded: {:?}", started.elapsed());
    let bad = env.run(&["--timeout", "0", "costs"]).await;
    expect_code(&bad, 2);
}

#[tokio::test]
async fn dropped_connections_are_retried_then_reported() {
    let env = TestEnv::new().openai("edugami", KEY, &raw_server(false));
    let out = env.run(&["costs", "--today"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("openai/edugami: GET /organization/costs") && err.contains("after 4 attempts"), "{err}");
}

#[tokio::test]
async fn an_html_page_is_not_json() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    Mock::given(method("GET"))
        .and(path("/v1/organization/costs"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<html><body>Maintenance</body></html>", "text/html"))
        .with_priority(1)
        .mount(&fake.server)
        .await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let out = env.run(&["costs", "--today"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("unexpected response") && stderr(&out).contains("<html>"), "{}", stderr(&out));
}

#[tokio::test]
async fn a_damaged_cache_is_reported_and_never_deleted() {
    let env = TestEnv::new().var("LLMCOST_KEY_OPENAI_EDUGAMI", KEY);
    let junk = b"SQLite format 2\0 certainly not a database".repeat(100);
    std::fs::write(&env.db, &junk).unwrap();
    let out = env.run(&["costs", "--offline"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("damaged or not an llmcost cache") && err.contains("left untouched") && err.contains("--db"),
        "{err}"
    );
    assert_eq!(std::fs::read(&env.db).unwrap(), junk);
}

#[tokio::test]
async fn a_cache_from_a_newer_llmcost_is_refused() {
    let env = TestEnv::new().var("LLMCOST_KEY_OPENAI_EDUGAMI", KEY);
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let out = env.run(&["costs", "--offline"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("written by a newer llmcost (schema 99"), "{}", stderr(&out));
}

/// Many rows a day, so writing a long sync takes a while and can be interrupted.
fn big_org(until: NaiveDate, days: u64) -> Org {
    let items: Vec<&'static str> =
        (0..120).map(|i| &*Box::leak(format!("model-{i:03}-2026-01-01, input").into_boxed_str())).collect();
    let mut lines = Vec::new();
    for d in 0..days {
        for item in &items {
            lines.push(Line {
                day: until - Days::new(d),
                project: Some("proj_tutor"),
                line_item: item,
                amount: "0.0125",
            });
        }
    }
    Org { key: KEY.to_string(), lines, projects: vec![("proj_tutor", "Tutor chat", "active")], costs_by_key: false }
}

#[tokio::test]
async fn killed_in_the_middle_of_a_sync_the_cache_recovers() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let org = big_org(today, 400);
    let expected: Decimal = org.lines.iter().map(super::fake_openai::Line::dollars).sum();
    let fake = FakeOpenAi::start(org).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let since = (today - Days::new(399)).to_string();

    // Start a sync and SIGKILL it as soon as it starts writing.
    let mut child = env.std_cmd().args(["-v", "sync", "--since", &since]).stderr(Stdio::piped()).spawn().unwrap();
    let stderr_pipe = child.stderr.take().unwrap();
    let saw_write = tokio::task::spawn_blocking(move || {
        let mut lines = BufReader::new(stderr_pipe).lines();
        let found = lines.any(|l| l.is_ok_and(|l| l.contains("writing")));
        child.kill().unwrap();
        child.wait().unwrap();
        found
    })
    .await
    .unwrap();
    assert!(saw_write, "the sync reached its write");

    // The cache opens cleanly, holding either nothing or the whole account; then a sync completes.
    let after = env.run(&["costs", "--since", &since, "--offline", "--format", "json"]).await;
    expect_code(&after, 0);
    let total = Decimal::from_str(json(&after)["total"].as_str().unwrap()).unwrap();
    assert!(total.is_zero() || total == expected, "all or nothing, got {total}");
    let out = env.run(&["costs", "--since", &since, "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(Decimal::from_str(json(&out)["total"].as_str().unwrap()).unwrap(), expected);
    let check = env.run(&["cache", "info"]).await;
    assert!(stdout(&check).contains("Integrity  ok"), "{}", stdout(&check));
}

#[tokio::test]
async fn no_output_file_or_log_ever_holds_the_key() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let wrong = "sk-admin-wrong-secret-value-5555";
    let env = TestEnv::new()
        .var("LLMCOST_OPENAI_BASE_URL", &fake.base_url())
        .var("LLMCOST_KEY_OPENAI_EDUGAMI", KEY)
        .var("LLMCOST_KEY_OPENAI_BROKEN", wrong);
    env.write_config("[workspaces.openai.edugami]\n");
    let runs: &[&[&str]] = &[
        &["-vv", "costs", "--month", "--workspace", "edugami"],
        &["-vv", "costs", "--month"],
        &["-vv", "projects", "--workspace", "edugami"],
        &["-vv", "report", "--workspace", "edugami", "--format", "json"],
        &["-vv", "sync", "--last", "3"],
        &["-vv", "providers"],
        &["-vv", "providers", "list", "--format", "json"],
        &["-vv", "providers", "test"],
        &["-vv", "doctor"],
        &["-vv", "budgets", "add", "team", "--amount", "100", "--period", "month", "--workspace", "edugami"],
        &["-vv", "budgets", "check", "--format", "github"],
        &["-vv", "cache", "info"],
    ];
    for args in runs {
        let out = env.run(args).await;
        for secret in [KEY, wrong, "secret-value", "edugami-0000aaaa"] {
            assert!(!stdout(&out).contains(secret), "{args:?} printed a key on stdout");
            assert!(!stderr(&out).contains(secret), "{args:?} printed a key on stderr:\n{}", stderr(&out));
        }
    }
    let requests = fake.server.received_requests().await.unwrap();
    assert!(!requests.is_empty() && requests.iter().all(|r| !r.url.as_str().contains("sk-admin")), "no key in any URL");
    for entry in walk(env.dir.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        for secret in [KEY, wrong] {
            assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "{} holds a key", entry.display());
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for file in [&env.config, &env.db] {
            let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{} is readable by its owner only", file.display());
        }
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

#[tokio::test]
async fn the_dashboard_reads_while_budgets_check_syncs() {
    use llmcost::app::dashboard::Query;
    use llmcost::tui::update::{Effect, Msg};

    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    env.write_config(
        "[workspaces.openai.edugami]\n\n[[budgets]]\nname = \"team\"\namount = 100000\nperiod = \"year\"\n",
    );
    let vars = vec![("LLMCOST_KEY_OPENAI_EDUGAMI".to_string(), KEY.to_string())];
    let app = llmcost::app::App {
        config: llmcost::config::Config::load(&env.config).unwrap(),
        config_path: env.config.clone(),
        db_path: env.db.clone(),
        clock: llmcost::clock::Clock::pinned(
            chrono::DateTime::parse_from_rfc3339(crate::test_env::NOW).unwrap().into(),
        ),
        keys: llmcost::secrets::Keys::new(vars.clone(), true),
        env: vars,
        demo: None,
        quiet: true,
        record_dir: None,
        network: Default::default(),
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let range = llmcost::domain::DateRange::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), today);
    let query = Query {
        currency: llmcost::domain::Currency::USD,
        accounts: vec![llmcost::domain::Account::new(llmcost::domain::ProviderKind::OpenAi, "edugami")],
        project: None,
        range,
        period_end: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        today,
        estimates: false,
        activity: vec![],
    };
    let mut check =
        env.std_cmd().args(["budgets", "check", "--format", "json"]).stdout(Stdio::piped()).spawn().unwrap();
    let load = move |app: &llmcost::app::App| match llmcost::tui::run_effect(
        app,
        Effect::Load { generation: 1, query: query.clone() },
    ) {
        Msg::Loaded { result, .. } => *result,
        other => panic!("{other:?}"),
    };
    // Loads while the check creates, syncs and writes the cache: none may fail.
    let loads = tokio::task::spawn_blocking(move || {
        let mut results = Vec::new();
        for _ in 0..30 {
            results.push(load(&app).map(|s| s.total));
            std::thread::sleep(Duration::from_millis(15));
        }
        let status = check.wait().unwrap();
        (results, status, load(&app).map(|s| s.total))
    })
    .await
    .unwrap();
    let (results, status, last) = loads;
    assert!(results.iter().all(Result::is_ok), "no 'database is locked': {results:?}");
    assert_eq!(status.code(), Some(0));
    assert_eq!(last.unwrap().decimal(), crate::fake_openai::billed(&sample_org(KEY), "2026-01-01", "2026-11-22"));
}

/// Runs a system command; false when this machine does not allow it.
fn system(cmd: &str, args: &[&str]) -> bool {
    std::process::Command::new(cmd).args(args).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Undoes a system change when the test ends, even if it fails.
struct Undo(&'static str, Vec<String>);

impl Drop for Undo {
    fn drop(&mut self) {
        let args: Vec<&str> = self.1.iter().map(String::as_str).collect();
        system(self.0, &args);
    }
}

fn total(out: &std::process::Output) -> Decimal {
    Decimal::from_str(json(out)["total"].as_str().unwrap()).unwrap()
}

#[tokio::test]
async fn a_read_only_cache_is_a_clear_error_and_stays_as_it_was() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let first = env.run(&["costs", "--month", "--format", "json"]).await;
    expect_code(&first, 0);
    let before = std::fs::read(&env.db).unwrap();
    let db = env.db.to_str().unwrap().to_string();
    // Root ignores file modes, not the immutable attribute.
    if !system("chattr", &["+i", &db]) {
        return skipped("chattr +i is not available on this file system");
    }
    let undo = Undo("chattr", vec!["-i".into(), db]);
    let out = env.run(&["costs", "--month", "--refresh", "--format", "json"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("the cache cannot be written") && stderr(&out).contains("--db"), "{}", stderr(&out));
    assert_eq!(total(&out), total(&first), "the answer still comes from the cache");
    drop(undo);
    assert_eq!(std::fs::read(&env.db).unwrap(), before, "nothing half-written");
}

#[tokio::test]
async fn a_full_disk_is_a_clear_error_and_keeps_what_was_there() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let fake = FakeOpenAi::start(big_org(today, 400)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let disk = env.dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let mount_point = disk.to_str().unwrap().to_string();
    if !system("mount", &["-t", "tmpfs", "-o", "size=2m", "tmpfs", &mount_point]) {
        return skipped("cannot mount a small tmpfs here (needs root)");
    }
    let _undo = Undo("umount", vec![mount_point]);
    let env = env.var("LLMCOST_DB", disk.join("cache.sqlite").to_str().unwrap());
    let small = env.run(&["costs", "--today", "--format", "json"]).await;
    expect_code(&small, 0);
    let since = (today - Days::new(399)).to_string();
    let out = env.run(&["sync", "--since", &since]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("the disk holding the cache is full"), "{}", stderr(&out));
    let after = env.run(&["costs", "--today", "--offline", "--format", "json"]).await;
    assert_eq!(total(&after), total(&small), "what was cached before is intact");
    let info = env.run(&["cache", "info"]).await;
    assert!(stdout(&info).contains("Integrity  ok"), "{}", stdout(&info));

    // Not a byte left: reads still answer from the cache, and say why nothing is fetched.
    let mut filler = std::fs::File::create(disk.join("filler")).unwrap();
    while std::io::Write::write_all(&mut filler, &[0u8; 64 << 10]).is_ok() {}
    drop(filler);
    let full = env.run(&["costs", "--today", "--format", "json"]).await;
    expect_code(&full, 0);
    assert_eq!(total(&full), total(&small), "the answer comes from the cache");
    assert!(stderr(&full).contains("is full") && stderr(&full).contains("cache.sqlite"), "{}", stderr(&full));
    let sync = env.run(&["sync", "--today"]).await;
    expect_code(&sync, 1);
    assert!(stderr(&sync).contains("is full"), "{}", stderr(&sync));
}

/// A test that needs what this machine lacks says so; where CI promises it (it runs as root and
/// sets `LLMCOST_REQUIRE_PRIVILEGED_TESTS=1`), it fails instead of passing without testing.
fn skipped(why: &str) {
    if std::env::var_os("LLMCOST_REQUIRE_PRIVILEGED_TESTS").is_some() {
        panic!("this test must run here but cannot: {why}");
    }
    eprintln!("skipped: {why}");
}
