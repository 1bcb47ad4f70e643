//! Model choice: spend on a premium model whose provider sells a cheaper sibling, priced at the
//! current token mix. A what-if, never advice to switch blindly: the cheaper model may not do
//! the job.

use rust_decimal::Decimal;

use super::{Finding, Input, Kind, catalog, list_cost};

/// Savings below this (per 30 days) are not worth a reader's time.
const MIN_MONTHLY: Decimal = Decimal::ONE;

pub(crate) fn find(input: &Input<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((provider, workspace, model), lines) in super::by_model(&input.lines) {
        if !lines.iter().any(|l| l.has_tokens()) {
            continue;
        }
        let Some(list) = provider.price_list() else { continue };
        let Some(entry) = input.price_entry(lines[0]) else { continue };
        let Some(cheaper_id) = catalog::sibling(list, &entry.id) else { continue };
        let Some(cheaper) = input
            .prices
            .providers
            .iter()
            .find(|(id, _)| id == list)
            .and_then(|(_, models)| models.iter().find(|m| m.id == cheaper_id))
        else {
            continue;
        };
        let usage: Vec<_> = lines.iter().flat_map(|l| l.usage.iter().copied()).collect();
        let (Some(now), Some(then)) = (list_cost(entry, &usage), list_cost(cheaper, &usage)) else { continue };
        if now <= Decimal::ZERO || then >= now {
            continue;
        }
        // The price ratio applied to what was billed: a negotiated or batch discount on the
        // premium model is assumed to carry over, and the saving never exceeds the spend.
        let billed: crate::domain::Money = lines.iter().map(|l| l.billed).sum();
        let Some(ratio) = then.checked_div(now) else { continue };
        let Some(saved) = billed.decimal().checked_mul(Decimal::ONE - ratio) else { continue };
        let saving = input.monthly(saved);
        if saving.decimal() < MIN_MONTHLY {
            continue;
        }
        out.push(Finding {
            kind: Kind::ModelChoice,
            provider,
            workspace,
            project: None,
            model: Some(model),
            monthly_saving: saving,
            method: format!(
                "what-if: the billed spend scaled by what the same tokens cost on {cheaper_id} instead of {} at list prices ({}% less), per 30 days; test quality first",
                entry.id,
                ((Decimal::ONE - ratio) * Decimal::ONE_HUNDRED).round_dp(0)
            ),
            evidence: format!(
                "billed {} in the period; its tokens cost {} at list price, {} on {cheaper_id}",
                crate::domain::Currency::USD.format(billed),
                crate::domain::Currency::USD.format(crate::domain::Money::from_decimal(now)),
                crate::domain::Currency::USD.format(crate::domain::Money::from_decimal(then)),
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{d, line, usage};
    use super::super::{Input, Kind, optimize};
    use crate::domain::{DateRange, ProviderKind};
    use crate::prices::PriceTable;

    #[test]
    fn a_premium_model_priced_at_its_sibling() {
        let table = PriceTable::built_in();
        // claude-opus-4-1 ($15 in / $75 out) vs claude-sonnet-4-5 ($3 / $15):
        // 1M in + 1M out = $90 vs $18 at list, 80% less: $72 of the $90 billed over 30 days.
        let input = Input {
            range: DateRange::new(d("2026-11-01"), d("2026-11-30")),
            today: d("2026-12-01"),
            lines: vec![
                line(
                    ProviderKind::Anthropic,
                    "claude-opus-4-1-20250805",
                    "A",
                    "90",
                    Some(usage(1_000_000, 0, 1_000_000)),
                ),
                line(ProviderKind::OpenAi, "gpt-4.1-nano", "A", "5", Some(usage(1_000_000, 0, 1_000_000))),
            ],
            prices: &table,
            batchable: &[],
        };
        let found: Vec<_> = optimize(&input).into_iter().filter(|f| f.kind == Kind::ModelChoice).collect();
        assert_eq!(found.len(), 1, "the smallest tier has no cheaper sibling: {found:?}");
        assert_eq!(found[0].monthly_saving, "72".parse().unwrap());
        assert!(found[0].method.starts_with("what-if") && found[0].method.contains("claude-sonnet-4-5"));
    }
}
