//! Read queries: costs and usage grouped by any dimensions, and projects with their spend.

use std::collections::HashMap;
use std::str::FromStr;

use rusqlite::types::Value;

use super::key::GroupKey;
use super::{Store, day_text};
use crate::domain::KeyValue;
use crate::domain::{Account, DateRange, Dim, Money, ProjectInfo, UsageTotals};
use crate::error::{Error, Result};

/// A validated question for the cache.
#[derive(Clone, Debug)]
pub struct CostQuery {
    pub accounts: Vec<Account>,
    /// Project ids to keep (`""` is the default project); empty keeps all.
    pub projects: Vec<String>,
    /// Models to keep; empty keeps all.
    pub models: Vec<String>,
    pub range: DateRange,
    pub group_by: Vec<Dim>,
    /// Days whose bill has not arrived show their estimate instead of any partial billed rows
    /// (and views group by `Dim::Basis`, so the two are never summed unlabelled).
    pub estimates: bool,
}

/// A project of an account and what it cost in a period.
#[derive(Clone, Debug)]
pub struct ProjectSpend {
    pub account: Account,
    pub info: ProjectInfo,
    pub cost: Money,
    /// Whether the provider's project list includes it (costs may name deleted projects).
    pub listed: bool,
}

/// A summed count as the cache holds it: NULL (no rows) is 0, and so is a negative sum, which
/// only a hand-edited cache can hold.
fn stored_count(sum: Option<i64>) -> u64 {
    sum.and_then(|n| u64::try_from(n).ok()).unwrap_or(0)
}

fn column(dim: Dim) -> &'static str {
    match dim {
        Dim::Provider => "provider",
        Dim::Workspace => "workspace",
        Dim::Project => "project_id",
        Dim::Model => "model",
        Dim::LineItem => "line_item",
        Dim::Day => "day",
        // ISO 8601 week-year and week (SQLite 3.46+), and the month, from the UTC day.
        Dim::Week => "strftime('%G-W%V', day)",
        Dim::Month => "substr(day, 1, 7)",
        Dim::Currency => "currency",
        // Not in the cache: views allocate them (`CostView::build_in` with teams) from the
        // columns above; a query that names them anyway groups everything under "".
        Dim::Team | Dim::CostCenter | Dim::Key | Dim::Person => "''",
        // Columns of `with_estimates`' source, which any query naming them reads.
        Dim::Hour => "hour",
        Dim::Basis => "basis",
    }
}

impl CostQuery {
    /// Every project and model of `accounts` over `range`, grouped by `group_by`.
    pub fn all(accounts: Vec<Account>, range: DateRange, group_by: Vec<Dim>) -> CostQuery {
        CostQuery { accounts, projects: vec![], models: vec![], range, group_by, estimates: false }
    }

