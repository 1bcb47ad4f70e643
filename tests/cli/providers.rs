//! `llmcost providers`: listing, testing and adding keys, with the keyring disabled.

use crate::fake_openai::{FakeOpenAi, sample_org};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-test-edugami-0000aaaa";

#[tokio::test]
async fn list_shows_where_keys_come_from_masked() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    env.write_config("[workspaces.openai.memoways]\n");
    let out = env.run(&["providers"]).await;
    expect_code(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("openai") && text.contains("Admin key"), "{text}");
    assert!(text.contains("edugami") && text.contains("environment (LLMCOST_KEY_OPENAI_EDUGAMI)"), "{text}");
    assert!(text.contains("sk-admin-...aaaa"), "{text}");
    assert!(text.contains("memoways") && text.contains("missing"), "{text}");
    assert!(!text.contains(KEY));

    assert_eq!(code(&env.run(&["costs", "--workspace", "edugami", "--today"]).await), 0);
    let doc = json(&env.run(&["providers", "list", "--format", "json"]).await);
    let edu = doc["workspaces"].as_array().unwrap().iter().find(|w| w["workspace"] == "edugami").unwrap().clone();
    assert_eq!(edu["last_sync"], "2026-11-22T10:00:00Z");
    assert_eq!(edu["key_hint"], "sk-admin-...aaaa");
}

#[tokio::test]
async fn test_says_ok_invalid_or_not_admin() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new()
        .var("LLMCOST_OPENAI_BASE_URL", &fake.base_url())
        .var("LLMCOST_KEY_OPENAI_GOOD", KEY)
        .var("LLMCOST_KEY_OPENAI_BAD", "sk-admin-revoked-key-12345678")
        .var("LLMCOST_KEY_OPENAI_PROJ", "sk-proj-not-an-admin-key-1234");
    let out = env.run(&["providers", "test"]).await;
    expect_code(&out, 1);
    let text = stdout(&out);
    assert!(text.contains("openai/good: ok"), "{text}");
    assert!(text.contains("openai/bad: invalid key"), "{text}");
    assert!(text.contains("openai/proj: not an admin key"), "{text}");
    let ok = env.run(&["providers", "test", "--workspace", "good"]).await;
    expect_code(&ok, 0);
    let unreachable = TestEnv::new().openai("edugami", KEY, "http://127.0.0.1:9/v1");
    let out = unreachable.run(&["providers", "test"]).await;
    expect_code(&out, 1);
    assert!(stdout(&out).contains("unreachable"), "{}", stdout(&out));
}

#[tokio::test]
async fn add_checks_the_key_and_stores_nothing_on_failure() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().var("LLMCOST_OPENAI_BASE_URL", &fake.base_url());
    // `providers add` creates the config it is pointed at.
    std::fs::remove_file(&env.config).unwrap();

    let out = env
        .run_with_stdin(
            &["providers", "add", "openai", "--workspace", "edugami", "--key-stdin"],
            "sk-admin-wrong-0000\n",
        )
        .await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("invalid key") && stderr(&out).contains("Nothing was stored"), "{}", stderr(&out));
    assert!(!env.config.exists());

    // A good key, but no keyring on this machine: say which variable to use, write nothing.
    let out = env
        .run_with_stdin(&["providers", "add", "openai", "--workspace", "edugami", "--key-stdin"], &format!("{KEY}\n"))
        .await;
    expect_code(&out, 1);
    assert!(
        stderr(&out).contains("keyring is unavailable") && stderr(&out).contains("LLMCOST_KEY_OPENAI_EDUGAMI"),
        "{}",
        stderr(&out)
    );
    assert!(!env.config.exists());
    assert!(!stderr(&out).contains(KEY));

    let out = env.run(&["providers", "add", "openai", "--workspace", "edugami"]).await;
    assert_eq!(code(&out), 2, "no terminal to prompt");
    assert!(stderr(&out).contains("--key-stdin"), "{}", stderr(&out));

    let out =
        env.run_with_stdin(&["providers", "add", "openai", "--workspace", "bad name", "--key-stdin"], "k\n").await;
    expect_code(&out, 2);
    env.write_config("");
    let out = env.run(&["providers", "remove", "openai", "--workspace", "ghost"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("unknown workspace 'ghost'"), "{}", stderr(&out));
}

#[tokio::test]
async fn help_and_version_work() {
    let env = TestEnv::new();
    let out = env.run(&["--version"]).await;
    expect_code(&out, 0);
    assert!(stdout(&out).starts_with("llmcost "));
    for cmd in ["costs", "projects", "providers", "sync"] {
        let out = env.run(&[cmd, "--help"]).await;
        expect_code(&out, 0);
        assert!(stdout(&out).contains("Examples:"), "{cmd}");
    }
}

#[tokio::test]
async fn a_key_that_cannot_read_billing_is_refused_before_any_call() {
    // The base URL is a dead port: a check call would fail differently (exit 1).
    let env = TestEnv::new()
        .var("LLMCOST_OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
        .var("LLMCOST_ANTHROPIC_BASE_URL", "http://127.0.0.1:9");
    let out = env
        .run_with_stdin(
            &["providers", "add", "openai", "--workspace", "edugami", "--key-stdin"],
            "sk-proj-abc123456789\n",
        )
        .await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("project API key") && stderr(&out).contains("Admin keys"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("abc123456789"), "the key is not echoed: {}", stderr(&out));
    let out = env
        .run_with_stdin(
            &["providers", "add", "anthropic", "--workspace", "edugami", "--key-stdin"],
            "sk-ant-api03-xyz987654321\n",
        )
        .await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("workspace API key"), "{}", stderr(&out));
    assert!(!env.config.exists() || !std::fs::read_to_string(&env.config).unwrap().contains("edugami"));
}
