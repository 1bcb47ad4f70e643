//! llmcost: what a team spends on LLM APIs, from the providers' billing APIs, cached in SQLite.
//!
//! - `app`: the application layer every front end shares: context, sync, budgets, selection
//! - `domain`: money, periods, line items, records (no I/O)
//! - `fx`: ECB euro reference rates and exact conversion between currencies
//! - `import`: spend from files (llmcost CSV, FOCUS) and FOCUS export
//! - `providers`: HTTP clients for each billing API, behind `AnyProvider`
//! - `store`: the SQLite cache (the only SQL)
//! - `sync`: which days are stale, fetch, write per account in one transaction
//! - `config`, `secrets`, `clock`: the environment a command runs in
//! - `output`: tables, JSON, CSV and Markdown renderers
//! - `cli`: clap definitions and one module per command
//! - `budget`, `report`: pure evaluation of budgets and reports
//! - `tui`: the ratatui dashboard (model-update-view)
//! - `serve`: the Prometheus exporter (`serve`, `metrics`)
//! - `notify`: budget alerts to Slack, Teams, Discord, PagerDuty and signed webhooks
//! - `demo`: the built-in sample organization

// Front ends write through the output layer (`write_stdout`, notes, `output::tell`), where
// terminal text is sanitised and `-q` is honoured: no stray print in the library.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub(crate) mod budget;
pub(crate) mod capped;
pub mod cli;
pub mod clock;
pub mod config;
pub(crate) mod config_budgets;
pub mod config_workspace;
pub mod demo;
pub mod domain;
pub mod error;
pub(crate) mod fx;
pub(crate) mod import;
pub(crate) mod names;
pub(crate) mod net;
pub(crate) mod notify;
pub(crate) mod observed;
pub mod output;
pub(crate) mod prices;
pub mod providers;
pub(crate) mod report;
pub mod sanitize;
pub(crate) mod savings;
pub mod secrets;
pub(crate) mod serve;
pub mod store;
pub(crate) mod sync;
pub mod synthetic;
pub(crate) mod teams;
pub mod tui;
pub(crate) mod wrap;

pub use cli::run;
