//! Tables that fit the terminal: when stdout is a terminal (and not `--wide`), columns of less
//! importance are dropped first, then the widest names are cut with an ellipsis; amounts and
//! numbers are never split or cut. Piped output is never fitted: it stays complete.

use std::sync::atomic::{AtomicUsize, Ordering};

use unicode_width::UnicodeWidthStr;

/// 0: no limit (piped, or `--wide`).
static WIDTH: AtomicUsize = AtomicUsize::new(0);

/// The width tables must fit in, or `None` for no limit.
pub(crate) fn set_width(width: Option<usize>) {
    WIDTH.store(width.unwrap_or(0), Ordering::Relaxed);
}

pub(crate) fn width() -> Option<usize> {
    match WIDTH.load(Ordering::Relaxed) {
        0 => None,
        w => Some(w),
    }
}

/// Names are not cut below this many columns (or their title's width).
const MIN_CUT: usize = 10;

/// Columns the fitting may cut (names) and drop (in this order, least important first).
pub(crate) struct Plan<'a> {
    /// Long descriptions narrowed (down to `SOFT_CUT`) before any column is dropped: a budget's
    /// scope gives room before its period or forecast goes.
    pub cut_first: &'a [usize],
    pub cuttable: &'a [usize],
    pub droppable: &'a [usize],
}

/// How far a `cut_first` column is narrowed before columns are dropped.
const SOFT_CUT: usize = 20;

/// The width of a table in llmcost's style (`│ a ┆ b │`): each column plus 3, plus 1.
pub(crate) fn table_width(header: &[String], rows: &[Vec<String>]) -> usize {
    let n = header.len();
    (0..n).map(|i| column_width(header, rows, i)).sum::<usize>() + 3 * n + 1
}

fn column_width(header: &[String], rows: &[Vec<String>], i: usize) -> usize {
    rows.iter()
        .filter_map(|r| r.get(i))
        .chain(header.get(i))
        .flat_map(|c| c.lines())
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// `text` broken into lines of at most `max` columns at spaces (a word longer than a line is cut
/// with an ellipsis): for a column whose every word matters, such as a reason.
pub(crate) fn wrap(text: &str, max: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let word = if word.width() > max { cut(word, max) } else { word.to_string() };
        let Some(line) = lines.last_mut() else { break };
        if line.is_empty() {
            line.push_str(&word);
        } else if line.width() + 1 + word.width() <= max {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(word);
        }
    }
    lines.join("\n")
}

/// `text` cut to `max` columns with an ellipsis.
pub(crate) fn cut(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Fits `header` and `rows` into `width`: drops columns in `plan.droppable` order while too
/// wide, then narrows the cuttable columns in the plan's order (the first as far as it goes, down
/// to 10 characters or its title, then the next). Returns the indices of the columns dropped (into the original layout).
pub(crate) fn fit(header: &mut Vec<String>, rows: &mut [Vec<String>], plan: &Plan<'_>, width: usize) -> Vec<usize> {
    for &col in plan.cut_first {
        let over = table_width(header, rows).saturating_sub(width);
        let w = column_width(header, rows, col);
        if over == 0 || col >= header.len() || w <= SOFT_CUT {
            continue;
        }
        let target = w.saturating_sub(over).max(SOFT_CUT).max(header[col].width());
        for r in rows.iter_mut() {
            if let Some(cell) = r.get_mut(col) {
                *cell = cut(cell, target);
            }
        }
    }
    let mut dropped: Vec<usize> = Vec::new();
    for &col in plan.droppable {
        if table_width(header, rows) <= width {
            break;
        }
        // Indices shift as columns go: find the column's current place.
        let at = col - dropped.iter().filter(|d| **d < col).count();
        if at < header.len() {
            header.remove(at);
            for r in rows.iter_mut() {
                if at < r.len() {
                    r.remove(at);
                }
            }
            dropped.push(col);
        }
    }
    let cuttable: Vec<usize> = plan
        .cuttable
        .iter()
        .filter(|c| !dropped.contains(c))
        .map(|c| c - dropped.iter().filter(|d| *d < c).count())
        .collect();
    loop {
        let over = table_width(header, rows).saturating_sub(width);
        if over == 0 {
            break;
        }
        // The first cuttable column (in the plan's order) that can still give.
        let Some((col, w)) = cuttable
            .iter()
            .map(|c| (*c, column_width(header, rows, *c)))
            .find(|(c, w)| *w > header[*c].width().max(MIN_CUT))
        else {
            break;
        };
        let target = w.saturating_sub(over).max(header[col].width().max(MIN_CUT));
        for r in rows.iter_mut() {
            if let Some(cell) = r.get_mut(col) {
                *cell = cut(cell, target);
            }
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(std::string::ToString::to_string).collect()
    }

    #[test]
    fn drops_then_cuts_names_but_never_numbers() {
        let mut header = strings(&["Model", "Cost", "Requests"]);
        let mut rows = vec![strings(&["claude-sonnet-4-5-20250929", "$4,377.50", "1,234,567"])];
        assert_eq!(table_width(&header, &rows), 26 + 9 + 9 + 10);
        let dropped = fit(&mut header, &mut rows, &Plan { cut_first: &[], cuttable: &[0], droppable: &[2] }, 40);
        assert_eq!(dropped, [2]);
        assert_eq!(rows[0][1], "$4,377.50", "amounts are never cut");
        assert!(rows[0][0].ends_with('…') && table_width(&header, &rows) <= 40, "{rows:?}");
        assert_eq!(rows[0][0], "claude-sonnet-4-5-20250…");
        assert_eq!(cut("short", 10), "short");
    }

    #[test]
    fn a_table_that_cannot_fit_keeps_its_numbers_whole() {
        let mut header = strings(&["Model", "Cost"]);
        let mut rows = vec![strings(&["gpt-4o-mini-2024-07-18", "$1,234,567.89"])];
        fit(&mut header, &mut rows, &Plan { cut_first: &[], cuttable: &[0], droppable: &[] }, 10);
        assert_eq!(rows[0], strings(&["gpt-4o-mi…", "$1,234,567.89"]));
    }
}
