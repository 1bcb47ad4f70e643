//! CSV for spreadsheets: a header row, one row per group, exact decimals, no total row, and text
//! cells that cannot be mistaken for formulas.

use std::io::Write;

use crate::app::views::CostView;
use crate::app::views::projects_view::ProjectsView;
use crate::domain::Dim;

/// Prefixes text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) with `'`.
pub(crate) fn safe_text(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    }
}

fn to_io(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e)
}

pub(crate) fn costs(view: &CostView, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<String> = Vec::new();
    for d in &view.group_by {
        header.push(d.name().to_string());
        if *d == Dim::Project {
            header.extend(["project_name".to_string(), "project_workspace".to_string()]);
        }
    }
    header.push(format!("cost_{}", view.currency.as_str().to_ascii_lowercase()));
    if view.usage_shown {
        header.extend(["input_tokens", "cached_input_tokens", "output_tokens", "requests"].map(String::from));
    }
    // `--by currency`: the amount billed in the row's own currency (its `currency` column).
    let billed = view.rows.iter().any(|r| r.billed.is_some());
    if billed {
        header.push("billed".to_string());
    }
    w.write_record(&header).map_err(to_io)?;
    for row in &view.rows {
        let mut rec: Vec<String> = Vec::new();
        for cell in &row.cells {
            rec.push(safe_text(&cell.value));
            if cell.dim == Dim::Project {
                rec.push(safe_text(&cell.label));
                rec.push(safe_text(&row.owner.as_ref().map(|o| o.workspace.clone()).unwrap_or_default()));
            }
        }
        rec.push(row.cost.exact());
        if view.usage_shown {
            match row.usage.filter(|u| u.input_tokens + u.cached_input_tokens + u.output_tokens > 0) {
                Some(u) => {
                    rec.extend([u.input_tokens, u.cached_input_tokens, u.output_tokens].map(|n| n.to_string()));
                    // Blank, not 0, where the provider does not count requests (Anthropic).
                    rec.push(if u.requests_known() { u.requests.to_string() } else { String::new() });
                }
                // No token counts (a vendor's file without them, a charge that is not per
                // token): blank, as the table's `-`, never a 0 that reads as "no use".
                None => rec.extend(std::iter::repeat_n(String::new(), 4)),
            }
        }
        if billed {
            rec.push(row.billed.map(crate::domain::Money::exact).unwrap_or_default());
        }
        w.write_record(&rec).map_err(to_io)?;
    }
    w.flush()
}

pub(crate) fn projects(view: &ProjectsView, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let cost = format!("cost_{}", view.currency.as_str().to_ascii_lowercase());
    w.write_record(["provider", "workspace", "project", "project_name", "status", cost.as_str()]).map_err(to_io)?;
    for r in &view.rows {
        w.write_record([
            r.account.provider.id().to_string(),
            safe_text(&r.account.workspace),
            safe_text(&r.id),
            safe_text(&r.name),
            r.status.clone(),
            r.cost.exact(),
        ])
        .map_err(to_io)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::safe_text;

    #[test]
    fn formula_like_text_is_defused() {
        assert_eq!(safe_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_text("+1"), "'+1");
        assert_eq!(safe_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_text("gpt-4o"), "gpt-4o");
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::safe_text;

        proptest! {
            #[test]
            fn text_round_trips_through_a_csv_reader_and_never_starts_a_formula(cells in proptest::collection::vec(".{0,20}", 1..6)) {
                let safe: Vec<String> = cells.iter().map(|c| safe_text(c)).collect();
                // As in llmcost's CSVs, a header row comes first (a reader strips a byte-order
                // mark at the very start of a file, which is therefore never a data cell).
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record((0..safe.len()).map(|i| format!("c{i}"))).unwrap();
                w.write_record(&safe).unwrap();
                let bytes = w.into_inner().unwrap();
                let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(bytes.as_slice());
                let back: Vec<String> = r.records().next().unwrap().unwrap().iter().map(String::from).collect();
                prop_assert_eq!(&back, &safe);
                for (orig, cell) in cells.iter().zip(&back) {
                    prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']));
                    let prefixed = format!("'{orig}");
                    prop_assert!(cell == orig || *cell == prefixed);
                }
            }
        }
    }
}
