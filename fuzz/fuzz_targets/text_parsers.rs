//! Any text into the money, day and sanitiser functions: an error is fine, a panic is a bug, and
//! sanitised text never holds a control character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use llmcost::sanitize;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = llmcost::domain::money::parse_decimal(text);
        let _ = llmcost::domain::Money::parse_cents(text);
        let _ = llmcost::domain::day::parse_utc_day(text);
        assert!(!sanitize::terminal(text).chars().any(char::is_control));
        assert!(!sanitize::markdown(text).chars().any(|c| c.is_control() || c == '<'));
        assert!(!sanitize::rendered(text, false).chars().any(|c| c.is_control() && c != '\n'));
    }
});
