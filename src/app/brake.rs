//! `llmcost brake`: stop spend at the providers, reversibly. A brake reads each account's levers
//! (Anthropic and OpenRouter keys, OpenAI project rate limits), proposes the change that stops
//! spend, and, with `apply`, writes each one with the account's write key after journaling the
//! value it replaces; an undo writes those values back where nobody changed them since. Without
//! `apply` nothing is sent but reads. Nothing irreversible is ever sent (no delete, no archive).

use serde_json::Value;

use super::App;
use super::answer::Answer;
use crate::domain::Account;
use crate::error::{Error, Result};
use crate::providers::levers::{Change, Lever, Rung, irreversible};
use crate::providers::{AnyProvider, Credentials};
use crate::store::{JournalEntry, NewEntry, Store};

/// What a brake asks.
#[derive(Clone, Debug, Default)]
pub(crate) struct BrakeRequest {
    pub providers: Vec<String>,
    pub workspaces: Vec<String>,
    /// Only levers of these projects (OpenAI) or workspaces (Anthropic); empty: all.
    pub projects: Vec<String>,
    /// Only this key or rate limit (its id).
    pub key: Option<String>,
    /// Write (else a dry run: reads only).
    pub apply: bool,
    /// The rung of the ladder (`None`: each provider's first).
    pub rung: Option<Rung>,
    /// The models the deny-models rung refuses (empty: the expensive ones of each provider's
    /// price list, [`expensive_models`]).
    pub deny_models: Vec<String>,
}

/// A model is expensive when its list price is at least this many dollars per million output
/// tokens: the models a deny-models brake refuses unless told which.
pub(crate) const EXPENSIVE_OUTPUT_PER_MTOK: u32 = 20;

/// The models of `account`'s price list listed at `EXPENSIVE_OUTPUT_PER_MTOK` or more per
/// million output tokens on `day` (deprecated ones left out), by name.
pub(crate) fn expensive_models(account: &Account, day: chrono::NaiveDate) -> Vec<String> {
    let Some(list) = account.provider.info().price_list else { return Vec::new() };
    let table = crate::prices::PriceTable::built_in();
    let Some((_, models)) = table.providers.iter().find(|(id, _)| id == list) else { return Vec::new() };
    let floor = rust_decimal::Decimal::from(EXPENSIVE_OUTPUT_PER_MTOK);
    let mut out: Vec<String> = models
        .iter()
        .filter(|m| !m.deprecated && m.on(day).and_then(|r| r.output).is_some_and(|o| o >= floor))
        .map(|m| m.id.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The rung `req` asks of `account`'s provider (its first when none is asked), if it has it.
fn rung_of(req: &BrakeRequest, account: &Account) -> Option<Rung> {
    let rungs = account.provider.info().brake_rungs;
    match req.rung {
        Some(r) => rungs.iter().any(|(have, _)| *have == r).then_some(r),
        None => rungs.first().map(|(r, _)| *r),
    }
}

/// One action of a brake or an undo.
#[derive(Clone, Debug)]
pub(crate) struct Action {
    pub account: Account,
    pub lever: Lever,
    pub from: Value,
    pub to: Value,
    /// `would change` (dry run), `applied`, `failed: why`, or why it was left as is.
    pub outcome: String,
}

/// What a brake or an undo did (or would do).
#[derive(Clone, Debug, Default)]
pub(crate) struct BrakeView {
    /// The journal's number for this run, when it wrote.
    pub brake: Option<i64>,
    pub undo: bool,
    pub applied: bool,
    pub actions: Vec<Action>,
    /// Accounts in scope without a lever llmcost can undo.
    pub without_levers: Vec<Account>,
    /// What the providers with levers do (`Anthropic: every active API key set inactive; ...`).
    pub levers: String,
}

impl BrakeView {
    /// How many of its changes were applied (written and journaled `applied`).
    pub(crate) fn applied_count(&self) -> usize {
        self.actions.iter().filter(|a| a.outcome.starts_with("applied")).count()
    }
}

/// A lever braked and not undone.
#[derive(Clone, Debug)]
pub(crate) struct Braked {
    pub entry: JournalEntry,
}

/// Spend billed after a brake: providers stop at once, but bills arrive late, so what was
/// billed for the UTC days after the brake's day shows what got through (and the brake's own
/// day, part of it before).
#[derive(Clone, Debug)]
pub(crate) struct Overshoot {
    pub brake: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    /// Billed on the brake's UTC day (part of it before the brake), per currency.
    pub brake_day: Vec<(crate::domain::Currency, crate::domain::Money)>,
    /// Billed on the UTC days after it, through today, per currency.
    pub after: Vec<(crate::domain::Currency, crate::domain::Money)>,
}

/// `brake --status`: the levers braked, and each brake's overshoot from the cache.
#[derive(Clone, Debug, Default)]
pub(crate) struct StatusView {
    pub braked: Vec<Braked>,
    pub overshoot: Vec<Overshoot>,
}

/// Who ran it, for the journal: the login name and the host.
fn who() -> String {
    let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "unknown".into());
    let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_string()).unwrap_or_default();
    let shown: String = format!("{user}@{host}").chars().filter(|c| !c.is_control()).take(100).collect();
    shown.trim_end_matches('@').to_string()
}

