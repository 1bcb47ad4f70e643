//! The dashboard's state. Only `update` changes it; `view` only reads it.

use chrono::{Days, Months, NaiveDate};

use crate::app::dashboard::Snapshot;
use crate::domain::{Account, DateRange, ProviderKind};

/// Which period is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    Week,
    Month,
    Year,
    /// A typed range; `[` and `]` step by its length.
    Custom(DateRange),
}

impl PeriodKind {
    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::Week => "week",
            PeriodKind::Month => "month",
            PeriodKind::Year => "year",
            PeriodKind::Custom(_) => "custom",
        }
    }
}

/// The whole period containing `anchor` (it may end after today).
pub fn period_range(kind: PeriodKind, anchor: NaiveDate) -> DateRange {
    use crate::domain::calendar;
    match kind {
        PeriodKind::Week => calendar::week_of(anchor),
        PeriodKind::Month => calendar::month_of(anchor),
        PeriodKind::Year => calendar::year_of(anchor),
        PeriodKind::Custom(r) => r,
    }
}

/// The period one step before (`-1`) or after (`+1`).
pub fn step(kind: PeriodKind, anchor: NaiveDate, dir: i32) -> (PeriodKind, NaiveDate) {
    let shift_months = |n: u32| if dir < 0 { anchor - Months::new(n) } else { anchor + Months::new(n) };
    match kind {
        PeriodKind::Week => (kind, if dir < 0 { anchor - Days::new(7) } else { anchor + Days::new(7) }),
        PeriodKind::Month => (kind, shift_months(1)),
        PeriodKind::Year => (kind, shift_months(12)),
        PeriodKind::Custom(r) => {
            let n = Days::new(r.len_days());
            let moved = if dir < 0 {
                DateRange::new(r.since - n, r.until - n)
            } else {
                DateRange::new(r.since + n, r.until + n)
            };
            (PeriodKind::Custom(moved), moved.since)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Models,
    Projects,
    /// Shown in the projects' place, when the config has `[[teams]]`.
    Teams,
    /// Shown in the projects' place, when a provider reports usage per API key.
    People,
    /// Shown in the projects' place, when an account reports people's activity (Claude Code):
    /// the vendor's estimate, beside the bill.
    Activity,
}

/// What the keyboard is typing into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    /// `/`: filter models by name.
    Filter(String),
    /// `t` then `c`: a custom range as `YYYY-MM-DD..YYYY-MM-DD`.
    Range(String),
}

/// Columns of the model table, in order; `s` cycles the sort through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Cost,
    Model,
    Provider,
    Input,
    Output,
    Requests,
}

impl SortBy {
    pub const ALL: [SortBy; 6] =
        [SortBy::Cost, SortBy::Model, SortBy::Provider, SortBy::Input, SortBy::Output, SortBy::Requests];

    pub fn next(self) -> SortBy {
        let i = SortBy::ALL.iter().position(|s| *s == self).unwrap_or(0);
        SortBy::ALL[(i + 1) % SortBy::ALL.len()]
    }

