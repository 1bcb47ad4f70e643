//! Where money could be saved (`llmcost optimize`) and how the bill relates to the price list
//! (`llmcost reconcile`), pure: from the cached facts of a period and a price table to findings
//! and rows. Every saving is an estimate with its method; billed figures stay the truth.

pub(crate) mod batch;
pub(crate) mod caching;
pub(crate) mod catalog;
pub(crate) mod model_choice;
pub(crate) mod reconcile;
pub(crate) mod waste;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::{DateRange, Money, ProviderKind, UsageTotals};
use crate::prices::{ModelPrices, PriceTable, Rates};

/// One project's spend on one model over the period (and the days before it, for jumps), in USD.
#[derive(Clone, Debug)]
pub(crate) struct ModelLine {
    pub provider: ProviderKind,
    pub workspace: String,
    /// `""` for the default project.
    pub project_id: String,
    pub project_name: String,
    pub model: String,
    /// Billed in the period.
    pub billed: Money,
    /// Of that, billed on batch line items (already discounted).
    pub batch_billed: Money,
    /// Token counts per day of the period (empty where the provider reports none).
    pub usage: Vec<(NaiveDate, UsageTotals)>,
    /// Spend per day, from the anomaly window's start to the period's end.
    pub daily: Vec<(NaiveDate, Money)>,
}

impl ModelLine {
    pub(crate) fn usage_total(&self) -> UsageTotals {
        let mut sum = UsageTotals::default();
        for (_, u) in &self.usage {
            sum += *u;
        }
        sum
    }

    pub(crate) fn has_tokens(&self) -> bool {
        self.usage.iter().any(|(_, u)| u.input_tokens.saturating_add(u.output_tokens) > 0)
    }

    /// `Tutor chat` or the project id, or the provider's default-project label.
    pub(crate) fn project_label(&self) -> String {
        if !self.project_name.is_empty() {
            self.project_name.clone()
        } else if !self.project_id.is_empty() {
            self.project_id.clone()
        } else {
            self.provider.default_project_label().to_string()
        }
    }
}

/// Lines of the same provider, workspace and model (all projects): what model-level findings
/// and reconciliation rows are about.
pub(crate) type ModelKey = (ProviderKind, String, String);

pub(crate) fn by_model(lines: &[ModelLine]) -> std::collections::BTreeMap<ModelKey, Vec<&ModelLine>> {
    let mut out: std::collections::BTreeMap<ModelKey, Vec<&ModelLine>> = Default::default();
    for line in lines {
        out.entry((line.provider, line.workspace.clone(), line.model.clone())).or_default().push(line);
    }
    out
}

/// What the estimates look at.
pub(crate) struct Input<'a> {
    pub range: DateRange,
    pub today: NaiveDate,
    pub lines: Vec<ModelLine>,
    pub prices: &'a PriceTable,
    /// `[optimize] batchable`: projects (ids or names, `*` globs) the user says can wait.
    pub batchable: &'a [String],
}

impl Input<'_> {
    /// Scales a period's amount to 30 days.
    pub(crate) fn monthly(&self, amount: Decimal) -> Money {
        let days = Decimal::from(self.range.len_days().max(1));
        Money::from_decimal(amount.checked_mul(Decimal::from(30)).map_or(Decimal::MAX, |a| a / days))
    }

    pub(crate) fn price_entry(&self, line: &ModelLine) -> Option<&ModelPrices> {
        self.prices.find(line.provider.price_list()?, &line.model)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Caching,
    Batch,
    ModelChoice,
    Waste,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Caching => "caching",
            Kind::Batch => "batch",
            Kind::ModelChoice => "model_choice",
            Kind::Waste => "waste",
        }
    }
}

/// One way to save, with its evidence and how the saving was estimated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Finding {
    pub kind: Kind,
    pub provider: ProviderKind,
    pub workspace: String,
    /// A project label, when the finding is about one.
    pub project: Option<String>,
    pub model: Option<String>,
    /// An estimate per 30 days, in USD.
    pub monthly_saving: Money,
    pub method: String,
    pub evidence: String,
}

/// Every finding, largest saving first.
pub(crate) fn optimize(input: &Input<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(caching::find(input));
    out.extend(batch::find(input));
    out.extend(model_choice::find(input));
    out.extend(waste::find(input));
    out.sort_by(|a, b| b.monthly_saving.cmp(&a.monthly_saving).then(a.kind.cmp(&b.kind)));
    out
}

