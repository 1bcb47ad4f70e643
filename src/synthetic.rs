//! Deterministic large caches for benchmarks: accounts x days x projects x line items of
//! billed cost, with usage per model. The same parameters always give the same file.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::domain::{Account, CostRecord, DateRange, Money, ProjectInfo, ProviderKind, UsageRecord, UsageTotals};
use crate::error::Result;
use crate::store::{Store, SyncBatch};

/// Models in the synthetic data; each has an input and an output line item.
const MODELS: [&str; 8] = [
    "gpt-5.5-2026-04-23",
    "gpt-4.1-mini-2025-04-14",
    "gpt-4o-mini-2024-07-18",
    "o4-mini-2025-04-16",
    "text-embedding-3-small",
    "gpt-image-1",
    "whisper-1",
    "gpt-realtime-2025-08-28",
];

#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub accounts: usize,
    pub days: u64,
    pub projects: usize,
    /// Line items per project and day (two per model, at most 16).
    pub line_items: usize,
    /// API keys per account, spread over its projects; each key uses two of the models (0: the
    /// usage names no key).
    pub keys: usize,
}

impl Shape {
    /// About a million cost rows: 6 accounts x 3 years x 10 projects x 16 line items.
    pub const MILLION: Shape = Shape { accounts: 6, days: 1095, projects: 10, line_items: 16, keys: 0 };

    pub fn cost_rows(&self) -> u64 {
        self.accounts as u64 * self.days * self.projects as u64 * self.line_items as u64
    }
}

pub fn accounts(shape: Shape) -> Vec<Account> {
    (1..=shape.accounts).map(|i| Account::new(ProviderKind::OpenAi, format!("bench-{i}"))).collect()
}

/// One account's year-or-more of rows, ending on `until`.
pub fn batch(shape: Shape, account_index: usize, until: NaiveDate) -> SyncBatch {
    let since = until - Days::new(shape.days - 1);
    let range = DateRange::new(since, until);
    let mut costs = Vec::with_capacity(usize::try_from(shape.days).unwrap_or(0) * shape.projects * shape.line_items);
    let mut usage = Vec::new();
    for (d, day) in range.days().enumerate() {
        for p in 0..shape.projects {
            let project = Some(format!("proj_{account_index}_{p}"));
            for item in 0..shape.line_items.min(16) {
                let model = MODELS[item / 2];
                let kind = if item % 2 == 0 { "input" } else { "output" };
                // Micro-dollars from a cheap deterministic mix.
                let micros =
                    ((d * 7919 + p * 104_729 + item * 1_299_709 + account_index * 15_485_863) % 9_000_000) + 1_000;
                costs.push(CostRecord {
                    day,
                    project_id: project.clone(),
                    line_item: format!("{model}, {kind}"),
                    model: model.to_string(),
                    amount: Money::from_decimal(Decimal::new(i64::try_from(micros).unwrap_or(i64::MAX), 6)),
                    currency: crate::domain::Currency::USD,
                });
                if kind == "output" {
                    let tokens = micros as u64 * 3;
                    let totals = UsageTotals {
                        input_tokens: tokens,
                        cached_input_tokens: tokens / 10,
                        output_tokens: tokens / 4,
                        requests: tokens / 2_000 + 1,
                    };
                    let record = UsageRecord {
                        day,
                        project_id: project.clone(),
                        model: model.to_string(),
                        totals,
                        key_id: None,
                        billed: None,
                    };
                    usage.extend(by_key(shape, p, item / 2, record));
                }
            }
        }
    }
    let keys = (shape.keys > 0).then(|| {
        (0..shape.keys)
            .map(|k| crate::domain::ApiKeyInfo {
                id: format!("key_{k}"),
                name: format!("key-{k}"),
                owner: Some(format!("person{}@example.org", k % 97)),
                owner_kind: "user".into(),
                hint: Some(format!("sk-proj-...{k:04}")),
                project_id: Some(format!("proj_{account_index}_{}", k % shape.projects.max(1))),
            })
            .collect()
    });
    let projects = (0..shape.projects)
        .map(|p| ProjectInfo {
            id: format!("proj_{account_index}_{p}"),
            name: format!("Project {p}"),
            status: "active".into(),
        })
        .collect();
    SyncBatch { runs: vec![(range, costs, usage)], projects: Some(projects), keys, ..SyncBatch::default() }
}

/// A usage record split between the keys of its project that use its model (key `k` belongs to
/// project `k % projects` and uses models `k % 8` and `(k + 3) % 8`), by weights 1 to 5.
fn by_key(shape: Shape, project: usize, model: usize, record: UsageRecord) -> Vec<UsageRecord> {
    if shape.keys == 0 {
        return vec![record];
    }
    let users: Vec<usize> = (0..shape.keys)
        .filter(|k| k % shape.projects.max(1) == project && (k % 8 == model || (k + 3) % 8 == model))
        .collect();
    if users.is_empty() {
        return vec![UsageRecord { key_id: Some(String::new()), ..record }];
    }
    let weights: Vec<u64> = users.iter().map(|k| (*k as u64 % 5) + 1).collect();
    let total: u64 = weights.iter().sum();
    let part = |n: u64, w: u64| n.saturating_mul(w) / total;
    users
        .iter()
        .zip(&weights)
        .map(|(k, w)| UsageRecord {
            key_id: Some(format!("key_{k}")),
            billed: None,
            totals: UsageTotals {
                input_tokens: part(record.totals.input_tokens, *w),
                cached_input_tokens: part(record.totals.cached_input_tokens, *w),
                output_tokens: part(record.totals.output_tokens, *w),
                requests: part(record.totals.requests, *w),
            },
            ..record.clone()
        })
        .collect()
}

/// Fills `store` with `shape`, every day marked fetched at `now`.
pub fn fill(store: &mut Store, shape: Shape, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
    let until = now.date_naive();
    for (i, account) in accounts(shape).iter().enumerate() {
        store.write_sync(account, &batch(shape, i + 1, until), now)?;
    }
    Ok(())
}
