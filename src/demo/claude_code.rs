//! The demo's Claude Code analytics: the edugami organization's developers (and one review bot
//! run with an API key) per UTC day, as Anthropic's report has them, with its estimated cost.
//! Edugami's people use it through the API (in Anthropic's bill); one has a Max seat.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::domain::{ActivityModel, ActivityRecord, ActorKind, Currency, DateRange, Money, Work};

/// The workspace the demo's Claude Code analytics are under.
pub(super) const WORKSPACE: &str = "edugami";

/// (actor, kind, account type, terminal, sessions on a busy day)
const ACTORS: &[(&str, ActorKind, &str, &str, f64)] = &[
    ("ana@edugami.org", ActorKind::User, "api", "vscode", 9.0),
    ("ben@edugami.org", ActorKind::User, "api", "iTerm.app", 6.0),
    ("gus@edugami.org", ActorKind::User, "subscription", "ghostty", 4.0),
    ("hana@edugami.org", ActorKind::User, "api", "cursor", 3.0),
    ("pr-review-bot", ActorKind::ApiKey, "api", "github-actions", 5.0),
];

/// (model, share of a session's tokens, estimated cents per session at that share)
const MODELS: &[(&str, f64, f64)] = &[
    ("claude-sonnet-4-5-20250929", 0.7, 38.0),
    ("claude-opus-4-1-20250805", 0.1, 61.0),
    ("claude-haiku-4-5-20251001", 0.2, 2.5),
];

#[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "the generator's small positive counts")]
fn whole(value: f64) -> u64 {
    value.round().max(0.0) as u64
}

/// Each actor's record of each day of `range` they worked (people rest at weekends, the bot
/// does not).
pub(super) fn records(range: DateRange) -> Vec<ActivityRecord> {
    let mut out = Vec::new();
    for day in range.days() {
        for (actor, kind, customer, terminal, busy) in ACTORS {
            let weekend = day.weekday().num_days_from_monday() >= 5;
            let roll = super::noise(&["claude-code", actor], day);
            if (weekend && *kind == ActorKind::User && roll < 0.85) || roll < 0.12 {
                continue;
            }
            let sessions = whole(busy * (0.4 + roll));
            if sessions == 0 {
                continue;
            }
            let s = sessions as f64;
            let accepted = whole(s * (3.0 + 4.0 * roll));
            out.push(ActivityRecord {
                day,
                actor: (*actor).to_string(),
                actor_kind: *kind,
                customer_type: (*customer).to_string(),
                subscription_type: if *customer == "subscription" { "max".into() } else { String::new() },
                terminal: (*terminal).to_string(),
                work: Work {
                    sessions,
                    lines_added: whole(s * (40.0 + 90.0 * roll)),
                    lines_removed: whole(s * (10.0 + 30.0 * roll)),
                    commits: whole(s * 0.6 * roll),
                    pull_requests: whole(s * 0.2 * roll),
                    edits_accepted: accepted,
                    edits_rejected: whole(accepted as f64 * 0.15 * (1.0 - roll)),
                },
                models: models(actor, day, s),
            });
        }
    }
    out
}

fn models(actor: &str, day: NaiveDate, sessions: f64) -> Vec<ActivityModel> {
    MODELS
        .iter()
        .filter(|(model, _, _)| !(model.contains("opus") && super::noise(&[actor, model], day) < 0.6))
        .map(|(model, share, cents)| {
            let tokens = sessions * share * 90_000.0;
            let jitter = 0.8 + 0.4 * super::noise(&[actor, model, "cost"], day);
            ActivityModel {
                model: (*model).to_string(),
                input_tokens: whole(tokens * 0.08),
                output_tokens: whole(tokens * 0.04),
                cache_read_tokens: whole(tokens * 0.8),
                cache_creation_tokens: whole(tokens * 0.08),
                // Whole cents with a fraction, as the report's amounts may come.
                estimated: Money::from_decimal(Decimal::new(
                    whole(sessions * cents * jitter * 100.0).try_into().unwrap_or(0),
                    4,
                )),
                currency: Currency::USD,
            }
        })
        .collect()
}
