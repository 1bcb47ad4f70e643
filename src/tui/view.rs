//! Rendering: reads the model, draws a frame, changes nothing.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use super::model::{Mode, Model, Pane};
use crate::output::text::percent;

/// Provider and cache text for the dashboard: control and escape sequences shown escaped.
fn safe(text: &str) -> String {
    crate::sanitize::terminal(text).into_owned()
}

const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/// Below this width the model table drops its token columns.
const WIDE: u16 = 110;

pub const HELP: &[(&str, &str)] = &[
    ("tab / shift-tab", "switch between models, projects, teams, people and Claude Code (estimates, in no total)"),
    ("↑ ↓  j k", "move the selection (mouse wheel too)"),
    ("enter", "in projects: narrow to it (again: all projects)"),
    ("p", "next provider (all, then each)"),
    ("w", "next workspace"),
    ("o", "next project"),
    ("t", "period: week, month, year, custom range"),
    ("[  ]", "previous / next period"),
    ("s  S", "sort by the next column / reverse"),
    ("/", "filter models by name"),
    ("r", "refresh: refetch the period from providers"),
    ("e", "export this view to CSV"),
    ("?", "this help"),
    ("esc", "clear the model filter; with none, quit"),
    ("q  ctrl-c", "quit"),
];

struct Theme {
    color: bool,
}

