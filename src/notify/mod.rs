//! Front end 4: budget alerts to Slack, Teams, Discord, PagerDuty and signed webhooks. Which
//! messages are due comes from the budgets' status and what the cache records as delivered, so
//! a repeat run sends nothing, a later run sends only thresholds crossed since, and a message
//! that failed is tried again by the next run.

pub(crate) mod channels;
pub(crate) mod floors;
pub(crate) mod payload;
mod send;

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Value, json};

use crate::app::alerts::{DeliveryLog, NotificationKey};
use crate::budget::BudgetRow;
use channels::{Channel, Kind};
use payload::Event;

/// One message due to one channel.
#[derive(Debug, Clone)]
pub(crate) struct Message {
    pub channel: String,
    pub kind: Kind,
    pub budget: String,
    pub period_start: NaiveDate,
    pub event: Event,
    /// Lower thresholds this message stands for (crossed since the last run, never sent
    /// separately): recorded with it, so a later run does not send them after it.
    pub covers: Vec<u32>,
    pub body: Value,
    /// After sending: delivered, or why not.
    pub outcome: Option<Result<(), String>>,
}

impl Message {
    pub(crate) fn threshold(&self) -> i64 {
        match self.event {
            Event::Crossed(t) => i64::from(t),
            _ => 0,
        }
    }

    /// The record's key of this message at `threshold` (its own, or one it stands for).
    fn key(&self, threshold: i64) -> NotificationKey<'_> {
        NotificationKey {
            channel: &self.channel,
            budget: &self.budget,
            period_start: self.period_start,
            threshold,
            event: self.event.name(),
        }
    }

    /// For `--format json`: secrets masked (PagerDuty's routing key).
    pub(crate) fn to_json(&self) -> Value {
        let mut body = self.body.clone();
        if body.get("routing_key").is_some() {
            body["routing_key"] = json!("***");
        }
        let mut v = json!({
            "channel": self.channel,
            "kind": self.kind.name(),
            "budget": self.budget,
            "threshold": match self.event { Event::Crossed(t) => Some(t), _ => None },
            "event": self.event.name(),
            "body": body,
        });
        if let Some(outcome) = &self.outcome {
            v["delivered"] = json!(outcome.is_ok());
            v["error"] = outcome.as_ref().err().map_or(Value::Null, |e| json!(e));
        }
        v
    }
}

/// The messages due now: thresholds newly crossed (or not yet delivered), and PagerDuty
/// resolves for incidents whose budget is back under its lowest threshold or whose period ended.
/// A PagerDuty channel's routing key, for the messages due to it (`None` for other kinds; an
/// unset one is said when the message is sent).
pub(crate) fn routing_key(ch: &Channel) -> Option<String> {
    (ch.kind == Kind::Pagerduty).then(|| ch.secret(&ch.routing_key_env, "routing_key_env").ok().flatten()).flatten()
}

pub(crate) fn due(
    channels: &[Channel],
    rows: &[BudgetRow],
    log: &DeliveryLog,
    now: DateTime<Utc>,
) -> crate::error::Result<Vec<Message>> {
    let mut out = Vec::new();
    for ch in channels {
        let routing_key = routing_key(ch);
        for row in rows {
            let (b, s) = (&row.budget, &row.status);
            let period_start = crate::budget::alert_period_start(b.period, s.period.since);
            let done = log.settled(&ch.name, &b.name, period_start, ch.kind.at_most_once())?;
            // One message per budget and run: the highest threshold crossed since the last one
            // sent (a first run at 136 % says 100 %, not 50, 80 and 100 in a burst).
            let sent_up_to = done
                .iter()
                .filter(|(_, e)| e == "trigger")
                .filter_map(|(t, _)| u32::try_from(*t).ok())
                .max()
                .unwrap_or(0);
            let crossed: Vec<u32> = b
                .warn_at
                .iter()
                .copied()
                .filter(|t| {
                    s.percent >= rust_decimal::Decimal::from(*t) && *t > sent_up_to && ch.wants(&b.name, *t >= 100)
                })
                .collect();
            if let Some(&t) = crossed.iter().max() {
                let id = format!("msg_{}_{}_{}_{t}", b.name, period_start, ch.name);
                out.push(Message {
                    channel: ch.name.clone(),
                    kind: ch.kind,
                    budget: b.name.clone(),
                    period_start,
                    event: Event::Crossed(t),
                    covers: crossed.iter().copied().filter(|c| *c != t).collect(),
                    body: payload::body(ch.kind, row, Event::Crossed(t), routing_key.as_deref(), &id, now),
                    outcome: None,
                });
            }
            if ch.kind == Kind::Pagerduty {
                let lowest = b.warn_at.first().copied().unwrap_or(100);
                let triggered = done.iter().any(|(_, e)| e == "trigger");
                let resolved = done.iter().any(|(_, e)| e == "resolve");
                if triggered && !resolved && s.percent < rust_decimal::Decimal::from(lowest) {
                    out.push(resolve(ch, row, period_start, routing_key.as_deref(), now));
                }
                // Incidents of periods that have ended.
                for old_start in log.unresolved(&ch.name, &b.name, period_start)? {
                    let mut old = row.clone();
                    old.status.period.since = old_start;
                    out.push(resolve(ch, &old, old_start, routing_key.as_deref(), now));
                }
            }
        }
    }
    Ok(out)
}

