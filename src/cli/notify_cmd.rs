//! `llmcost notify test`: one test message to each [[notify]] channel, recorded nowhere.

use clap::{Args, Subcommand};

use super::App;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost notify test                   A test message to every channel
  llmcost notify test --channel oncall  Only to this one

Channels are [[notify]] entries in the config; budgets check --notify sends the
real alerts.")]
pub struct NotifyArgs {
    #[command(subcommand)]
    pub action: NotifyAction,
}

#[derive(Debug, Subcommand)]
pub enum NotifyAction {
    /// Send a test message to each channel (describing the first budget as it stands)
    #[command(after_help = "Examples:\n  llmcost notify test\n  llmcost notify test --channel slack-finance")]
    Test {
        /// Only this channel
        #[arg(long, value_name = "NAME")]
        channel: Option<String>,
    },
}

pub(super) fn run(app: &App, args: NotifyArgs) -> Result<()> {
    let NotifyAction::Test { channel } = args.action;
    let mut channels = app.config.channels.clone();
    if channels.is_empty() {
        return Err(Error::Config(
            "no [[notify]] channels in the config: add one (see docs/commands.md, 'Alerts')".into(),
        ));
    }
    if let Some(name) = &channel {
        channels.retain(|c| &c.name == name);
        if channels.is_empty() {
            let known: Vec<&str> = app.config.channels.iter().map(|c| c.name.as_str()).collect();
            return Err(Error::Usage(format!("no channel named '{name}': channels are {}", known.join(", "))));
        }
    }
    if app.config.budgets.is_empty() {
        return Err(Error::Config("a test message describes a budget: add one with 'llmcost budgets add'".into()));
    }
    let rows = crate::app::budgets::status(app, &app.config.budgets[..1])?;
    let mut messages: Vec<_> =
        channels.iter().flat_map(|c| crate::notify::test_messages(c, &rows[0], app.clock.now())).collect();
    let mut log = crate::app::alerts::DeliveryLog::open(app)?;
    crate::notify::send_all(app, &channels, &mut messages, &mut log, false)?;
    let mut failed = Vec::new();
    for ch in &channels {
        let mine: Vec<&crate::notify::Message> = messages.iter().filter(|m| m.channel == ch.name).collect();
        match mine.iter().find_map(|m| m.outcome.as_ref().and_then(|o| o.as_ref().err())) {
            Some(e) => failed.push(format!("notify channel '{}': {e}", ch.name)),
            None if ch.kind == crate::notify::channels::Kind::Pagerduty => {
                app.note(&format!("'{}' (pagerduty): delivered, and resolved (a test incident of its own)", ch.name));
            }
            None => app.note(&format!("'{}' ({}): delivered", ch.name, ch.kind.name())),
        }
    }
    if failed.is_empty() { Ok(()) } else { Err(Error::Accounts(failed)) }
}