/// The account's write key: `LLMCOST_WRITE_KEY_<PROVIDER>_<WORKSPACE>` or the keyring entry
/// `write/<provider>/<workspace>`. The read key is never used to write.
fn write_credentials(app: &App, account: &Account) -> Result<Credentials> {
    let var = crate::secrets::env_var_name(account).replacen("LLMCOST_KEY_", "LLMCOST_WRITE_KEY_", 1);
    let entry = format!("write/{}/{}", account.provider.id(), account.workspace);
    match app.keys.lookup_named(&entry, &var) {
        Ok(Some(key)) => Ok(Credentials::Key(key)),
        Ok(None) => Err(Error::Config(format!(
            "{account}: --apply needs a write key, kept apart from the read key: set {var} or store it in the \
             keyring as '{entry}' ({})",
            account.provider.info().key_kind
        ))),
        Err(e) => Err(Error::Config(format!("{account}: cannot read the keyring entry '{entry}': {e}"))),
    }
}

/// Every account's write key is there, or one error naming each one missing.
fn all_write_keys<'a>(app: &App, accounts: impl Iterator<Item = &'a Account>) -> Result<()> {
    let mut missing: Vec<String> =
        accounts.filter_map(|a| write_credentials(app, a).err()).map(|e| e.to_string()).collect();
    missing.dedup();
    match missing.len() {
        0 => Ok(()),
        _ => Err(Error::Config(missing.join("; "))),
    }
}

/// The clients of one run, made once per account: a brake, an undo or a `limits` run lists,
/// reads and writes an account's levers on one connection, with its write key when writing,
/// else its read key.
pub(crate) struct Clients<'a> {
    app: &'a App,
    write: bool,
    made: std::collections::HashMap<Account, AnyProvider>,
}

