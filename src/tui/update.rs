//! `update(model, msg) -> effects`: the only place state changes. It never does I/O: what
//! needs the cache or the network comes back as an `Effect` for the runner.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::model::{Mode, Model, Pane, PeriodKind, SortBy, step};
use crate::app::dashboard::{Query, Snapshot};
use crate::domain::{Account, DateRange, ProviderKind};

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    ScrollUp,
    ScrollDown,
    Tick,
    Resize,
    /// A load finished; dropped unless `generation` is still current.
    Loaded {
        generation: u64,
        /// Boxed: a screen's worth of rows, moved once per load.
        result: Box<Result<Snapshot, String>>,
    },
    /// A sync finished; each string names a failed account and why.
    Synced {
        failures: Vec<String>,
    },
    Exported(Result<PathBuf, String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Load {
        generation: u64,
        query: Query,
    },
    Sync {
        accounts: Vec<Account>,
        range: DateRange,
        refresh: bool,
    },
    /// Writes the models shown (`filter` applied) to a new file named after `path` (a number
    /// is added rather than overwrite a file).
    Export {
        query: Query,
        path: PathBuf,
        filter: String,
    },
}

/// The query for what the model shows now, if the period has started.
pub fn query(model: &Model) -> Option<Query> {
    let range = model.visible_range()?;
    Some(Query {
        currency: model.currency,
        accounts: model.scoped_accounts(),
        project: model.project.as_ref().map(|(id, _)| id.clone()),
        range,
        period_end: model.range().until,
        today: model.today,
        estimates: true,
        // Activity belongs to no provider, workspace or project of the bill: shown for all only.
        activity: if model.provider.is_none() && model.workspace.is_none() && model.project.is_none() {
            model.activity_accounts.clone()
        } else {
            Vec::new()
        },
    })
}

/// Reloads from the cache, and syncs stale days when the network may be used.
fn reload(model: &mut Model, sync: bool) -> Vec<Effect> {
    model.generation += 1;
    model.model_row = 0;
    model.project_row = 0;
    let Some(q) = query(model) else {
        model.snapshot = None;
        model.loading = false;
        return vec![];
    };
    model.loading = true;
    let mut effects = vec![Effect::Load { generation: model.generation, query: q.clone() }];
    if sync {
        effects.extend(start_sync(model, q.accounts, q.range, false));
    }
    effects
}

fn start_sync(model: &mut Model, accounts: Vec<Account>, range: DateRange, refresh: bool) -> Option<Effect> {
    if !model.online {
        return None;
    }
    if model.syncing {
        model.queued_sync = Some((accounts, range, refresh));
        return None;
    }
    model.syncing = true;
    Some(Effect::Sync { accounts, range, refresh })
}

/// Ticks between refreshes of today (a minute at 200 ms a tick).
pub const LIVE_EVERY_TICKS: u64 = 300;

/// Every minute, while today is on screen and the network may be used: a sync of the stale
/// days and today's estimates (providers are asked at most once a minute), then a load, so
/// today's figure moves without a restart.
fn live_tick(model: &mut Model) -> Vec<Effect> {
    if !model.tick.is_multiple_of(LIVE_EVERY_TICKS) || model.syncing || !model.online {
        return Vec::new();
    }
    let Some(range) = model.visible_range().filter(|r| r.contains(model.today)) else { return Vec::new() };
    let accounts = model.scoped_accounts();
    start_sync(model, accounts, range, false).into_iter().collect()
}

/// The first load (and sync) when the dashboard opens.
pub fn init(model: &mut Model) -> Vec<Effect> {
    reload(model, true)
}

fn set_status(model: &mut Model, text: impl Into<String>, error: bool) {
    model.status = Some(text.into());
    model.error = error;
}

fn cycle<T: Clone + PartialEq>(options: &[T], current: &Option<T>) -> Option<T> {
    match current {
        None => options.first().cloned(),
        Some(c) => match options.iter().position(|o| o == c) {
            Some(i) if i + 1 < options.len() => Some(options[i + 1].clone()),
            _ => None,
        },
    }
}

/// `YYYY-MM-DD..YYYY-MM-DD` (also with a space or " to " between).
pub fn parse_range(text: &str, today: NaiveDate) -> Result<DateRange, String> {
    let t = text.trim();
    let (a, b) = t
        .split_once("..")
        .or_else(|| t.split_once(" to "))
        .or_else(|| t.split_once(' '))
        .ok_or_else(|| format!("'{t}': type two dates, e.g. 2026-10-01..2026-10-31"))?;
    let date = |s: &str| crate::domain::period::parse_date(s).map_err(|e| e.to_string());
    let (since, until) = (date(a)?, date(b)?);
    if since > until {
        return Err(format!("{since} is after {until}"));
    }
    if since > today {
        return Err(format!("{since} is after today ({today} UTC)"));
    }
    Ok(DateRange::new(since, until))
}

