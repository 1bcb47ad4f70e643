//! A temporary home for one test: config, cache, pinned clock, keyring disabled.

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;

pub(crate) const NOW: &str = "2026-11-22T10:00:00Z";

pub(crate) struct TestEnv {
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
    pub db: PathBuf,
    vars: Vec<(String, String)>,
}

impl TestEnv {
    pub(crate) fn new() -> TestEnv {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        let db = dir.path().join("cache.sqlite");
        // --config names this file: an explicit config that does not exist is an error.
        std::fs::write(&config, "").unwrap();
        // Short backoffs: the suite tests that retries happen, not how long the default waits.
        let vars = vec![
            ("LLMCOST_NOW".into(), NOW.into()),
            ("LLMCOST_RETRY_BASE_MS".into(), "20".into()),
            // Never the real ECB: a test that needs rates serves them.
            ("LLMCOST_FX_URL".into(), "http://127.0.0.1:9/ecb.xml".into()),
        ];
        TestEnv { dir, config, db, vars }
    }

    pub(crate) fn var(mut self, key: &str, value: &str) -> TestEnv {
        self.vars.retain(|(k, _)| k != key);
        self.vars.push((key.into(), value.into()));
        self
    }

    /// One workspace whose key is in the environment, served by `base_url`.
    pub(crate) fn openai(self, workspace: &str, key: &str, base_url: &str) -> TestEnv {
        let var = format!("LLMCOST_KEY_OPENAI_{}", workspace.to_uppercase());
        self.var(&var, key).var("LLMCOST_OPENAI_BASE_URL", base_url)
    }

    pub(crate) fn write_config(&self, text: &str) {
        std::fs::write(&self.config, text).unwrap();
    }

    pub(crate) fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same environment on a plain `std::process::Command` (for streaming its output).
    pub(crate) fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_llmcost"));
        for (k, _) in std::env::vars() {
            if k.starts_with("LLMCOST_") || k.starts_with("XDG_") {
                cmd.env_remove(k);
            }
        }
        cmd.env_remove("RUST_BACKTRACE")
            .env_remove("AZURE_CLIENT_SECRET")
            .env_remove("AZURE_AUTHORITY_HOST")
            // Never a developer's real Azure login.
            .env("LLMCOST_NO_AZ_CLI", "1")
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg-config"))
            .env("XDG_CACHE_HOME", self.dir.path().join("xdg-cache"))
            .env("LLMCOST_NO_KEYRING", "1")
            .env("LLMCOST_CONFIG", &self.config)
            .env("LLMCOST_DB", &self.db);
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd
    }

    /// Runs llmcost off the async test thread, so the fake server keeps answering.
    pub(crate) async fn run(&self, args: &[&str]) -> Output {
        let mut cmd = self.cmd();
        cmd.args(args);
        tokio::task::spawn_blocking(move || cmd.output().unwrap()).await.unwrap()
    }

    pub(crate) async fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Output {
        let mut cmd = self.cmd();
        cmd.args(args).write_stdin(stdin.to_string());
        tokio::task::spawn_blocking(move || cmd.output().unwrap()).await.unwrap()
    }
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub(crate) fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Asserts the exit code; a mismatch shows the command's stdout and stderr, at the caller's line.
#[track_caller]
pub(crate) fn expect_code(o: &Output, expected: i32) {
    let actual = code(o);
    assert!(
        actual == expected,
        "exit code {actual}, expected {expected}\n--- stdout\n{}\n--- stderr\n{}",
        stdout(o),
        stderr(o)
    );
}

#[track_caller]
pub(crate) fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(o), stderr(o)))
}

/// For the SDK scripts in `tests/sdk/`: writes a fake's URL to `$LLMCOST_FAKE_URL_FILE`, then
/// keeps it serving for `$LLMCOST_FAKE_SECONDS` seconds (default 60).
pub(crate) async fn serve_for_sdk(uri: &str) {
    let file = std::env::var("LLMCOST_FAKE_URL_FILE").expect("LLMCOST_FAKE_URL_FILE");
    std::fs::write(file, uri).unwrap();
    let secs: u64 = std::env::var("LLMCOST_FAKE_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    tokio::time::sleep(std::time::Duration::from_secs(secs)).await;
}
