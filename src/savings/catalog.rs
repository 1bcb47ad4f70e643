//! What llmcost knows beyond list prices: each premium model's cheaper sibling at the same
//! provider (for what-ifs), and model versions their provider has retired or scheduled for
//! retirement, with the page that says so. Ids are the price table's (genai-prices) model ids.

/// `(price list, premium model, cheaper sibling)`: same provider, same API, a smaller tier.
pub(crate) const SIBLINGS: &[(&str, &str, &str)] = &[
    ("openai", "gpt-5.5-pro", "gpt-5.5"),
    ("openai", "gpt-5.5", "gpt-5.4-mini"),
    ("openai", "gpt-5.4", "gpt-5.4-mini"),
    ("openai", "gpt-5.4-mini", "gpt-5.4-nano"),
    ("openai", "gpt-5", "gpt-5-mini"),
    ("openai", "gpt-5-mini", "gpt-5-nano"),
    ("openai", "gpt-4.1", "gpt-4.1-mini"),
    ("openai", "gpt-4.1-mini", "gpt-4.1-nano"),
    ("openai", "gpt-4o", "gpt-4o-mini"),
    ("openai", "o3", "o4-mini"),
    ("anthropic", "claude-opus-4-1", "claude-sonnet-4-5"),
    ("anthropic", "claude-opus-4-0", "claude-sonnet-4-0"),
    ("anthropic", "claude-sonnet-4-6", "claude-haiku-4-5"),
    ("anthropic", "claude-sonnet-4-5", "claude-haiku-4-5"),
    ("anthropic", "claude-sonnet-4-0", "claude-haiku-4-5"),
    ("google", "gemini-2.5-pro", "gemini-2.5-flash"),
    ("google", "gemini-2.5-flash", "gemini-2.5-flash-lite"),
    ("x-ai", "grok-4-0709", "grok-4-fast-reasoning"),
];

/// A model version its provider retires.
pub(crate) struct Retirement {
    pub list: &'static str,
    /// Model names starting with this are the retired version.
    pub prefix: &'static str,
    /// The day requests stop (or stopped) being served.
    pub retires: &'static str,
    pub replacement: &'static str,
    pub source: &'static str,
}

pub(crate) const RETIREMENTS: &[Retirement] = &[
    Retirement {
        list: "openai",
        prefix: "gpt-4.5-preview",
        retires: "2025-07-14",
        replacement: "gpt-4.1",
        source: "https://platform.openai.com/docs/deprecations",
    },
    Retirement {
        list: "openai",
        prefix: "o1-preview",
        retires: "2025-07-28",
        replacement: "o3",
        source: "https://platform.openai.com/docs/deprecations",
    },
    Retirement {
        list: "anthropic",
        prefix: "claude-3-sonnet-20240229",
        retires: "2025-07-21",
        replacement: "claude-sonnet-4-5",
        source: "https://docs.anthropic.com/en/docs/about-claude/model-deprecations",
    },
    Retirement {
        list: "anthropic",
        prefix: "claude-2",
        retires: "2025-07-21",
        replacement: "claude-sonnet-4-5",
        source: "https://docs.anthropic.com/en/docs/about-claude/model-deprecations",
    },
    Retirement {
        list: "anthropic",
        prefix: "claude-3-5-sonnet-20240620",
        retires: "2025-10-22",
        replacement: "claude-sonnet-4-5",
        source: "https://docs.anthropic.com/en/docs/about-claude/model-deprecations",
    },
    Retirement {
        list: "anthropic",
        prefix: "claude-3-5-sonnet-20241022",
        retires: "2025-10-22",
        replacement: "claude-sonnet-4-5",
        source: "https://docs.anthropic.com/en/docs/about-claude/model-deprecations",
    },
    Retirement {
        list: "anthropic",
        prefix: "claude-3-opus-20240229",
        retires: "2026-01-05",
        replacement: "claude-opus-4-1",
        source: "https://docs.anthropic.com/en/docs/about-claude/model-deprecations",
    },
];

/// The cheaper sibling of price-table model `id` in `list`.
pub(crate) fn sibling(list: &str, id: &str) -> Option<&'static str> {
    SIBLINGS.iter().find(|(l, premium, _)| *l == list && *premium == id).map(|(_, _, cheaper)| *cheaper)
}

/// The retirement that covers `model` in `list`.
pub(crate) fn retirement(list: &str, model: &str) -> Option<&'static Retirement> {
    RETIREMENTS.iter().find(|r| r.list == list && model.starts_with(r.prefix))
}