    /// What the query reads: the billed rows, or, with estimates or a dimension only they have,
    /// billed and estimated rows side by side with their `hour` and `basis`. An account's day
    /// shows its estimate while the bill has not arrived, and the bill once it has: never both.
    fn source(&self) -> String {
        if !self.estimates && !self.group_by.iter().any(|d| d.needs_estimates()) {
            return "cost_buckets".to_string();
        }
        use crate::domain::Basis;
        let billed = format!(
            "SELECT provider, workspace, day, project_id, line_item, model, amount, currency,
             'day' AS hour, '{}' AS basis FROM cost_buckets c",
            Basis::Billed.as_str()
        );
        if !self.estimates {
            return format!("({billed})");
        }
        let open = |t: &str| {
            format!(
                "EXISTS (SELECT 1 FROM estimate_days e WHERE e.provider = {t}.provider AND e.workspace = {t}.workspace
                 AND e.day = {t}.day AND e.bill_arrived = 0)"
            )
        };
        format!(
            "({billed} WHERE NOT {} UNION ALL
              SELECT provider, workspace, day, project_id, model AS line_item, model, amount, currency, hour,
                     '{}' AS basis FROM estimates x WHERE {})",
            open("c"),
            Basis::Estimate.as_str(),
            open("x")
        )
    }

    fn key_columns(&self) -> (Vec<&'static str>, bool) {
        let mut cols: Vec<&'static str> = self.group_by.iter().map(|d| column(*d)).collect();
        let with_owner = self.group_by.contains(&Dim::Project);
        if with_owner {
            cols.extend(["provider", "workspace"]);
        }
        (cols, with_owner)
    }

    /// The WHERE clause and its parameters, shared by the cost and usage queries.
    ///
    /// Shaped for the primary key `(provider, workspace, day, ...)`: one OR branch per provider,
    /// each with its workspaces and the day range, so SQLite seeks straight to the days asked for
    /// instead of reading every row of a provider (10 ms instead of 600 ms on a million rows).
    pub(crate) fn filter_sql(&self) -> (String, Vec<Value>) {
        self.filter()
    }

    fn filter(&self) -> (String, Vec<Value>) {
        let mut params = Vec::new();
        let mut branches = Vec::new();
        let mut providers: Vec<&str> = self.accounts.iter().map(|a| a.provider.id()).collect();
        providers.sort_unstable();
        providers.dedup();
        for provider in providers {
            let workspaces: Vec<&str> =
                self.accounts.iter().filter(|a| a.provider.id() == provider).map(|a| a.workspace.as_str()).collect();
            params.push(Value::Text(provider.to_string()));
            params.extend(workspaces.iter().map(|w| Value::Text(w.to_string())));
            params.push(Value::Text(day_text(self.range.since)));
            params.push(Value::Text(day_text(self.range.until)));
            let marks = vec!["?"; workspaces.len()].join(", ");
            branches.push(format!("(provider = ? AND workspace IN ({marks}) AND day BETWEEN ? AND ?)"));
        }
        let mut sql = if branches.is_empty() { "0".to_string() } else { format!("({})", branches.join(" OR ")) };
        if !self.projects.is_empty() {
            let marks = vec!["?"; self.projects.len()].join(", ");
            sql.push_str(&format!(" AND project_id IN ({marks})"));
            params.extend(self.projects.iter().map(|p| Value::Text(p.clone())));
        }
        if !self.models.is_empty() {
            let marks = vec!["?"; self.models.len()].join(", ");
            sql.push_str(&format!(" AND model IN ({marks})"));
            params.extend(self.models.iter().map(|m| Value::Text(m.clone())));
        }
        (sql, params)
    }
}

/// A row's grouping columns as the cache holds them: the values, then the owner's provider and
/// workspace when projects are grouped.
type RawKey = (Vec<Option<String>>, Option<(String, String)>);

fn raw_key(row: &rusqlite::Row<'_>, n: usize, with_owner: bool) -> rusqlite::Result<RawKey> {
    let mut values = Vec::with_capacity(n);
    for i in 0..n {
        values.push(row.get::<_, Option<String>>(i)?);
    }
    let owner = if with_owner { Some((row.get(n)?, row.get(n + 1)?)) } else { None };
    Ok((values, owner))
}

/// Reads a raw key into typed values, outside SQLite's row callback so a damaged value is
/// llmcost's error (naming the fix), not a conversion failure.
fn typed_key(group_by: &[Dim], (values, owner): RawKey) -> Result<GroupKey> {
    let values =
        group_by.iter().zip(values).map(|(dim, text)| super::key::read_column(*dim, text)).collect::<Result<_>>()?;
    let owner = match owner {
        Some((provider, workspace)) => Some(Account { provider: super::key::read_provider(&provider)?, workspace }),
        None => None,
    };
    Ok(GroupKey { values, owner })
}

/// `"a, b, "` for the SELECT list and `" GROUP BY a, b"`, both empty without grouping.
fn select_and_group(cols: &[&str]) -> (String, String) {
    if cols.is_empty() {
        return (String::new(), String::new());
    }
    let list = cols.join(", ");
    (format!("{list}, "), format!(" GROUP BY {list}"))
}

