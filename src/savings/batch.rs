//! Batch APIs: spend of projects whose traffic can wait, at the provider's documented batch
//! discount. A project qualifies when the user names it (`[optimize] batchable`), or when its
//! daily spend is as steady on weekends as on weekdays and barely varies: the shape of
//! scheduled, non-interactive work (daily totals cannot see the hours of a day).

use std::collections::BTreeMap;

use chrono::Datelike;
use rust_decimal::Decimal;

use super::{Finding, Input, Kind, ModelLine};
use crate::domain::Money;

/// Complete days needed before steadiness says anything.
const MIN_DAYS: usize = 14;
/// Daily spend varies by at most this much (standard deviation over mean) when steady.
const MAX_VARIATION: f64 = 0.15;
/// Weekend days spend at least this share of a weekday: nobody sits at a chat on Sunday.
const MIN_WEEKEND_RATIO: f64 = 0.85;

pub(crate) fn find(input: &Input<'_>) -> Vec<Finding> {
    let mut projects: BTreeMap<(crate::domain::ProviderKind, String, String), Vec<&ModelLine>> = BTreeMap::new();
    for line in &input.lines {
        projects.entry((line.provider, line.workspace.clone(), line.project_id.clone())).or_default().push(line);
    }
    let mut out = Vec::new();
    for ((provider, workspace, project_id), lines) in projects {
        let discount = provider.info().batch_discount_percent;
        if provider.is_imported() || discount == 0 {
            continue;
        }
        // Only token-priced spend not already on a batch API.
        let eligible: Money = lines.iter().filter(|l| l.has_tokens()).map(|l| l.billed - l.batch_billed).sum();
        if eligible <= Money::ZERO {
            continue;
        }
        let label = lines[0].project_label();
        let named = input
            .batchable
            .iter()
            .any(|p| crate::teams::glob::matches(p, &project_id) || crate::teams::glob::matches(p, &label));
        let why = if named {
            "named batchable in [optimize] batchable".to_string()
        } else {
            match steadiness(input, &lines) {
                Some(s) => s,
                None => continue,
            }
        };
        let saving = eligible.decimal() * Decimal::from(discount) / Decimal::ONE_HUNDRED;
        out.push(Finding {
            kind: Kind::Batch,
            provider,
            workspace,
            project: Some(label),
            model: None,
            monthly_saving: input.monthly(saving),
            method: format!(
                "estimate: the project's token spend not already on the batch API ({}) at the provider's documented batch discount of {discount}%, per 30 days; only for work that can wait up to 24 hours",
                crate::domain::Currency::USD.format(eligible)
            ),
            evidence: why,
        });
    }
    out
}

/// Why a project's daily spend looks scheduled, or `None` when it does not.
fn steadiness(input: &Input<'_>, lines: &[&ModelLine]) -> Option<String> {
    let mut per_day: BTreeMap<chrono::NaiveDate, Decimal> =
        input.range.days().filter(|d| *d < input.today).map(|d| (d, Decimal::ZERO)).collect();
    for line in lines {
        for (day, cost) in &line.daily {
            if let Some(v) = per_day.get_mut(day) {
                *v += cost.decimal();
            }
        }
    }
    if per_day.len() < MIN_DAYS {
        return None;
    }
    // Ratios of a heuristic, not money: f64 is enough here.
    let values: Vec<(bool, f64)> = per_day
        .iter()
        .map(|(d, v)| (d.weekday().number_from_monday() >= 6, v.to_string().parse::<f64>().unwrap_or(0.0)))
        .collect();
    let n = values.len() as f64;
    let mean = values.iter().map(|(_, v)| v).sum::<f64>() / n;
    if mean <= 0.0 {
        return None;
    }
    let variation = (values.iter().map(|(_, v)| (v - mean).powi(2)).sum::<f64>() / n).sqrt() / mean;
    let avg = |weekend: bool| {
        let days: Vec<f64> = values.iter().filter(|(w, _)| *w == weekend).map(|(_, v)| *v).collect();
        if days.is_empty() { 0.0 } else { days.iter().sum::<f64>() / days.len() as f64 }
    };
    let weekend_ratio = if avg(false) > 0.0 { avg(true) / avg(false) } else { 0.0 };
    (variation <= MAX_VARIATION && weekend_ratio >= MIN_WEEKEND_RATIO).then(|| {
        format!(
            "steady daily spend over {} complete days: varies {:.0}% day to day, weekends at {:.0}% of weekdays",
            values.len(),
            variation * 100.0,
            weekend_ratio * 100.0
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{d, line, usage};
    use super::super::{Input, Kind, optimize};
    use crate::domain::{DateRange, Money, ProviderKind};
    use crate::prices::PriceTable;

    fn daily(pattern: impl Fn(u32) -> &'static str) -> Vec<(chrono::NaiveDate, Money)> {
        (1..=28).map(|n| (d(&format!("2026-11-{n:02}")), pattern(n).parse().unwrap())).collect()
    }

    #[test]
    fn steady_or_named_projects_at_the_batch_discount() {
        let table = PriceTable::built_in();
        let mut steady = line(ProviderKind::OpenAi, "gpt-4o-mini", "Nightly", "300", Some(usage(1_000, 0, 10)));
        steady.batch_billed = "100".parse().unwrap();
        steady.daily = daily(|n| if n % 2 == 0 { "10.5" } else { "9.5" });
        let mut office = line(ProviderKind::OpenAi, "gpt-4o-mini", "Chat", "200", Some(usage(1_000, 0, 10)));
        // 1 Nov 2026 is a Sunday: weekends (n % 7 == 0 or 1) spend a tenth.
        office.daily = daily(|n| if n % 7 == 0 || n % 7 == 1 { "1" } else { "10" });
        let named = line(ProviderKind::Anthropic, "claude-haiku-4-5", "Grading", "60", Some(usage(1_000, 0, 10)));
        let untokened = line(ProviderKind::Aws, "Nova Lite", "edu", "999", None);
        let input = Input {
            range: DateRange::new(d("2026-11-01"), d("2026-11-30")),
            today: d("2026-11-29"),
            lines: vec![steady, office, named, untokened],
            prices: &table,
            batchable: &["Grad*".to_string()],
        };
        let found: Vec<_> = optimize(&input).into_iter().filter(|f| f.kind == Kind::Batch).collect();
        let names: Vec<_> = found.iter().map(|f| f.project.clone().unwrap()).collect();
        assert_eq!(names, ["Nightly", "Grading"], "{found:?}");
        // (300 - 100 already batched) x 50% = 100 over the 30-day period.
        assert_eq!(found[0].monthly_saving, "100".parse().unwrap());
        assert!(found[0].evidence.contains("weekends at 100%"), "{}", found[0].evidence);
        assert_eq!(found[1].monthly_saving, "30".parse().unwrap());
        assert!(found[1].evidence.contains("[optimize] batchable"));
    }
}
