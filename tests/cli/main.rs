//! End-to-end tests: the real binary against fake providers on 127.0.0.1, with a temporary
//! config and cache, keys from the environment, and the OS keyring never touched.

// A benchmark or a test stops at its first surprise: unwrapping is how it says so. Its casts are
// of small figures it chose itself.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a failed unwrap is a failed test or benchmark")]
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    reason = "casts of small figures the test chose itself"
)]
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::too_many_lines,
    reason = "tests and benchmarks report to the test harness, and a scenario reads best in one piece"
)]

mod aws;
mod azure;
mod balances;
mod brake;
mod budgets;
mod claude_code;
mod client;
mod costs;
mod currency;
mod cursor;
mod docs;
mod errors;
mod fake_anthropic;
mod fake_aws;
mod fake_azure;
mod fake_claude_code;
mod fake_cursor;
mod fake_gcp;
mod fake_github;
mod fake_levers;
mod fake_live;
mod fake_openai;
mod fake_openrouter;
mod fake_xai;
mod fireworks;
mod gateway;
mod gcp;
mod github;
mod hostile;
mod import;
mod layers;
mod live;
mod multi;
mod notify;
mod one_answer;
mod otlp;
mod partitions;
mod providers;
mod real_responses;
mod reliability;
mod remote;
mod report;
mod savings;
mod serve;
mod ship;
mod teams;
mod test_env;
mod tui;
mod who;
mod xai;
