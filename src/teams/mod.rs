//! Teams and cost centres on top of what providers know: `[[teams]]` claim spend with rules,
//! `[[shared_costs]]` split shared accounts between teams, and every part adds up exactly to the
//! bill (`allocate`). Unclaimed spend is `(unallocated)`, never hidden.

pub(crate) mod allocate;
pub(crate) mod glob;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

/// The label of spend no team claims.
pub(crate) const UNALLOCATED: &str = "(unallocated)";

/// The cost centre of a team whose `cost_center` is not set.
pub(crate) const NO_COST_CENTER: &str = "(none)";

/// The cost centre spend allocated to `team` is charged to: the team's, `(none)` when it names
/// none, `(unallocated)` for spend no team claims.
pub(crate) fn cost_center_of<'a>(teams: &'a [Team], team: &str) -> &'a str {
    if team == UNALLOCATED {
        return UNALLOCATED;
    }
    teams.iter().find(|t| t.name == team).and_then(|t| t.cost_center.as_deref()).unwrap_or(NO_COST_CENTER)
}

/// One `match` entry: a conjunction; an absent field matches anything.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub provider: Option<String>,
    pub workspace: Option<String>,
    /// A project id or name.
    pub project: Option<String>,
    pub model: Option<String>,
    pub line_item: Option<String>,
    /// An API key's id or name (`ci-*`): spend is then split by key before it is claimed.
    pub key: Option<String>,
    /// A key's owner (`ana@example.com`, `*@data.example.com`, `service account ci-runner`).
    pub person: Option<String>,
}

/// `[[teams]]` as written.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub name: String,
    pub cost_center: Option<String>,
    #[serde(rename = "match", default)]
    pub rules: Vec<Rule>,
}

/// How a shared scope is split.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Split {
    /// `split = "proportional"`: by each team's own direct spend in the period.
    Proportional(String),
    /// `split = { learning = 60, media = 40 }`.
    Weights(BTreeMap<String, Weight>),
}

/// A split weight: a number as written (`60`, `33.3`, `"1/3"` is not one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weight(pub Decimal);

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Int(i64),
            Float(f64),
            Text(String),
        }
        let text = match Written::deserialize(d)? {
            Written::Int(i) => i.to_string(),
            Written::Float(f) => f.to_string(),
            Written::Text(t) => t,
        };
        text.trim()
            .parse::<Decimal>()
            .map(Weight)
            .map_err(|_| serde::de::Error::custom(format!("weight {text:?} is not a number")))
    }
}

/// `[[shared_costs]]` as written.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedCost {
    #[serde(rename = "match")]
    pub rule: Rule,
    pub split: Split,
}

/// The row facts a rule looks at.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Line {
    pub provider: String,
    pub workspace: String,
    pub project_id: String,
    pub project_name: String,
    pub model: String,
    pub line_item: String,
    /// The API key's id and name, and its owner, when the line was split by key (else empty).
    pub key_id: String,
    pub key_name: String,
    pub person: String,
}

impl Line {
    /// What a rule looks at, in the order `Line` holds it: the grouping a line is read in.
    pub const DIMS: [crate::domain::Dim; 5] = [
        crate::domain::Dim::Provider,
        crate::domain::Dim::Workspace,
        crate::domain::Dim::Project,
        crate::domain::Dim::Model,
        crate::domain::Dim::LineItem,
    ];

    /// A line from a cached group's `provider, workspace, project, model, line_item`, with the
    /// project's name where the cache knows it (`names` by provider, workspace and id).
    pub fn from_key(values: [String; 5], names: &std::collections::HashMap<(String, String, String), String>) -> Line {
        let [provider, workspace, project_id, model, line_item] = values;
        let project_name =
            names.get(&(provider.clone(), workspace.clone(), project_id.clone())).cloned().unwrap_or_default();
        Line {
            provider,
            workspace,
            project_id,
            project_name,
            model,
            line_item,
            key_id: String::new(),
            key_name: String::new(),
            person: String::new(),
        }
    }
}

/// Whether any rule looks at keys or people: spend is then split by key before it is claimed.
pub(crate) fn needs_keys(teams: &[Team], shared: &[SharedCost]) -> bool {
    teams.iter().flat_map(|t| &t.rules).chain(shared.iter().map(|s| &s.rule)).any(Rule::needs_keys)
}

impl Rule {
    pub fn matches(&self, line: &Line) -> bool {
        let field = |pattern: &Option<String>, value: &str| pattern.as_deref().is_none_or(|p| glob::matches(p, value));
        field(&self.provider, &line.provider)
            && field(&self.workspace, &line.workspace)
            && self.project.as_deref().is_none_or(|p| {
                glob::matches(p, &line.project_id)
                    || (!line.project_name.is_empty() && glob::matches(p, &line.project_name))
            })
            && field(&self.model, &line.model)
            && field(&self.line_item, &line.line_item)
            && self.key.as_deref().is_none_or(|p| {
                (!line.key_id.is_empty() && glob::matches(p, &line.key_id))
                    || (!line.key_name.is_empty() && glob::matches(p, &line.key_name))
            })
            && self.person.as_deref().is_none_or(|p| !line.person.is_empty() && glob::matches(p, &line.person))
    }

    /// Whether the rule matches on a key or a person.
    pub fn needs_keys(&self) -> bool {
        self.key.is_some() || self.person.is_some()
    }

    /// `provider=openai workspace=edugami project=proj_edu_t*`, for listings.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            ("provider", &self.provider),
            ("workspace", &self.workspace),
            ("project", &self.project),
            ("model", &self.model),
            ("line_item", &self.line_item),
            ("key", &self.key),
            ("person", &self.person),
        ]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
        .collect();
        if parts.is_empty() { "everything".to_string() } else { parts.join(" ") }
    }
}

/// Checks teams and shared costs as a config is loaded: names unique and not the unallocated
/// label, every rule naming something, splits naming known teams with positive weights.
pub(crate) fn validate(teams: &[Team], shared: &[SharedCost]) -> Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for (i, t) in teams.iter().enumerate() {
        let name = t.name.trim();
        if name.is_empty() || name == UNALLOCATED || name.chars().any(char::is_control) {
            return Err(format!("[[teams]] #{}: name {:?} is not allowed", i + 1, t.name));
        }
        if !seen.insert(name.to_string()) {
            return Err(format!("[[teams]] #{}: the name {name:?} is used twice", i + 1));
        }
        if t.rules.is_empty() {
            return Err(format!(
                "[[teams]] {name}: match is empty; give at least one rule, e.g. {{ workspace = \"edugami\" }}"
            ));
        }
    }
    for (i, s) in shared.iter().enumerate() {
        let at = format!("[[shared_costs]] #{}", i + 1);
        if s.rule == Rule::default() {
            return Err(format!("{at}: match names nothing; give a provider, workspace or project"));
        }
        match &s.split {
            Split::Proportional(p) if p == "proportional" => {
                if teams.is_empty() {
                    return Err(format!("{at}: a proportional split needs [[teams]]"));
                }
            }
            Split::Proportional(other) => {
                return Err(format!("{at}: split {other:?} is not \"proportional\" or a table of team weights"));
            }
            Split::Weights(w) => {
                if w.is_empty() {
                    return Err(format!("{at}: split is empty"));
                }
                for (team, weight) in w {
                    if !seen.contains(team.as_str()) {
                        return Err(format!("{at}: split names {team:?}, which is not a team"));
                    }
                    if weight.0 <= Decimal::ZERO {
                        return Err(format!("{at}: {team}'s weight must be more than 0"));
                    }
                }
            }
        }
    }
    Ok(())
}