fn resolve(
    ch: &Channel,
    row: &BudgetRow,
    period_start: NaiveDate,
    routing_key: Option<&str>,
    now: DateTime<Utc>,
) -> Message {
    Message {
        channel: ch.name.clone(),
        kind: ch.kind,
        budget: row.budget.name.clone(),
        period_start,
        event: Event::Resolved,
        covers: Vec::new(),
        body: payload::body(ch.kind, row, Event::Resolved, routing_key, "resolve", now),
        outcome: None,
    }
}

/// Sends each message and records the outcomes. Channels are sent to concurrently (a receiver
/// that hangs never holds the others), each channel's messages in order, all under one deadline:
/// the configured timeout for each of the three attempts plus the longest wait a receiver may ask.
pub(crate) fn send_all(
    app: &crate::app::App,
    channels: &[Channel],
    messages: &mut [Message],
    log: &mut DeliveryLog,
    record: bool,
) -> crate::error::Result<()> {
    let timeout = Duration::from_secs(app.config.http.timeout_seconds.max(1));
    let policy = &app.retry_policy();
    let (runtime, client) = app.network.get(timeout)?;
    if record {
        // Written before anything is sent: a crash after a chat message went out leaves
        // 'sending', which the next run does not repeat (see `Kind::at_most_once`).
        for m in messages.iter() {
            log.begin(&m.key(m.threshold()), Utc::now())?;
        }
    }
    let deadline = timeout.saturating_mul(3).saturating_add(policy.max_delay.min(Duration::from_secs(60)) * 2);
    let unanswered =
        || send::Failure { why: format!("no answer within {} s; not delivered", deadline.as_secs()), gone: false };
    // Each outcome lands here as soon as it is known: the deadline cuts only what is unfinished.
    let outcomes: std::cell::RefCell<Vec<Result<(), send::Failure>>> =
        std::cell::RefCell::new((0..messages.len()).map(|_| Err(unanswered())).collect());
    runtime.block_on(async {
        let by_channel = channels.iter().map(|ch| {
            let mine: Vec<usize> = (0..messages.len()).filter(|&i| messages[i].channel == ch.name).collect();
            let (messages, outcomes) = (&*messages, &outcomes);
            async move {
                for i in mine {
                    let outcome = deliver(ch, &messages[i], client, policy).await;
                    if let Some(slot) = outcomes.borrow_mut().get_mut(i) {
                        *slot = outcome;
                    }
                }
            }
        });
        let _ = tokio::time::timeout(deadline, futures_util::future::join_all(by_channel)).await;
    });
    let outcomes = outcomes.into_inner();
    for (m, outcome) in messages.iter_mut().zip(outcomes) {
        if record {
            let (error, gone) = match &outcome {
                Ok(()) => (None, false),
                Err(f) => (Some(f.why.as_str()), f.gone),
            };
            for threshold in std::iter::once(m.threshold()).chain(m.covers.iter().map(|c| i64::from(*c))) {
                log.record(&m.key(threshold), error, gone, Utc::now())?;
            }
        }
        m.outcome = Some(outcome.map_err(|f| f.why));
    }
    Ok(())
}

async fn deliver(
    ch: &Channel,
    m: &Message,
    client: &reqwest::Client,
    policy: &crate::net::RetryPolicy,
) -> Result<(), send::Failure> {
    let failed = |why: String| send::Failure { why, gone: false };
    let url = ch.target().map_err(failed)?;
    let routing_key = ch.secret(&ch.routing_key_env, "routing_key_env").map_err(failed)?;
    if ch.kind == Kind::Pagerduty && routing_key.is_none() {
        return Err(failed("no routing key".into()));
    }
    let body = serde_json::to_vec(&m.body).map_err(|e| failed(e.to_string()))?;
    let mut headers = Vec::new();
    let secret = ch.secret(&ch.secret_env, "secret_env").map_err(failed)?;
    if ch.kind == Kind::Webhook
        && let Some(secret) = &secret
    {
        let id = m.body["id"].as_str().unwrap_or("msg").to_string();
        headers = payload::sign(secret, &id, Utc::now().timestamp(), &body);
    }
    let secrets: Vec<&str> =
        [Some(url.as_str()), routing_key.as_deref(), secret.as_deref()].into_iter().flatten().collect();
    send::post(client, &url, &body, &headers, policy, &secrets).await
}

/// `llmcost notify test`'s messages for one channel, recorded nowhere: one message; for
/// PagerDuty, a trigger under a test key of its own and its resolve, so on-call sees a test that
/// closes itself.
pub(crate) fn test_messages(ch: &Channel, row: &BudgetRow, now: DateTime<Utc>) -> Vec<Message> {
    let routing_key = ch.secret(&ch.routing_key_env, "routing_key_env").ok().flatten();
    let message = |body: Value| Message {
        channel: ch.name.clone(),
        kind: ch.kind,
        budget: row.budget.name.clone(),
        period_start: row.status.period.since,
        event: Event::Test,
        covers: Vec::new(),
        body,
        outcome: None,
    };
    let mut out = vec![message(payload::body(ch.kind, row, Event::Test, routing_key.as_deref(), "msg_test", now))];
    if ch.kind == Kind::Pagerduty {
        out.push(message(json!({
            "routing_key": routing_key.as_deref().unwrap_or(""),
            "event_action": "resolve",
            "dedup_key": payload::test_dedup_key(now),
        })));
    }
    out
}
