//! Each receiver's payload, within its documented limits: Slack (text + blocks), Teams (a
//! Workflows webhook with an Adaptive Card; the retired Office 365 connector card is not used),
//! Discord (content + one embed), PagerDuty Events API v2, and a Standard Webhooks-signed JSON.

use base64::Engine;
use chrono::{DateTime, Utc};
use ring::hmac;
use serde_json::{Value, json};

use super::channels::Kind;
use crate::budget::BudgetRow;

/// What happened to a budget that a channel is told about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Event {
    /// Spend passed `threshold` percent of the budget.
    Crossed(u32),
    /// Spend is back under the lowest threshold, or the period ended (PagerDuty resolves).
    Resolved,
    /// `llmcost notify test`.
    Test,
}

impl Event {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Event::Crossed(_) => "trigger",
            Event::Resolved => "resolve",
            Event::Test => "test",
        }
    }
}

pub(crate) fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// One line for people: what, how much, the scope and period, the forecast, what to run.
pub(crate) fn title(row: &BudgetRow, event: Event) -> String {
    let name = &row.budget.name;
    match event {
        Event::Crossed(t) if t >= 100 => format!("LLM budget {name} exceeded ({t}%)"),
        Event::Crossed(t) => format!("LLM budget {name} passed {t}%"),
        Event::Resolved => format!("LLM budget {name} resolved"),
        Event::Test => "llmcost test message".to_string(),
    }
}

pub(crate) fn detail(row: &BudgetRow) -> String {
    let (b, s) = (&row.budget, &row.status);
    format!(
        "{} of {} ({:.1}%) this {} ({} to {}, UTC days), {}; forecast {} by {}. Details: llmcost budgets check {}",
        b.currency.format(s.spent),
        b.currency.format(b.amount),
        s.percent,
        b.period.name(),
        s.period.since,
        s.period.until,
        crate::output::budget_text::scope_text(b),
        b.currency.format(s.forecast),
        s.period.until,
        b.name
    ) + &row
        .braked
        .map(|n| format!(". Braked by llmcost (brake {n}); undo: llmcost brake --undo {n} --apply"))
        .unwrap_or_default()
}

/// The incident a `notify test` opens and resolves at once: never a budget's own.
pub(crate) fn test_dedup_key(now: DateTime<Utc>) -> String {
    format!("llmcost/test/{}", now.timestamp())
}

pub(crate) fn dedup_key(row: &BudgetRow) -> String {
    let start = crate::budget::alert_period_start(row.budget.period, row.status.period.since);
    format!("llmcost/{}/{start}", row.budget.name)
}

/// A chat channel's message (Slack, Teams, Discord) with each one's limits: `title`, `detail`,
/// red when `severe`, and `facts` as Teams' fact set (left out when there are none). PagerDuty
/// and webhooks carry their own bodies; asked for one, this writes Slack's.
pub(crate) fn chat_body(kind: Kind, title: &str, detail: &str, severe: bool, facts: &[(&str, String)]) -> Value {
    match kind {
        Kind::Teams => {
            let mut body = vec![
                json!({ "type": "TextBlock", "size": "Medium", "weight": "Bolder", "text": title, "wrap": true }),
                json!({ "type": "TextBlock", "text": detail, "wrap": true }),
            ];
            if !facts.is_empty() {
                let facts: Vec<Value> = facts.iter().map(|(t, v)| json!({ "title": t, "value": v })).collect();
                body.push(json!({ "type": "FactSet", "facts": facts }));
            }
            json!({
                "type": "message",
                "attachments": [{
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    "contentUrl": null,
                    "content": {
                        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                        "type": "AdaptiveCard",
                        "version": "1.4",
                        "body": body
                    }
                }]
            })
        }
        Kind::Discord => json!({
            "content": cut(title, 2000),
            "embeds": [{
                "title": cut(title, 256),
                "description": cut(detail, 4096),
                "color": if severe { 0xd0_30_30 } else { 0xe0_a0_20 }
            }]
        }),
        Kind::Slack | Kind::Pagerduty | Kind::Webhook => json!({
            "text": cut(&format!("{title}: {detail}"), 3000),
            "blocks": [
                { "type": "header", "text": { "type": "plain_text", "text": cut(title, 150) } },
                { "type": "section", "text": { "type": "mrkdwn", "text": cut(detail, 3000) } }
            ]
        }),
    }
}

