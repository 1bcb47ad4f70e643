//! What a shipped CLI promises: generated files in sync, help, quiet pipes, diagnostics that
//! never show a key, doctor and cache commands.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use crate::fake_openai::{FakeOpenAi, sample_org};
use crate::test_env::{TestEnv, code, expect_code, stderr, stdout};

const KEY: &str = "sk-admin-test-edugami-0000aaaa";

/// `completions/` and `man/` are generated from the clap definition. Regenerate them with
/// `LLMCOST_REGENERATE=1 cargo test --test cli generated_files`.
#[test]
fn generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("LLMCOST_REGENERATE").is_some() {
        for dir in ["completions", "man"] {
            let _ = std::fs::remove_dir_all(root.join(dir));
        }
        llmcost::cli::generate::write_all(root).unwrap();
    }
    let fresh = tempfile::tempdir().unwrap();
    llmcost::cli::generate::write_all(fresh.path()).unwrap();
    for dir in ["completions", "man"] {
        let mut expected: Vec<_> =
            std::fs::read_dir(fresh.path().join(dir)).unwrap().map(|e| e.unwrap().file_name()).collect();
        let mut committed: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|_| {
                panic!("{dir}/ is missing: run LLMCOST_REGENERATE=1 cargo test --test cli generated_files")
            })
            .map(|e| e.unwrap().file_name())
            .collect();
        expected.sort();
        committed.sort();
        assert_eq!(
            committed, expected,
            "{dir}/ files differ: run LLMCOST_REGENERATE=1 cargo test --test cli generated_files"
        );
        for name in expected {
            let a = std::fs::read(fresh.path().join(dir).join(&name)).unwrap();
            let b = std::fs::read(root.join(dir).join(&name)).unwrap();
            assert!(
                a == b,
                "{dir}/{} is stale: run LLMCOST_REGENERATE=1 cargo test --test cli generated_files",
                name.to_string_lossy()
            );
        }
    }
    assert!(root.join("completions/_llmcost").exists() && root.join("man/llmcost-costs.1").exists());
}

#[tokio::test]
async fn cheap_commands_work_even_with_a_broken_config() {
    let env = TestEnv::new();
    env.write_config("this is not toml [");
    for args in [vec!["completions", "bash"], vec!["man"], vec!["--version"], vec!["costs", "--help"]] {
        let out = env.run(&args).await;
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        assert!(!stdout(&out).is_empty());
    }
    assert!(!env.db.exists(), "no cache was created");
    let zsh = env.run(&["completions", "zsh"]).await;
    assert!(stdout(&zsh).starts_with("#compdef llmcost"));
}