impl Theme {
    fn accent(&self) -> Style {
        if self.color {
            Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
    fn dim(&self) -> Style {
        if self.color { Style::default().fg(Color::DarkGray) } else { Style::default() }
    }
    fn error(&self) -> Style {
        if self.color {
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
    fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    fn bar(&self) -> Style {
        if self.color { Style::default().fg(Color::Cyan) } else { Style::default() }
    }
    fn partial(&self) -> Style {
        if self.color { Style::default().fg(Color::Yellow) } else { Style::default().add_modifier(Modifier::DIM) }
    }
    fn level(&self, level: crate::budget::Level) -> Style {
        use crate::budget::Level;
        if !self.color {
            return Style::default();
        }
        match level {
            Level::Ok => Style::default().fg(Color::Green),
            Level::Warning | Level::ForecastExceeded | Level::Partial | Level::NoData => {
                Style::default().fg(Color::Yellow)
            }
            Level::Exceeded => Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }
}

/// `1.2M`, `34.5k`, `812`
fn compact(n: u64) -> String {
    match n {
        0..=9_999 => n.to_string(),
        10_000..=999_999 => format!("{:.1}k", n as f64 / 1e3),
        1_000_000..=999_999_999 => format!("{:.1}M", n as f64 / 1e6),
        _ => format!("{:.2}B", n as f64 / 1e9),
    }
}

/// The narrowest window the dashboard draws in: four cards, each wide enough for its amount
/// whole (an amount is never wrapped or cut), and never under 56 columns.
fn narrowest(model: &Model) -> u16 {
    let longest = model.snapshot.as_ref().map_or(0, |s| {
        let diff = s.total - s.previous_total;
        [Some(s.total), Some(diff), s.forecast]
            .into_iter()
            .flatten()
            .map(|m| model.currency.format(m).chars().count() + 1)
            .max()
            .unwrap_or(0)
    });
    (4 * (u16::try_from(longest).unwrap_or(40) + 2)).max(56)
}

pub fn render(model: &Model, frame: &mut Frame) {
    let theme = Theme { color: model.color };
    let needed = narrowest(model);
    if frame.area().width < needed {
        let text = format!(
            "llmcost needs a window at least {needed} columns wide to show amounts whole (this one has {}).\n\
             Widen it, or use 'llmcost costs', which fits any width. q quits.",
            frame.area().width
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), frame.area());
        return;
    }
    // A taller window gives the chart a quarter of it; the rest goes to the tables.
    let chart_height = (frame.area().height / 4).max(7);
    let [header, cards, middle, chart, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Min(6),
        Constraint::Length(chart_height),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    render_header(model, &theme, frame, header);
    render_cards(model, &theme, frame, cards);
    // Wider windows give the side pane room for longer names.
    let side = match middle.width {
        w if w >= 180 => 48,
        w if w >= WIDE => 36,
        _ => 26,
    };
    let [models, projects] = Layout::horizontal([Constraint::Min(30), Constraint::Length(side)]).areas(middle);
    render_models(model, &theme, frame, models);
    if model.pane == Pane::Teams {
        render_teams(model, &theme, frame, projects);
    } else if model.pane == Pane::People {
        render_people(model, &theme, frame, projects);
    } else if model.pane == Pane::Activity {
        render_activity(model, &theme, frame, projects);
    } else {
        render_projects(model, &theme, frame, projects);
    }
    render_chart(model, &theme, frame, chart);
    render_status(model, &theme, frame, status);
    if model.mode == Mode::Help {
        render_help(&theme, frame);
    }
}

fn render_header(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let r = model.range();
    let scope = safe(&model.scope_label());
    let mut period = format!(" · {} {}..{} UTC", model.period.name(), r.since, r.until);
    let mut updated = model.snapshot.as_ref().and_then(|s| s.updated_at).map(|at| {
        let when = if at.date_naive() == model.today { at.format("%H:%M") } else { at.format("%Y-%m-%d %H:%M") };
        format!(" · updated {when}")
    });
    let busy = (model.syncing || model.loading).then(|| {
        let what = if model.syncing { "syncing" } else { "loading" };
        format!(" {} {what}", SPINNER[(model.tick % 10) as usize])
    });
    // The scope always shows whole; the update time, then the period's dates give way first.
    let width = usize::from(area.width);
    let len = |p: &str, u: &Option<String>| {
        9 + scope.chars().count()
            + p.chars().count()
            + u.as_ref().map_or(0, |u| u.chars().count())
            + busy.as_ref().map_or(0, |b| b.chars().count())
    };
    if len(&period, &updated) > width {
        updated = None;
    }
    if len(&period, &updated) > width {
        // Short, yet still which one: `month 2026-11`, `week 2026-W48`, `year 2026`.
        let which = match model.period {
            crate::tui::model::PeriodKind::Month => r.since.format("%Y-%m").to_string(),
            crate::tui::model::PeriodKind::Week => r.since.format("%G-W%V").to_string(),
            crate::tui::model::PeriodKind::Year => r.since.format("%Y").to_string(),
            crate::tui::model::PeriodKind::Custom(_) => format!("{}..{}", r.since, r.until),
        };
        period = format!(" · {} {which}", model.period.name());
    }
    if len(&period, &updated) > width {
        period = format!(" · {}", model.period.name());
    }
    let mut spans =
        vec![Span::styled(" llmcost ", theme.accent()), Span::raw(scope), Span::styled(period, theme.dim())];
    if let Some(u) = updated {
        spans.push(Span::styled(u, theme.dim()));
    }
    if let Some(b) = busy {
        spans.push(Span::styled(b, theme.accent()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn card(frame: &mut Frame, area: Rect, title: &str, value: Line<'_>, note: Line<'_>) {
    let block = Block::default().borders(Borders::ALL).title(title.to_string());
    // A long value wraps onto the note's line rather than being cut.
    frame.render_widget(Paragraph::new(vec![value, note]).wrap(Wrap { trim: true }).block(block), area);
}

/// The Total card's note: today with its estimate, marked ≈, beside the period's bill (which
/// has today's partial bill), as long as fits `width`.
fn today_note(model: &Model, s: &crate::app::dashboard::Snapshot, width: u16) -> String {
    match s.today.as_deref() {
        Some(t) if !t.estimated.is_zero() => {
            // The ≈ always says it is an estimate.
            let amount = model.currency.format(t.with_estimates);
            let typical = t.typical_percent.map(|p| format!(", ±{p} %")).unwrap_or_default();
            let fits = |text: &String| text.chars().count() <= usize::from(width.saturating_sub(2));
            [format!("today ≈ {amount} est.{typical}"), format!("today ≈ {amount} est."), format!("≈ {amount} today")]
                .into_iter()
                .find(fits)
                .unwrap_or_else(|| format!("≈ {amount}"))
        }
        _ if s.range.contains(model.today) => "today partial".to_string(),
        _ => String::new(),
    }
}

fn render_cards(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [total, change, forecast, budget] = Layout::horizontal([Constraint::Ratio(1, 4); 4]).areas(area);
    let Some(s) = &model.snapshot else {
        for (a, t) in [(total, "Total"), (change, "vs previous"), (forecast, "Forecast"), (budget, "Budget")] {
            card(frame, a, t, Line::styled("…", theme.dim()), Line::default());
        }
        return;
    };
    let partial = today_note(model, s, total.width);
    card(
        frame,
        total,
        "Total",
        Line::styled(model.currency.format(s.total), theme.accent()),
        Line::styled(partial, theme.dim()),
    );
    let diff = s.total - s.previous_total;
    let pct = (!s.previous_total.is_zero())
        .then(|| diff.decimal() / s.previous_total.decimal() * rust_decimal::Decimal::ONE_HUNDRED);
    let sign = if diff > crate::domain::Money::ZERO { "+" } else { "" };
    card(
        frame,
        change,
        "vs previous",
        Line::raw(format!("{sign}{}", model.currency.format(diff))),
        Line::styled(
            pct.map_or("no spend before".into(), |p| {
                // The percentage alone when "of $3,495.56" would not fit the card.
                let p = p.round_dp(1);
                let full = format!("{sign}{p:.1}% of {}", model.currency.format(s.previous_total));
                if full.chars().count() <= usize::from(change.width.saturating_sub(2)) {
                    full
                } else {
                    format!("{sign}{p:.1}%")
                }
            }),
            theme.dim(),
        ),
    );
    if let Some(f) = s.forecast {
        card(
            frame,
            forecast,
            "Forecast",
            Line::raw(model.currency.format(f)),
            Line::styled(format!("by {}", model.range().until), theme.dim()),
        );
    } else {
        // "Period over" only once it is: a period ending today is still running.
        let end = model.range().until;
        let (text, note) = if end < model.today {
            ("period over".to_string(), format!("ended {end}"))
        } else {
            ("ends today".to_string(), "no days left to project".to_string())
        };
        card(frame, forecast, "Forecast", Line::styled(text, theme.dim()), Line::styled(note, theme.dim()));
    }
    if let Some(b) = exact_budget(model, &s.budgets) {
        card(
            frame,
            budget,
            &format!("Budget {} · {}", safe(&b.budget.name), b.budget.period.name()),
            Line::styled(
                format!("{}% of {}", b.status.percent.round_dp(0), b.budget.currency.format(b.budget.amount)),
                theme.level(b.status.level),
            ),
            Line::styled(b.status.level.name(), theme.level(b.status.level)),
        );
    } else {
        // Said plainly: a budget of this scope exists, but its period is not the one shown.
        let text = if scope_budget(model, &s.budgets).is_some() {
            "no budget period matches this view"
        } else {
            "no budget for this scope"
        };
        card(frame, budget, "Budget", Line::styled(text, theme.dim()), Line::default());
    }
}

/// The budget that covers exactly the scope and the period shown (the same accounts, the same
/// project, no model or team of its own, its period the one on view), if any: a budget over
/// more or less, or over another period, would mislead the card.
fn exact_budget<'a>(model: &Model, budgets: &'a [crate::budget::BudgetRow]) -> Option<&'a crate::budget::BudgetRow> {
    let shown = model.range();
    scope_budget(model, budgets).filter(|b| b.status.period == shown)
}

/// The budget that covers exactly the scope shown, whatever its period.
fn scope_budget<'a>(model: &Model, budgets: &'a [crate::budget::BudgetRow]) -> Option<&'a crate::budget::BudgetRow> {
    let mut shown = model.scoped_accounts();
    shown.sort();
    let project: Vec<String> = model.project.iter().map(|(id, _)| id.clone()).collect();
    budgets.iter().find(|b| {
        let mut covered = b.accounts.clone();
        covered.sort();
        covered == shown && b.projects == project && b.budget.scope.model.is_none() && b.budget.scope.team.is_none()
    })
}

fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let block = Block::default().borders(Borders::ALL).title(title);
    if focused { block.border_style(theme.accent()) } else { block }
}

fn render_models(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows = model.model_rows();
    let arrow = if model.descending { "↓" } else { "↑" };
    let all = model.snapshot.as_ref().map_or(0, |s| s.models.len());
    let count = if model.filter.is_empty() { format!("{all}") } else { format!("{} of {all}", rows.len()) };
    let mut title = format!("Models ({count}) · sort {} {arrow}", model.sort.name());
    if !model.filter.is_empty() {
        title.push_str(&format!(" · filter \"{}\" (esc clears)", safe(&model.filter)));
    }
    let block = pane_block(title, model.pane == Pane::Models, theme);
    let Some(snapshot) = &model.snapshot else {
        let text = if model.loading { "Loading from the cache…" } else { "No data" };
        frame.render_widget(Paragraph::new(text).alignment(Alignment::Center).block(block), area);
        return;
    };
    if rows.is_empty() {
        let text = if snapshot.models.is_empty() { "No spend in this period" } else { "No model matches the filter" };
        frame.render_widget(Paragraph::new(text).alignment(Alignment::Center).block(block), area);
        return;
    }
    // An amount is never cut: the cost column is as wide as its widest amount, and on a narrow
    // pane the other columns go first (tokens, then the provider, then the share), names are
    // shortened, and below that the pane says how wide it needs to be.
    let amounts: Vec<String> = rows.iter().map(|m| model.currency.format(m.cost)).collect();
    let cost_header = format!("Cost ({})", model.currency);
    let amount_w = amounts.iter().map(|a| a.chars().count()).max().unwrap_or(0);
    let layout = ModelColumns::fit(area.width.saturating_sub(2), amount_w, cost_header.chars().count());
    let Some(layout) = layout else {
        let needed = ModelColumns::narrowest(amount_w) + 2;
        let text = format!("Too narrow for the amounts: widen this pane to {needed} columns");
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), area);
        return;
    };
    let mut header = vec!["Model"];
    let mut widths = vec![Constraint::Min(ModelColumns::NAME_MIN)];
    if let Some(w) = layout.provider {
        header.push(if w >= 8 { "Provider" } else { "Prov." });
        widths.push(Constraint::Length(w));
    }
    header.push(if layout.cost >= cost_header.chars().count().try_into().unwrap_or(u16::MAX) {
        cost_header.as_str()
    } else {
        "Cost"
    });
    widths.push(Constraint::Length(layout.cost));
    if layout.share {
        header.push("Share");
        widths.push(Constraint::Length(ModelColumns::SHARE));
    }
    let wide = layout.tokens;
    if wide {
        header.extend(["Input", "Output", "Requests"]);
        widths.extend([Constraint::Length(8), Constraint::Length(8), Constraint::Length(8)]);
    }
    let body: Vec<Row> = rows.iter().zip(&amounts).map(|(m, amount)| model_row(m, amount, &layout)).collect();
    let table = Table::new(body, widths)
        .header(Row::new(header).style(theme.accent()))
        .block(block)
        .row_highlight_style(if model.pane == Pane::Models { theme.selected() } else { Style::default() });
    let mut state = TableState::default().with_selected(Some(model.model_row.min(rows.len() - 1)));
    frame.render_stateful_widget(table, area, &mut state);
}

/// One model's row, with the columns `layout` keeps (the amount is never cut).
fn model_row<'a>(m: &crate::app::dashboard::ModelRow, amount: &str, layout: &ModelColumns) -> Row<'a> {
    let name_width = usize::from(layout.name);
    let provider_width = layout.provider.map_or(0, usize::from);
    let mut cells = vec![Cell::from(crate::output::fit::cut(&safe(&m.model), name_width))];
    if layout.provider.is_some() {
        cells.push(Cell::from(crate::output::fit::cut(&safe(&m.provider), provider_width)));
    }
    cells.push(Cell::from(Line::from(amount.to_string()).alignment(Alignment::Right)));
    if layout.share {
        cells.push(Cell::from(Line::from(percent(m.share)).alignment(Alignment::Right)));
    }
    if layout.tokens {
        let tokens = m.input_tokens + m.output_tokens > 0;
        let show = |n: u64| if tokens { compact(n) } else { "-".to_string() };
        cells.extend([
            Cell::from(Line::from(show(m.input_tokens)).alignment(Alignment::Right)),
            Cell::from(Line::from(show(m.output_tokens)).alignment(Alignment::Right)),
            Cell::from(
                Line::from(m.requests.filter(|_| tokens).map_or("-".into(), compact)).alignment(Alignment::Right),
            ),
        ]);
    }
    Row::new(cells)
}

/// Which columns of the models pane fit a width, widest amount first.
#[derive(Debug, PartialEq, Eq)]
struct ModelColumns {
    name: u16,
    provider: Option<u16>,
    cost: u16,
    share: bool,
    tokens: bool,
}

impl ModelColumns {
    const NAME_MIN: u16 = 8;
    const SHARE: u16 = 6;
    const PROVIDER: u16 = 10;
    const PROVIDER_MIN: u16 = 6;
    const TOKENS: u16 = 3 * 9;

    /// The narrowest pane (inside its borders) that shows a name and every amount whole.
    fn narrowest(amount: usize) -> u16 {
        Self::NAME_MIN + 1 + u16::try_from(amount).unwrap_or(u16::MAX)
    }

    /// The columns for `inner` cells of width, amounts `amount` wide, the cost header `header`.
    fn fit(inner: u16, amount: usize, header: usize) -> Option<ModelColumns> {
        let amount = u16::try_from(amount.max(4)).unwrap_or(u16::MAX);
        if inner < Self::narrowest(usize::from(amount)) {
            return None;
        }
        // Each column past the name costs its width and one space.
        let mut left = inner - Self::narrowest(usize::from(amount));
        let header = u16::try_from(header).unwrap_or(u16::MAX);
        let cost = if left >= header.saturating_sub(amount) + 20 { amount.max(header) } else { amount };
        left -= cost - amount;
        let share = left > Self::SHARE;
        if share {
            left -= Self::SHARE + 1;
        }
        let provider = if left >= Self::PROVIDER + 1 + 8 {
            left -= Self::PROVIDER + 1;
            Some(Self::PROVIDER)
        } else if left >= Self::PROVIDER_MIN + 1 + 4 {
            left -= Self::PROVIDER_MIN + 1;
            Some(Self::PROVIDER_MIN)
        } else {
            None
        };
        let tokens = left >= Self::TOKENS + 16;
        if tokens {
            left -= Self::TOKENS;
        }
        Some(ModelColumns { name: Self::NAME_MIN + left, provider, cost, share, tokens })
    }
}

fn render_projects(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let projects = model.snapshot.as_ref().map(|s| s.projects.as_slice()).unwrap_or_default();
    let block = pane_block(format!("Projects ({}) · enter", projects.len()), model.pane == Pane::Projects, theme);
    let name_width = usize::from(area.width.saturating_sub(2 + 11 + 1)).max(6);
    if projects.is_empty() {
        frame.render_widget(Paragraph::new("No projects").alignment(Alignment::Center).block(block), area);
        return;
    }
    let body: Vec<Row> = projects
        .iter()
        .map(|p| {
            let mark = if model.project.as_ref().is_some_and(|(id, _)| *id == p.id) { "● " } else { "" };
            Row::new(vec![
                Cell::from(crate::output::fit::cut(&format!("{mark}{}", safe(&p.name)), name_width)),
                Cell::from(Line::from(model.currency.format(p.cost)).alignment(Alignment::Right)),
            ])
        })
        .collect();
    let table = Table::new(body, [Constraint::Min(10), Constraint::Length(11)])
        .block(block)
        .row_highlight_style(if model.pane == Pane::Projects { theme.selected() } else { Style::default() });
    let mut state = TableState::default().with_selected(Some(model.project_row.min(projects.len() - 1)));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The teams pane: each team's allocated spend in the scope shown, as `llmcost teams` has it.
fn render_teams(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let teams = model.snapshot.as_ref().map(|s| s.teams.as_slice()).unwrap_or_default();
    let rows = teams
        .iter()
        .map(|t| {
            let name = match &t.cost_center {
                Some(cc) => format!("{} · {}", safe(&t.name), safe(cc)),
                None => safe(&t.name),
            };
            (name, model.currency.format(t.cost))
        })
        .collect();
    render_named_costs(theme, frame, area, ("Teams", "No teams"), rows, model.team_row);
}

/// The people pane: each key owner's allocated spend in the scope shown (`costs --by person`).
fn render_people(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let people = model.snapshot.as_ref().map(|s| s.people.as_slice()).unwrap_or_default();
    let rows = people.iter().map(|p| (safe(&p.person), model.currency.format(p.cost))).collect();
    render_named_costs(theme, frame, area, ("People (allocated by key)", "No keys"), rows, model.person_row);
}

/// The activity pane: each person's Claude Code sessions and the vendor's estimate, in its own
/// currency (`llmcost activity`), never in the total.
fn render_activity(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let activity = model.snapshot.as_ref().map(|s| s.activity.as_slice()).unwrap_or_default();
    let rows = activity
        .iter()
        .map(|a| (format!("{} · {}s", safe(&a.person), a.sessions), format!("≈{}", a.currency.format(a.estimated))))
        .collect();
    // "est." and "≈": the vendor's estimate, beside the bill (the help says it is in no total).
    let title = ("Claude Code est.", "No activity");
    render_named_costs(theme, frame, area, title, rows, model.activity_row);
}

/// A side pane of names (already escaped) and amounts (formatted), the selected row highlighted.
fn render_named_costs(
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    (title, empty): (&str, &str),
    rows: Vec<(String, String)>,
    selected: usize,
) {
    let block = pane_block(format!("{title} ({})", rows.len()), true, theme);
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(empty.to_string()).alignment(Alignment::Center).block(block), area);
        return;
    }
    let len = rows.len();
    let body: Vec<Row> = rows
        .into_iter()
        .map(|(name, cost)| {
            let name = crate::output::fit::cut(&name, usize::from(area.width.saturating_sub(2 + 11 + 1)).max(6));
            Row::new(vec![Cell::from(name), Cell::from(Line::from(cost).alignment(Alignment::Right))])
        })
        .collect();
    let table = Table::new(body, [Constraint::Min(10), Constraint::Length(11)])
        .block(block)
        .row_highlight_style(theme.selected());
    let mut state = TableState::default().with_selected(Some(selected.min(len - 1)));
    frame.render_stateful_widget(table, area, &mut state);
}

fn render_chart(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(s) = &model.snapshot else {
        frame.render_widget(Block::default().borders(Borders::ALL).title("Daily spend (UTC)"), area);
        return;
    };
    let peak = s.daily.iter().map(|(_, m)| *m).max().unwrap_or_default();
    let inner_width = area.width.saturating_sub(2) as usize;
    // Several days share a bar when the period is wider than the screen (a year, say).
    let per_bar = s.daily.len().div_ceil(inner_width.max(1)).max(1);
    let unit = if per_bar == 1 { "Daily spend".to_string() } else { format!("Spend per {per_bar} days") };
    // "today partial" only when today's bar is on screen.
    let partial = if s.daily.iter().any(|(d, _)| *d == model.today) { " · today partial" } else { "" };
    let title = format!("{unit} (UTC) · top of scale {}{partial}", model.currency.format(peak));
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [bars_area, axis] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let chunks: Vec<&[(chrono::NaiveDate, crate::domain::Money)]> = s.daily.chunks(per_bar).collect();
    let buckets: Vec<(bool, u64)> = chunks
        .iter()
        .map(|chunk| {
            let cents: u64 = chunk.iter().map(|(_, m)| m.cents().replace('.', "").parse::<u64>().unwrap_or(0)).sum();
            (chunk.iter().any(|(d, _)| *d == model.today), cents)
        })
        .collect();
    let n = buckets.len().max(1);
    let gap = if inner_width >= n * 2 { 1 } else { 0 };
    let width = u16::try_from(((inner_width.saturating_sub(gap * n)) / n).clamp(1, 6)).unwrap_or(1);
    let bars: Vec<Bar> = buckets
        .iter()
        .map(|(is_today, cents)| {
            Bar::default().value(*cents).text_value(String::new()).style(if *is_today {
                theme.partial()
            } else {
                theme.bar()
            })
        })
        .collect();
    let chart = BarChart::default().data(BarGroup::default().bars(&bars)).bar_width(width).bar_gap(u16::from(gap == 1));
    frame.render_widget(chart, bars_area);
    let step = usize::from(width) + gap;
    let used = (n * step).saturating_sub(gap).min(usize::from(axis.width));
    frame.render_widget(Paragraph::new(Line::styled(x_axis(&chunks, used), theme.dim())), axis);
}

/// Dates under the bars: the first, the middle and the last bucket's first day (`11-01`, or
/// `2026-11` when bars span weeks), spread over `width` columns.
fn x_axis(chunks: &[&[(chrono::NaiveDate, crate::domain::Money)]], width: usize) -> String {
    let (Some(first), Some(last)) = (chunks.first(), chunks.last()) else { return String::new() };
    // Bars of a week or more: the year matters.
    let long = first.len() >= 7;
    let label = |chunk: &[(chrono::NaiveDate, crate::domain::Money)]| {
        chunk.first().map_or(String::new(), |(d, _)| d.format(if long { "%Y-%m-%d" } else { "%m-%d" }).to_string())
    };
    let (a, c) = (label(first), label(last));
    let b = label(chunks[chunks.len() / 2]);
    let mut line = vec![' '; width.max(a.len() + b.len() + c.len() + 2)];
    let mut put = |at: usize, text: &str| {
        for (i, ch) in text.chars().enumerate() {
            if let Some(slot) = line.get_mut(at + i) {
                *slot = ch;
            }
        }
    };
    put(0, &a);
    if chunks.len() > 2 && width >= a.len() + b.len() + c.len() + 4 {
        put((width / 2).saturating_sub(b.len() / 2), &b);
    }
    if chunks.len() > 1 {
        put(width.saturating_sub(c.len()), &c);
    }
    line.into_iter().collect::<String>().trim_end().to_string()
}

fn render_status(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let line = match &model.mode {
        Mode::Filter(text) => {
            Line::from(vec![Span::styled("Filter models: ", theme.accent()), Span::raw(format!("{}▏", safe(text)))])
        }
        Mode::Range(text) => {
            let mut spans = vec![
                Span::styled("Range YYYY-MM-DD..YYYY-MM-DD: ", theme.accent()),
                Span::raw(format!("{}▏", safe(text))),
            ];
            if let Some(e) = model.status.as_ref().filter(|_| model.error) {
                spans.push(Span::styled(format!("  {}", safe(e)), theme.error()));
            }
            Line::from(spans)
        }
        _ => {
            if let Some(text) = &model.status {
                Line::styled(text.clone(), if model.error { theme.error() } else { theme.accent() })
            } else {
                let missing = model.snapshot.as_ref().map_or(0, |s| s.missing_days);
                Line::styled(footer(missing, usize::from(area.width)), theme.dim())
            }
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The key hints that fit in `width`, most useful first (`? help` always stays).
pub fn footer(missing_days: u64, width: usize) -> String {
    const HINTS: [&str; 10] = [
        "? help",
        "q quit",
        "tab pane",
        "t period",
        "[ ] step",
        "p/w/o scope",
        "/ filter",
        "s sort",
        "e export",
        "r refresh",
    ];
    let mut parts: Vec<String> = Vec::new();
    if missing_days > 0 {
        parts.push(format!("{missing_days} day(s) not fetched yet"));
    }
    for hint in HINTS {
        let candidate = if parts.is_empty() { hint.to_string() } else { format!("{} · {hint}", parts.join(" · ")) };
        if candidate.chars().count() > width && !parts.is_empty() {
            break;
        }
        parts.push(hint.to_string());
    }
    parts.join(" · ")
}

fn render_help(theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let width = area.width.min(68);
    let height = u16::try_from(HELP.len() + 4).unwrap_or(u16::MAX).min(area.height);
    let popup = Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(key, what)| Line::from(vec![Span::styled(format!("{key:>15} "), theme.accent()), Span::raw(*what)]))
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).title("Keys · any key closes")),
        popup,
    );
}
