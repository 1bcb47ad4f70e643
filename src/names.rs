//! Names a user gives (workspaces, budgets) and what a key looks like: the rules every part
//! that reads or writes a name checks, with nothing else of the crate needed.

/// Workspace names: letters, digits, `-`, `_` and `.`, so they are safe in TOML keys and env vars.
pub fn validate_workspace_name(name: &str) -> std::result::Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    // A name is printed everywhere; a key pasted as one would be too.
    if looks_like_key(name) {
        return Err("this name looks like an API key, and names are printed everywhere: choose another".into());
    }
    if ok {
        Ok(())
    } else {
        Err(format!("'{name}' is not a valid workspace name: use 1-64 letters, digits, '-', '_' or '.'"))
    }
}

/// How keys start: the API providers' admin keys, AWS access key ids, Standard Webhooks secrets,
/// Slack, GitHub and Google tokens.
pub(crate) const KEY_PREFIXES: [&str; 10] =
    ["sk-", "xai-", "AKIA", "ASIA", "whsec_", "xoxb-", "xoxp-", "ghp_", "github_pat_", "ya29."];

/// Whether `text` is shaped like a key of a known kind.
pub(crate) fn looks_like_key(text: &str) -> bool {
    text.len() >= 20 && KEY_PREFIXES.iter().any(|p| text.starts_with(p))
}
