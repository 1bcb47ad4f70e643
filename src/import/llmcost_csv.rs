//! llmcost's import CSV: a header row, columns by name in any order, unknown ones ignored.
//! `date` (YYYY-MM-DD, UTC), `model` and `cost` are required; `provider` and `workspace` must
//! equal the flags when present; `project`, `currency` (USD), `input_tokens`, `output_tokens`
//! and `requests` are optional.

use super::{Parsed, Sums, columns, row_error};
use crate::domain::{Money, UsageTotals};
use crate::error::Result;

pub(crate) fn parse(text: &str, file: &str, provider: &str, workspace: &str) -> Result<Parsed> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| row_error(file, 1, "-", e))?.clone();
    let cols = columns(&header, file)?;
    for required in ["date", "model", "cost"] {
        if !cols.contains_key(required) {
            return Err(row_error(file, 1, required, "this required column is missing from the header"));
        }
    }
    let mut sums = Sums::default();
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let record = record.map_err(|e| row_error(file, line, "-", e))?;
        let get = |name: &str| cols.get(name).and_then(|&c| record.get(c)).map_or("", str::trim);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        for (column, expected) in [("provider", provider), ("workspace", workspace)] {
            let value = get(column);
            if !value.is_empty() && value != expected {
                let shown: String = value.chars().take(40).collect();
                return Err(row_error(file, line, column, format!("'{shown}' differs from --{column} {expected}")));
            }
        }
        let date = get("date");
        let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| row_error(file, line, "date", format!("'{}' is not a date (YYYY-MM-DD)", short(date))))
            .and_then(|d| super::importable_day(d).map_err(|e| row_error(file, line, "date", e)))?;
        let model = get("model");
        if model.is_empty() {
            return Err(row_error(file, line, "model", "empty"));
        }
        let cost_text = get("cost");
        let cost = Money::parse_dollars(cost_text).map_err(|e| row_error(file, line, "cost", e))?;
        if cost.decimal().is_sign_negative() && !cost.is_zero() {
            // A credit would silently lower every all-spend total and budget below what was spent.
            return Err(row_error(
                file,
                line,
                "cost",
                format!("'{}' is negative: import spend only (credits and refunds are not spend)", short(cost_text)),
            ));
        }
        let currency = match get("currency") {
            "" => crate::domain::Currency::USD,
            c => crate::domain::Currency::parse(c).map_err(|e| row_error(file, line, "currency", e))?,
        };
        let count = |name: &str| -> Result<u64> {
            let v = get(name);
            if v.is_empty() {
                return Ok(0);
            }
            v.parse::<u64>()
                .map_err(|_| row_error(file, line, name, format!("'{}' is not a whole number of 0 or more", short(v))))
        };
        let totals = UsageTotals {
            input_tokens: count("input_tokens")?,
            cached_input_tokens: 0,
            output_tokens: count("output_tokens")?,
            requests: count("requests")?,
        };
        let has_usage = ["input_tokens", "output_tokens", "requests"].iter().any(|c| !get(c).is_empty());
        sums.add(day, Some(get("project").to_string()), model.to_string(), cost, currency, has_usage.then_some(totals))
            .map_err(|m| row_error(file, line, "cost", m))?;
    }
    Ok(sums.finish(0))
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn columns_in_any_order_quoted_commas_and_sums() {
        let text = "model,Cost,date,project,extra,input_tokens\n\
                    \"llama-3.3-70b, versatile\",1.25,2026-11-01,,x,100\n\
                    \"llama-3.3-70b, versatile\",0.75,2026-11-01,,y,50\n\
                    mixtral,2,2026-11-02,bot,,\n";
        let p = parse(text, "f.csv", "groq", "team").unwrap();
        assert_eq!(p.rows, 3);
        assert_eq!(p.costs.len(), 2);
        assert_eq!(p.costs[0].amount.exact(), "2.00");
        assert_eq!(p.costs[0].model, "llama-3.3-70b, versatile");
        assert_eq!(p.usage[0].totals.input_tokens, 150);
        assert_eq!(p.days.len(), 2);
        assert_eq!(p.costs[1].project_id.as_deref(), Some("bot"));
    }

    #[test]
    fn malformed_rows_name_the_line_and_column() {
        for (text, needle) in [
            ("date,model\n2026-11-01,x\n", "line 1, column cost"),
            ("date,model,cost\n2026-13-01,x,1\n", "line 2, column date"),
            ("date,model,cost\n2026-11-01,x,1\n2026-11-02,x,\"1,5\"\n", "line 3, column cost"),
            ("date,model,cost,requests\n2026-11-01,x,1,-3\n", "line 2, column requests"),
            ("date,model,cost,provider\n2026-11-01,x,1,mistral\n", "line 2, column provider"),
            ("date,model,cost,currency\n2026-11-01,x,1,EURO\n", "column currency"),
            ("date,model,cost\n26-11-20,x,1\n", "line 2, column date"),
            ("date,model,cost\n0001-01-01,x,1\n", "line 2, column date"),
            ("date,model,cost\n9999-12-31,x,1\n", "line 2, column date"),
            ("date,model,cost\n2026-11-01,x,-49\n", "line 2, column cost"),
            ("date,model,cost,Cost\n2026-11-01,x,1,2\n", "line 1, column Cost"),
        ] {
            let e = parse(text, "f.csv", "groq", "team").unwrap_err().to_string();
            assert!(e.contains(needle) && e.contains("nothing was imported"), "{text:?}: {e}");
        }
    }
}