fn move_selection(model: &mut Model, down: bool) {
    let len = match model.pane {
        Pane::Models => model.model_rows().len(),
        Pane::Projects => model.snapshot.as_ref().map_or(0, |s| s.projects.len()),
        Pane::Teams => model.snapshot.as_ref().map_or(0, |s| s.teams.len()),
        Pane::People => model.snapshot.as_ref().map_or(0, |s| s.people.len()),
        Pane::Activity => model.snapshot.as_ref().map_or(0, |s| s.activity.len()),
    };
    let row = match model.pane {
        Pane::Models => &mut model.model_row,
        Pane::Projects => &mut model.project_row,
        Pane::Teams => &mut model.team_row,
        Pane::People => &mut model.person_row,
        Pane::Activity => &mut model.activity_row,
    };
    if down {
        *row = (*row + 1).min(len.saturating_sub(1));
    } else {
        *row = row.saturating_sub(1);
    }
}

/// `llmcost-openai-edugami-tutor-chat-2026-11-01-2026-11-30-filter-gpt.csv`: the scope, the
/// period and the filter, in characters every file system takes.
pub fn export_path(model: &Model, range: DateRange) -> PathBuf {
    let mut parts = vec![match (&model.workspace, model.provider) {
        (Some(w), _) => format!("{}-{}", w.provider, w.workspace),
        (None, Some(p)) => p.id().to_string(),
        (None, None) => "all".to_string(),
    }];
    if let Some((_, name)) = &model.project {
        parts.push(name.clone());
    }
    parts.push(format!("{}-{}", range.since, range.until));
    if !model.filter.is_empty() {
        parts.push(format!("filter-{}", model.filter));
    }
    let slug: String = parts
        .join("-")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' { c.to_ascii_lowercase() } else { '-' })
        .collect();
    let slug = slug.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    PathBuf::from(format!("llmcost-{}.csv", slug.chars().take(120).collect::<String>()))
}

fn normal_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => model.quit = true,
        // Esc undoes a filter first, then quits; q always quits.
        KeyCode::Esc if !model.filter.is_empty() => {
            model.filter.clear();
            model.model_row = 0;
        }
        KeyCode::Char('q') | KeyCode::Esc => model.quit = true,
        KeyCode::Char('?') => model.mode = Mode::Help,
        KeyCode::Tab => model.pane = model.next_pane(true),
        KeyCode::BackTab => model.pane = model.next_pane(false),
        KeyCode::Down | KeyCode::Char('j') => move_selection(model, true),
        KeyCode::Up | KeyCode::Char('k') => move_selection(model, false),
        KeyCode::Left | KeyCode::Char('h') if model.pane != Pane::Models => model.pane = model.next_pane(false),
        KeyCode::Right | KeyCode::Char('l') if model.next_pane(true) != Pane::Models => {
            model.pane = model.next_pane(true);
        }
        KeyCode::Enter if model.pane == Pane::Projects => return narrow_to_project(model),
        KeyCode::Char(c @ ('p' | 'w' | 'o')) => return cycle_scope(model, c),
        KeyCode::Char(c @ ('t' | '[' | ']')) => return change_period(model, c),
        KeyCode::Char('s') => {
            model.sort = model.sort.next();
            model.descending = !matches!(model.sort, SortBy::Model | SortBy::Provider);
            model.model_row = 0;
        }
        KeyCode::Char('S') => model.descending = !model.descending,
        KeyCode::Char('/') => model.mode = Mode::Filter(model.filter.clone()),
        KeyCode::Char('r') => {
            if !model.online {
                set_status(model, "Offline (demo or --offline): showing the cache as it is", false);
                return vec![];
            }
            if let Some(q) = query(model) {
                return start_sync(model, q.accounts, q.range, true).into_iter().collect();
            }
        }
        KeyCode::Char('e') => {
            if let Some(q) = query(model) {
                let path = export_path(model, q.range);
                return vec![Effect::Export { query: q, path, filter: model.filter.clone() }];
            }
        }
        _ => {}
    }
    vec![]
}

/// Enter on a project: narrow the view to it, or widen it again.
fn narrow_to_project(model: &mut Model) -> Vec<Effect> {
    let picked =
        model.snapshot.as_ref().and_then(|s| s.projects.get(model.project_row)).map(|p| (p.id.clone(), p.name.clone()));
    model.project = if picked == model.project { None } else { picked };
    reload(model, false)
}

/// `p`, `w`, `o`: the next provider, workspace or project (then all of them again).
fn cycle_scope(model: &mut Model, c: char) -> Vec<Effect> {
    match c {
        'p' => {
            let mut providers: Vec<ProviderKind> = model.accounts.iter().map(|a| a.provider).collect();
            providers.dedup();
            model.provider = cycle(&providers, &model.provider);
            model.workspace = None;
            model.project = None;
            reload(model, false)
        }
        'w' => {
            let options: Vec<Account> =
                model.accounts.iter().filter(|a| model.provider.is_none_or(|p| a.provider == p)).cloned().collect();
            model.workspace = cycle(&options, &model.workspace);
            model.project = None;
            reload(model, false)
        }
        _ => {
            let options: Vec<(String, String)> = model
                .snapshot
                .as_ref()
                .map(|s| s.projects.iter().map(|p| (p.id.clone(), p.name.clone())).collect())
                .unwrap_or_default();
            model.project = cycle(&options, &model.project);
            reload(model, false)
        }
    }
}

