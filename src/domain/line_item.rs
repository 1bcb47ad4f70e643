//! Which model an OpenAI cost `line_item` belongs to.
//!
//! Line items are free text: `"gpt-4o-2024-08-06, cached input"`,
//! `"batch | gpt-4o-mini-2024-07-18, input"`, `"gpt-audio-mini-2025-12-15 audio, input"`,
//! `"web search tool calls"`. An optional `"<prefix> | "` names a product or service tier;
//! the model is the first word before `", <kind>"`. An item with no `", "` is its own row,
//! so per-model rows always add up to the billed total.

/// The label used when the provider did not say which line item a cost was for.
pub(crate) const UNATTRIBUTED: &str = "(unattributed)";

/// The model (or non-model item) a line item's cost belongs to.
pub(crate) fn model_of(line_item: &str) -> &str {
    let item = line_item.trim();
    if item.is_empty() {
        return UNATTRIBUTED;
    }
    let Some((head, _kind)) = item.split_once(", ") else {
        return item;
    };
    let head = head.rsplit_once(" | ").map_or(head, |(_prefix, rest)| rest).trim();
    // `<model>[ <modality>]`: model ids never contain spaces.
    match head.split_whitespace().next() {
        Some(model) => model,
        None => item,
    }
}

#[cfg(test)]
mod tests {
    use super::model_of;

    #[test]
    fn documented_examples() {
        let cases = [
            ("gpt-4o-2024-08-06, input", "gpt-4o-2024-08-06"),
            ("gpt-5.5-2026-04-23, cached input", "gpt-5.5-2026-04-23"),
            ("gpt-4.1-2025-04-14, output", "gpt-4.1-2025-04-14"),
            ("ft-gpt-4o-2024-08-06, input", "ft-gpt-4o-2024-08-06"),
            ("evals | gpt-4o-mini-2024-07-18, input", "gpt-4o-mini-2024-07-18"),
            ("batch | gpt-4o-mini-2024-07-18, input", "gpt-4o-mini-2024-07-18"),
            ("priority | gpt-5.6-sol, output, long context", "gpt-5.6-sol"),
            ("gpt-audio-mini-2025-12-15 audio, input", "gpt-audio-mini-2025-12-15"),
            ("whisper-1, audio", "whisper-1"),
            ("assistants api | file search", "assistants api | file search"),
            ("web search tool calls", "web search tool calls"),
            ("Vector storage", "Vector storage"),
            ("", "(unattributed)"),
        ];
        for (item, model) in cases {
            assert_eq!(model_of(item), model, "{item}");
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::model_of;

        proptest! {
            #[test]
            fn the_model_is_recovered_whatever_the_prefix_and_kind(
                model in "[a-z0-9][a-z0-9.:/-]{0,30}",
                prefix in proptest::option::of("[a-z]{1,10}( [a-z]{1,8})?"),
                modality in proptest::option::of("(audio|image|text)"),
                kind in "(input|output|cached input|audio)(, long context)?",
            ) {
                let head = match modality { Some(m) => format!("{model} {m}"), None => model.clone() };
                let item = match prefix { Some(p) => format!("{p} | {head}, {kind}"), None => format!("{head}, {kind}") };
                prop_assert_eq!(model_of(&item), model.as_str());
            }

            #[test]
            fn an_item_without_a_kind_is_its_own_row(item in "[A-Za-z][A-Za-z ]{0,30}[A-Za-z]") {
                prop_assert_eq!(model_of(&item), item.as_str());
            }

            #[test]
            fn never_panics_and_never_returns_empty(item in ".{0,60}") {
                prop_assert!(!model_of(&item).is_empty());
            }
        }
    }
}
