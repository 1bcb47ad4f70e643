//! `*` globs for team rules: `proj_edu_*` matches `proj_edu_tutor`; no other wildcard, so a
//! project named with `?` or `[` is matched literally.

/// Whether `text` matches `pattern`, where `*` stands for any run of characters (none included).
pub(crate) fn matches(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || !text[first.len()..].ends_with(last) || text.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn stars_match_any_run() {
        assert!(matches("proj_edu_t*", "proj_edu_tutor"));
        assert!(matches("proj_edu_t*", "proj_edu_t"));
        assert!(!matches("proj_edu_t*", "proj_edu_grading"));
        assert!(matches("*", ""));
        assert!(matches("gpt-*-mini*", "gpt-4.1-mini-2025-04-14"));
        assert!(!matches("gpt-*-mini", "gpt-4.1-mini-2025"));
        assert!(matches("a*a", "aa"));
        assert!(!matches("a*a", "a"));
        assert!(matches("Essay grader", "Essay grader"));
        assert!(!matches("essay grader", "Essay grader"));
    }
}