    pub fn name(self) -> &'static str {
        match self {
            SortBy::Cost => "cost",
            SortBy::Model => "model",
            SortBy::Provider => "provider",
            SortBy::Input => "input tokens",
            SortBy::Output => "output tokens",
            SortBy::Requests => "requests",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Model {
    pub today: NaiveDate,
    /// Every account that can be shown.
    pub accounts: Vec<Account>,
    /// Accounts that report people's activity (Claude Code's analytics), shown in their own pane
    /// when the scope is everything.
    pub activity_accounts: Vec<Account>,
    /// `None` is "all".
    pub provider: Option<ProviderKind>,
    pub workspace: Option<Account>,
    /// `(project id, name)`; `None` is "all".
    pub project: Option<(String, String)>,
    pub period: PeriodKind,
    pub anchor: NaiveDate,
    pub snapshot: Option<Snapshot>,
    /// A load from the cache is under way.
    pub loading: bool,
    /// A sync is under way.
    pub syncing: bool,
    /// A sync asked for while one was running: started when it ends (only the latest is kept),
    /// so two syncs never race and the first to end cannot clear the other's state.
    pub queued_sync: Option<(Vec<Account>, DateRange, bool)>,
    /// Whether the network may be used (not with --offline or the demo).
    pub online: bool,
    pub pane: Pane,
    pub model_row: usize,
    pub project_row: usize,
    pub team_row: usize,
    pub person_row: usize,
    pub activity_row: usize,
    pub sort: SortBy,
    pub descending: bool,
    pub filter: String,
    pub mode: Mode,
    /// The last error or notice, shown in the status line.
    pub status: Option<String>,
    pub error: bool,
    pub tick: u64,
    pub color: bool,
    pub quit: bool,
    /// Bumped on every scope or period change, so stale loads are dropped.
    pub generation: u64,
    /// The currency amounts are shown in (`tui --currency`).
    pub currency: crate::domain::Currency,
}

impl Model {
    pub fn new(accounts: Vec<Account>, today: NaiveDate, online: bool, color: bool) -> Model {
        Model {
            today,
            accounts,
            activity_accounts: Vec::new(),
            provider: None,
            workspace: None,
            project: None,
            period: PeriodKind::Month,
            anchor: today,
            snapshot: None,
            loading: false,
            syncing: false,
            queued_sync: None,
            currency: crate::domain::Currency::USD,
            online,
            pane: Pane::Models,
            model_row: 0,
            project_row: 0,
            team_row: 0,
            person_row: 0,
            activity_row: 0,
            sort: SortBy::Cost,
            descending: true,
            filter: String::new(),
            mode: Mode::Normal,
            status: None,
            error: false,
            tick: 0,
            color,
            quit: false,
            generation: 0,
        }
    }

    /// Whether the teams pane can be shown (the config has teams).
    pub fn has_teams(&self) -> bool {
        self.snapshot.as_ref().is_some_and(|s| !s.teams.is_empty())
    }

    /// The pane after (`forward`) or before this one: models, projects, then teams, people and
    /// activity if any.
    pub fn next_pane(&self, forward: bool) -> Pane {
        let mut panes = vec![Pane::Models, Pane::Projects];
        if self.has_teams() {
            panes.push(Pane::Teams);
        }
        if self.snapshot.as_ref().is_some_and(|s| !s.people.is_empty()) {
            panes.push(Pane::People);
        }
        if self.snapshot.as_ref().is_some_and(|s| !s.activity.is_empty()) {
            panes.push(Pane::Activity);
        }
        let i = panes.iter().position(|p| *p == self.pane).unwrap_or(0);
        let n = panes.len();
        panes[if forward { (i + 1) % n } else { (i + n - 1) % n }]
    }

    /// The accounts in scope.
    pub fn scoped_accounts(&self) -> Vec<Account> {
        self.accounts
            .iter()
            .filter(|a| self.provider.is_none_or(|p| a.provider == p))
            .filter(|a| self.workspace.as_ref().is_none_or(|w| w == *a))
            .cloned()
            .collect()
    }

    /// The whole period shown, and the part of it up to today.
    pub fn range(&self) -> DateRange {
        period_range(self.period, self.anchor)
    }

    pub fn visible_range(&self) -> Option<DateRange> {
        let r = self.range();
        (r.since <= self.today).then(|| DateRange::new(r.since, r.until.min(self.today)))
    }

    /// The scope shown, whole: `openai/edugami › Tutor chat`, `OpenAI (3 workspaces)`, or
    /// `all providers (9 workspaces)`. A workspace is always named with its provider: two
    /// providers can each have an `edugami`.
    pub fn scope_label(&self) -> String {
        let accounts = self.scoped_accounts();
        let mut label = match (&self.workspace, self.provider) {
            (Some(w), _) => format!("{}/{}", w.provider.id(), w.workspace),
            (None, Some(p)) => match accounts.as_slice() {
                [one] => format!("{}/{}", one.provider.id(), one.workspace),
                many => format!("{} ({} workspaces)", p.display_name(), many.len()),
            },
            (None, None) => match accounts.as_slice() {
                [one] => format!("{}/{}", one.provider.id(), one.workspace),
                many => format!("all providers ({} workspaces)", many.len()),
            },
        };
        if let Some((_, name)) = &self.project {
            label.push_str(&format!(" › {name}"));
        }
        label
    }

    /// Model rows after the name filter, in sort order.
    pub fn model_rows(&self) -> Vec<&crate::app::dashboard::ModelRow> {
        let Some(s) = &self.snapshot else {
            return Vec::new();
        };
        let needle = self.filter.to_lowercase();
        let mut rows: Vec<&crate::app::dashboard::ModelRow> =
            s.models.iter().filter(|m| needle.is_empty() || m.model.to_lowercase().contains(&needle)).collect();
        rows.sort_by(|a, b| {
            let ord = match self.sort {
                SortBy::Cost => a.cost.cmp(&b.cost),
                SortBy::Model => a.model.to_lowercase().cmp(&b.model.to_lowercase()),
                SortBy::Provider => a.provider.cmp(&b.provider).then(b.cost.cmp(&a.cost)),
                SortBy::Input => a.input_tokens.cmp(&b.input_tokens),
                SortBy::Output => a.output_tokens.cmp(&b.output_tokens),
                SortBy::Requests => a.requests.cmp(&b.requests),
            };
            if self.descending { ord.reverse() } else { ord }
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_and_steps() {
        assert_eq!(period_range(PeriodKind::Week, d("2026-11-22")), DateRange::new(d("2026-11-16"), d("2026-11-22")));
        assert_eq!(period_range(PeriodKind::Month, d("2024-02-10")), DateRange::new(d("2024-02-01"), d("2024-02-29")));
        assert_eq!(step(PeriodKind::Month, d("2026-03-31"), -1).1, d("2026-02-28"));
        assert_eq!(step(PeriodKind::Year, d("2026-11-22"), 1).1, d("2027-11-22"));
        let custom = PeriodKind::Custom(DateRange::new(d("2026-11-01"), d("2026-11-10")));
        assert_eq!(
            step(custom, d("2026-11-01"), -1).0,
            PeriodKind::Custom(DateRange::new(d("2026-10-22"), d("2026-10-31")))
        );
    }
}
