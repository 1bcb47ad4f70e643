//! Criterion benchmarks of llmcost's own work: parsing provider pages, writing a year of buckets,
//! aggregating a large cache, and drawing a dashboard frame.
//!
//! `cargo bench --bench core` measures with a cache of about a million cost rows;
//! `cargo test --benches` runs each once on small data, as CI does, so they keep compiling.

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

use std::hint::black_box;

use chrono::{DateTime, Days, NaiveDate, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use llmcost::app::dashboard::{ModelRow, Snapshot};
use llmcost::domain::{DateRange, Dim, Money};
use llmcost::store::{CostQuery, Store};
use llmcost::synthetic::{self, Shape};
use llmcost::tui::model::Model;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rust_decimal::Decimal;

/// Full-size data under `cargo bench`; a small run under `cargo test --benches`.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").unwrap().with_timezone(&Utc)
}

/// A 180-bucket OpenAI costs page: 16 line items over 4 projects per day.
fn openai_page() -> String {
    let start = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp();
    let mut buckets = Vec::new();
    for d in 0..180 {
        let mut results = Vec::new();
        for i in 0..16 {
            results.push(format!(
                r#"{{"object":"organization.costs.result","amount":{{"value":0.{:08}13080438,"currency":"usd"}},"line_item":"gpt-4o-2024-08-06, {}","project_id":"proj_{}","api_key_id":null,"quantity":null,"quantity_unit":null,"organization_id":"org-x"}}"#,
                d * 31 + i,
                if i % 2 == 0 { "input" } else { "output" },
                i % 4
            ));
        }
        let t = start + d * 86_400;
        buckets.push(format!(
            r#"{{"object":"bucket","start_time":{t},"end_time":{},"results":[{}]}}"#,
            t + 86_400,
            results.join(",")
        ));
    }
    format!(r#"{{"object":"page","data":[{}],"has_more":false,"next_page":null}}"#, buckets.join(","))
}

/// A 31-bucket Anthropic cost report: 20 rows a day, amounts in cents with fractions.
fn anthropic_page() -> String {
    let mut buckets = Vec::new();
    let start = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    for d in 0..31u64 {
        let day = start + Days::new(d);
        let mut results = Vec::new();
        for i in 0..20 {
            results.push(format!(
                r#"{{"currency":"USD","amount":"{}.{:06}","workspace_id":{},"description":"Claude Sonnet 4 Usage - Input Tokens {i}","cost_type":"tokens","context_window":"0-200k","model":"claude-sonnet-4-20250514","service_tier":"standard","token_type":"uncached_input_tokens","inference_geo":null}}"#,
                d * 100 + i,
                i * 7919,
                if i % 3 == 0 { "null".to_string() } else { format!("\"wrkspc_{}\"", i % 3) }
            ));
        }
        buckets.push(format!(
            r#"{{"starting_at":"{day}T00:00:00Z","ending_at":"{}T00:00:00Z","results":[{}]}}"#,
            day + Days::new(1),
            results.join(",")
        ));
    }
    format!(r#"{{"data":[{}],"has_more":false,"next_page":null}}"#, buckets.join(","))
}

fn parsing(c: &mut Criterion) {
    let openai = openai_page();
    let anthropic = anthropic_page();
    c.bench_function("parse OpenAI costs page (180 buckets)", |b| {
        b.iter(|| llmcost::providers::openai::parse_costs_page(black_box(&openai)).unwrap());
    });
    c.bench_function("parse Anthropic cost report (31 buckets)", |b| {
        b.iter(|| llmcost::providers::anthropic::parse_cost_report_page(black_box(&anthropic)).unwrap());
    });
}

fn upsert(c: &mut Criterion) {
    let shape = Shape { accounts: 1, days: 365, projects: if measuring() { 10 } else { 2 }, line_items: 16, keys: 0 };
    let batch = synthetic::batch(shape, 1, now().date_naive());
    let account = &synthetic::accounts(shape)[0];
    let mut group = c.benchmark_group("write");
    group.sample_size(10);
    group.bench_function(format!("upsert a year of buckets ({} rows)", shape.cost_rows()), |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open(&dir.path().join("c.sqlite")).unwrap();
                (dir, store)
            },
            |(dir, mut store)| {
                store.write_sync(account, &batch, now()).unwrap();
                drop(store);
                dir
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn aggregate(c: &mut Criterion) {
    let shape =
        if measuring() { Shape::MILLION } else { Shape { accounts: 2, days: 60, projects: 2, line_items: 4, keys: 0 } };
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("big.sqlite")).unwrap();
    synthetic::fill(&mut store, shape, now()).unwrap();
    let accounts = synthetic::accounts(shape);
    let today = now().date_naive();
    let month = DateRange::new(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), today);
    let year = DateRange::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), today);
    let query = |range, group_by: Vec<Dim>| CostQuery {
        accounts: accounts.clone(),
        projects: vec![],
        models: vec![],
        range,
        group_by,
        estimates: false,
    };
    let mut group = c.benchmark_group(format!("costs over {} rows", shape.cost_rows()));
    group.sample_size(20);
    for (name, q) in [
        ("month by model", query(month, vec![Dim::Model])),
        ("year by project", query(year, vec![Dim::Project])),
        ("year by day", query(year, vec![Dim::Day])),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| llmcost::app::views::CostView::build(&store, black_box(&q), today, vec![]).unwrap());
        });
    }
    group.finish();
}

fn tui_frame(c: &mut Criterion) {
    let today = now().date_naive();
    let mut model = Model::new(synthetic::accounts(Shape { accounts: 3, ..Shape::MILLION }), today, false, true);
    let models: Vec<ModelRow> = (0..200)
        .map(|i| ModelRow {
            model: format!("model-{i:03}-2026-01-01"),
            provider: "openai".into(),
            cost: Money::from_decimal(Decimal::new(1_000_000 - i * 3_000, 2)),
            share: Decimal::new(5, 3),
            input_tokens: 1_000_000 + i as u64,
            output_tokens: 200_000,
            requests: Some(900),
        })
        .collect();
    let range = DateRange::new(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), today);
    model.snapshot = Some(Snapshot {
        range,
        total: Money::from_decimal(Decimal::new(123_456_789, 2)),
        previous_total: Money::from_decimal(Decimal::new(100_000_000, 2)),
        forecast: Some(Money::from_decimal(Decimal::new(160_000_000, 2))),
        daily: range.days().map(|d| (d, Money::from_decimal(Decimal::new(5_000_000, 2)))).collect(),
        models,
        projects: vec![],
        budgets: vec![],
        teams: vec![],
        updated_at: Some(now()),
        missing_days: 0,
        today: None,
        people: Vec::new(),
        activity: Vec::new(),
    });
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    c.bench_function("draw one dashboard frame (200 models, 160x48)", |b| {
        b.iter(|| {
            terminal.draw(|f| llmcost::tui::view::render(black_box(&model), f)).unwrap();
        });
    });
}

criterion_group!(benches, parsing, upsert, aggregate, tui_frame);
criterion_main!(benches);