/// The JSON body for `kind`. PagerDuty needs its routing key.
pub(crate) fn body(
    kind: Kind,
    row: &BudgetRow,
    event: Event,
    routing_key: Option<&str>,
    id: &str,
    now: DateTime<Utc>,
) -> Value {
    let (title, detail) = (title(row, event), detail(row));
    let (b, s) = (&row.budget, &row.status);
    match kind {
        Kind::Slack | Kind::Teams | Kind::Discord => {
            let facts = [
                ("Spent", b.currency.format(s.spent)),
                ("Budget", b.currency.format(b.amount)),
                ("Forecast", b.currency.format(s.forecast)),
                ("Period (UTC)", format!("{} to {}", s.period.since, s.period.until)),
            ];
            chat_body(kind, &title, &detail, matches!(event, Event::Crossed(t) if t >= 100), &facts)
        }
        Kind::Pagerduty => {
            // A test never touches the budget's real incident: its own key, resolved right after.
            let key = if event == Event::Test { test_dedup_key(now) } else { dedup_key(row) };
            let mut v = json!({
                "routing_key": routing_key.unwrap_or(""),
                "event_action": if event == Event::Resolved { "resolve" } else { "trigger" },
                "dedup_key": key,
            });
            if event != Event::Resolved {
                v["payload"] = json!({
                    "summary": cut(&format!("{title}: {detail}"), 1024),
                    "source": "llmcost",
                    "severity": match event {
                        Event::Test => "info",
                        Event::Crossed(t) if t >= 100 => "critical",
                        _ => "warning",
                    },
                    "custom_details": budget_json(row, event),
                });
            }
            v
        }
        Kind::Webhook => json!({
            "schema_version": crate::output::json_out::SCHEMA_VERSION,
            "id": id,
            "type": match event { Event::Resolved => "budget.resolved", Event::Test => "test", Event::Crossed(_) => "budget.threshold_crossed" },
            "created_at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "dedup_key": dedup_key(row),
            "budget": budget_json(row, event),
        }),
    }
}

fn budget_json(row: &BudgetRow, event: Event) -> Value {
    let (b, s) = (&row.budget, &row.status);
    json!({
        "name": b.name,
        "currency": b.currency.as_str(),
        "period": b.period.name(),
        "period_start": s.period.since.to_string(),
        "period_end": s.period.until.to_string(),
        "scope": crate::output::budget_text::scope_text(b),
        "amount": b.amount.exact(),
        "spent": s.spent.exact(),
        "percent": s.percent.round_dp(2).to_string(),
        // A projection, in cents: its 28 digits would be noise.
        "forecast": s.forecast.cents(),
        "threshold": match event { Event::Crossed(t) => Some(t), _ => None },
        "level": s.level.name(),
    })
}

/// Standard Webhooks headers: `webhook-id`, `webhook-timestamp`, and `webhook-signature` as
/// `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`; a `whsec_` secret is base64-decoded.
pub(crate) fn sign(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> Vec<(&'static str, String)> {
    let engine = base64::engine::general_purpose::STANDARD;
    let key = match secret.strip_prefix("whsec_").map(|s| engine.decode(s)) {
        Some(Ok(bytes)) => bytes,
        _ => secret.as_bytes().to_vec(),
    };
    let mut signed = format!("{id}.{timestamp}.").into_bytes();
    signed.extend_from_slice(body);
    let tag = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, &key), &signed);
    vec![
        ("webhook-id", id.to_string()),
        ("webhook-timestamp", timestamp.to_string()),
        ("webhook-signature", format!("v1,{}", engine.encode(tag.as_ref()))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A budget braked by `--enforce`: its alert says how to undo it.
    #[test]
    fn a_braked_budget_s_alert_carries_the_undo_command() {
        let now = "2026-12-06T10:00:00Z".parse().unwrap_or_default();
        let app = crate::app::App::demo_at(crate::clock::Clock::pinned(now), "unused.toml".into(), true);
        let rows = app.and_then(|app| crate::app::budgets::status(&app, &app.config.budgets)).unwrap_or_default();
        let mut row = rows.into_iter().next().expect("the demo has budgets");
        assert!(!detail(&row).contains("undo"));
        row.braked = Some(3);
        assert!(
            detail(&row).ends_with("Braked by llmcost (brake 3); undo: llmcost brake --undo 3 --apply"),
            "{}",
            detail(&row)
        );
    }

    /// The Standard Webhooks specification's own example.
    #[test]
    fn signature_matches_the_standard_webhooks_example() {
        let headers = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            br#"{"test": 2432232314}"#,
        );
        assert_eq!(headers[2].1, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn long_texts_are_cut_to_the_limits() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
