//! Azure meter names to a model and a line item. Azure's meters follow no single style
//! (`gpt 4o 0513 Input global Tokens`, `gpt-4o-mini-0718-Inp-glbl Tokens`, `R1 Outp glbl Tokens`):
//! the words that describe the meter (direction, deployment type, batch, caching, unit) are
//! taken out wherever they are, and what is left is the model.

/// What a meter word says about the line item.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    Input,
    Output,
    Cached,
    Batch,
    Deployment(&'static str),
    /// A unit (`Tokens`, `1M`): dropped.
    Unit,
}

fn word(token: &str) -> Option<Word> {
    Some(match token.to_ascii_lowercase().as_str() {
        "input" | "inp" | "in" | "prompt" => Word::Input,
        "output" | "outp" | "out" | "opt" | "completion" => Word::Output,
        "cached" | "cchd" | "cache" | "cd" => Word::Cached,
        "batch" | "btch" => Word::Batch,
        "glbl" | "global" | "gl" => Word::Deployment("global"),
        "regnl" | "regional" | "rgnl" | "regn" => Word::Deployment("regional"),
        "dzone" | "datazone" | "dz" | "data-zone" => Word::Deployment("data zone"),
        "tokens" | "token" | "tkns" | "tok" | "1m" | "1k" | "units" => Word::Unit,
        _ => return None,
    })
}

/// Models Azure sells under a bare name, with the maker's name they are known by.
fn known_name(model: &str) -> Option<&'static str> {
    Some(match model {
        "r1" => "DeepSeek R1",
        "v3" => "DeepSeek V3",
        _ => return None,
    })
}

/// `(model, line item)`; the raw meter for both when no meter word is found (a meter that is not
/// per-token, such as a fine-tuning hosting hour, stays as Azure names it).
pub(crate) fn parse(meter: &str) -> (String, String) {
    let tokens: Vec<&str> = meter.split([' ', '-', '_']).filter(|t| !t.is_empty()).collect();
    let mut model: Vec<String> = Vec::new();
    let (mut direction, mut cached, mut batch, mut deployment) = (None, false, false, None);
    let mut described = false;
    for token in &tokens {
        match word(token) {
            Some(Word::Input) if direction.is_none() => direction = Some("input"),
            Some(Word::Output) if direction.is_none() => direction = Some("output"),
            Some(Word::Cached) => cached = true,
            Some(Word::Batch) => batch = true,
            Some(Word::Deployment(d)) => deployment = Some(d),
            Some(Word::Unit) => {}
            Some(_) => {}
            None => {
                model.push(token.to_ascii_lowercase());
                continue;
            }
        }
        described = true;
    }
    if !described || model.is_empty() || direction.is_none() && !cached {
        return (meter.trim().to_string(), meter.trim().to_string());
    }
    let joined = model.join("-");
    let model = known_name(&joined).map(str::to_string).unwrap_or(joined);
    let mut item = String::new();
    if cached {
        item.push_str("cached ");
    }
    item.push_str(direction.unwrap_or("input"));
    let notes: Vec<&str> = deployment.into_iter().chain(batch.then_some("batch")).collect();
    if !notes.is_empty() {
        item.push_str(&format!(" ({})", notes.join(", ")));
    }
    (model, item)
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn p(meter: &str) -> (String, String) {
        parse(meter)
    }

    #[test]
    fn every_meter_style_gives_the_same_model_and_item() {
        assert_eq!(p("gpt 4o 0513 Input global Tokens"), ("gpt-4o-0513".into(), "input (global)".into()));
        assert_eq!(p("gpt-4o-mini-0718-Inp-glbl Tokens"), ("gpt-4o-mini-0718".into(), "input (global)".into()));
        assert_eq!(p("gpt-4o-mini-0718-Outp-glbl Tokens"), ("gpt-4o-mini-0718".into(), "output (global)".into()));
        assert_eq!(p("R1 Outp glbl Tokens"), ("DeepSeek R1".into(), "output (global)".into()));
        assert_eq!(p("gpt-4o-0806-cached-Inp-regnl Tokens"), ("gpt-4o-0806".into(), "cached input (regional)".into()));
        assert_eq!(p("gpt 4.1 Batch Inp Dzone Tokens"), ("gpt-4.1".into(), "input (data zone, batch)".into()));
        assert_eq!(p("gpt-5 cchd Inp glbl Tokens"), ("gpt-5".into(), "cached input (global)".into()));
    }

    #[test]
    fn families_stay_apart_and_no_meter_word_is_left_in_a_model() {
        let models: Vec<String> =
            ["gpt-4o-0513-Inp-glbl Tokens", "gpt-4o-mini-0718-Inp-glbl Tokens", "gpt-5-Inp-glbl Tokens"]
                .iter()
                .map(|m| p(m).0)
                .collect();
        assert_eq!(models, ["gpt-4o-0513", "gpt-4o-mini-0718", "gpt-5"]);
        for m in models {
            for w in ["inp", "outp", "glbl", "tokens"] {
                assert!(!m.split('-').any(|t| t == w), "{m}");
            }
        }
    }

    #[test]
    fn a_meter_that_is_not_per_token_is_kept_as_azure_names_it() {
        assert_eq!(
            p("Standard S0 Hosting Hours"),
            ("Standard S0 Hosting Hours".into(), "Standard S0 Hosting Hours".into())
        );
        assert_eq!(p(""), (String::new(), String::new()));
        assert_eq!(p("Tokens"), ("Tokens".into(), "Tokens".into()));
    }
}
