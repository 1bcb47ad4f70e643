//! Who pays for what: shared-cost rules first (split by weights, or in proportion to each team's
//! direct spend), then team rules (the first team in file order that claims a line has it), the
//! rest `(unallocated)`. Parts are exact decimals and add up to the whole: each split rounds
//! every share but the largest down to 10 decimal places, and the largest takes the remainder.
//! A period's split and the same period seen by day, model or month are the same split; what
//! a table shows in cents is rounded from it by the remainder rule, in every front end.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Line, SharedCost, Split, Team, UNALLOCATED};
use crate::domain::Money;

/// A team's spend: its direct claims and its parts of shared costs.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct TeamSpend {
    pub direct: Money,
    pub shared: Money,
}

impl TeamSpend {
    pub(crate) fn total(&self) -> Money {
        self.direct + self.shared
    }
}

/// The allocation of a period's spend.
#[derive(Clone, Debug, Default)]
pub(crate) struct Allocation {
    /// Every team, in file order, then `(unallocated)` when there is any.
    pub teams: Vec<(String, TeamSpend)>,
    /// Shared scopes no team could share (a proportional split while no team has direct spend).
    pub notes: Vec<String>,
}

impl Allocation {
    pub(crate) fn total(&self) -> Money {
        self.teams.iter().map(|(_, s)| s.total()).sum()
    }
}

/// Decimal places of a split: far below the cent, so a team's parts over many groups (days,
/// models) add up to its share of the whole, and `llmcost teams` and `costs --by team` show the
/// same figures (rounding to cents is the display's, by the remainder rule).
const SHARE_PLACES: u32 = 10;

/// Splits `amount` by `weights` (all positive): shares rounded down to `places` decimal places,
/// the largest share (first on ties) takes what rounding left, so the parts add up to `amount`
/// exactly.
fn split_to(amount: Money, weights: &[(String, Decimal)], places: u32) -> Vec<(String, Money)> {
    let total_weight: Decimal = weights.iter().map(|(_, w)| *w).sum();
    if weights.is_empty() || total_weight <= Decimal::ZERO {
        return Vec::new();
    }
    let largest =
        weights.iter().enumerate().max_by(|(ia, (_, a)), (ib, (_, b))| a.cmp(b).then(ib.cmp(ia))).map_or(0, |(i, _)| i);
    let whole = amount.decimal();
    let mut parts: Vec<(String, Money)> = weights
        .iter()
        .map(|(name, w)| {
            let share = whole.checked_mul(*w).and_then(|x| x.checked_div(total_weight)).unwrap_or(Decimal::ZERO);
            let rounded = share.round_dp_with_strategy(places, RoundingStrategy::ToZero);
            (name.clone(), Money::from_decimal(rounded))
        })
        .collect();
    let others: Decimal = parts.iter().enumerate().filter(|(i, _)| *i != largest).map(|(_, (_, m))| m.decimal()).sum();
    parts[largest].1 = Money::from_decimal(whole - others);
    parts
}

/// Allocates `lines` (each with its cost, all in one currency).
pub(crate) fn allocate(teams: &[Team], shared: &[SharedCost], lines: &[(Line, Money)]) -> Allocation {
    allocate_with_basis(teams, shared, lines, None, SHARE_PLACES)
}

/// Each team's direct spend over `lines`: the basis of proportional splits.
pub(crate) fn direct_spend(teams: &[Team], shared: &[SharedCost], lines: &[(Line, Money)]) -> BTreeMap<String, Money> {
    allocate_with_basis(teams, shared, lines, None, SHARE_PLACES)
        .teams
        .into_iter()
        .filter(|(name, _)| name != UNALLOCATED)
        .map(|(name, s)| (name, s.direct))
        .collect()
}

