//! The views every front end renders: what a question's answer holds, built from the cache in
//! one place so a figure is the same in the commands, the report, the dashboard and the exporter.

pub(crate) mod allocated_rows;
pub(crate) mod chargeback;
pub(crate) mod cost_row;
pub(crate) mod cost_view;
pub(crate) mod focus;
pub(crate) mod key_rows;
pub(crate) mod projects_view;
pub(crate) mod publisher;

pub(crate) use chargeback::ChargebackView;
pub use cost_view::{CostRow, CostView};
