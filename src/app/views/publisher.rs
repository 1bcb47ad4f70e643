//! Who published a model, from its name as the bill spells it: a cloud or a router sells other
//! companies' models (Bedrock's "Claude Sonnet 4.5" is provided by AWS and published by
//! Anthropic; OpenRouter's `meta-llama/llama-4-maverick` by Meta). FOCUS calls this the
//! publisher. A line that is not a model (web search calls, storage) is the provider's own.

/// Prefixes of model names (lower case, after any `vendor/` part), and their publisher.
const BY_PREFIX: [(&str, &str); 27] = [
    ("claude", "Anthropic"),
    ("gpt", "OpenAI"),
    ("o1", "OpenAI"),
    ("o3", "OpenAI"),
    ("o4", "OpenAI"),
    ("chatgpt", "OpenAI"),
    ("dall-e", "OpenAI"),
    ("whisper", "OpenAI"),
    ("tts-", "OpenAI"),
    ("text-embedding", "OpenAI"),
    ("davinci", "OpenAI"),
    ("gemini", "Google"),
    ("gemma", "Google"),
    ("imagen", "Google"),
    ("veo", "Google"),
    ("llama", "Meta"),
    ("meta-llama", "Meta"),
    ("mistral", "Mistral AI"),
    ("mixtral", "Mistral AI"),
    ("codestral", "Mistral AI"),
    ("grok", "xAI"),
    ("deepseek", "DeepSeek"),
    ("qwen", "Alibaba Cloud"),
    ("nova", "Amazon"),
    ("titan", "Amazon"),
    ("command", "Cohere"),
    ("jamba", "AI21 Labs"),
];

/// OpenRouter's (and Bedrock's `anthropic.claude-...`) vendor part, and its publisher.
const BY_VENDOR: [(&str, &str); 11] = [
    ("anthropic", "Anthropic"),
    ("openai", "OpenAI"),
    ("google", "Google"),
    ("meta-llama", "Meta"),
    ("meta", "Meta"),
    ("mistralai", "Mistral AI"),
    ("x-ai", "xAI"),
    ("deepseek", "DeepSeek"),
    ("qwen", "Alibaba Cloud"),
    ("amazon", "Amazon"),
    ("cohere", "Cohere"),
];

/// The publisher of `model`, when its name says; `None` for anything else (the provider's own).
pub(crate) fn of_model(model: &str) -> Option<&'static str> {
    let lower = model.trim().to_ascii_lowercase();
    // `vendor/model` (OpenRouter) or `vendor.model` (Bedrock's model ids).
    for separator in ['/', '.'] {
        if let Some((vendor, _)) = lower.split_once(separator)
            && let Some((_, publisher)) = BY_VENDOR.iter().find(|(v, _)| *v == vendor)
        {
            return Some(publisher);
        }
    }
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    BY_PREFIX.iter().find(|(prefix, _)| name.starts_with(prefix)).map(|(_, publisher)| *publisher)
}

#[cfg(test)]
mod tests {
    use super::of_model;

    #[test]
    fn the_bill_names_the_publisher() {
        for (model, publisher) in [
            ("Claude Sonnet 4.5", Some("Anthropic")),
            ("anthropic.claude-3-5-sonnet-20240620-v1:0", Some("Anthropic")),
            ("Nova Lite", Some("Amazon")),
            ("Gemini 2.5 Pro", Some("Google")),
            ("gpt-4.1-2025-04-14", Some("OpenAI")),
            ("DeepSeek R1", Some("DeepSeek")),
            ("meta-llama/llama-4-maverick", Some("Meta")),
            ("google/gemini-2.5-flash", Some("Google")),
            ("deepseek/deepseek-chat-v3.1", Some("DeepSeek")),
            ("grok-code-fast-1", Some("xAI")),
            ("o4-mini-2025-04-16", Some("OpenAI")),
            ("web search tool calls", None),
            ("Vector storage", None),
            ("openrouter/auto", None),
        ] {
            assert_eq!(of_model(model), publisher, "{model}");
        }
    }
}