impl Store {
    /// Billed cost per group, exact.
    pub fn aggregate_costs(&self, q: &CostQuery) -> Result<Vec<(GroupKey, Money)>> {
        let (cols, with_owner) = q.key_columns();
        let (filter, params) = q.filter();
        let (select, group) = select_and_group(&cols);
        let sql = format!("SELECT {select}dec_sum(amount) FROM {} WHERE {filter}{group}", q.source());
        let mut stmt = self.conn.prepare(&sql)?;
        let n = q.group_by.len();
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok((raw_key(r, n, with_owner)?, r.get::<_, String>(cols.len())?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (key, sum) = row?;
            let money = Money::from_str(&sum).map_err(|e| Error::Storage(format!("cache holds {e}")))?;
            out.push((typed_key(&q.group_by, key)?, money));
        }
        // With no grouping SQLite returns one row even when nothing matched.
        if q.group_by.is_empty() {
            out.retain(|(_, m)| !m.is_zero());
        }
        Ok(out)
    }

    /// Token and request counts per group (only for dimensions that carry usage).
    pub fn aggregate_usage(&self, q: &CostQuery) -> Result<HashMap<GroupKey, UsageTotals>> {
        if q.group_by.iter().any(|d| !d.carries_usage()) {
            return Ok(HashMap::new());
        }
        let (cols, with_owner) = q.key_columns();
        let (filter, params) = q.filter();
        let (select, group) = select_and_group(&cols);
        let sql = format!(
            "SELECT {select}sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(requests), count(*)
             FROM usage_buckets WHERE {filter}{group}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let n = q.group_by.len();
        let c = cols.len();
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            let count: i64 = r.get(c + 4)?;
            let totals = UsageTotals {
                input_tokens: stored_count(r.get(c)?),
                cached_input_tokens: stored_count(r.get(c + 1)?),
                output_tokens: stored_count(r.get(c + 2)?),
                requests: stored_count(r.get(c + 3)?),
            };
            Ok((raw_key(r, n, with_owner)?, totals, count))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (key, totals, count) = row?;
            if count > 0 {
                out.insert(typed_key(&q.group_by, key)?, totals);
            }
        }
        Ok(out)
    }

    /// Every project known for the accounts (listed by the provider or seen in costs), with its
    /// spend in the range.
    pub fn project_spend(&self, accounts: &[Account], range: DateRange) -> Result<Vec<ProjectSpend>> {
        self.project_spend_in(accounts, range, crate::domain::Currency::USD, None)
    }

    /// Like [`Store::project_spend`], in `currency`, converting with `rates` (else the cached ones).
    pub fn project_spend_in(
        &self,
        accounts: &[Account],
        range: DateRange,
        currency: crate::domain::Currency,
        rates: Option<&crate::fx::Rates>,
    ) -> Result<Vec<ProjectSpend>> {
        let q = CostQuery::all(accounts.to_vec(), range, vec![Dim::Project]);
        let mut spend: HashMap<(Account, String), Money> = HashMap::new();
        // In `currency`: amounts billed in another are converted with ECB rates (and are an
        // error without them), never added 1:1.
        let cached;
        let rates = if let Some(r) = rates {
            r
        } else {
            cached = self.cached_rates(&q, currency)?;
            &cached
        };
        for (key, cost) in self.aggregate_costs_in(&q, currency, rates)?.0 {
            let (Some(owner), Some(KeyValue::Text(id))) = (key.owner, key.values.into_iter().next()) else { continue };
            spend.insert((owner, id), cost);
        }
        let mut out = Vec::new();
        for account in accounts {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, name, status FROM projects WHERE provider = ?1 AND workspace = ?2 ORDER BY name",
            )?;
            let listed = stmt.query_map((account.provider.id(), &account.workspace), |r| {
                Ok(ProjectInfo { id: r.get(0)?, name: r.get(1)?, status: r.get(2)? })
            })?;
            for info in listed {
                let info = info?;
                let cost = spend.remove(&(account.clone(), info.id.clone())).unwrap_or(Money::ZERO);
                out.push(ProjectSpend { account: account.clone(), info, cost, listed: true });
            }
        }
        // Costs for projects the provider no longer lists, and for the default project.
        for ((account, id), cost) in spend {
            let info = ProjectInfo { name: String::new(), status: String::new(), id };
            out.push(ProjectSpend { account, info, cost, listed: false });
        }
        Ok(out)
    }

    /// Project names by (provider, workspace, id), for labelling rows.
    pub fn project_names(&self) -> Result<HashMap<(String, String, String), String>> {
        let mut stmt = self.conn.prepare_cached("SELECT provider, workspace, id, name FROM projects")?;
        let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
