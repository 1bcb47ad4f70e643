//! The demo's API keys and the people they belong to: each OpenAI and Anthropic project has a
//! production key held by a service account and two people's keys, whose daily usage shares
//! vary; the grading rerun five days ago was one person's agent.

use chrono::NaiveDate;

use crate::domain::{ApiKeyInfo, ProviderKind, UsageRecord, UsageTotals};

/// Two people per workspace.
fn people(workspace: &str) -> [&'static str; 2] {
    match workspace {
        "edugami" => ["ana@edugami.org", "ben@edugami.org"],
        "memoways" => ["chloe@memoways.ch", "david@memoways.ch"],
        _ => ["eve@storygami.io", "farid@storygami.io"],
    }
}

/// `(key id, name, owner, owner kind, base share)` of a project's keys.
fn project_keys(workspace: &str, project: &str) -> Vec<(String, String, String, &'static str, f64)> {
    let short = project.rsplit('_').next().unwrap_or(project).to_lowercase();
    let [a, b] = people(workspace);
    vec![
        (
            format!("key_{workspace}_{short}_prod"),
            format!("{short}-prod"),
            format!("{workspace}-svc"),
            "service_account",
            0.55,
        ),
        (
            format!("key_{workspace}_{short}_a"),
            format!("{short}-{}", a.split('@').next().unwrap_or(a)),
            a.to_string(),
            "user",
            0.30,
        ),
        (
            format!("key_{workspace}_{short}_b"),
            format!("{short}-{}-agent", b.split('@').next().unwrap_or(b)),
            b.to_string(),
            "user",
            0.15,
        ),
    ]
}

/// The provider's redacted form of a key (never a secret: the demo has none).
fn hint(provider: ProviderKind, id: &str) -> String {
    let tail: String = id.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    match provider {
        ProviderKind::Anthropic => format!("sk-ant-api03-...{tail}"),
        _ => format!("sk-proj-...{tail}"),
    }
}

/// Whether the demo splits this provider's usage by key (the providers that report it).
pub(super) fn reports_keys(provider: ProviderKind) -> bool {
    matches!(provider, ProviderKind::OpenAi | ProviderKind::Anthropic)
}

/// Each usage record split between its project's keys (counts add up to the record's), and
/// the keys as the provider would list them.
pub(super) fn split(
    provider: ProviderKind,
    workspace: &str,
    usage: Vec<UsageRecord>,
    today: NaiveDate,
) -> (Vec<UsageRecord>, Vec<ApiKeyInfo>) {
    let mut keys: Vec<ApiKeyInfo> = Vec::new();
    let mut out = Vec::with_capacity(usage.len() * 3);
    for u in usage {
        let project = u.project_id.clone().unwrap_or_else(|| "default".to_string());
        let list = project_keys(workspace, &project);
        for (id, name, owner, kind, _) in &list {
            if !keys.iter().any(|k| &k.id == id) {
                keys.push(ApiKeyInfo {
                    id: id.clone(),
                    name: name.clone(),
                    owner: Some(owner.clone()),
                    owner_kind: (*kind).to_string(),
                    hint: Some(hint(provider, id)),
                    project_id: u.project_id.clone(),
                });
            }
        }
        // Shares move from day to day; the rerun five days ago was the second person's agent.
        let rerun = project.ends_with("grading") && (today - u.day).num_days() == 5;
        let weights: Vec<f64> = list
            .iter()
            .enumerate()
            .map(|(i, (id, _, _, _, base))| {
                let w = base * (0.7 + 0.6 * super::noise(&[workspace, id], u.day));
                if rerun && i == 2 { w * 40.0 } else { w }
            })
            .collect();
        let total: f64 = weights.iter().sum();
        let part = |n: u64, w: f64| -> u64 {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss,
                reason = "demo token counts"
            )]
            let p = (n as f64 * w / total) as u64;
            p.min(n)
        };
        let mut given = UsageTotals::default();
        for (i, ((id, ..), w)) in list.iter().zip(&weights).enumerate() {
            let t = if i + 1 == list.len() {
                // The last key takes the remainder: the parts add up to the record.
                UsageTotals {
                    input_tokens: u.totals.input_tokens - given.input_tokens.min(u.totals.input_tokens),
                    cached_input_tokens: u.totals.cached_input_tokens
                        - given.cached_input_tokens.min(u.totals.cached_input_tokens),
                    output_tokens: u.totals.output_tokens - given.output_tokens.min(u.totals.output_tokens),
                    requests: u.totals.requests - given.requests.min(u.totals.requests),
                }
            } else {
                UsageTotals {
                    input_tokens: part(u.totals.input_tokens, *w),
                    cached_input_tokens: part(u.totals.cached_input_tokens, *w),
                    output_tokens: part(u.totals.output_tokens, *w),
                    requests: part(u.totals.requests, *w),
                }
            };
            given += t;
            out.push(UsageRecord { key_id: Some(id.clone()), totals: t, ..u.clone() });
        }
    }
    (out, keys)
}

/// GitHub's premium requests billed to the Copilot seat holders who made them: ana 55 %, ben
/// 30 %; the rest was made by someone who has since left (no seat), so it stays `(no key)`.
pub(super) fn github_people(costs: &[crate::domain::CostRecord]) -> (Vec<UsageRecord>, Vec<ApiKeyInfo>) {
    use rust_decimal::Decimal;
    let people =
        [("ana-edugami", Decimal::new(55, 2)), ("ben-edugami", Decimal::new(30, 2)), ("gus-edugami", Decimal::ZERO)];
    let mut usage = Vec::new();
    for c in costs.iter().filter(|c| c.line_item.contains("Premium Request")) {
        for (login, share) in people {
            let billed = crate::domain::Money::from_decimal(c.amount.decimal() * share);
            // $0.04 a premium request past the included ones.
            let requests = rust_decimal::prelude::ToPrimitive::to_u64(&(billed.decimal() / Decimal::new(4, 2)).round());
            usage.push(UsageRecord {
                day: c.day,
                project_id: None,
                model: c.model.clone(),
                totals: UsageTotals { requests: requests.unwrap_or(0), ..UsageTotals::default() },
                key_id: Some(login.to_string()),
                billed: Some(billed),
            });
        }
    }
    let seats = people
        .iter()
        .map(|(login, _)| ApiKeyInfo {
            id: (*login).to_string(),
            name: (*login).to_string(),
            owner: Some((*login).to_string()),
            owner_kind: "user".into(),
            hint: None,
            project_id: None,
        })
        .collect();
    (usage, seats)
}