/// Allocates a group of lines (one model, one day...) of a larger view: proportional splits use
/// `basis`, the teams' direct spend over the whole view, so a shared account is split in the
/// same proportions in every group, and each group's parts still add up to the group exactly.
/// Shares are kept to 10 decimal places, so a team's parts over all groups are its share of the
/// whole to the cent.
pub(crate) fn allocate_groups<G: Ord + Clone>(
    teams: &[Team],
    shared: &[SharedCost],
    lines: &[(G, Line, Money)],
) -> (Vec<(G, String, Money)>, Vec<String>) {
    let all: Vec<(Line, Money)> = lines.iter().map(|(_, l, m)| (l.clone(), *m)).collect();
    let basis = direct_spend(teams, shared, &all);
    let mut groups: BTreeMap<G, Vec<(Line, Money)>> = BTreeMap::new();
    for (g, line, cost) in lines {
        groups.entry(g.clone()).or_default().push((line.clone(), *cost));
    }
    let mut out = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for (g, group) in groups {
        let a = allocate_with_basis(teams, shared, &group, Some(&basis), SHARE_PLACES);
        for note in a.notes {
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
        out.extend(a.teams.into_iter().filter(|(_, s)| !s.total().is_zero()).map(|(t, s)| (g.clone(), t, s.total())));
    }
    (out, notes)
}

/// [`allocate`], with proportional splits by `basis` when given (else by `lines`' own direct
/// spend).
fn allocate_with_basis(
    teams: &[Team],
    shared: &[SharedCost],
    lines: &[(Line, Money)],
    basis: Option<&BTreeMap<String, Money>>,
    places: u32,
) -> Allocation {
    let mut direct: BTreeMap<&str, Money> = BTreeMap::new();
    let mut unallocated = Money::ZERO;
    // Shared scopes first: their lines are set aside per rule.
    let mut shared_pools: Vec<Money> = vec![Money::ZERO; shared.len()];
    for (line, cost) in lines {
        if let Some(i) = shared.iter().position(|s| s.rule.matches(line)) {
            shared_pools[i] += *cost;
            continue;
        }
        match teams.iter().find(|t| t.rules.iter().any(|r| r.matches(line))) {
            Some(team) => *direct.entry(team.name.as_str()).or_insert(Money::ZERO) += *cost,
            None => unallocated += *cost,
        }
    }
    let mut spend: BTreeMap<String, TeamSpend> = teams
        .iter()
        .map(|t| {
            (
                t.name.clone(),
                TeamSpend { direct: direct.get(t.name.as_str()).copied().unwrap_or(Money::ZERO), shared: Money::ZERO },
            )
        })
        .collect();
    let mut notes = Vec::new();
    for (rule, pool) in shared.iter().zip(shared_pools) {
        if pool == Money::ZERO {
            continue;
        }
        let weights: Vec<(String, Decimal)> = match &rule.split {
            Split::Weights(w) => w.iter().map(|(k, v)| (k.clone(), v.0)).collect(),
            Split::Proportional(_) => teams
                .iter()
                .map(|t| {
                    let weight = match basis {
                        Some(b) => b.get(&t.name).map(|m| m.decimal()),
                        None => spend.get(&t.name).map(|s| s.direct.decimal()),
                    };
                    (t.name.clone(), weight.unwrap_or_default())
                })
                .filter(|(_, w)| *w > Decimal::ZERO)
                .collect(),
        };
        let parts = split_to(pool, &weights, places);
        if parts.is_empty() {
            notes.push(format!(
                "shared costs of {} could not be split in proportion (no team has direct spend): shown as {UNALLOCATED}",
                rule.rule.describe()
            ));
            unallocated += pool;
            continue;
        }
        for (team, part) in parts {
            if let Some(s) = spend.get_mut(&team) {
                s.shared += part;
            }
        }
    }
    let mut out: Vec<(String, TeamSpend)> =
        teams.iter().map(|t| (t.name.clone(), spend.remove(&t.name).unwrap_or_default())).collect();
    if unallocated != Money::ZERO {
        out.push((UNALLOCATED.to_string(), TeamSpend { direct: unallocated, shared: Money::ZERO }));
    }
    Allocation { teams: out, notes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teams::Rule;

    fn m(s: &str) -> Money {
        Money::from_decimal(s.parse().unwrap())
    }

    fn line(provider: &str, workspace: &str, project: &str) -> Line {
        Line {
            provider: provider.into(),
            workspace: workspace.into(),
            project_id: project.into(),
            project_name: String::new(),
            model: "m".into(),
            line_item: "i".into(),
            key_id: String::new(),
            key_name: String::new(),
            person: String::new(),
        }
    }

    fn team(name: &str, rules: Vec<Rule>) -> Team {
        Team { name: name.into(), cost_center: None, rules }
    }

    const CENTS: u32 = 2;

    #[test]
    fn splits_round_to_the_cent_and_add_up_exactly() {
        let parts = split_to(
            m("100.00"),
            &[("a".into(), Decimal::ONE), ("b".into(), Decimal::ONE), ("c".into(), Decimal::ONE)],
            CENTS,
        );
        let amounts: Vec<String> = parts.iter().map(|(_, p)| p.exact()).collect();
        assert_eq!(amounts, ["33.34", "33.33", "33.33"], "the remainder goes to the largest (first on ties)");
        let parts = split_to(m("10.005"), &[("a".into(), Decimal::from(60)), ("b".into(), Decimal::from(40))], CENTS);
        assert_eq!(parts[1].1.exact(), "4.00");
        assert_eq!(parts[0].1.exact(), "6.005");
        let sum: Money = parts.iter().map(|(_, p)| *p).sum();
        assert_eq!(sum, m("10.005"));
    }

    #[test]
    fn first_claim_wins_shared_costs_come_first_and_nothing_is_lost() {
        let teams = vec![
            team("learning", vec![Rule { workspace: Some("edugami".into()), ..Rule::default() }]),
            team("search", vec![Rule { project: Some("proj_edu_s*".into()), ..Rule::default() }]),
            team("media", vec![Rule { workspace: Some("storygami".into()), ..Rule::default() }]),
        ];
        let shared = vec![SharedCost {
            rule: Rule { workspace: Some("memoways".into()), ..Rule::default() },
            split: Split::Proportional("proportional".into()),
        }];
        let lines = vec![
            (line("openai", "edugami", "proj_edu_search"), m("30")),
            (line("openai", "edugami", "proj_edu_tutor"), m("60")),
            (line("openai", "storygami", ""), m("30")),
            (line("openai", "memoways", ""), m("10")),
            (line("xai", "other", ""), m("5.55")),
        ];
        let a = allocate(&teams, &shared, &lines);
        let get = |n: &str| a.teams.iter().find(|(t, _)| t == n).map(|(_, s)| s.clone()).unwrap();
        assert_eq!(get("learning").direct, m("90"), "learning is first in the file: it claims search's project too");
        assert_eq!(get("search").total(), Money::ZERO, "a zero-spend team gets no proportional share");
        assert_eq!(get("learning").shared + get("media").shared, m("10"));
        assert_eq!(get("learning").shared, m("7.5"));
        assert_eq!(get(UNALLOCATED).total(), m("5.55"));
        assert_eq!(a.total(), m("135.55"), "the parts add up to the bill");
    }

    #[test]
    fn groups_split_shared_costs_in_the_whole_view_s_proportions_and_add_up() {
        let teams = vec![
            team("a", vec![Rule { workspace: Some("wa".into()), ..Rule::default() }]),
            team("b", vec![Rule { workspace: Some("wb".into()), ..Rule::default() }]),
        ];
        let shared = vec![SharedCost {
            rule: Rule { workspace: Some("shared".into()), ..Rule::default() },
            split: Split::Proportional("proportional".into()),
        }];
        // Day 1: only a spends directly; over both days a and b spend 3:1.
        let lines = vec![
            (1, line("openai", "wa", ""), m("30")),
            (1, line("openai", "shared", ""), m("10")),
            (2, line("openai", "wb", ""), m("10")),
            (2, line("openai", "shared", ""), m("1.01")),
        ];
        let (parts, notes) = allocate_groups(&teams, &shared, &lines);
        assert!(notes.is_empty());
        let get = |g: i32, t: &str| parts.iter().find(|(pg, pt, _)| *pg == g && pt == t).map(|(_, _, m)| *m);
        assert_eq!(get(1, "a"), Some(m("37.50")), "day 1's shared 10 split 3:1, not all to a");
        assert_eq!(get(1, "b"), Some(m("2.50")));
        assert_eq!(get(2, "a"), Some(m("0.7575")), "within a group, shares are not rounded to the cent");
        assert_eq!(get(2, "b"), Some(m("10.2525")));
        let total: Money = parts.iter().map(|(_, _, m)| *m).sum();
        assert_eq!(total, m("51.01"), "the parts add up to the bill");
    }

    #[test]
    fn a_proportional_split_with_no_direct_spend_stays_unallocated_and_says_so() {
        let teams = vec![team("learning", vec![Rule { workspace: Some("nobody".into()), ..Rule::default() }])];
        let shared = vec![SharedCost {
            rule: Rule { provider: Some("openai".into()), ..Rule::default() },
            split: Split::Proportional("proportional".into()),
        }];
        let a = allocate(&teams, &shared, &[(line("openai", "x", ""), m("12.34"))]);
        assert_eq!(a.total(), m("12.34"));
        assert_eq!(a.notes.len(), 1);
    }
}
