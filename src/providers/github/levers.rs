//! GitHub's lever: the organization's AI-credits budget that stops usage, as `limits` sets a
//! monthly spend limit (`GET/POST /organizations/{org}/settings/billing/budgets`,
//! `PATCH/DELETE .../budgets/{budget_id}`, as GitHub's REST API description and Octokit have
//! them): scope `organization`, type `BundlePricing`, SKU `ai_credits` (all AI credits: Copilot's
//! premium requests, Models, Spark), `prevent_further_usage` on. Amounts are whole dollars. An
//! undo sets the old amount back, or deletes a budget llmcost created. A budget of the same kind
//! that only alerts is the team's own: llmcost neither turns it into a limit nor deletes it, and
//! says so.

use serde::Deserialize;
use serde_json::{Value, json};

use super::GitHub;
use crate::domain::lenient;
use crate::providers::http::{FailureKind, ProviderError};
use crate::providers::levers::{Lever, fields_of, segment};

/// Budget pages read at most.
const MAX_PAGES: u32 = 100;
/// What an AI-credits budget covers, as GitHub spells it.
const AI_CREDITS: &str = "ai_credits";

#[derive(Debug, Deserialize)]
struct BudgetPage {
    #[serde(default)]
    budgets: Vec<Budget>,
    #[serde(default, deserialize_with = "lenient::flag")]
    has_next_page: bool,
}

#[derive(Clone, Debug, Deserialize)]
struct Budget {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    id: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    budget_scope: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    budget_product_sku: Option<String>,
    #[serde(default)]
    budget_amount: Value,
    #[serde(default, deserialize_with = "lenient::flag")]
    prevent_further_usage: bool,
}

impl Budget {
    fn is_org_ai_credits(&self) -> bool {
        self.budget_scope.as_deref() == Some("organization")
            && self.budget_product_sku.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(AI_CREDITS))
    }

    /// Whole dollars as sent (a number, or a numeric string).
    fn dollars(&self) -> Option<u64> {
        let amount = crate::domain::money::money_from_json(&self.budget_amount).ok()?.decimal();
        if amount.fract().is_zero() { rust_decimal::prelude::ToPrimitive::to_u64(&amount) } else { None }
    }
}

impl GitHub {
    fn budgets_path(&self) -> String {
        format!("/organizations/{}/settings/billing/budgets", segment(&self.org))
    }

    fn refuse(&self, message: String) -> ProviderError {
        self.http.fail(&self.budgets_path(), FailureKind::Unsupported, message)
    }

    /// The organization's AI-credits budget, if it has one.
    async fn ai_budget(&self) -> Result<Option<Budget>, ProviderError> {
        let path = self.budgets_path();
        for page in 1..=MAX_PAGES {
            let q =
                [("scope", "organization".to_string()), ("per_page", "100".to_string()), ("page", page.to_string())];
            let got: BudgetPage = self.http.get_json(&path, &q).await?;
            if let Some(b) = got.budgets.iter().find(|b| b.is_org_ai_credits()) {
                return Ok(Some(b.clone()));
            }
            if !got.has_next_page {
                return Ok(None);
            }
        }
        Err(self.http.fail(&path, FailureKind::Malformed, format!("more than {MAX_PAGES} pages of budgets")))
    }

    /// The limit now, in cents as `limits` speaks of it; an `amount` of null where no AI-credits
    /// budget stops usage (an alerting one is said in `alert_only`, in dollars).
    pub(super) async fn lever_now(&self, lever: &Lever) -> Result<Value, ProviderError> {
        if lever.kind != "spend_limit" || lever.project.is_some() {
            return Err(self.refuse("GitHub's lever is the organization's AI-credits budget".into()));
        }
        Ok(match self.ai_budget().await? {
            None => json!({"amount": null, "currency": null}),
            Some(b) if b.prevent_further_usage => {
                json!({"amount": b.dollars().map(|d| (d * 100).to_string()), "currency": "USD"})
            }
            Some(b) => json!({"amount": null, "currency": "USD", "alert_only": b.dollars()}),
        })
    }

    /// Sets the limit to `value`'s amount (cents of whole dollars), or removes the budget that
    /// stops usage for an amount of null; the limit after, read back.
    pub(super) async fn lever_set(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        if lever.kind != "spend_limit" || lever.project.is_some() {
            return Err(self.refuse("GitHub's lever is the organization's AI-credits budget".into()));
        }
        let path = self.budgets_path();
        let existing = self.ai_budget().await?;
        let cents = match value.get("amount") {
            None | Some(Value::Null) => None,
            Some(v) => {
                Some(v.as_str().and_then(|t| t.parse::<u64>().ok()).or_else(|| v.as_u64()).ok_or_else(|| {
                    self.http.fail(&path, FailureKind::Malformed, format!("a spend limit is whole cents, not {value}"))
                })?)
            }
        };
        match (cents, existing) {
            (None, Some(b)) if b.prevent_further_usage => {
                let id = b.id.ok_or_else(|| self.refuse("the AI-credits budget has no id".into()))?;
                let _: Value = self
                    .http
                    .send_json(reqwest::Method::DELETE, &format!("{path}/{}", segment(&id)), &Value::Null, &[])
                    .await?;
            }
            (None, _) => {}
            (Some(c), _) if c % 100 != 0 => {
                return Err(self.refuse(format!("GitHub budgets are whole dollars, not {c} cents")));
            }
            (Some(_), Some(b)) if !b.prevent_further_usage => {
                return Err(self.refuse(format!(
                    "{} has an AI-credits budget that only alerts (${}): make it stop usage, or delete it, in \
                     GitHub's billing settings, then apply again",
                    self.org,
                    b.dollars().unwrap_or(0)
                )));
            }
            (Some(c), Some(b)) => {
                let id = b.id.ok_or_else(|| self.refuse("the AI-credits budget has no id".into()))?;
                let body = json!({"budget_amount": c / 100, "prevent_further_usage": true});
                let _: Value = self
                    .http
                    .send_json(reqwest::Method::PATCH, &format!("{path}/{}", segment(&id)), &body, &[])
                    .await?;
            }
            (Some(c), None) => {
                let body = json!({
                    "budget_amount": c / 100,
                    "prevent_further_usage": true,
                    "budget_alerting": {"will_alert": false, "alert_recipients": []},
                    "budget_scope": "organization",
                    "budget_entity_name": self.org,
                    "budget_type": "BundlePricing",
                    "budget_product_sku": AI_CREDITS,
                });
                let _: Value = self.http.send_json(reqwest::Method::POST, &path, &body, &[]).await?;
            }
        }
        Ok(fields_of(&self.lever_now(lever).await?, value))
    }
}
