//! The application layer: the context a use case runs in, and the use cases every front end
//! (commands, dashboard) shares. Nothing here imports a front end.

pub(crate) mod activity;
pub(crate) mod alerts;
pub(crate) mod answer;
pub(crate) mod balances;
pub(crate) mod brake;
pub(crate) mod budget_file;
pub(crate) mod budgets;
pub(crate) mod cache;
mod context;
pub(crate) mod costs;
pub mod dashboard;
pub(crate) mod download;
pub(crate) mod estimates;
pub(crate) mod export;
pub(crate) mod fx;
pub(crate) mod gateway;
mod gateway_fetch;
pub(crate) mod import;
pub(crate) mod key_budgets;
pub(crate) mod limits;
pub(crate) mod live;
pub(crate) mod metrics;
pub(crate) mod models;
pub(crate) mod people;
pub(crate) mod prices;
pub(crate) mod projects;
pub mod remote;
pub(crate) mod report;
pub(crate) mod savings;
pub(crate) mod select;
pub(crate) mod served;
pub mod sync;
pub(crate) mod teams;
#[cfg(test)]
mod use_case_tests;
pub mod views;
pub(crate) mod workspaces;

pub use context::{App, Network, Options};
