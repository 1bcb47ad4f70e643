//! Prepaid balances and their runway: what is left on an account that is paid for in advance
//! (OpenRouter's credits), and when it runs out at the trailing week's burn rate. A reading is
//! fetched (unless offline) and kept as a series in the cache; the burn is the billed spend of
//! the last 7 complete UTC days. A top-up raises the balance; it is never negative spend.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::App;
use super::answer::Answer;
use super::select::Scope;
use crate::domain::{Account, Currency, DateRange, Money};
use crate::error::Result;
use crate::store::CostQuery;

/// Days of spend the burn rate is taken over.
pub(crate) const BURN_DAYS: u64 = 7;

/// One prepaid account.
#[derive(Clone, Debug)]
pub(crate) struct BalanceRow {
    pub account: Account,
    pub balance: Money,
    pub currency: Currency,
    /// When the provider reported it.
    pub as_of: DateTime<Utc>,
    /// Average billed spend a day over the last `BURN_DAYS` complete UTC days.
    pub burn_per_day: Money,
    /// Days left at that rate (`None`: nothing spent, no end in sight).
    pub runway_days: Option<Decimal>,
    /// The UTC day the balance runs out at that rate.
    pub runs_out_on: Option<NaiveDate>,
}

pub(crate) fn run(app: &App, scope: &Scope) -> Result<Answer<Vec<BalanceRow>>> {
    let read = read(app, scope)?;
    let mut failed = read.failed;
    failed.extend(
        read.never_fetched.iter().map(|a| format!("{a}: no balance fetched yet: run 'llmcost balances' online")),
    );
    Ok(Answer { view: read.rows, failed })
}

/// The balances of a scope's prepaid accounts (fetched first unless offline), and why some
/// have none.
pub(crate) struct Read {
    pub rows: Vec<BalanceRow>,
    /// Accounts whose balance could not be fetched now (an older reading may still be shown).
    pub failed: Vec<String>,
    /// Prepaid accounts with no reading ever kept.
    pub never_fetched: Vec<Account>,
}

/// Fetches (unless offline) and reads each prepaid account's latest balance, with its burn.
pub(crate) fn read(app: &App, scope: &Scope) -> Result<Read> {
    let accounts: Vec<Account> =
        app.select(&scope.providers, &scope.workspaces)?.into_iter().filter(|a| a.provider.info().prepaid).collect();
    let mut store = app.open_store()?;
    let mut failed = Vec::new();
    // Accounts that said they have no balance (a postpaid xAI team): not prepaid, not a failure.
    let mut postpaid = Vec::new();
    if !app.offline(scope.offline) {
        for account in &accounts {
            // A vendor whose spend is imported (DeepSeek's) has a balance only where a key is set.
            if account.provider.is_imported() && app.credentials(account).is_err() {
                postpaid.push(account.clone());
                continue;
            }
            match fetch(app, account) {
                Ok(Some((balance, currency))) => store.record_balance(account, app.clock.now(), balance, currency)?,
                Ok(None) => postpaid.push(account.clone()),
                Err(e) => failed.push(e.to_string()),
            }
        }
    }
    let today = app.clock.today();
    let burn_range = DateRange::new(today - Days::new(BURN_DAYS), today - Days::new(1));
    let (mut rows, mut never_fetched) = (Vec::new(), Vec::new());
    for account in accounts.into_iter().filter(|a| !postpaid.contains(a)) {
        let Some((as_of, balance, currency)) = store.latest_balance(&account)? else {
            never_fetched.push(account);
            continue;
        };
        let q = CostQuery::all(vec![account.clone()], burn_range, vec![]);
        let rates = store.cached_rates(&q, currency)?;
        let spent: Money = store.aggregate_costs_in(&q, currency, &rates)?.0.into_iter().map(|(_, m)| m).sum();
        let burn = Money::from_decimal((spent.decimal() / Decimal::from(BURN_DAYS)).round_dp(6));
        let runway_days =
            (!burn.is_zero()).then(|| (balance.decimal().max(Decimal::ZERO) / burn.decimal()).round_dp(1));
        let runs_out_on = runway_days.and_then(|d| {
            let whole = rust_decimal::prelude::ToPrimitive::to_u64(&d.trunc())?;
            as_of.date_naive().checked_add_days(Days::new(whole))
        });
        rows.push(BalanceRow { account, balance, currency, as_of, burn_per_day: burn, runway_days, runs_out_on });
    }
    Ok(Read { rows, failed, never_fetched })
}

/// The provider's balance now.
fn fetch(app: &App, account: &Account) -> Result<Option<(Money, Currency)>> {
    let (credentials, _) = app.credentials(account)?;
    let timeout = std::time::Duration::from_secs(app.config.http.timeout_seconds.max(1));
    let (runtime, client) = app.network.get(timeout)?;
    let provider = app.connect(account, &credentials, client.clone(), app.retry_policy(), None);
    runtime.block_on(provider.balance()).map_err(crate::error::Error::Provider)
}

/// Days ahead a balance floor looks: a balance that the week's burn takes below the floor
/// within this many days is flagged before it gets there.
pub(crate) const FLOOR_LOOKAHEAD_DAYS: u64 = 7;

/// A balance floor at one prepaid account.
#[derive(Clone, Debug)]
pub(crate) struct FloorRow {
    pub floor: crate::budget::BalanceFloor,
    pub account: Account,
    /// The latest balance, when one was ever fetched.
    pub balance: Option<BalanceRow>,
    /// `exceeded`: below the floor; `forecast-exceeded`: the last week's burn takes it below
    /// within `FLOOR_LOOKAHEAD_DAYS`; `no-data`: never fetched; else `ok`.
    pub level: crate::budget::Level,
}

/// Each floor at each prepaid account it covers, from the balances just read.
pub(crate) fn floors(app: &App, floors: &[crate::budget::BalanceFloor], rows: &[BalanceRow]) -> Result<Vec<FloorRow>> {
    use crate::budget::Level;
    let mut out = Vec::new();
    for floor in floors {
        let providers: Vec<String> = floor.provider.iter().map(|p| p.id().to_string()).collect();
        let workspaces: Vec<String> = floor.workspace.iter().cloned().collect();
        let accounts: Vec<Account> =
            app.select(&providers, &workspaces)?.into_iter().filter(|a| a.provider.info().prepaid).collect();
        for account in accounts {
            let balance = rows.iter().find(|r| r.account == account).cloned();
            let level = match &balance {
                None => Level::NoData,
                // A balance in another currency than the floor's cannot be compared: unknown.
                Some(b) if b.currency != floor.currency => Level::NoData,
                Some(b) if b.balance < floor.min => Level::Exceeded,
                Some(b) => {
                    let ahead = b.burn_per_day.decimal() * Decimal::from(FLOOR_LOOKAHEAD_DAYS);
                    if b.balance.decimal() - ahead < floor.min.decimal() { Level::ForecastExceeded } else { Level::Ok }
                }
            };
            out.push(FloorRow { floor: floor.clone(), account, balance, level });
        }
    }
    Ok(out)
}
