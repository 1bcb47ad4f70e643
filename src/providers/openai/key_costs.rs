//! OpenAI's bill per API key. The costs endpoint lists `group_by=api_key_id` in its spec, but
//! the live API answered 400 to it in 2026. So the first costs request of a sync asks with it;
//! a 400 is remembered (`learnt`, kept by the cache for 30 days, then asked again) and the
//! request is repeated without it, and keys are then allocated their line's bill by usage. Where
//! the API takes it, each key's part of each line is its bill (`UsageRecord::billed`).

use std::collections::BTreeMap;
use std::sync::Mutex;

use chrono::NaiveDate;

use super::api;
use crate::domain::line_item;
use crate::domain::money::money_from_json;
use crate::domain::{DateRange, Money, UsageRecord, UsageTotals};

/// The fact remembered: `accepted` or `refused`.
pub(super) const FACT: &str = "costs_group_by_api_key_id";

/// A key's bill on a line: day, project, model, key (`""`: no key).
type BillKey = (NaiveDate, Option<String>, String, String);

#[derive(Default)]
pub(super) struct KeyCosts {
    /// `Some(true)`: the API takes the grouping; `Some(false)`: it refused; `None`: not known.
    answer: Mutex<Option<bool>>,
    /// Whether this client asked (its answer is then learnt), rather than recalled it.
    asked: Mutex<bool>,
    /// Whether the bills kept can be given to keys (an answer in another currency than US
    /// dollars cannot be compared with the lines; its keys are then allocated).
    usable: Mutex<bool>,
    bills: Mutex<BTreeMap<BillKey, Money>>,
}

impl KeyCosts {
    /// Starts from what the cache remembers.
    pub(super) fn recalled(fact: Option<&str>) -> KeyCosts {
        let answer = match fact {
            Some("accepted") => Some(true),
            Some("refused") => Some(false),
            _ => None,
        };
        KeyCosts { answer: Mutex::new(answer), ..KeyCosts::default() }
    }

    /// Whether a costs request should group by key.
    pub(super) fn worth_asking(&self) -> bool {
        self.answer.lock().is_ok_and(|a| *a != Some(false))
    }

    /// The API answered: `taken` or refused.
    pub(super) fn answered(&self, taken: bool) {
        if let Ok(mut a) = self.answer.lock() {
            *a = Some(taken);
        }
        if let Ok(mut asked) = self.asked.lock() {
            *asked = true;
        }
    }

    /// The answer to remember, when this client asked.
    pub(super) fn learnt(&self) -> Vec<(String, String)> {
        let asked = self.asked.lock().is_ok_and(|a| *a);
        match self.answer.lock().map(|a| *a) {
            Ok(Some(taken)) if asked => {
                vec![(FACT.to_string(), if taken { "accepted" } else { "refused" }.to_string())]
            }
            _ => Vec::new(),
        }
    }

    /// Keeps each key's part of each line of keyed cost buckets (US dollars only: a key's bill
    /// is compared with lines in dollars).
    pub(super) fn keep(&self, buckets: &[(NaiveDate, Vec<api::CostResult>)]) -> Result<(), String> {
        let mut found: BTreeMap<BillKey, Money> = BTreeMap::new();
        for (day, results) in buckets {
            for (i, r) in results.iter().enumerate() {
                let Some(amount) = &r.amount else { continue };
                if amount.currency.as_deref().is_some_and(|c| !c.eq_ignore_ascii_case("usd")) {
                    return Ok(());
                }
                let money = money_from_json(&amount.value)
                    .map_err(|e| format!("bucket {day}, results[{i}].amount.value: {e}"))?;
                let model = line_item::model_of(r.line_item.as_deref().unwrap_or_default()).to_string();
                let key = r.api_key_id.clone().unwrap_or_default();
                let project = r.project_id.clone().filter(|p| !p.is_empty());
                let sum = found.entry((*day, project, model, key)).or_insert(Money::ZERO);
                *sum = sum.checked_add(money).ok_or_else(|| format!("bucket {day}: a key's bill overflows"))?;
            }
        }
        if let Ok(mut bills) = self.bills.lock() {
            bills.extend(found);
        }
        if let Ok(mut usable) = self.usable.lock() {
            *usable = true;
        }
        Ok(())
    }

    /// Gives each keyed usage record of `range` its key's bill (a key with tokens and no bill
    /// was billed nothing), and adds a record for a bill no usage row counted (tools, storage:
    /// `""`, no key).
    pub(super) fn attach(&self, mut usage: Vec<UsageRecord>, range: DateRange) -> Vec<UsageRecord> {
        if !self.answer.lock().is_ok_and(|a| *a == Some(true)) || !self.usable.lock().is_ok_and(|u| *u) {
            return usage;
        }
        let Ok(mut bills) = self.bills.lock() else { return usage };
        let mut in_range: BTreeMap<BillKey, Money> = BTreeMap::new();
        bills.retain(|k, v| {
            if range.contains(k.0) {
                in_range.insert(k.clone(), *v);
                false
            } else {
                true
            }
        });
        for u in &mut usage {
            let Some(key) = &u.key_id else { continue };
            let k = (u.day, u.project_id.clone(), u.model.clone(), key.clone());
            u.billed = Some(in_range.remove(&k).unwrap_or(Money::ZERO));
        }
        usage.extend(in_range.into_iter().map(|((day, project_id, model, key), billed)| UsageRecord {
            day,
            project_id,
            model,
            totals: UsageTotals::default(),
            key_id: Some(key),
            billed: Some(billed),
        }));
        usage
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buckets(currency: &str) -> Vec<(NaiveDate, Vec<api::CostResult>)> {
        let body = format!(
            r#"{{"object": "page", "data": [{{"object": "bucket", "start_time": 1763683200, "end_time": 1763769600, "results": [
                {{"amount": {{"value": 1.5, "currency": "{currency}"}}, "line_item": "gpt-4o, input", "project_id": "p", "api_key_id": "k1"}}]}}],
                "has_more": false, "next_page": null}}"#
        );
        let page: api::BucketPage<api::CostResult> = serde_json::from_str(&body).unwrap();
        super::super::day_buckets(vec![page]).unwrap()
    }

    fn usage(day: NaiveDate) -> Vec<UsageRecord> {
        vec![UsageRecord {
            day,
            project_id: Some("p".into()),
            model: "gpt-4o".into(),
            totals: UsageTotals::default(),
            key_id: Some("k1".into()),
            billed: None,
        }]
    }

    #[test]
    fn keys_get_their_bills_in_dollars_only() {
        let dollars = KeyCosts::recalled(None);
        dollars.answered(true);
        let b = buckets("usd");
        let day = b[0].0;
        dollars.keep(&b).unwrap();
        let got = dollars.attach(usage(day), DateRange::new(day, day));
        assert_eq!(got[0].billed.map(Money::exact), Some("1.50".to_string()));
        assert_eq!(dollars.learnt(), vec![(FACT.to_string(), "accepted".to_string())]);

        let euros = KeyCosts::recalled(Some("accepted"));
        euros.answered(true);
        euros.keep(&buckets("eur")).unwrap();
        assert_eq!(euros.attach(usage(day), DateRange::new(day, day))[0].billed, None, "allocated, not billed");
        assert!(!KeyCosts::recalled(Some("refused")).worth_asking(), "a refusal is remembered");
    }
}
