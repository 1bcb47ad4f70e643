//! Cursor end to end: the team's on-demand bill per day, model and member from the Admin API's
//! usage events (paged by 1,000), seat-included usage at $0, members as people billed each their
//! own, the rolling window said, and keys that cannot read the Admin API named, never shown.

use rust_decimal::Decimal;

use crate::fake_cursor::{FakeCursor, Team};
use crate::test_env::{TestEnv, expect_code, json, stderr, stdout};

const KEY: &str = "crsr_0123456789abcdef0123456789abcdef";

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

fn team() -> Team {
    Team { key: KEY.into(), today: day("2026-11-22") }
}

fn env(fake: &FakeCursor, key: &str) -> TestEnv {
    TestEnv::new().var("LLMCOST_KEY_CURSOR_ACME", key).var("LLMCOST_CURSOR_BASE_URL", &fake.server.uri())
}

#[tokio::test]
async fn the_on_demand_bill_per_member_adds_up() {
    let fake = FakeCursor::start(team()).await;
    let env = env(&fake, KEY);
    let out = env.run(&["costs", "--provider", "cursor", "--month", "--by", "line_item", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(dec(&doc["total"]), team().billed(None, day("2026-11-01"), day("2026-11-22")), "{doc:#}");
    let included =
        doc["rows"].as_array().unwrap().iter().find(|r| r["line_item"] == "claude-4.5-sonnet, Included in Business");
    assert_eq!(included.map(|r| r["cost"].clone()), Some(serde_json::json!("0.00")), "seat usage is not on the bill");
    assert_eq!(fake.event_requests().await, 2, "1,430 events: two pages of 1,000");

    let people = json(
        &env.run(&["costs", "--provider", "cursor", "--month", "--by", "person", "--offline", "--format", "json"])
            .await,
    );
    let of = |email: &str| -> Decimal {
        people["rows"].as_array().unwrap().iter().filter(|r| r["person"] == email).map(|r| dec(&r["cost"])).sum()
    };
    assert_eq!(of("ana@acme.dev"), team().billed(Some("ana@acme.dev"), day("2026-11-01"), day("2026-11-22")));
    assert_eq!(of("ben@acme.dev"), team().billed(Some("ben@acme.dev"), day("2026-11-01"), day("2026-11-22")));
    assert!(people["rows"].as_array().unwrap().iter().all(|r| r["basis"] == "billed"), "{people:#}");

    // Older than Cursor's window: said, and the total says it is incomplete.
    let out = env.run(&["costs", "--provider", "cursor", "--since", "2026-10-01", "--format", "json"]).await;
    expect_code(&out, 0);
    assert!(stderr(&out).contains("can no longer be fetched"), "{}", stderr(&out));
    assert_eq!(json(&out)["complete"], false);
}

#[tokio::test]
async fn a_wrong_key_is_named_never_shown() {
    let fake = FakeCursor::start(team()).await;
    let out = env(&fake, "crsr_wrong0123456789").run(&["costs", "--provider", "cursor", "--month"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("cursor/acme") && err.contains("Admin API key"), "{err}");
    assert!(!err.contains("crsr_wrong0123456789"), "{err}");
}

/// Cursor keeps a rolling window: a cache last synced half a window ago or more is said to be
/// overdue (offline views and doctor), with the days left before history is lost.
#[tokio::test]
async fn an_overdue_sync_is_warned_before_days_are_lost() {
    let fake = FakeCursor::start(team()).await;
    let env = env(&fake, KEY);
    expect_code(&env.run(&["sync", "--provider", "cursor"]).await, 0);
    let fresh = env.run(&["costs", "--provider", "cursor", "--offline"]).await;
    assert!(!stderr(&fresh).contains("last synced"), "{}", stderr(&fresh));

    let env = env.var("LLMCOST_NOW", "2026-12-10T10:00:00Z");
    let out = env.run(&["costs", "--provider", "cursor", "--offline"]).await;
    expect_code(&out, 0);
    let err = stderr(&out);
    assert!(err.contains("cursor/acme last synced 18 day(s) ago") && err.contains("sync within 12 day(s)"), "{err}");
    let doctor = stdout(&env.run(&["doctor", "--offline"]).await);
    assert!(doctor.contains("last synced 18 day(s) ago"), "{doctor}");

    let env = env.var("LLMCOST_NOW", "2026-12-31T10:00:00Z");
    let err = stderr(&env.run(&["costs", "--provider", "cursor", "--offline", "--last", "60"]).await);
    assert!(err.contains("can no longer be fetched"), "{err}");
}
