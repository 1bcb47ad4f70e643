//! Provider text is untrusted: any member of an organization can name a project, and a proxy can
//! answer anything. Every text from a provider or the cache passes through here before it reaches
//! a terminal or a Markdown file. JSON and CSV keep the exact text (CSV keeps its formula guard).

use std::borrow::Cow;

/// Characters that are invisible or reorder text: bidi controls and zero-width characters. Shown
/// escaped so a name cannot hide, reverse or disguise what is printed next to it.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}')
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// Text safe for a terminal: C0 and C1 controls (ESC, so every CSI and OSC sequence; `\r`, `\n`,
/// tabs, BEL, DEL), bidi overrides and zero-width characters shown visibly escaped (`\x1b`,
/// `\u{202e}`). A backslash stays a backslash. Text that needs nothing is returned as it is.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            let n = c as u32;
            if n < 0x100 {
                out.push_str(&format!("\\x{n:02x}"));
            } else {
                out.push_str(&format!("\\u{{{n:x}}}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text safe for one Markdown table cell or heading, in GitHub's renderer too: terminal-safe,
/// and no HTML, images, links, emphasis, code spans, table breaks or `@mentions` made from it.
pub fn markdown(text: &str) -> String {
    let safe = terminal(text);
    let mut out = String::with_capacity(safe.len() + 8);
    for c in safe.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // `@name` would notify a user or team in a PR comment.
            '@' => out.push_str("&#64;"),
            // `[` and `]` make links and images (`![x](url)`); the rest format or break the table.
            '\\' | '|' | '[' | ']' | '`' | '*' | '_' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A whole rendered text for a terminal, as a last guard: every control character escaped but
/// newlines and, when `keep_sgr`, llmcost's own colour sequences (`ESC [ digits;... m`).
pub fn rendered(text: &str, keep_sgr: bool) -> Cow<'_, str> {
    let bad = |c: char| needs_escape(c) && c != '\n';
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' && keep_sgr {
            let len = sgr_len(rest);
            if len > 0 {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if bad(c) {
            out.push_str(&terminal(&rest[..c.len_utf8()]));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// The length of a Select Graphic Rendition sequence at the start of `s` that llmcost's own
/// renderers write (reset, bold, dim, colours), or 0. Any other rendition (concealed text that
/// hides what follows, blinking, reversed) is escaped: a provider's name could carry one into a
/// CSV cell or a metric label on a terminal.
fn sgr_len(s: &str) -> usize {
    let b = s.as_bytes();
    if b.len() < 3 || b[0] != 0x1b || b[1] != b'[' {
        return 0;
    }
    for (i, &c) in b.iter().enumerate().skip(2).take(32) {
        match c {
            b'0'..=b'9' | b';' => {}
            b'm' => return if own_rendition(&s[2..i]) { i + 1 } else { 0 },
            _ => return 0,
        }
    }
    0
}

/// Whether SGR parameters are ones llmcost's tables and colours use.
fn own_rendition(params: &str) -> bool {
    let numbers: Vec<Option<u16>> =
        params.split(';').map(|p| if p.is_empty() { Some(0) } else { p.parse().ok() }).collect();
    let mut i = 0;
    while i < numbers.len() {
        match numbers[i] {
            Some(0 | 1 | 2 | 22 | 39 | 49 | 30..=37 | 40..=47 | 90..=97 | 100..=107) => i += 1,
            // 256-colour and true-colour foreground or background.
            Some(38 | 48) => match numbers.get(i + 1) {
                Some(Some(5)) if numbers.get(i + 2).is_some_and(Option::is_some) => i += 3,
                Some(Some(2)) if numbers.get(i + 2..i + 5).is_some_and(|rgb| rgb.iter().all(Option::is_some)) => i += 5,
                _ => return false,
            },
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_run() {
        assert_eq!(terminal("proj\u{1b}]0;pwned\u{7}"), "proj\\x1b]0;pwned\\x07");
        assert_eq!(terminal("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(terminal("x\rcost"), "x\\x0dcost");
        assert_eq!(terminal("\u{1b}]52;c;ZWNobyBwd25lZA==\u{1b}\\"), "\\x1b]52;c;ZWNobyBwd25lZA==\\x1b\\");
        assert_eq!(terminal("C1 \u{9b}31m"), "C1 \\x9b31m");
        assert_eq!(terminal("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(terminal("zero\u{200b}width"), "zero\\u{200b}width");
        assert_eq!(terminal("Essay grader – v2 € 😀"), "Essay grader – v2 € 😀");
        assert!(matches!(terminal("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_cells_cannot_inject() {
        assert_eq!(markdown("![x](https://evil/p.png)"), "!\\[x\\](https://evil/p.png)");
        assert_eq!(markdown("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
        assert_eq!(markdown("ping @org/admins"), "ping &#64;org/admins");
        assert_eq!(markdown("a|b\nc"), "a\\|b\\\\x0ac");
        assert_eq!(markdown("**bold** `code`"), "\\*\\*bold\\*\\* \\`code\\`");
    }

    #[test]
    fn rendered_text_keeps_newlines_and_own_colours_only() {
        assert_eq!(rendered("a\nb", false), "a\nb");
        assert_eq!(rendered("\u{1b}[1;36mCost\u{1b}[0m", true), "\u{1b}[1;36mCost\u{1b}[0m");
        assert_eq!(rendered("\u{1b}[1;36mCost\u{1b}[0m", false), "\\x1b[1;36mCost\\x1b[0m");
        assert_eq!(rendered("\u{1b}]0;t\u{7}\u{1b}[2J", true), "\\x1b]0;t\\x07\\x1b[2J");
        // Concealed, blinking or reversed text is not something llmcost writes.
        assert_eq!(rendered("evil\u{1b}[8mhidden", true), "evil\\x1b[8mhidden");
        assert_eq!(rendered("\u{1b}[1;5m!", true), "\\x1b[1;5m!");
        assert_eq!(rendered("\u{1b}[38;5;10mok\u{1b}[39m", true), "\u{1b}[38;5;10mok\u{1b}[39m");
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #[test]
            fn no_control_character_survives(text in "\\PC{0,20}[\\x00-\\x1f\\x7f-\\x9f\\u{202a}-\\u{202e}]{1,5}\\PC{0,20}") {
                prop_assert!(!terminal(&text).chars().any(needs_escape));
                prop_assert!(!markdown(&text).chars().any(|c| needs_escape(c) || c == '<' || c == '@'));
                prop_assert!(!rendered(&text, false).chars().any(|c| needs_escape(c) && c != '\n'));
            }

            #[test]
            fn safe_text_is_unchanged(text in "[a-zA-Z0-9 .,:/–€-]{0,40}") {
                let safe = terminal(&text).into_owned();
                prop_assert_eq!(safe, text);
            }
        }
    }
}