/// What `usage` costs at `rates` in USD: uncached input at the input price, cached input at the
/// cache-read price (else the input price), output at the output price. `None` when a needed
/// price is missing: never priced at 0.
pub(crate) fn token_cost(rates: &Rates, u: &UsageTotals) -> Option<Decimal> {
    let million = Decimal::from(1_000_000);
    let input = rates.input?;
    let cached = u.cached_input_tokens.min(u.input_tokens);
    let uncached = u.input_tokens - cached;
    let cache_price = rates.cache_read.unwrap_or(input);
    let output = if u.output_tokens > 0 { rates.output? } else { Decimal::ZERO };
    // Checked: a price table or a usage report with absurd figures gives no estimate, not a panic.
    let part = |tokens: u64, price: Decimal| Decimal::from(tokens).checked_mul(price);
    part(uncached, input)?
        .checked_add(part(cached, cache_price)?)?
        .checked_add(part(u.output_tokens, output)?)?
        .checked_div(million)
}

/// What a line's tokens cost at the list prices of each day; `None` without tokens or prices.
pub(crate) fn list_cost(entry: &ModelPrices, usage: &[(NaiveDate, UsageTotals)]) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    let mut any = false;
    for (day, u) in usage {
        if u.input_tokens.saturating_add(u.output_tokens) == 0 {
            continue;
        }
        sum = sum.checked_add(token_cost(&entry.on(*day)?, u)?)?;
        any = true;
    }
    any.then_some(sum)
}

/// `932M`, `12.4M`, `870k` tokens.
pub(crate) fn tokens(n: u64) -> String {
    crate::output::text::compact_count(n)
}

/// `$0.50` per 1M tokens.
pub(crate) fn per_million(d: Decimal) -> String {
    format!("${}", d.normalize())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    pub(crate) fn usage(input: u64, cached: u64, output: u64) -> UsageTotals {
        UsageTotals { input_tokens: input, cached_input_tokens: cached, output_tokens: output, requests: 0 }
    }

    pub(crate) fn line(
        provider: ProviderKind,
        model: &str,
        project: &str,
        billed: &str,
        u: Option<UsageTotals>,
    ) -> ModelLine {
        ModelLine {
            provider,
            workspace: "w".into(),
            project_id: project.to_lowercase(),
            project_name: project.into(),
            model: model.into(),
            billed: billed.parse().unwrap(),
            batch_billed: Money::ZERO,
            usage: u.map(|u| vec![(d("2026-11-10"), u)]).unwrap_or_default(),
            daily: vec![],
        }
    }

    proptest::proptest! {
        /// Whatever a provider reports (counts up to u64's limit, any bill), no estimate panics.
        #[test]
        fn no_input_makes_an_estimate_panic(
            input in proptest::num::u64::ANY,
            cached in proptest::num::u64::ANY,
            output in proptest::num::u64::ANY,
            billed in -1_000_000_000_000i64..1_000_000_000_000,
            days in 1u64..400,
        ) {
            let table = PriceTable::built_in();
            let mut l = line(ProviderKind::OpenAi, "gpt-4o-mini-2024-07-18", "A", "0", Some(usage(input, cached, output)));
            l.billed = Money::from_decimal(Decimal::new(billed, 2));
            l.daily = vec![(d("2026-11-10"), l.billed)];
            let input = Input {
                range: DateRange::new(d("2026-11-01"), d("2026-11-01") + chrono::Days::new(days - 1)),
                today: d("2027-12-31"),
                lines: vec![l.clone(), l],
                prices: &table,
                batchable: &["*".to_string()],
            };
            let _ = optimize(&input);
            let _ = reconcile::reconcile(&input, Decimal::from(2));
        }
    }

    #[test]
    fn token_cost_prices_cached_input_at_the_cache_price_and_never_guesses() {
        let r = Rates {
            input: Some("2".parse().unwrap()),
            cache_read: Some("0.5".parse().unwrap()),
            output: Some("8".parse().unwrap()),
            ..Rates::default()
        };
        // 3M uncached x $2 + 1M cached x $0.50 + 1M output x $8 = $14.50
        assert_eq!(token_cost(&r, &usage(4_000_000, 1_000_000, 1_000_000)), Some("14.5".parse().unwrap()));
        let no_output = Rates { output: None, ..r };
        assert_eq!(token_cost(&no_output, &usage(1, 0, 1)), None, "a missing price is missing, not 0");
        assert_eq!(token_cost(&no_output, &usage(1_000_000, 0, 0)), Some(Decimal::from(2)));
        let absurd = Rates { input: Some(Decimal::MAX), ..r };
        assert_eq!(token_cost(&absurd, &usage(u64::MAX, 0, 0)), None, "an overflow is no estimate, not a panic");
        assert_eq!(tokens(932_000_000), "932M");
        assert_eq!(tokens(2_244_281_263), "2.2B");
    }
}
