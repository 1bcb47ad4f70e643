//! Model names from what Cost Explorer says: a Marketplace SERVICE names the model
//! (`Claude Sonnet 4.5 (Amazon Bedrock Edition)`); first-party models are named by the usage
//! type (`USE1-Nova-Lite-input-tokens` is Nova Lite).

const MARKETPLACE: &str = " (Amazon Bedrock Edition)";

/// Where the model part of a first-party usage type ends.
const KIND_MARKERS: [&str; 9] =
    ["-input", "-output", "-cache", "-batch", "-image", "-images", "-provisioned", "-model-units", "-customization"];

/// The model a line item belongs to.
pub(crate) fn name(service: &str, usage_type: &str) -> String {
    if let Some(model) = service.strip_suffix(MARKETPLACE) {
        return model.trim().to_string();
    }
    // `USE1-Nova-Lite-input-tokens`: a region code, the model, what was used.
    let rest = match usage_type.split_once('-') {
        Some((region, rest)) if is_region_code(region) => rest,
        _ => usage_type,
    };
    let lower = rest.to_ascii_lowercase();
    let end = KIND_MARKERS.iter().filter_map(|m| lower.find(m)).min().unwrap_or(rest.len());
    let model = rest[..end].replace('-', " ");
    if model.trim().is_empty() { usage_type.to_string() } else { model.trim().to_string() }
}

/// `USE1`, `EUC1`, `APN1`, `USW2`: letters then a digit.
fn is_region_code(s: &str) -> bool {
    (3..=5).contains(&s.len())
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars().last().is_some_and(|c| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::name;

    #[test]
    fn models_are_named_cleanly() {
        for (service, usage, model) in [
            ("Claude Sonnet 4.5 (Amazon Bedrock Edition)", "USE1-MP:USE1_InputTokenCount-Units", "Claude Sonnet 4.5"),
            ("Claude 3 Haiku (Amazon Bedrock Edition)", "USW2-MP:USW2_output_tokens_standard-Units", "Claude 3 Haiku"),
            ("Amazon Bedrock", "USE1-Nova-Lite-input-tokens", "Nova Lite"),
            ("Amazon Bedrock", "USE1-Nova-Pro-cache-read-input-token-count", "Nova Pro"),
            ("Amazon Bedrock", "USW2-Llama3-3-70B-output-tokens", "Llama3 3 70B"),
            ("Amazon Bedrock", "EUC1-TitanEmbeddingsG1-Text-input-tokens", "TitanEmbeddingsG1 Text"),
            ("Amazon Bedrock", "weird", "weird"),
        ] {
            assert_eq!(name(service, usage), model, "{service} / {usage}");
        }
    }
}