/// `t` cycles the period's kind (week, month, year, a range typed in); `[` and `]` step back
/// and forward by one period.
fn change_period(model: &mut Model, c: char) -> Vec<Effect> {
    if c == 't' {
        model.period = match model.period {
            PeriodKind::Week => PeriodKind::Month,
            PeriodKind::Month => PeriodKind::Year,
            PeriodKind::Year => {
                model.mode = Mode::Range(String::new());
                return vec![];
            }
            PeriodKind::Custom(_) => PeriodKind::Week,
        };
        model.anchor = model.today;
        return reload(model, true);
    }
    let dir = if c == '[' { -1 } else { 1 };
    let (period, anchor) = step(model.period, model.anchor, dir);
    if super::model::period_range(period, anchor).since > model.today {
        set_status(model, "Already at the latest period", false);
        return vec![];
    }
    model.period = period;
    model.anchor = anchor;
    reload(model, true)
}

/// Typing into a prompt: `Some(text)` when Enter confirms it.
fn edit_line(text: &mut String, key: KeyEvent) -> Option<Option<String>> {
    match key.code {
        KeyCode::Enter => Some(Some(text.clone())),
        KeyCode::Esc => Some(None),
        KeyCode::Backspace => {
            text.pop();
            None
        }
        KeyCode::Char(c) => {
            text.push(c);
            None
        }
        _ => None,
    }
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Tick => {
            model.tick = model.tick.wrapping_add(1);
            return live_tick(model);
        }
        Msg::Resize => {}
        Msg::ScrollDown => move_selection(model, true),
        Msg::ScrollUp => move_selection(model, false),
        Msg::Key(key) => match model.mode.clone() {
            Mode::Normal => return normal_key(model, key),
            Mode::Help => model.mode = Mode::Normal,
            Mode::Filter(mut text) => match edit_line(&mut text, key) {
                None => model.mode = Mode::Filter(text),
                Some(done) => {
                    if let Some(f) = done {
                        model.filter = f.trim().to_string();
                        model.model_row = 0;
                    }
                    model.mode = Mode::Normal;
                }
            },
            Mode::Range(mut text) => match edit_line(&mut text, key) {
                None => model.mode = Mode::Range(text),
                Some(None) => model.mode = Mode::Normal,
                Some(Some(typed)) => match parse_range(&typed, model.today) {
                    Ok(range) => {
                        model.mode = Mode::Normal;
                        model.period = PeriodKind::Custom(range);
                        model.anchor = range.since;
                        model.status = None;
                        return reload(model, true);
                    }
                    Err(e) => {
                        set_status(model, e, true);
                        model.mode = Mode::Range(typed);
                    }
                },
            },
        },
        Msg::Loaded { generation, result } => loaded(model, generation, *result),
        Msg::Synced { failures } => return synced(model, &failures),
        Msg::Exported(result) => match result {
            Ok(path) => set_status(model, format!("Exported to {}", path.display()), false),
            Err(e) => set_status(model, format!("Export failed: {e}"), true),
        },
    }
    vec![]
}

/// A load finished: shown unless a newer one was asked for meanwhile.
fn loaded(model: &mut Model, generation: u64, result: Result<crate::app::dashboard::Snapshot, String>) {
    if generation != model.generation {
        return;
    }
    model.loading = false;
    match result {
        Ok(snapshot) => {
            // The projects pane keeps the narrowed project selected, so a second enter
            // on it clears the narrowing.
            if let Some((id, _)) = &model.project
                && let Some(i) = snapshot.projects.iter().position(|p| &p.id == id)
            {
                model.project_row = i;
            }
            model.snapshot = Some(snapshot);
            let rows = model.model_rows().len();
            model.model_row = model.model_row.min(rows.saturating_sub(1));
        }
        Err(e) => set_status(model, format!("Cannot read the cache: {e}"), true),
    }
}

/// A sync finished: its failures on the status line, a queued sync started, and a load of what
/// it brought.
fn synced(model: &mut Model, failures: &[String]) -> Vec<Effect> {
    model.syncing = false;
    let mut effects: Vec<Effect> = Vec::new();
    if let Some((accounts, range, refresh)) = model.queued_sync.take() {
        effects.extend(start_sync(model, accounts, range, refresh));
    }
    match failures {
        [] => {
            if model.error {
                model.status = None;
                model.error = false;
            }
        }
        [one] => set_status(model, one.clone(), true),
        [first, rest @ ..] => set_status(model, format!("{first} (and {} more)", rest.len()), true),
    }
    // Show what the sync brought (or the cache as it is, after a failure).
    let generation = model.generation + 1;
    model.generation = generation;
    if let Some(q) = query(model) {
        effects.push(Effect::Load { generation, query: q });
    }
    effects
}
