//! Any bytes into the Claude Code analytics parser: an error is fine, a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = llmcost::providers::claude_code::parse_page("2025-08-08", text);
    }
});
