//! A price entry's `match` rule, as genai-prices writes it: `equals`, `starts_with`,
//! `ends_with`, `contains`, `regex`, and `or`/`and` lists of rules.

use serde_json::Value;

#[derive(Clone, Debug)]
pub(crate) enum Matcher {
    Equals(String),
    StartsWith(String),
    EndsWith(String),
    Contains(String),
    Regex(regex_lite::Regex),
    Or(Vec<Matcher>),
    And(Vec<Matcher>),
}

impl Matcher {
    /// Reads a rule; an unknown kind or a bad regex is an error naming it.
    pub(crate) fn from_json(value: &Value) -> Result<Matcher, String> {
        let Value::Object(map) = value else { return Err(format!("a match rule is not an object: {value}")) };
        let [(kind, arg)] = map.iter().collect::<Vec<_>>()[..] else {
            return Err("a match rule has more than one kind".into());
        };
        let text = || arg.as_str().map(str::to_string).ok_or_else(|| format!("match.{kind} is not a string"));
        let list = || -> Result<Vec<Matcher>, String> {
            arg.as_array()
                .ok_or_else(|| format!("match.{kind} is not a list"))?
                .iter()
                .map(Matcher::from_json)
                .collect()
        };
        Ok(match kind.as_str() {
            "equals" => Matcher::Equals(text()?),
            "starts_with" => Matcher::StartsWith(text()?),
            "ends_with" => Matcher::EndsWith(text()?),
            "contains" => Matcher::Contains(text()?),
            "regex" => Matcher::Regex(regex_lite::Regex::new(&text()?).map_err(|e| format!("match.regex: {e}"))?),
            "or" => Matcher::Or(list()?),
            "and" => Matcher::And(list()?),
            other => return Err(format!("unknown match rule {other:?}")),
        })
    }

    pub(crate) fn matches(&self, name: &str) -> bool {
        match self {
            Matcher::Equals(s) => name == s,
            Matcher::StartsWith(s) => name.starts_with(s.as_str()),
            Matcher::EndsWith(s) => name.ends_with(s.as_str()),
            Matcher::Contains(s) => name.contains(s.as_str()),
            Matcher::Regex(r) => r.is_match(name),
            Matcher::Or(list) => list.iter().any(|m| m.matches(name)),
            Matcher::And(list) => list.iter().all(|m| m.matches(name)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_rule() {
        let m = Matcher::from_json(&serde_json::json!({"or": [
            {"starts_with": "claude-sonnet-4-5"},
            {"and": [{"contains": "opus"}, {"ends_with": "-v1"}]},
            {"regex": "^grok-4\\.3-\\d{8}$"},
            {"equals": "x"}
        ]}))
        .unwrap();
        assert!(m.matches("claude-sonnet-4-5-20250929"));
        assert!(m.matches("anthropic.claude-opus-v1"));
        assert!(m.matches("grok-4.3-20260101") && !m.matches("grok-4.3-beta"));
        assert!(m.matches("x") && !m.matches("xy"));
        assert!(Matcher::from_json(&serde_json::json!({"glob": "x"})).is_err());
        assert!(Matcher::from_json(&serde_json::json!({"regex": "("})).is_err());
    }
}
