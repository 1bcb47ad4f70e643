//! The Prometheus exporter with a real Prometheus (Debian's `prometheus` package; `.ci/run`
//! installs it): `serve` answers from the cache and syncs in the background, Prometheus scrapes
//! it and holds the same figures `costs` prints, the shipped alert rules load and fire for an
//! exceeded budget, `promtool` accepts the exposition and the rules, and SIGTERM stops it.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::fake_openai::{FakeOpenAi, sample_org};
use crate::test_env::{TestEnv, expect_code, json, stdout};

const KEY: &str = "sk-admin-exporter-0123456789";

/// Whether a tool is here; where CI promises it (`LLMCOST_REQUIRE_PROMETHEUS=1`), its absence fails.
fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    if !found {
        assert!(std::env::var_os("LLMCOST_REQUIRE_PROMETHEUS").is_none(), "{tool} must be installed here");
        eprintln!("skipped: {tool} is not installed (apt-get install prometheus)");
    }
    found
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub(crate) struct Killed(pub(crate) Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(crate) async fn get(url: &str) -> Option<String> {
    let r = llmcost::providers::http::build_client(Duration::from_secs(2)).ok()?.get(url).send().await.ok()?;
    r.status().is_success().then_some(())?;
    r.text().await.ok()
}

/// Polls `f` until it gives `Some`, for at most `secs`.
pub(crate) async fn eventually<T, F: std::future::Future<Output = Option<T>>>(
    secs: u64,
    mut f: impl FnMut() -> F,
) -> Option<T> {
    let until = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < until {
        if let Some(v) = f().await {
            return Some(v);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    None
}

#[tokio::test]
async fn the_exposition_and_the_shipped_rules_pass_promtool() {
    if !have("promtool") {
        return;
    }
    let env = TestEnv::new();
    let out = env.run(&["--demo", "metrics"]).await;
    expect_code(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("llmcost_spend_month_to_date_usd{provider=\"openai\""), "{text}");
    let file = env.dir.path().join("llmcost.prom");
    std::fs::write(&file, &text).unwrap();
    let check =
        Command::new("sh").arg("-c").arg(format!("promtool check metrics < {}", file.display())).output().unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/prometheus/alerts.yml");
    let check = Command::new("promtool").args(["check", "rules", rules]).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
}

#[tokio::test]
async fn a_real_prometheus_scrapes_what_costs_prints_and_the_budget_alert_fires() {
    if !have("prometheus") {
        return;
    }
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    // The exporter takes the pinned clock like every command: the test never depends on the date it runs.
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    env.write_config("[[budgets]]\nname = \"tiny\"\namount = 1\nperiod = \"month\"\n");
    let port = free_port();
    let mut serve_cmd = env.std_cmd();
    serve_cmd
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--interval", "10s"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let serve = Killed(serve_cmd.spawn().unwrap());
    let metrics_url = format!("http://127.0.0.1:{port}/metrics");
    let health = format!("http://127.0.0.1:{port}/healthz");
    assert!(eventually(20, || get(&health)).await.is_some(), "serve answers");
    // The first background sync lands in the cache.
    let exposition =
        eventually(20, || async { get(&metrics_url).await.filter(|t| t.contains("llmcost_spend_month_to_date_usd{")) })
            .await
            .expect("spend series after the first sync");
    assert!(exposition.contains("llmcost_budget_spent_ratio{budget=\"tiny\"}"), "{exposition}");

    let dir = env.dir.path();
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/prometheus/alerts.yml");
    // The shipped rules with `for:` shortened, so the test sees the alert fire in seconds.
    let quick_rules = dir.join("alerts.yml");
    std::fs::write(&quick_rules, std::fs::read_to_string(rules).unwrap().replace("for: 5m", "for: 1s")).unwrap();
    std::fs::write(
        dir.join("prometheus.yml"),
        format!(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files: [\"{}\"]\nscrape_configs:\n  - job_name: llmcost\n    static_configs:\n      - targets: [\"127.0.0.1:{port}\"]\n",
            quick_rules.display()
        ),
    )
    .unwrap();
    let prom_port = free_port();
    let _prometheus = Killed(
        Command::new("prometheus")
            .arg(format!("--config.file={}", dir.join("prometheus.yml").display()))
            .arg(format!("--storage.tsdb.path={}", dir.join("tsdb").display()))
            .arg(format!("--web.listen-address=127.0.0.1:{prom_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let api = format!("http://127.0.0.1:{prom_port}/api/v1");
    let query = format!("{api}/query?query=sum(llmcost_spend_month_to_date_usd)");
    let scraped: f64 = eventually(30, || async {
        let body = get(&query).await?;
        let v: serde_json::Value = serde_json::from_str(&body).ok()?;
        v["data"]["result"][0]["value"][1].as_str()?.parse().ok()
    })
    .await
    .expect("Prometheus scraped the spend");
    let costs = env.std_cmd().args(["costs", "--month", "--offline", "--format", "json"]).output().unwrap();
    let billed: f64 = json(&costs)["total"].as_str().unwrap().parse().unwrap();
    assert!((scraped - billed).abs() <= 1e-6 * billed.max(1.0), "Prometheus {scraped} vs costs {billed}");

    let firing = eventually(30, || async {
        let body = get(&format!("{api}/alerts")).await?;
        body.contains("LLMBudgetExceeded").then_some(body)
    })
    .await
    .expect("the budget alert is pending or firing");
    assert!(firing.contains("\"budget\":\"tiny\""), "{firing}");

    // SIGTERM stops the exporter cleanly.
    let mut serve = serve;
    let pid = serve.0.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let until = Instant::now() + Duration::from_secs(10);
    let stopped = loop {
        if let Some(status) = serve.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < until, "serve exits on SIGTERM");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(stopped.success(), "{stopped:?}");
}

/// The demo's temporary cache is removed when the process is stopped by a signal (a closed
/// terminal sends SIGHUP), not only on a normal exit.
#[cfg(unix)]
#[tokio::test]
async fn the_demo_cleans_up_its_temporary_cache_on_sighup_and_sigterm() {
    for signal in ["-HUP", "-TERM"] {
        let env = crate::test_env::TestEnv::new();
        let tmp = env.dir.path().join("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        let port = free_port();
        let mut cmd = env.std_cmd();
        cmd.env("TMPDIR", &tmp)
            .args(["--demo", "serve", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let child = Killed(cmd.spawn().unwrap());
        let url = format!("http://127.0.0.1:{port}/metrics");
        assert!(eventually(30, || get(&url)).await.is_some(), "the demo exporter did not start");
        let demo_dirs = || std::fs::read_dir(&tmp).unwrap().count();
        assert_eq!(demo_dirs(), 1, "the demo's cache is a temporary directory");
        let status = std::process::Command::new("kill").args([signal, &child.0.id().to_string()]).status().unwrap();
        assert!(status.success());
        let gone = eventually(10, || async { (demo_dirs() == 0).then_some(()) }).await;
        assert!(gone.is_some(), "{signal}: the demo's temporary directory is still there");
    }
}

/// Reads until the server closes the connection (or `limit` passes): whether it was closed.
async fn closed_within(stream: &mut tokio::net::TcpStream, limit: Duration) -> (bool, String) {
    use tokio::io::AsyncReadExt;
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    let until = Instant::now() + limit;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Ok(Ok(0) | Err(_)) => return (true, String::from_utf8_lossy(&seen).into_owned()),
            Ok(Ok(n)) => seen.extend_from_slice(&buf[..n]),
            Err(_) => return (false, String::from_utf8_lossy(&seen).into_owned()),
        }
    }
}

/// The exporter survives its network: idle and slowloris connections are closed after the
/// header timeout, connections past the limit get a generic 503 while /metrics keeps answering
/// from the last rendering (a scrape runs no query), and SIGTERM exits promptly even while a
/// sync waits on a provider that never answers.
#[tokio::test]
async fn the_exporter_closes_idle_connections_sheds_load_and_stops_promptly() {
    use tokio::io::AsyncWriteExt;
    let fake = FakeOpenAi::start_with_latency(sample_org(KEY), Duration::from_secs(600)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let port = free_port();
    // Under a descriptor limit of 400, as systemd's 1,024 but smaller: 272 connection slots.
    let std_cmd = env.std_cmd();
    let mut serve_cmd = Command::new("sh");
    serve_cmd
        .args(["-c", "ulimit -n 400 && exec \"$0\" \"$@\"", env!("CARGO_BIN_EXE_llmcost")])
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--interval", "10s"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // The test environment as `std_cmd` sets it, removals included.
    for (k, v) in std_cmd.get_envs() {
        match v {
            Some(v) => serve_cmd.env(k, v),
            None => serve_cmd.env_remove(k),
        };
    }
    let serve = Killed(serve_cmd.spawn().unwrap());
    let metrics_url = format!("http://127.0.0.1:{port}/metrics");
    let first = eventually(20, || get(&metrics_url)).await;
    assert!(first.is_some_and(|t| t.contains("llmcost_")), "answered from the cache while the sync hangs");

    let addr = format!("127.0.0.1:{port}");
    let mut idle = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let mut slow = tokio::net::TcpStream::connect(&addr).await.unwrap();
    slow.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let (idle_closed, slow_closed) = tokio::join!(
        closed_within(&mut idle, Duration::from_secs(20)),
        closed_within(&mut slow, Duration::from_secs(20))
    );
    assert!(idle_closed.0 && slow_closed.0, "idle and slowloris connections are closed by the header timeout");

    // Fill every connection slot with idle sockets: the next one is told 503, generically.
    let mut held = Vec::new();
    for _ in 0..300 {
        held.push(tokio::net::TcpStream::connect(&addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut extra = tokio::net::TcpStream::connect(&addr).await.unwrap();
    extra.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let (_, answer) = closed_within(&mut extra, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 503") && answer.ends_with("overloaded\n"), "{answer}");
    assert!(!answer.contains(".sqlite"), "no path in the body: {answer}");
    // The scrape path still answers 200 once slots free up: never a 500 under the limit.
    drop(extra);
    drop(held);

    // SIGTERM while the sync waits on the silent provider: out within seconds, not a minute.
    let mut serve = serve;
    let pid = serve.0.id().to_string();
    let asked = Instant::now();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    loop {
        if serve.0.try_wait().unwrap().is_some() {
            break;
        }
        assert!(asked.elapsed() < Duration::from_secs(8), "the exporter did not stop promptly");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
