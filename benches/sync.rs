//! Sync against fake OpenAI organizations on 127.0.0.1 that answer after a fixed latency: a
//! full 13-month sync of three workspaces, then an incremental one, against the lower bound
//! (pages needed x latency per account; accounts run in parallel).
//!
//! `cargo bench --bench sync` uses 100 ms per request; `cargo test --benches` a quick smoke run.

// A benchmark or a test stops at its first surprise: unwrapping is how it says so. Its casts are
// of small figures it chose itself.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a failed unwrap is a failed test or benchmark")]
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    reason = "casts of small figures the test chose itself"
)]
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::too_many_lines,
    reason = "tests and benchmarks report to the test harness, and a scenario reads best in one piece"
)]

#[allow(dead_code, reason = "the benchmark uses part of the fake")]
#[path = "../tests/cli/fake_openai.rs"]
mod fake_openai;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, Utc};
use fake_openai::{FakeOpenAi, Line, Org};
use llmcost::app::App;
use llmcost::clock::Clock;
use llmcost::config::{Config, WorkspaceConfig};
use llmcost::domain::{Account, DateRange, ProviderKind};
use llmcost::secrets::Keys;
use llmcost::store::Store;

const ITEMS: [&str; 4] = [
    "gpt-4o-2024-08-06, input",
    "gpt-4o-2024-08-06, output",
    "batch | gpt-4o-mini-2024-07-18, input",
    "web search tool calls",
];
const PROJECTS: [Option<&str>; 3] = [Some("proj_tutor"), Some("proj_grading"), None];

fn org(key: &str, until: chrono::NaiveDate, days: u64) -> Org {
    let mut lines = Vec::new();
    for d in 0..days {
        let day = until - Days::new(d);
        for (i, item) in ITEMS.iter().enumerate() {
            lines.push(Line { day, project: PROJECTS[i % 3], line_item: item, amount: "0.125" });
        }
    }
    Org {
        key: key.to_string(),
        lines,
        projects: vec![
            ("proj_tutor", "Tutor", "active"),
            ("proj_grading", "Grading", "active"),
            ("proj_old", "Old", "archived"),
        ],
        costs_by_key: false,
    }
}

fn app(dir: &std::path::Path, servers: &[(String, String, String)], now: DateTime<Utc>) -> App {
    let mut workspaces = BTreeMap::new();
    let mut env = Vec::new();
    for (name, key, url) in servers {
        workspaces.insert(name.clone(), WorkspaceConfig { base_url: Some(url.clone()), ..WorkspaceConfig::default() });
        env.push((format!("LLMCOST_KEY_OPENAI_{}", name.to_uppercase()), key.clone()));
    }
    let mut config = Config::default();
    config.workspaces.insert("openai".to_string(), workspaces);
    App {
        config,
        config_path: dir.join("config.toml"),
        db_path: dir.join("cache.sqlite"),
        clock: Clock::pinned(now),
        keys: Keys::new(env.clone(), true),
        env,
        demo: None,
        quiet: true,
        record_dir: None,
        network: Default::default(),
    }
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (latency, days) = if measuring { (Duration::from_millis(100), 395) } else { (Duration::from_millis(5), 40) };
    let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").unwrap().with_timezone(&Utc);
    let today = now.date_naive();
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let names = ["edugami", "memoways", "storygami"];
    let fakes: Vec<FakeOpenAi> = names
        .iter()
        .map(|n| rt.block_on(FakeOpenAi::start_with_latency(org(&format!("sk-admin-bench-{n}"), today, days), latency)))
        .collect();
    let servers: Vec<(String, String, String)> =
        names.iter().zip(&fakes).map(|(n, f)| (n.to_string(), format!("sk-admin-bench-{n}"), f.base_url())).collect();
    let accounts: Vec<Account> = names.iter().map(|n| Account::new(ProviderKind::OpenAi, *n)).collect();
    let dir = tempfile::tempdir().unwrap();
    let range = DateRange::new(today - Days::new(days - 1), today);
    let requests = || -> usize { fakes.iter().map(|f| rt.block_on(f.total_hits())).sum() };

    // Pages one account needs: costs 180 days a page, usage 31, projects 2 a page in the fake,
    // each of its 3 projects' API keys (one page each), and on the first sync the one probe of
    // costs grouped by key (refused, as the live API does; remembered, so not asked again).
    let pages = days.div_ceil(180) + days.div_ceil(31) + 2 + 3 + 1;
    // The old floor: every page of an account one after another. The true floor, since an
    // account's endpoints are fetched concurrently: the longest chain of dependent requests,
    // one endpoint's pages (usage, 13 pages of 31 days).
    let sequential_bound = latency * pages as u32;
    let bound = latency * days.div_ceil(180).max(days.div_ceil(31)).max(2) as u32;

    let app_full = app(dir.path(), &servers, now);
    let mut store = Store::open(&app_full.db_path).unwrap();
    let started = Instant::now();
    let outcomes = llmcost::app::sync::sync_accounts(&app_full, &mut store, &accounts, range, false).unwrap();
    let full = started.elapsed();
    assert!(outcomes.iter().all(|o| o.error.is_none()), "{outcomes:?}");
    let full_requests = requests();

    // Ten minutes later: only the trailing days are stale.
    let app_incr = app(dir.path(), &servers, now + chrono::Duration::minutes(10));
    let started = Instant::now();
    llmcost::app::sync::sync_accounts(&app_incr, &mut store, &accounts, range, false).unwrap();
    let incremental = started.elapsed();
    let incremental_requests = requests() - full_requests;
    // Costs, usage and the project list at once; the longest chain is the project list (2
    // pages) and then its projects' keys, asked at once.
    let incremental_bound = latency * 3;

    println!("sync benchmark: 3 workspaces, {days} days, {} ms per request", latency.as_millis());
    println!(
        "full sync:        {:>6} ms, {full_requests} requests ({} per account); lower bound {} ms (longest chain); ratio {:.2}; \
         the old floor (every page in turn) {} ms; ratio {:.2}",
        full.as_millis(),
        full_requests / 3,
        bound.as_millis(),
        full.as_secs_f64() / bound.as_secs_f64(),
        sequential_bound.as_millis(),
        full.as_secs_f64() / sequential_bound.as_secs_f64()
    );
    println!(
        "incremental sync: {:>6} ms, {incremental_requests} requests ({} per account: costs, usage, 2 project pages, 3 key lists); lower bound {} ms; ratio {:.2}",
        incremental.as_millis(),
        incremental_requests / 3,
        incremental_bound.as_millis(),
        incremental.as_secs_f64() / incremental_bound.as_secs_f64()
    );
    assert_eq!(full_requests as u64, 3 * pages, "one request per page and the probe, no retries");
    assert_eq!(incremental_requests, 21, "one page per endpoint per account");
}
