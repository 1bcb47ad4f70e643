//! The dimensions a cost view can be grouped by (`--by provider,workspace,project,model,line_item,day`).

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Provider,
    Workspace,
    Project,
    Model,
    LineItem,
    Day,
    /// The ISO week (Monday first) the day is in: `2026-W48`.
    Week,
    /// The calendar month: `2026-11`.
    Month,
    /// The billing currency (amounts in different currencies are never summed unconverted).
    Currency,
    /// The config's `[[teams]]`: spend allocated by their rules and `[[shared_costs]]`.
    Team,
    /// The `cost_center` of the team that spend is allocated to.
    CostCenter,
    /// The UTC hour of an estimate (`14:00`); a billed day, which has no hours, is `day`.
    Hour,
    /// `billed` or `estimate`: added to every view that includes estimates, so they are never
    /// summed with the bill unlabelled; `allocated` for spend split between API keys.
    Basis,
    /// The API key that spent it (its name and the provider's redacted hint, never a secret):
    /// a line's bill split between its keys by their usage (`views::key_rows`).
    Key,
    /// The person (or service account) a key belongs to.
    Person,
}

impl Dim {
    pub const ALL: [Dim; 15] = [
        Dim::Provider,
        Dim::Workspace,
        Dim::Project,
        Dim::Model,
        Dim::LineItem,
        Dim::Day,
        Dim::Week,
        Dim::Month,
        Dim::Currency,
        Dim::Team,
        Dim::CostCenter,
        Dim::Hour,
        Dim::Basis,
        Dim::Key,
        Dim::Person,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dim::Provider => "provider",
            Dim::Workspace => "workspace",
            Dim::Project => "project",
            Dim::Model => "model",
            Dim::LineItem => "line_item",
            Dim::Day => "day",
            Dim::Week => "week",
            Dim::Month => "month",
            Dim::Currency => "currency",
            Dim::Team => "team",
            Dim::CostCenter => "cost_center",
            Dim::Hour => "hour",
            Dim::Basis => "basis",
            Dim::Key => "key",
            Dim::Person => "person",
        }
    }

    /// Whether token and request counts can be attributed to groups of this dimension (a team's
    /// part of a shared account is money only).
    pub fn carries_usage(self) -> bool {
        !matches!(
            self,
            Dim::LineItem
                | Dim::Currency
                | Dim::Team
                | Dim::CostCenter
                | Dim::Hour
                | Dim::Basis
                | Dim::Key
                | Dim::Person
        )
    }

    /// Whether the dimension is a span of time (rows sort by it, oldest first).
    pub fn is_time(self) -> bool {
        matches!(self, Dim::Day | Dim::Week | Dim::Month | Dim::Hour)
    }

    /// Whether the dimension exists only where estimates are read (`Hour`, `Basis`).
    pub fn needs_estimates(self) -> bool {
        matches!(self, Dim::Hour | Dim::Basis)
    }

    /// Whether the dimension splits a line's bill between API keys (`key`, `person`).
    pub fn is_key(self) -> bool {
        matches!(self, Dim::Key | Dim::Person)
    }

    /// Whether the dimension comes from the config's teams rather than from the cache.
    pub fn is_allocated(self) -> bool {
        matches!(self, Dim::Team | Dim::CostCenter)
    }
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DimError {
    #[error(
        "unknown --by dimension '{0}': use a comma list of provider, workspace, project, model, line_item, day, week, month, currency, team, cost_center, hour, basis, key, person"
    )]
    Unknown(String),
    #[error(
        "--by is empty: use a comma list of provider, workspace, project, model, line_item, day, week, month, currency, team, cost_center, hour, basis, key, person"
    )]
    Empty,
}

impl FromStr for Dim {
    type Err = DimError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase().replace('-', "_");
        Dim::ALL
            .into_iter()
            .find(|d| {
                d.name() == key
                    || (key == "date" && *d == Dim::Day)
                    || (key == "lineitem" && *d == Dim::LineItem)
                    || (key == "costcenter" && *d == Dim::CostCenter)
            })
            .ok_or_else(|| DimError::Unknown(s.trim().to_string()))
    }
}

/// Parses a comma list, keeping the user's order and dropping repeats.
pub(crate) fn parse_dims(text: &str) -> Result<Vec<Dim>, DimError> {
    let mut dims = Vec::new();
    for part in text.split(',').filter(|p| !p.trim().is_empty()) {
        let dim: Dim = part.parse()?;
        if !dims.contains(&dim) {
            dims.push(dim);
        }
    }
    if dims.is_empty() {
        return Err(DimError::Empty);
    }
    Ok(dims)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_in_order_without_repeats() {
        assert_eq!(parse_dims("day, model,day").unwrap(), vec![Dim::Day, Dim::Model]);
        assert_eq!(parse_dims("line-item").unwrap(), vec![Dim::LineItem]);
    }

    #[test]
    fn rejects_unknown_and_empty() {
        assert_eq!(parse_dims("model,colour"), Err(DimError::Unknown("colour".into())));
        assert_eq!(parse_dims(" , "), Err(DimError::Empty));
    }
}
