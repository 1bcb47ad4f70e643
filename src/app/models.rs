//! `--model` as people type it: an exact name (any case), else an unambiguous prefix
//! (`gpt-5.5` for `gpt-5.5-2026-04-23`); a typo or an ambiguous prefix is a usage error that
//! lists what the cache knows, never an empty "No spend".

use crate::domain::{Account, DateRange, Dim};
use crate::error::{Error, Result};
use crate::store::{CostQuery, Store};

/// The cached model names `wanted` stands for, in the selected accounts.
pub(crate) fn resolve_models(store: &Store, accounts: &[Account], wanted: &[String]) -> Result<Vec<String>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let q = CostQuery::all(accounts.to_vec(), DateRange::all_time(), vec![Dim::Model]);
    let mut known: Vec<String> =
        store.aggregate_costs(&q)?.into_iter().filter_map(|(k, _)| k.values.first().map(ToString::to_string)).collect();
    known.sort();
    known.dedup();
    if known.is_empty() {
        // Nothing cached yet: the filter stays as typed (the view then says there is no data).
        return Ok(wanted.to_vec());
    }
    let mut out = Vec::new();
    for w in wanted {
        let exact: Vec<&String> = known.iter().filter(|m| m.eq_ignore_ascii_case(w)).collect();
        let hits: Vec<&String> = if exact.is_empty() {
            known.iter().filter(|m| m.to_ascii_lowercase().starts_with(&w.to_ascii_lowercase())).collect()
        } else {
            exact
        };
        match hits.as_slice() {
            [] => {
                let near = nearest(w, &known);
                return Err(Error::Usage(format!(
                    "unknown model '{w}' in the selected workspaces{}; see 'llmcost costs --by model' for the names",
                    if near.is_empty() { String::new() } else { format!(" (did you mean {}?)", near.join(", ")) }
                )));
            }
            [one] => out.push((*one).clone()),
            many if many.iter().all(|m| m.eq_ignore_ascii_case(w)) => out.extend(many.iter().map(|m| (*m).clone())),
            many => {
                let list: Vec<&str> = many.iter().take(8).map(|m| m.as_str()).collect();
                return Err(Error::Usage(format!(
                    "model '{w}' is ambiguous: it starts {} models ({}{}); give more of the name, or repeat --model",
                    many.len(),
                    list.join(", "),
                    if many.len() > 8 { ", ..." } else { "" }
                )));
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Up to three known names closest to `typed` (edit distance at most a third of its length).
pub(crate) fn nearest(typed: &str, known: &[String]) -> Vec<String> {
    let typed = typed.to_ascii_lowercase();
    let limit = (typed.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &String)> = known
        .iter()
        .map(|k| {
            // Compare with the name cut to the typed length too: a typo in a prefix still finds it.
            let lower = k.to_ascii_lowercase();
            let cut: String = lower.chars().take(typed.chars().count()).collect();
            (distance(&typed, &lower).min(distance(&typed, &cut)), k)
        })
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, k)| k.clone()).collect()
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(row[j]).min(cur) };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{distance, nearest};

    #[test]
    fn typos_find_their_model() {
        assert_eq!(distance("kitten", "sitting"), 3);
        let known = vec!["gpt-4o-2024-08-06".to_string(), "gpt-5.5-2026-04-23".to_string(), "whisper-1".to_string()];
        assert_eq!(nearest("gpt-5.6", &known), vec!["gpt-5.5-2026-04-23".to_string()]);
        assert_eq!(nearest("wisper-1", &known), vec!["whisper-1".to_string()]);
        assert!(nearest("claude", &known).is_empty());
    }
}