impl<'a> Clients<'a> {
    pub(crate) fn new(app: &'a App, write: bool) -> Clients<'a> {
        Clients { app, write, made: std::collections::HashMap::new() }
    }

    fn of(&mut self, account: &Account) -> Result<&AnyProvider> {
        let vacant = match self.made.entry(account.clone()) {
            std::collections::hash_map::Entry::Occupied(made) => return Ok(made.into_mut()),
            std::collections::hash_map::Entry::Vacant(vacant) => vacant,
        };
        let app = self.app;
        let credentials = if self.write {
            write_credentials(app, account)?
        } else {
            app.credentials(account).map_err(|e| Error::Config(e.to_string()))?.0
        };
        let timeout = std::time::Duration::from_secs(app.config.http.timeout_seconds.max(1));
        let (_, client) = app.network.get(timeout)?;
        Ok(vacant.insert(app.connect(account, &credentials, client.clone(), app.retry_policy(), None)))
    }
}

fn block_on<T>(app: &App, future: impl std::future::Future<Output = T>) -> Result<T> {
    let timeout = std::time::Duration::from_secs(app.config.http.timeout_seconds.max(1));
    let (runtime, _) = app.network.get(timeout)?;
    Ok(runtime.block_on(future))
}

/// What the providers with a lever do on `rung` (each one's first when `None`), from the
/// registry.
fn levers_summary(rung: Option<Rung>) -> String {
    let braked: Vec<String> = crate::domain::ProviderKind::ALL
        .iter()
        .filter_map(|k| {
            let rungs = k.info().brake_rungs;
            let (r, what) = match rung {
                Some(r) => rungs.iter().find(|(have, _)| *have == r)?,
                None => rungs.first()?,
            };
            Some(format!("{}: {what} ({})", k.display_name(), r.name()))
        })
        .collect();
    braked.join("; ")
}

/// The brake: a dry run, or with `apply` the writes, journaled.
pub(crate) fn run(app: &App, req: &BrakeRequest) -> Result<Answer<BrakeView>> {
    let accounts = app.select(&req.providers, &req.workspaces)?;
    if app.is_demo() && req.apply {
        return Err(Error::Usage("the demo writes nothing: run 'llmcost --demo brake' for the plan".into()));
    }
    // Refused before any request: every account to be written has its write key.
    if req.apply {
        all_write_keys(app, accounts.iter().filter(|a| rung_of(req, a).is_some()))?;
    }
    let mut view = BrakeView { applied: req.apply, levers: levers_summary(req.rung), ..BrakeView::default() };
    let mut clients = Clients::new(app, req.apply);
    let mut failed = Vec::new();
    let mut plan: Vec<(Account, Change)> = Vec::new();
    for account in &accounts {
        let Some(rung) = rung_of(req, account) else {
            view.without_levers.push(account.clone());
            continue;
        };
        let deny = if req.deny_models.is_empty() {
            expensive_models(account, app.clock.today())
        } else {
            req.deny_models.clone()
        };
        match changes(app, &mut clients, account, rung, &deny) {
            Ok(list) => plan.extend(list.into_iter().filter(|c| wanted(req, c)).map(|c| (account.clone(), c))),
            Err(e) => failed.push(e.to_string()),
        }
    }
    if !req.apply {
        view.actions = plan.into_iter().map(|(account, c)| action(account, c, "would change")).collect();
        return Ok(Answer { view, failed });
    }
    let mut store = app.open_store()?;
    let brake = store.next_brake()?;
    view.brake = Some(brake);
    let who = who();
    for (account, change) in plan {
        let outcome = apply_one(
            &mut store,
            &mut clients,
            (brake, "brake", None),
            &who,
            &account,
            &change.lever,
            (&change.current, &change.braked),
        );
        if let Some(why) = outcome.strip_prefix("failed: ") {
            failed.push(format!("{account}: {}: {why}", change.lever.id));
        }
        view.actions.push(action(account, change, &outcome));
    }
    Ok(Answer { view, failed })
}

fn wanted(req: &BrakeRequest, c: &Change) -> bool {
    (req.projects.is_empty() || c.lever.project.as_ref().is_some_and(|p| req.projects.contains(p)))
        && req.key.as_ref().is_none_or(|k| &c.lever.id == k)
}

fn action(account: Account, c: Change, outcome: &str) -> Action {
    Action { account, lever: c.lever, from: c.current, to: c.braked, outcome: outcome.to_string() }
}

/// The account's proposed changes on `rung`: the demo's, or read from the provider.
fn changes(
    app: &App,
    clients: &mut Clients<'_>,
    account: &Account,
    rung: Rung,
    deny: &[String],
) -> Result<Vec<Change>> {
    if app.is_demo() {
        return Ok(crate::demo::brake_changes(account, rung, deny));
    }
    let provider = clients.of(account)?;
    let read = block_on(app, provider.brake_changes(rung, deny))?.map_err(Error::Provider)?;
    Ok(read.unwrap_or_default())
}

/// One write, journaled first: its outcome (`applied` or `failed: why`).
fn apply_one(
    store: &mut Store,
    clients: &mut Clients<'_>,
    (brake, action, undoes): (i64, &str, Option<i64>),
    who: &str,
    account: &Account,
    lever: &Lever,
    (from, to): (&Value, &Value),
) -> String {
    let app = clients.app;
    if irreversible(to) {
        return format!("failed: {to} cannot be undone; llmcost never sends it");
    }
    let entry =
        NewEntry { brake, action, undoes, at: app.clock.now(), who, account, lever, old_value: from, new_value: to };
    let id = match store.journal_pending(&entry) {
        Ok(id) => id,
        // Not journaled, not sent: a change without its old value could not be undone.
        Err(e) => return format!("failed: not sent, the journal could not be written ({e})"),
    };
    let written = clients.of(account).and_then(|p| block_on(app, p.lever_write(lever, to))?.map_err(Error::Provider));
    let outcome = match written {
        Ok(after) if &after == to => "applied".to_string(),
        Ok(after) => format!("applied: the provider reports {after}"),
        Err(e) => format!("failed: {e}"),
    };
    if let Err(e) = store.journal_settle(id, &outcome) {
        app.note(&format!("warning: journal entry {id} stays 'pending': {e}"));
    }
    outcome
}

/// A lever's setting now (the fields of `like`), read on `clients`.
pub(crate) fn read_lever(clients: &mut Clients<'_>, account: &Account, lever: &Lever, like: &Value) -> Result<Value> {
    let app = clients.app;
    let provider = clients.of(account)?;
    block_on(app, provider.lever_read(lever, like))?.map_err(Error::Provider)
}

/// One journaled write for another use case (`limits apply`), on write `clients`: its outcome.
pub(crate) fn write_lever(
    store: &mut Store,
    clients: &mut Clients<'_>,
    (run, action): (i64, &str),
    account: &Account,
    lever: &Lever,
    values: (&Value, &Value),
) -> String {
    apply_one(store, clients, (run, action, None), &who(), account, lever, values)
}

/// What is braked now: applied (or pending) brake entries without an applied undo.
pub(crate) fn status(app: &App) -> Result<Vec<Braked>> {
    let journal = app.open_store()?.journal()?;
    Ok(in_place(&journal).into_iter().map(|entry| Braked { entry }).collect())
}

/// What is braked now, and the spend billed after each brake still in place (from the cache:
/// `sync` brings the late bills in).
pub(crate) fn status_view(app: &App) -> Result<StatusView> {
    let store = app.open_store()?;
    let braked: Vec<Braked> = in_place(&store.journal()?).into_iter().map(|entry| Braked { entry }).collect();
    let today = app.clock.today();
    let mut runs: std::collections::BTreeMap<i64, (chrono::DateTime<chrono::Utc>, Vec<Account>)> = Default::default();
    for b in braked.iter().filter(|b| b.entry.action == "brake") {
        let run = runs.entry(b.entry.brake).or_insert((b.entry.at, Vec::new()));
        run.0 = run.0.min(b.entry.at);
        if !run.1.contains(&b.entry.account) {
            run.1.push(b.entry.account.clone());
        }
    }
    let mut overshoot = Vec::new();
    for (brake, (at, accounts)) in runs {
        let day = at.date_naive();
        let billed = |range: crate::domain::DateRange| -> Result<Vec<(crate::domain::Currency, crate::domain::Money)>> {
            let q = crate::store::CostQuery::all(accounts.clone(), range, vec![crate::domain::Dim::Currency]);
            Ok(store
                .aggregate_costs(&q)?
                .into_iter()
                .filter_map(|(key, m)| match key.values.as_slice() {
                    [crate::store::KeyValue::Currency(c)] => Some((*c, m)),
                    _ => None,
                })
                .collect())
        };
        let brake_day = billed(crate::domain::DateRange::single(day))?;
        let after = match day.succ_opt().filter(|next| *next <= today) {
            Some(next) => billed(crate::domain::DateRange::new(next, today))?,
            None => Vec::new(),
        };
        overshoot.push(Overshoot { brake, at, brake_day, after });
    }
    Ok(StatusView { braked, overshoot })
}

fn in_place(journal: &[JournalEntry]) -> Vec<JournalEntry> {
    let undone: std::collections::BTreeSet<i64> = journal
        .iter()
        .filter(|e| e.action == "undo" && e.outcome.starts_with("applied"))
        .filter_map(|e| e.undoes)
        .collect();
    journal
        .iter()
        .filter(|e| e.action != "undo" && (e.outcome.starts_with("applied") || e.outcome == "pending"))
        .filter(|e| !undone.contains(&e.id))
        .cloned()
        .collect()
}

/// Undoes brake `id` (the latest still in place when `None`): each lever still as the brake
/// left it is set back to the value journaled before; one changed since is left as is.
pub(crate) fn undo(app: &App, id: Option<i64>, apply: bool) -> Result<Answer<BrakeView>> {
    let mut store = app.open_store()?;
    let braked = in_place(&store.journal()?);
    let brake = match id {
        Some(id) => id,
        None => braked
            .iter()
            .map(|e| e.brake)
            .max()
            .ok_or_else(|| Error::Usage("nothing is braked: see 'llmcost brake --status'".into()))?,
    };
    let entries: Vec<JournalEntry> = braked.into_iter().filter(|e| e.brake == brake).rev().collect();
    if entries.is_empty() {
        return Err(Error::Usage(format!("brake {brake} has nothing left to undo: see 'llmcost brake --status'")));
    }
    if apply {
        all_write_keys(app, entries.iter().map(|e| &e.account))?;
    }
    let run = if apply { store.next_brake()? } else { brake };
    let mut view = BrakeView { brake: apply.then_some(run), undo: true, applied: apply, ..BrakeView::default() };
    let (who, mut failed) = (who(), Vec::new());
    let mut clients = Clients::new(app, apply);
    for e in entries {
        // The fields the entry changed, whatever else the provider reports beside them.
        let now = read_lever(&mut clients, &e.account, &e.lever, &e.new_value)
            .map(|now| crate::providers::levers::fields_of(&now, &e.new_value));
        let outcome = match now {
            Err(err) => format!("failed: {err}"),
            Ok(now) if now == e.old_value => "already as before the brake".to_string(),
            Ok(now) if now != e.new_value => format!("changed since the brake (now {now}): left as is"),
            Ok(_) if !apply => "would restore".to_string(),
            Ok(now) => apply_one(
                &mut store,
                &mut clients,
                (run, "undo", Some(e.id)),
                &who,
                &e.account,
                &e.lever,
                (&now, &e.old_value),
            ),
        };
        if let Some(why) = outcome.strip_prefix("failed: ") {
            failed.push(format!("{}: {}: {why}", e.account, e.lever.id));
        }
        view.actions.push(Action { account: e.account, lever: e.lever, from: e.new_value, to: e.old_value, outcome });
    }
    Ok(Answer { view, failed })
}

/// `budgets check --enforce`: each exceeded budget with `brake = true` braked in its scope (its
/// provider, workspace and project), applied (the demo shows the plan); the journal number is
/// set on the budget's row, so its alert carries the undo command.
pub(crate) fn enforce(app: &App, rows: &mut [crate::budget::BudgetRow]) -> Result<Vec<(String, Answer<BrakeView>)>> {
    let mut out = Vec::new();
    for row in rows.iter_mut().filter(|r| r.budget.brake && r.status.level == crate::budget::Level::Exceeded) {
        let scope = &row.budget.scope;
        let req = BrakeRequest {
            providers: scope.provider.map(|p| vec![p.id().to_string()]).unwrap_or_default(),
            workspaces: scope.workspace.iter().cloned().collect(),
            projects: if scope.project.is_some() { row.projects.clone() } else { Vec::new() },
            key: None,
            apply: !app.is_demo(),
            rung: None,
            deny_models: Vec::new(),
        };
        let answer = run(app, &req)?;
        if answer.view.applied_count() > 0 {
            row.braked = answer.view.brake;
        }
        out.push((row.budget.name.clone(), answer));
    }
    Ok(out)
}
