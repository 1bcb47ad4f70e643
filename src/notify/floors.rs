//! Alerts for balance floors (`min_balance` budgets): one message per floor, account and month
//! when the credits are due to run below the floor within a week (a warning) and one when they
//! are below it, through the same channels, delivery log and retries as budget alerts.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde_json::{Value, json};

use super::Message;
use super::channels::{Channel, Kind};
use super::payload::Event;
use crate::app::alerts::DeliveryLog;
use crate::app::balances::{FLOOR_LOOKAHEAD_DAYS, FloorRow};
use crate::budget::Level;

/// The threshold a floor's level stands for: 100 below it, 80 due below it within a week.
fn threshold(level: Level) -> Option<u32> {
    match level {
        Level::Exceeded => Some(100),
        Level::ForecastExceeded => Some(80),
        _ => None,
    }
}

/// The delivery log's name for a floor at one account (a floor may cover several).
fn key_name(row: &FloorRow) -> String {
    format!("{}:{}", row.floor.name, row.account)
}

fn title(row: &FloorRow, t: u32) -> String {
    let (f, a) = (&row.floor, &row.account);
    if t >= 100 {
        format!("LLM credits of {a} below {} (balance floor {})", f.currency.format(f.min), f.name)
    } else {
        format!(
            "LLM credits of {a} run below {} within {FLOOR_LOOKAHEAD_DAYS} days (balance floor {})",
            f.currency.format(f.min),
            f.name
        )
    }
}

fn detail(row: &FloorRow) -> String {
    let Some(b) = &row.balance else { return "no balance fetched yet".into() };
    let runway = match (b.runway_days, b.runs_out_on) {
        (Some(d), Some(on)) => format!("{d} days (around {on})"),
        _ => "no spend lately".into(),
    };
    format!(
        "{} left on {}; burn {} a day over the last 7 complete UTC days; runway {runway}. Top up, or see: llmcost balances",
        b.currency.format(b.balance),
        b.as_of.format("%Y-%m-%d %H:%M UTC"),
        b.currency.format(b.burn_per_day)
    )
}

fn floor_json(row: &FloorRow, t: u32) -> Value {
    let b = row.balance.as_ref();
    json!({
        "name": row.floor.name,
        "provider": row.account.provider.id(),
        "workspace": row.account.workspace,
        "currency": row.floor.currency.as_str(),
        "min_balance": row.floor.min.exact(),
        "balance": b.map(|b| b.balance.exact()),
        "burn_per_day": b.map(|b| b.burn_per_day.exact()),
        "runs_out_on": b.and_then(|b| b.runs_out_on).map(|d| d.to_string()),
        "threshold": t,
        "level": row.level.name(),
    })
}

/// The JSON body for `kind`, as `payload::body` writes budget alerts.
fn body(kind: Kind, row: &FloorRow, t: u32, routing_key: Option<&str>, id: &str, now: DateTime<Utc>) -> Value {
    let (title, detail) = (title(row, t), detail(row));
    match kind {
        Kind::Slack | Kind::Teams | Kind::Discord => super::payload::chat_body(kind, &title, &detail, t >= 100, &[]),
        Kind::Pagerduty => json!({
            "routing_key": routing_key.unwrap_or(""),
            "event_action": "trigger",
            "dedup_key": format!("llmcost-floor-{}", key_name(row)),
            "payload": {
                "summary": super::payload::cut(&format!("{title}: {detail}"), 1024),
                "source": "llmcost",
                "severity": if t >= 100 { "critical" } else { "warning" },
                "custom_details": floor_json(row, t),
            }
        }),
        Kind::Webhook => json!({
            "schema_version": crate::output::json_out::SCHEMA_VERSION,
            "id": id,
            "type": "balance.below_floor",
            "created_at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "dedup_key": format!("llmcost-floor-{}", key_name(row)),
            "balance_floor": floor_json(row, t),
        }),
    }
}

/// The floor messages due: each floor's level at each account, once per calendar month and
/// threshold (a warning, then the floor), as the delivery log records them.
pub(crate) fn due(
    channels: &[Channel],
    rows: &[FloorRow],
    log: &DeliveryLog,
    now: DateTime<Utc>,
) -> crate::error::Result<Vec<Message>> {
    let today = now.date_naive();
    let month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);
    let mut out = Vec::new();
    for ch in channels {
        let routing_key = super::routing_key(ch);
        for row in rows {
            let Some(t) = threshold(row.level) else { continue };
            if !ch.wants(&row.floor.name, t >= 100) {
                continue;
            }
            let name = key_name(row);
            let done = log.settled(&ch.name, &name, month, ch.kind.at_most_once())?;
            let sent_up_to =
                done.iter().filter(|(_, e)| e == "trigger").filter_map(|(t, _)| u32::try_from(*t).ok()).max();
            if sent_up_to.is_some_and(|s| s >= t) {
                continue;
            }
            let id = format!("msg_{name}_{month}_{}_{t}", ch.name);
            out.push(Message {
                channel: ch.name.clone(),
                kind: ch.kind,
                budget: name,
                period_start: month,
                event: Event::Crossed(t),
                covers: Vec::new(),
                body: body(ch.kind, row, t, routing_key.as_deref(), &id, now),
                outcome: None,
            });
        }
    }
    Ok(out)
}
