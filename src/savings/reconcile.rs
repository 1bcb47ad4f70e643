//! Reconciliation: per provider, workspace and model, the billed cost against its tokens at the
//! list price of each day, the difference, and the likely reason. Billed stays the truth: the
//! rows' billed amounts add up to what `costs` shows for the same period.

use rust_decimal::Decimal;

use super::{Input, list_cost};
use crate::domain::{Money, ProviderKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub provider: ProviderKind,
    pub workspace: String,
    pub model: String,
    pub billed: Money,
    /// The tokens at list prices; `None` when the model has no tokens or no price.
    pub list_price_cost: Option<Money>,
    pub difference: Option<Money>,
    /// The difference in percent of the list-price cost.
    pub percent: Option<Decimal>,
    pub reason: String,
    /// Off by more than the tolerance.
    pub flagged: bool,
}

/// One row per provider, workspace and model; the largest billed first.
pub(crate) fn reconcile(input: &Input<'_>, tolerance_percent: Decimal) -> Vec<Row> {
    let by_model = super::by_model(&input.lines);
    // Accounts whose usage reports tokens at all: a model without them there is a line item
    // without tokens; elsewhere the provider reports none.
    let with_usage: std::collections::BTreeSet<(ProviderKind, String)> =
        input.lines.iter().filter(|l| l.has_tokens()).map(|l| (l.provider, l.workspace.clone())).collect();
    let mut rows: Vec<Row> = by_model
        .into_iter()
        .map(|((provider, workspace, model), lines)| {
            let billed: Money = lines.iter().map(|l| l.billed).sum();
            let batch: Money = lines.iter().map(|l| l.batch_billed).sum();
            let usage: Vec<_> = lines.iter().flat_map(|l| l.usage.iter().copied()).collect();
            let has_tokens = lines.iter().any(|l| l.has_tokens());
            let entry = input.price_entry(lines[0]);
            let list = entry.and_then(|e| list_cost(e, &usage)).map(Money::from_decimal);
            let difference = list.and_then(|l| billed.decimal().checked_sub(l.decimal())).map(Money::from_decimal);
            let percent = list
                .filter(|l| !l.is_zero())
                .and_then(|l| difference?.decimal().checked_mul(Decimal::ONE_HUNDRED)?.checked_div(l.decimal()))
                .map(|p| p.round_dp(1));
            let flagged = percent.is_some_and(|p| p.abs() > tolerance_percent);
            let reason = match (entry, list, percent) {
                _ if provider.price_list().is_none() => "no list prices apply to this provider".to_string(),
                _ if !has_tokens && with_usage.contains(&(provider, workspace.clone())) => {
                    "a line item without tokens (tools, storage, images, audio)".to_string()
                }
                _ if !has_tokens => format!("usage not reported: {} sends no token counts", provider.display_name()),
                (None, _, _) => "not in the price table (llmcost prices): not priced".to_string(),
                (Some(_), None, _) => {
                    "the price table has no token prices for it (images, audio, per-request)".to_string()
                }
                (Some(e), Some(_), Some(p)) => explain(p, tolerance_percent, e, input, batch, billed),
                (Some(_), Some(_), None) => "its tokens cost nothing at list price".to_string(),
            };
            Row { provider, workspace, model, billed, list_price_cost: list, difference, percent, reason, flagged }
        })
        .collect();
    rows.sort_by(|a, b| b.billed.cmp(&a.billed).then_with(|| a.model.cmp(&b.model)));
    rows
}

fn explain(
    percent: Decimal,
    tolerance: Decimal,
    entry: &crate::prices::ModelPrices,
    input: &Input<'_>,
    batch: Money,
    billed: Money,
) -> String {
    let mut reasons = Vec::new();
    if entry.changed_within(input.range.since, input.range.until) {
        reasons.push("the list price changed inside the period".to_string());
    }
    if percent.abs() <= tolerance {
        reasons.insert(0, format!("matches the list price (within {tolerance}%)"));
    } else if percent < Decimal::ZERO {
        if !batch.is_zero() {
            let share = batch.share_of(billed) * Decimal::ONE_HUNDRED;
            reasons.push(format!("{}% of it was billed through the batch API at a discount", share.round_dp(0)));
        } else {
            reasons
                .push("below list: a negotiated discount, credits, or cached input the usage does not report".into());
        }
    } else {
        let rates = entry.on(input.range.until);
        let mut why = Vec::new();
        if rates.is_some_and(|r| r.cache_write.is_some()) {
            why.push("cache writes (billed above the input price)");
        }
        if rates.is_some_and(|r| r.tiered) {
            why.push("long-context tier prices");
        }
        if why.is_empty() {
            why.push("priority or regional processing, or usage the provider under-reports");
        }
        reasons.push(format!("above list: {}", why.join(" or ")));
    }
    reasons.join("; ")
}

#[cfg(test)]
mod tests {
    use super::super::Input;
    use super::super::tests::{d, line, usage};
    use super::reconcile;
    use crate::domain::{DateRange, Money, ProviderKind};
    use crate::prices::PriceTable;
    use rust_decimal::Decimal;

    #[test]
    fn billed_against_list_with_reasons() {
        let table = PriceTable::built_in();
        // gpt-4o-mini: $0.15 in, $0.60 out. 10M in + 1M out = $2.10 at list.
        let exact =
            line(ProviderKind::OpenAi, "gpt-4o-mini-2024-07-18", "A", "2.10", Some(usage(10_000_000, 0, 1_000_000)));
        let mut batched = line(ProviderKind::OpenAi, "gpt-4.1-nano", "A", "1.00", Some(usage(10_000_000, 0, 0)));
        batched.batch_billed = "1.00".parse().unwrap();
        let tools = line(ProviderKind::OpenAi, "web search tool calls", "A", "3", Some(usage(0, 0, 0)));
        let unknown = line(ProviderKind::OpenAi, "my-finetune-9", "A", "4", Some(usage(1, 0, 1)));
        let bedrock = line(ProviderKind::Aws, "Nova Lite", "edu", "5", None);
        let input = Input {
            range: DateRange::new(d("2026-11-01"), d("2026-11-30")),
            today: d("2026-12-01"),
            lines: vec![exact, batched, tools, unknown, bedrock],
            prices: &table,
            batchable: &[],
        };
        let rows = reconcile(&input, Decimal::from(2));
        let billed: Money = rows.iter().map(|r| r.billed).sum();
        assert_eq!(billed, "15.10".parse().unwrap(), "billed adds up to the bill");
        let row = |m: &str| rows.iter().find(|r| r.model == m).unwrap();
        assert_eq!(row("gpt-4o-mini-2024-07-18").difference, Some(Money::ZERO));
        assert!(!row("gpt-4o-mini-2024-07-18").flagged);
        assert!(row("gpt-4o-mini-2024-07-18").reason.starts_with("matches the list price"));
        // gpt-4.1-nano: $0.10 in: 10M = $1.00 list... billed $1.00 all batch: matches.
        let nano = row("gpt-4.1-nano");
        assert_eq!(nano.list_price_cost, Some("1".parse().unwrap()));
        assert!(row("web search tool calls").reason.starts_with("a line item without tokens"));
        assert_eq!(row("my-finetune-9").list_price_cost, None, "missing, never priced at 0");
        assert!(row("my-finetune-9").reason.contains("not in the price table"));
        assert_eq!(row("Nova Lite").reason, "usage not reported: AWS Bedrock sends no token counts");
    }
}
