//! Google Cloud SKU descriptions to a model and a line item: "Gemini 2.5 Flash Input Tokens"
//! is model "Gemini 2.5 Flash", line item "input tokens". The model is the words before the
//! first word that describes the usage; a SKU with no such word stays whole.

/// Words that start the usage part of a SKU description.
const USAGE_WORDS: [&str; 16] = [
    "input",
    "output",
    "cached",
    "caching",
    "cache",
    "thinking",
    "text",
    "image",
    "audio",
    "video",
    "batch",
    "predictions",
    "prediction",
    "characters",
    "tokens",
    "grounding",
];

/// `(model, line item)`.
pub(crate) fn parse(sku: &str) -> (String, String) {
    let words: Vec<&str> = sku.split_whitespace().collect();
    let first_usage = words.iter().position(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        USAGE_WORDS.contains(&w.as_str())
    });
    match first_usage {
        Some(i) if i > 0 => {
            let model = words[..i].join(" ").trim_end_matches([' ', '-', ':']).to_string();
            let item = words[i..].join(" ").to_lowercase();
            (model, item)
        }
        _ => (sku.trim().to_string(), sku.trim().to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn gemini_and_vertex_skus_name_their_model() {
        let p = |s: &str| parse(s);
        assert_eq!(p("Gemini 2.5 Flash Input Tokens"), ("Gemini 2.5 Flash".into(), "input tokens".into()));
        assert_eq!(p("Gemini 2.5 Pro Output Tokens"), ("Gemini 2.5 Pro".into(), "output tokens".into()));
        assert_eq!(
            p("Gemini 2.5 Flash Cached Input Tokens"),
            ("Gemini 2.5 Flash".into(), "cached input tokens".into())
        );
        assert_eq!(
            p("Gemini 2.0 Flash Lite Text Input - Predictions"),
            ("Gemini 2.0 Flash Lite".into(), "text input - predictions".into())
        );
        assert_eq!(
            p("Claude Sonnet 4.5 Batch Output Tokens"),
            ("Claude Sonnet 4.5".into(), "batch output tokens".into())
        );
        assert_eq!(p("Tokens"), ("Tokens".into(), "tokens".into()));
        assert_eq!(
            p("Vertex AI Search: Enterprise Edition"),
            ("Vertex AI Search: Enterprise Edition".into(), "vertex ai search: enterprise edition".into())
        );
    }
}
