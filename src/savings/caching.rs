//! Prompt caching: models with a lot of input and little of it read from the cache, priced as
//! if the cached share reached `TARGET_PERCENT` at the cached-input price.

use rust_decimal::Decimal;

use super::{Finding, Input, Kind, per_million, tokens};

/// The cached share the estimate assumes is reachable (stable system prompts and tool lists).
pub(crate) const TARGET_PERCENT: u64 = 50;
/// Below this share of cached input, caching is worth a look.
const LOW_PERCENT: u64 = 20;
/// Input volume (per 30 days) below which a finding is not worth the reader's time.
const MIN_MONTHLY_INPUT: u64 = 10_000_000;

pub(crate) fn find(input: &Input<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((provider, workspace, model), lines) in super::by_model(&input.lines) {
        if !lines.iter().any(|l| l.has_tokens()) {
            continue;
        }
        let Some(entry) = input.price_entry(lines[0]) else { continue };
        let mut u = crate::domain::UsageTotals::default();
        for l in &lines {
            u += l.usage_total();
        }
        let Some(rates) = entry.on(input.range.until) else { continue };
        let (Some(price), Some(cached_price)) = (rates.input, rates.cache_read) else { continue };
        let monthly_input = input.monthly(Decimal::from(u.input_tokens)).decimal();
        if cached_price >= price || u.input_tokens == 0 || monthly_input < Decimal::from(MIN_MONTHLY_INPUT) {
            continue;
        }
        // In u128: counts summed over a year can be near u64's limit.
        let cached_percent =
            u64::try_from(u128::from(u.cached_input_tokens) * 100 / u128::from(u.input_tokens)).unwrap_or(u64::MAX);
        if cached_percent >= LOW_PERCENT {
            continue;
        }
        // At most input_tokens, so it fits.
        let target = u64::try_from(u128::from(u.input_tokens) * u128::from(TARGET_PERCENT) / 100).unwrap_or(u64::MAX);
        let more = target.saturating_sub(u.cached_input_tokens);
        let Some(saving) = Decimal::from(more).checked_mul(price - cached_price) else { continue };
        let saving = saving / Decimal::from(1_000_000);
        out.push(Finding {
            kind: Kind::Caching,
            provider,
            workspace,
            project: None,
            model: Some(model),
            monthly_saving: input.monthly(saving),
            method: format!(
                "estimate: if {TARGET_PERCENT}% of input were read from the prompt cache, the {} more cached tokens at the cached-input list price ({}) instead of the input price ({}) per 1M tokens, per 30 days",
                tokens(more),
                per_million(cached_price),
                per_million(price)
            ),
            evidence: format!(
                "{} input tokens in the period, {}% read from the cache",
                tokens(u.input_tokens),
                cached_percent
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{line, usage};
    use super::super::{Input, optimize};
    use crate::domain::{DateRange, ProviderKind};
    use crate::prices::PriceTable;

    #[test]
    fn low_cached_share_is_priced_at_the_cached_rate() {
        let table = PriceTable::built_in();
        // gpt-4.1-mini: $0.40 input, $0.10 cached. 100M input, 5M cached, over 30 days:
        // (50M - 5M) x ($0.40 - $0.10) / 1M = $13.50.
        let input = Input {
            range: DateRange::new(super::super::tests::d("2026-11-01"), super::super::tests::d("2026-11-30")),
            today: super::super::tests::d("2026-12-01"),
            lines: vec![
                line(
                    ProviderKind::OpenAi,
                    "gpt-4.1-mini-2025-04-14",
                    "A",
                    "50",
                    Some(usage(100_000_000, 5_000_000, 0)),
                ),
                line(ProviderKind::OpenAi, "gpt-5.5-2026-04-23", "A", "50", Some(usage(100_000_000, 40_000_000, 0))),
            ],
            prices: &table,
            batchable: &[],
        };
        let found: Vec<_> = optimize(&input).into_iter().filter(|f| f.kind == super::Kind::Caching).collect();
        assert_eq!(found.len(), 1, "40% cached is not low: {found:?}");
        assert_eq!(found[0].monthly_saving.exact(), "13.50");
        assert!(found[0].evidence.contains("100M input tokens") && found[0].evidence.contains("5%"));
    }
}
