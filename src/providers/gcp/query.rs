//! The BigQuery question: billed cost and credits per UTC day, project, service and SKU from the
//! Cloud Billing export. Each choice below avoids a wrong total on real data (see the README).

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

use crate::domain::DateRange;

/// The default query over `table` (already validated as `project.dataset.table`).
/// - credits are summed per row with a subquery: a `LEFT JOIN UNNEST(credits)` would count a
///   row's cost once per credit;
/// - `cost` is FLOAT64: summed as NUMERIC, so the answer is decimal text, not `5.0E-6`;
/// - the partition column is filtered (the export is partitioned by export time, which is never
///   before the usage), and every `cost_type` counts (tax, adjustments, rounding: it is the bill).
pub(crate) fn default_sql(table: &str) -> String {
    format!(
        "SELECT FORMAT_DATE('%F', DATE(usage_start_time)) AS day,
  project.id AS project_id,
  ANY_VALUE(project.name) AS project_name,
  service.description AS service,
  sku.description AS sku,
  currency,
  SUM(CAST(cost AS NUMERIC)) AS cost,
  SUM(IFNULL((SELECT SUM(CAST(c.amount AS NUMERIC)) FROM UNNEST(credits) c), 0)) AS credits,
  SUM(usage.amount) AS usage_amount,
  ANY_VALUE(usage.unit) AS usage_unit
FROM `{table}`
WHERE DATE(_PARTITIONTIME) >= DATE_SUB(@start, INTERVAL 1 DAY)
  AND usage_start_time >= TIMESTAMP(@start)
  AND usage_start_time < TIMESTAMP(@end)
  AND service.description IN UNNEST(@services)
GROUP BY day, project_id, service, sku, currency"
    )
}

fn date_param(name: &str, day: NaiveDate) -> Value {
    json!({ "name": name, "parameterType": { "type": "DATE" }, "parameterValue": { "value": day.format("%Y-%m-%d").to_string() } })
}

/// The `jobs.query` body: `@start` inclusive, `@end` exclusive (DATEs); `@services` only for
/// the default query (a user's query file takes the two dates).
pub(crate) fn request(sql: &str, range: DateRange, services: Option<&[String]>, location: Option<&str>) -> Value {
    let end = range.until.checked_add_days(Days::new(1)).unwrap_or(range.until);
    let mut params = vec![date_param("start", range.since), date_param("end", end)];
    if let Some(services) = services {
        params.push(json!({
            "name": "services",
            "parameterType": { "type": "ARRAY", "arrayType": { "type": "STRING" } },
            "parameterValue": { "arrayValues": services.iter().map(|s| json!({ "value": s })).collect::<Vec<_>>() }
        }));
    }
    let mut body = json!({
        "query": sql,
        "useLegacySql": false,
        "parameterMode": "NAMED",
        "queryParameters": params,
        "timeoutMs": 20000,
        "maxResults": 10000,
    });
    if let Some(l) = location {
        body["location"] = json!(l);
    }
    body
}

/// `project.dataset.table`, each part of the characters BigQuery allows (so it can sit in
/// backquotes without escaping).
pub(crate) fn validate_table(table: &str) -> Result<(), String> {
    let parts: Vec<&str> = table.split('.').collect();
    let ok = parts.len() == 3
        && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
    if ok { Ok(()) } else { Err("must be project.dataset.table (letters, digits, _ and - only)".into()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_avoids_the_known_pitfalls() {
        let sql = default_sql("acme.billing.gcp_billing_export_v1_0");
        assert!(sql.contains("(SELECT SUM(CAST(c.amount AS NUMERIC)) FROM UNNEST(credits) c)"));
        assert!(!sql.to_uppercase().contains("JOIN UNNEST"));
        assert!(sql.contains("CAST(cost AS NUMERIC)") && sql.contains("_PARTITIONTIME"));
        assert!(!sql.contains("cost_type"), "every cost type counts");
        let d = |s: &str| s.parse().unwrap();
        let body =
            request(&sql, DateRange::new(d("2026-11-01"), d("2026-11-22")), Some(&["Vertex AI".into()]), Some("EU"));
        assert_eq!(body["queryParameters"][1]["parameterValue"]["value"], "2026-11-23", "@end is exclusive");
        assert_eq!(body["location"], "EU");
    }

    #[test]
    fn tables_are_checked_before_they_reach_sql() {
        assert!(validate_table("acme-billing.billing_export.gcp_billing_export_v1_01A2B3_C4D5E6_F7A8B9").is_ok());
        for bad in ["acme.billing", "a.b.c`; DROP", "a..c", "a.b.c.d", "a.b.c d"] {
            assert!(validate_table(bad).is_err(), "{bad}");
        }
    }
}
