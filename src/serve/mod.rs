//! Front end 3: llmcost as a Prometheus exporter. `serve` answers `GET /metrics` from the cache
//! (never waiting on a provider) while a background task syncs every interval; `metrics` prints
//! the same exposition once, for the node_exporter textfile collector.

pub(crate) mod api;
mod dashboard_api;
pub(crate) mod exposition;
pub(crate) mod otlp;
mod server;

pub(crate) use server::{ServeOptions, serve};
