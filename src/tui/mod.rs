//! `llmcost tui`: the dashboard, in model-update-view form.
//!
//! - `model`: the state; `update`: `update(model, msg) -> effects`, the only place state
//!   changes, never doing I/O; `view`: draws a frame from the model, reading only.
//! - Effects (load from the cache, sync, export) run on their own threads with their own SQLite
//!   connection and send a `Msg` back on the channel that also carries key presses, so the
//!   screen never waits on the network.

pub mod export;
pub mod model;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::error::{Error, Result};
use model::Model;
use update::{Effect, Msg};

/// Whether the dashboard owns the terminal (raw mode, alternate screen), for a signal handler
/// that must give it back before the process ends.
pub static ACTIVE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Leaves raw mode, the alternate screen and mouse capture.
pub fn restore_terminal() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// How often the spinner moves when nothing else happens.
const TICK: Duration = Duration::from_millis(200);

/// Where the dashboard reads: this machine's cache (syncing with its keys), or a team server.
pub enum Source {
    Local(Box<App>),
    Remote(crate::app::remote::Server),
}

/// Without a terminal there is nothing to draw on: said before anything is loaded.
pub fn need_terminal() -> Result<()> {
    if std::io::stdout().is_terminal() {
        return Ok(());
    }
    Err(Error::Usage("llmcost tui needs a terminal; for scripts use 'costs' or 'report'".into()))
}

/// Runs the dashboard until the user quits. `offline` keeps it off the network.
pub fn run(mut app: App, offline: bool, currency: crate::domain::Currency) -> Result<()> {
    need_terminal()?;
    // Progress bars and notes on stderr would draw over the dashboard.
    app.quiet = true;
    let accounts = app.select(&[], &[])?;
    let mut model = Model::new(accounts, app.clock.today(), !app.offline(offline), crate::output::color());
    model.activity_accounts = crate::app::activity::configured(&app);
    model.currency = currency;
    drive(model, &Arc::new(Source::Local(Box::new(app))))
}

/// Runs the dashboard on a team server's data (`--remote URL tui`): its accounts, its today,
/// its cache; `r` asks it again (the server syncs on its own schedule).
pub fn run_remote(server: crate::app::remote::Server, currency: crate::domain::Currency) -> Result<()> {
    need_terminal()?;
    let start = server.dashboard_start()?;
    let mut model = Model::new(start.accounts, start.today, true, crate::output::color());
    model.activity_accounts = start.activity_accounts;
    model.currency = currency;
    model.status = Some(format!("From the llmcost server at {}", server.host()));
    drive(model, &Arc::new(Source::Remote(server)))
}

/// Owns the terminal while the model runs, and gives it back however the loop ends.
fn drive(mut model: Model, source: &Arc<Source>) -> Result<()> {
    let (tx, rx) = channel();
    let mut terminal = ratatui::try_init().map_err(|e| Error::io("cannot start the terminal UI", e))?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    ACTIVE.store(true, std::sync::atomic::Ordering::SeqCst);
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous_hook(info);
    }));
    spawn_event_pump(tx.clone());

    let runner = |effect: Effect| spawn_effect(source, &tx, effect);
    for effect in update::init(&mut model) {
        runner(effect);
    }
    let result = event_loop(&mut terminal, &mut model, &rx, &runner);
    ACTIVE.store(false, std::sync::atomic::Ordering::SeqCst);
    restore_terminal();
    result
}

/// Draw, wait for a message, update, run its effects; until the model says quit.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    rx: &Receiver<Msg>,
    run_effect: &dyn Fn(Effect),
) -> Result<()> {
    let draw_failed = |e: B::Error| Error::Runtime(format!("cannot draw: {e}"));
    terminal.draw(|f| view::render(model, f)).map_err(draw_failed)?;
    while let Ok(msg) = rx.recv() {
        for effect in update::update(model, msg) {
            run_effect(effect);
        }
        if model.quit {
            break;
        }
        terminal.draw(|f| view::render(model, f)).map_err(draw_failed)?;
    }
    Ok(())
}

/// Key presses, mouse wheel and resizes become messages; silence becomes a tick.
fn spawn_event_pump(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            let msg = match event::poll(TICK) {
                Ok(true) => match event::read() {
                    Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => Msg::Key(k),
                    Ok(Event::Mouse(m)) if m.kind == MouseEventKind::ScrollDown => Msg::ScrollDown,
                    Ok(Event::Mouse(m)) if m.kind == MouseEventKind::ScrollUp => Msg::ScrollUp,
                    Ok(Event::Resize(_, _)) => Msg::Resize,
                    Ok(_) => continue,
                    Err(_) => break,
                },
                Ok(false) => Msg::Tick,
                Err(_) => break,
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
}

/// Runs one effect on its own thread, with its own cache connection.
fn spawn_effect(source: &Arc<Source>, tx: &Sender<Msg>, effect: Effect) {
    let (source, tx) = (source.clone(), tx.clone());
    std::thread::spawn(move || {
        let msg = match source.as_ref() {
            Source::Local(app) => run_effect(app, effect),
            Source::Remote(server) => run_remote_effect(server, effect),
        };
        let _ = tx.send(msg);
    });
}

/// What an effect does on a team server's data: loads and exports are the server's; a sync is
/// the server's own business, so it only asks for a fresh load.
pub fn run_remote_effect(server: &crate::app::remote::Server, effect: Effect) -> Msg {
    match effect {
        Effect::Load { generation, query } => {
            Msg::Loaded { generation, result: Box::new(server.dashboard(&query).map_err(|e| e.to_string())) }
        }
        Effect::Sync { .. } => Msg::Synced { failures: Vec::new() },
        Effect::Export { query, path, filter } => {
            let written = server.dashboard_export(&query, &filter).and_then(|csv| export::write_bytes(&csv, path));
            Msg::Exported(written.map_err(|e| e.to_string()))
        }
    }
}

/// What an effect does, synchronously; the caller decides which thread runs it.
pub fn run_effect(app: &App, effect: Effect) -> Msg {
    match effect {
        Effect::Load { generation, query } => {
            let result = crate::app::dashboard::run(app, &query).map_err(|e| e.to_string());
            Msg::Loaded { generation, result: Box::new(result) }
        }
        Effect::Sync { accounts, range, refresh } => {
            let failures = match crate::app::dashboard::sync(app, &accounts, range, refresh) {
                // What to do next depends on the kind: an outage passes (r tries again), a
                // setup problem needs fixing outside the dashboard.
                Ok((outcomes, warnings)) => outcomes
                    .into_iter()
                    .filter_map(|o| {
                        let hint = match &o.failure {
                            Some(f) if f.is_transient() => " (r tries again)",
                            Some(crate::sync::SyncFailure::Storage) => "",
                            Some(_) => " (a setup problem: see llmcost doctor)",
                            None => "",
                        };
                        o.error.map(|e| format!("{e}{hint}"))
                    })
                    .chain(warnings)
                    .collect(),
                Err(e) => vec![e.to_string()],
            };
            Msg::Synced { failures }
        }
        Effect::Export { query, path, filter } => {
            let result = export::export(app, &query, &filter, path).map_err(|e| e.to_string());
            Msg::Exported(result)
        }
    }
}
