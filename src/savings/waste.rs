//! Waste: spend on model versions their provider has retired or deprecated (moving is needed
//! anyway), and projects whose daily spend jumped (the report's anomaly rule), priced at what
//! the jump cost above the usual level.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::{Finding, Input, Kind, catalog, list_cost};
use crate::domain::{Currency, Money};

pub(crate) fn find(input: &Input<'_>) -> Vec<Finding> {
    let mut out = retired(input);
    out.extend(jumps(input));
    out
}

fn retired(input: &Input<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((provider, workspace, model), lines) in super::by_model(&input.lines) {
        let Some(list) = provider.price_list() else { continue };
        let billed: Money = lines.iter().map(|l| l.billed).sum();
        if billed <= Money::ZERO {
            continue;
        }
        let entry = input.price_entry(lines[0]);
        let (when, replacement, source) = match (catalog::retirement(list, &model), entry) {
            (Some(r), _) => (format!("retired on {}", r.retires), Some(r.replacement), r.source.to_string()),
            (None, Some(e)) if e.deprecated => ("deprecated".to_string(), None, "the price table".to_string()),
            _ => continue,
        };
        // The saving of moving: the same tokens at the replacement's list prices, when known.
        let usage: Vec<_> = lines.iter().flat_map(|l| l.usage.iter().copied()).collect();
        let to = replacement
            .and_then(|id| input.prices.providers.iter().find(|(l, _)| l == list)?.1.iter().find(|m| m.id == id));
        let saving = match (entry.and_then(|e| list_cost(e, &usage)), to.and_then(|t| list_cost(t, &usage))) {
            (Some(now), Some(then)) if now > then => input.monthly(now - then),
            _ => Money::ZERO,
        };
        let evidence = format!("{model} is {when} ({source}); billed {} in the period", Currency::USD.format(billed));
        out.push(Finding {
            kind: Kind::Waste,
            provider,
            workspace,
            project: None,
            model: Some(model),
            monthly_saving: saving,
            method: match replacement {
                Some(r) if !saving.is_zero() => {
                    format!("estimate: the same tokens at {r}'s list prices, per 30 days; move before requests fail")
                }
                Some(r) => {
                    format!("move to {r} before requests fail; saving not estimated (no token counts or prices)")
                }
                None => "move to a current version; saving not estimated".to_string(),
            },
            evidence,
        });
    }
    out
}

type DailySeries = HashMap<chrono::NaiveDate, Decimal>;

/// Projects with a day far above their usual spend (the anomaly rule), and what it cost above it.
fn jumps(input: &Input<'_>) -> Vec<Finding> {
    let mut projects: BTreeMap<super::ModelKey, (String, DailySeries)> = BTreeMap::new();
    for line in &input.lines {
        let entry = projects
            .entry((line.provider, line.workspace.clone(), line.project_id.clone()))
            .or_insert_with(|| (line.project_label(), HashMap::new()));
        for (day, cost) in &line.daily {
            *entry.1.entry(*day).or_default() += cost.decimal();
        }
    }
    let mut out = Vec::new();
    for ((provider, workspace, _), (label, series)) in projects {
        let mut excess = Decimal::ZERO;
        let mut days = Vec::new();
        for day in input.range.days().filter(|d| *d < input.today) {
            let value = series.get(&day).copied().unwrap_or_default();
            let history: Vec<Decimal> = (1..=crate::report::anomaly::WINDOW)
                .map(|back| series.get(&(day - chrono::Days::new(back))).copied().unwrap_or_default())
                .collect();
            if let Some(usual) = crate::report::anomaly::is_spike(value, &history) {
                excess += value - usual;
                days.push(format!(
                    "{day}: {} against a usual {}",
                    Currency::USD.format(Money::from_decimal(value)),
                    Currency::USD.format(Money::from_decimal(usual))
                ));
            }
        }
        if days.is_empty() {
            continue;
        }
        out.push(Finding {
            kind: Kind::Waste,
            provider,
            workspace,
            project: Some(label),
            model: None,
            // What the jumps cost above the usual level: not scaled, it is what happened.
            monthly_saving: Money::from_decimal(excess),
            method: "the spend above the usual level on days the anomaly rule flags (see llmcost report); check for loops, retries or leaked keys".into(),
            evidence: days.join("; "),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{d, line, usage};
    use super::super::{Input, Kind, optimize};
    use crate::domain::{DateRange, Money, ProviderKind};
    use crate::prices::PriceTable;

    #[test]
    fn retired_models_and_jumps() {
        let table = PriceTable::built_in();
        let old = line(ProviderKind::Anthropic, "claude-3-opus-20240229", "A", "10", Some(usage(100_000, 0, 100_000)));
        let mut spiky = line(ProviderKind::OpenAi, "gpt-4o-mini", "Spiky", "0", None);
        spiky.daily = (1..=20)
            .map(|n| (d(&format!("2026-11-{n:02}")), Money::from_decimal(if n == 18 { 50.into() } else { 10.into() })))
            .collect();
        let input = Input {
            range: DateRange::new(d("2026-11-15"), d("2026-11-20")),
            today: d("2026-11-21"),
            lines: vec![old, spiky],
            prices: &table,
            batchable: &[],
        };
        let found: Vec<_> = optimize(&input).into_iter().filter(|f| f.kind == Kind::Waste).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        let jump = found.iter().find(|f| f.project.as_deref() == Some("Spiky")).unwrap();
        assert_eq!(jump.monthly_saving, "40".parse().unwrap(), "$50 against a usual $10");
        let retired = found.iter().find(|f| f.model.is_some()).unwrap();
        assert!(retired.evidence.contains("retired on 2026-01-05"), "{}", retired.evidence);
    }
}
