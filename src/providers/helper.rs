//! Credential helpers (an AWS profile's `credential_process`, the Azure CLI) run with a deadline:
//! one that never returns (a hung SSO refresh, `sleep 600`) is killed and named, instead of
//! hanging the sync. Their output is read on threads so a chatty helper cannot block on a full
//! pipe, and capped.

use std::io::Read;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a helper may take unless `LLMCOST_CREDENTIAL_TIMEOUT` (seconds) says otherwise.
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// What a helper printed past this is dropped (credentials are a few KiB).
const MAX_OUTPUT: u64 = 1 << 20;

/// The deadline from the environment the app read (`LLMCOST_CREDENTIAL_TIMEOUT`, 1 to 3,600 s).
pub(crate) fn timeout(vars: &[(String, String)]) -> Duration {
    vars.iter()
        .find(|(k, _)| k == "LLMCOST_CREDENTIAL_TIMEOUT")
        .and_then(|(_, v)| v.trim().parse::<u64>().ok())
        .map_or(DEFAULT_TIMEOUT, |s| Duration::from_secs(s.clamp(1, 3600)))
}

/// Why a helper gave nothing.
#[derive(Debug)]
pub(crate) enum HelperError {
    /// It could not be started (not installed, not executable).
    Start(std::io::Error),
    /// It was still running at the deadline, and was killed.
    TimedOut(Duration),
}

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = (&mut pipe).take(MAX_OUTPUT).read_to_end(&mut out);
        // Whatever is left is read and dropped, so the helper never blocks writing it.
        let _ = std::io::copy(&mut pipe, &mut std::io::sink());
        out
    })
}

/// Runs `command` (stdin closed) and waits at most `limit`.
pub(crate) fn run(mut command: Command, limit: Duration) -> Result<Output, HelperError> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(HelperError::Start)?;
    let stdout = child.stdout.take().map(drain);
    let stderr = child.stderr.take().map(drain);
    let until = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < until => std::thread::sleep(Duration::from_millis(20)),
            Ok(None) | Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(HelperError::TimedOut(limit));
            }
        }
    };
    let collect = |h: Option<std::thread::JoinHandle<Vec<u8>>>| h.and_then(|h| h.join().ok()).unwrap_or_default();
    Ok(Output { status, stdout: collect(stdout), stderr: collect(stderr) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_helper_that_never_returns_is_killed_at_the_deadline() {
        let mut sleep = Command::new("sleep");
        sleep.arg("600");
        let started = Instant::now();
        assert!(matches!(run(sleep, Duration::from_millis(300)), Err(HelperError::TimedOut(_))));
        assert!(started.elapsed() < Duration::from_secs(5));
        let mut echo = Command::new("echo");
        echo.arg("{}");
        assert_eq!(run(echo, Duration::from_secs(5)).unwrap().stdout, b"{}\n");
    }
}