#[tokio::test]
async fn every_command_has_help_with_examples() {
    let env = TestEnv::new();
    for cmd in
        ["costs", "projects", "report", "budgets", "tui", "sync", "providers", "doctor", "cache", "completions", "man"]
    {
        let out = env.run(&[cmd, "--help"]).await;
        assert_eq!(code(&out), 0, "{cmd}");
        assert!(stdout(&out).contains("Examples:"), "{cmd} --help has examples:\n{}", stdout(&out));
    }
    let top = stdout(&env.run(&["--help"]).await);
    assert!(top.contains("Exit codes") && top.contains("UTC"), "{top}");
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let env = TestEnv::new();
    let mut cmd = env.std_cmd();
    cmd.args(["--demo", "costs", "--last", "400", "--by", "day,project,model"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take()); // like `| head -c 64`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[tokio::test]
async fn verbose_diagnostics_show_requests_but_never_the_key() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let out = env.run(&["-vv", "costs", "--month"]).await;
    expect_code(&out, 0);
    let err = stderr(&out);
    assert!(err.contains("GET http://") && err.contains("/organization/costs?start_time="), "{err}");
    assert!(err.contains("key for openai/edugami from LLMCOST_KEY_OPENAI_EDUGAMI: sk-admin-...aaaa"), "{err}");
    assert!(!err.contains(KEY) && !stdout(&out).contains(KEY), "the key leaked");
    let quiet = env.run(&["costs", "--month"]).await;
    assert!(stderr(&quiet).is_empty(), "without -v, stderr stays quiet: {}", stderr(&quiet));
}

#[tokio::test]
async fn color_is_off_when_piped_unless_asked() {
    let env = TestEnv::new();
    let plain = stdout(&env.run(&["--demo", "costs", "--today"]).await);
    assert!(!plain.contains('\u{1b}'), "no escape codes in a pipe");
    let forced = stdout(&env.run(&["--demo", "--color", "always", "costs", "--today"]).await);
    assert!(forced.contains("\u{1b}["), "--color always colours");
    let never = TestEnv::new().var("NO_COLOR", "1");
    assert!(!stdout(&never.run(&["--demo", "costs", "--today"]).await).contains('\u{1b}'));
}

#[tokio::test]
async fn doctor_names_each_problem_and_its_fix() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new()
        .var("LLMCOST_OPENAI_BASE_URL", &fake.base_url())
        .var("LLMCOST_KEY_OPENAI_EDUGAMI", KEY)
        .var("LLMCOST_KEY_OPENAI_REVOKED", "sk-admin-revoked-0000-1111");
    env.write_config("[workspaces.openai.memoways]\n");
    let out = env.run(&["doctor"]).await;
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let text = stdout(&out);
    for needle in [
        "✓ ",
        "config.toml: valid, 1 workspace(s)",
        "disabled by LLMCOST_NO_KEYRING",
        "✓ openai/edugami: key sk-admin-...aaaa from environment (LLMCOST_KEY_OPENAI_EDUGAMI): accepted",
        "✗ openai/memoways: no key",
        "fix: llmcost providers add openai --workspace memoways (or set LLMCOST_KEY_OPENAI_MEMOWAYS)",
        "✗ openai/revoked: GET /organization/projects: invalid key",
        "not created yet",
        "2 problem(s) found.",
    ] {
        assert!(text.contains(needle), "{needle} in\n{text}");
    }
    assert!(!text.contains(KEY));

    env.write_config("[workspaces.openai.edugami\n");
    let out = env.run(&["doctor", "--offline"]).await;
    expect_code(&out, 1);
    assert!(stdout(&out).contains("✗ invalid config") && stdout(&out).contains("line 1"), "{}", stdout(&out));

    std::fs::write(&env.db, b"not a database at all, but a note").unwrap();
    env.write_config("");
    let out = env.run(&["doctor", "--offline"]).await;
    assert!(
        stdout(&out).contains("damaged or not an llmcost cache") && stdout(&out).contains("move"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read(&env.db).unwrap(), b"not a database at all, but a note", "never deleted");
}

#[tokio::test]
async fn cache_path_info_and_a_careful_clear() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    assert_eq!(stdout(&env.run(&["cache", "path"]).await).trim(), env.db.display().to_string());
    assert_eq!(code(&env.run(&["costs", "--month"]).await), 0);
    let info = stdout(&env.run(&["cache", "info"]).await);
    assert!(
        info.contains("Integrity  ok") && info.contains("openai/edugami: 22 day(s) 2026-11-01..2026-11-22"),
        "{info}"
    );
    let refused = env.run(&["cache", "clear"]).await;
    assert_eq!(code(&refused), 2, "no terminal to confirm on");
    assert!(stderr(&refused).contains("--yes") && env.db.exists());
    let cleared = env.run(&["cache", "clear", "--yes"]).await;
    expect_code(&cleared, 0);
    assert!(!env.db.exists());
}

/// Every command a person can run has examples in its `--help`.
#[test]
fn every_leaf_command_has_examples() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: String, missing: &mut Vec<String>) {
        let subs: Vec<&clap::Command> = cmd.get_subcommands().filter(|c| c.get_name() != "help").collect();
        let has = cmd.get_after_help().is_some_and(|h| h.to_string().contains("Examples:"));
        if !has && !cmd.is_hide_set() {
            missing.push(path.clone());
        }
        for sub in subs {
            walk(sub, format!("{path} {}", sub.get_name()), missing);
        }
    }
    let mut missing = Vec::new();
    let root = llmcost::cli::Cli::command();
    for sub in root.get_subcommands().filter(|c| c.get_name() != "help") {
        walk(sub, format!("llmcost {}", sub.get_name()), &mut missing);
    }
    assert!(missing.is_empty(), "no Examples: in --help of: {missing:?}");
}
