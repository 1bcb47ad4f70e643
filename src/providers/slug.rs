//! The provider's own name for an account, where its paths carry one (a GitHub organization, a
//! Fireworks account): a workspace setting names it, else the workspace's name does.

/// `setting`, else the workspace's name with `_` read as `-`: such names have no `_`, and a
/// workspace named from a key variable (`LLMCOST_KEY_GITHUB_ACME_LABS`) has one where they
/// have `-`.
pub(crate) fn account_name(setting: Option<String>, http: &super::http::Http) -> String {
    setting.unwrap_or_else(|| http.account().workspace.replace('_', "-"))
}

/// Whether `name` is such a name: 1 to `max` letters, digits and `-`.
pub(crate) fn valid(name: &str, max: usize) -> bool {
    !name.is_empty() && name.len() <= max && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
