//! OpenTelemetry: the exporter's figures pushed over OTLP/HTTP to any collector, as gauges (billed
//! spend is revised, so never cumulative sums), in protobuf (`application/x-protobuf`, the
//! default) or JSON. Resource `service.name=llmcost`; each spend point carries the GenAI semantic
//! convention attributes (`gen_ai.provider.name`, `gen_ai.request.model`) beside llmcost's own.
//! The few messages needed (`ExportMetricsServiceRequest` down to `NumberDataPoint`) are written
//! by hand from opentelemetry-proto's definitions; `tests/sdk/otlp_decode.py` decodes them with
//! the official Python package.

use crate::app::metrics::MetricsView;

/// Where and how to push: from `OTEL_EXPORTER_OTLP_*`.
#[derive(Clone, Debug)]
pub(crate) struct OtlpTarget {
    /// The full metrics URL (`.../v1/metrics`).
    pub url: String,
    pub json: bool,
    pub headers: Vec<(String, String)>,
}

impl OtlpTarget {
    /// From the standard variables: `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT` (used as is), else
    /// `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/metrics`, else `http://localhost:4318/v1/metrics`;
    /// `OTEL_EXPORTER_OTLP_PROTOCOL` (`http/protobuf` or `http/json`; gRPC is refused);
    /// `OTEL_EXPORTER_OTLP_HEADERS` (`key=value,...`, values percent-decoded).
    pub(crate) fn from_env(get: impl Fn(&str) -> Option<String>) -> Result<OtlpTarget, String> {
        let url = match (get("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"), get("OTEL_EXPORTER_OTLP_ENDPOINT")) {
            (Some(u), _) if !u.trim().is_empty() => u.trim().to_string(),
            (_, Some(base)) if !base.trim().is_empty() => format!("{}/v1/metrics", base.trim().trim_end_matches('/')),
            _ => "http://localhost:4318/v1/metrics".to_string(),
        };
        crate::net::validate_base_url(&url).map_err(|e| format!("OTLP endpoint: {e}"))?;
        let protocol = get("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL")
            .or_else(|| get("OTEL_EXPORTER_OTLP_PROTOCOL"))
            .unwrap_or_else(|| "http/protobuf".into());
        let json = match protocol.trim() {
            "http/protobuf" | "" => false,
            "http/json" => true,
            other => {
                return Err(format!("OTEL_EXPORTER_OTLP_PROTOCOL={other}: llmcost pushes http/protobuf or http/json"));
            }
        };
        let mut headers = Vec::new();
        for pair in get("OTEL_EXPORTER_OTLP_HEADERS").unwrap_or_default().split(',').filter(|p| !p.trim().is_empty()) {
            let (k, v) = pair.split_once('=').ok_or_else(|| {
                format!("OTEL_EXPORTER_OTLP_HEADERS: {:?} is not key=value", pair.split('=').next().unwrap_or(""))
            })?;
            // Values are percent-encoded, as the OpenTelemetry specification says.
            let v = crate::net::query_pairs(&format!("v={v}"))
                .ok()
                .and_then(|pairs| pairs.into_iter().next().map(|(_, v)| v))
                .unwrap_or_else(|| v.to_string());
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
        Ok(OtlpTarget { url, json, headers })
    }
}

/// One gauge point.
struct Point {
    attributes: Vec<(&'static str, String)>,
    value: f64,
}

/// One gauge.
struct Gauge {
    name: String,
    description: &'static str,
    unit: String,
    points: Vec<Point>,
}

/// An exact amount as a double, for a gauge (OTLP has no decimal type).
fn double(m: crate::domain::Money) -> f64 {
    m.decimal().to_string().parse().unwrap_or(0.0)
}

fn gauges(view: &MetricsView) -> Vec<Gauge> {
    let unit = view.currency.as_str().to_string();
    let spend = |s: &crate::app::metrics::SpendSample| Point {
        attributes: vec![
            ("gen_ai.provider.name", s.provider.clone()),
            ("gen_ai.request.model", s.model.clone()),
            ("llmcost.provider", s.provider.clone()),
            ("llmcost.workspace", s.workspace.clone()),
            ("llmcost.project", s.project.clone()),
            ("llmcost.model", s.model.clone()),
        ],
        value: double(s.cost),
    };
    let mut out = vec![
        Gauge {
            name: "llmcost.spend.month_to_date".into(),
            description: "Billed spend this calendar month to date (UTC days).",
            unit: unit.clone(),
            points: view.spend_month.iter().map(spend).collect(),
        },
        Gauge {
            name: "llmcost.spend.today".into(),
            description: "Billed spend today (UTC, partial).",
            unit,
            points: view.spend_today.iter().map(spend).collect(),
        },
    ];
    let mut spent: Vec<Gauge> = Vec::new();
    let mut ratio = Gauge {
        name: "llmcost.budget.spent_ratio".into(),
        description: "Spend over the budget's amount.",
        unit: "1".into(),
        points: vec![],
    };
    let mut complete = Gauge {
        name: "llmcost.budget.data_complete".into(),
        description: "1 when every account in the budget's scope has data for its period.",
        unit: "1".into(),
        points: vec![],
    };
    for row in &view.budgets {
        let (b, s) = (&row.budget, &row.status);
        let attrs = vec![("llmcost.budget", b.name.clone()), ("llmcost.budget.period", b.period.name().to_string())];
        complete
            .points
            .push(Point { attributes: attrs.clone(), value: if row.missing.is_empty() { 1.0 } else { 0.0 } });
        // Missing data is not zero spend: no spend point then (the data_complete gauge says why).
        if s.level.is_unknown() {
            continue;
        }
        let code = b.currency.as_str().to_string();
        let gauge = |spent: &mut Vec<Gauge>, name: &str, description: &'static str| -> usize {
            let full = format!("llmcost.budget.{name}");
            if let Some(i) = spent.iter().position(|g| g.name == full && g.unit == code) {
                i
            } else {
                spent.push(Gauge { name: full, description, unit: code.clone(), points: vec![] });
                spent.len() - 1
            }
        };
        let i = gauge(&mut spent, "spent", "Spend so far in the budget's current period.");
        spent[i].points.push(Point { attributes: attrs.clone(), value: double(s.spent) });
        let i = gauge(&mut spent, "forecast", "Projected spend at the end of the budget's period.");
        spent[i].points.push(Point { attributes: attrs.clone(), value: double(s.forecast) });
        let r = row.spent_ratio().to_string().parse().unwrap_or(0.0);
        ratio.points.push(Point { attributes: attrs, value: r });
    }
    out.extend(spent);
    out.extend([ratio, complete]);
    out.retain(|g| !g.points.is_empty());
    out
}

// Protobuf, the subset OTLP metrics need: field tags, varints, length-delimited fields,
// little-endian 64-bit values.
fn varint(out: &mut Vec<u8>, mut v: u64) {
    // Seven bits a byte, low first; the high bit says more follow.
    let low7 = |v: u64| u8::try_from(v & 0x7f).unwrap_or(0);
    while v >= 0x80 {
        out.push(low7(v) | 0x80);
        v >>= 7;
    }
    out.push(low7(v));
}

fn bytes_field(out: &mut Vec<u8>, field: u64, bytes: &[u8]) {
    varint(out, field << 3 | 2);
    varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

fn fixed64_field(out: &mut Vec<u8>, field: u64, v: u64) {
    varint(out, field << 3 | 1);
    out.extend_from_slice(&v.to_le_bytes());
}

/// `KeyValue { key = 1; AnyValue value = 2 { string_value = 1 } }`
fn key_value(key: &str, value: &str) -> Vec<u8> {
    let mut any = Vec::new();
    bytes_field(&mut any, 1, value.as_bytes());
    let mut kv = Vec::new();
    bytes_field(&mut kv, 1, key.as_bytes());
    bytes_field(&mut kv, 2, &any);
    kv
}

/// `ExportMetricsServiceRequest` in protobuf.
pub(crate) fn protobuf(view: &MetricsView, now_nanos: u64) -> Vec<u8> {
    let mut scope_metrics = Vec::new();
    let mut scope = Vec::new();
    bytes_field(&mut scope, 1, b"llmcost");
    bytes_field(&mut scope, 2, env!("CARGO_PKG_VERSION").as_bytes());
    bytes_field(&mut scope_metrics, 1, &scope);
    for g in gauges(view) {
        let mut gauge = Vec::new();
        for p in &g.points {
            let mut point = Vec::new();
            fixed64_field(&mut point, 3, now_nanos); // time_unix_nano
            fixed64_field(&mut point, 4, p.value.to_bits()); // as_double
            for (k, v) in &p.attributes {
                bytes_field(&mut point, 7, &key_value(k, v));
            }
            bytes_field(&mut gauge, 1, &point); // data_points
        }
        let mut metric = Vec::new();
        bytes_field(&mut metric, 1, g.name.as_bytes());
        bytes_field(&mut metric, 2, g.description.as_bytes());
        bytes_field(&mut metric, 3, g.unit.as_bytes());
        bytes_field(&mut metric, 5, &gauge); // gauge
        bytes_field(&mut scope_metrics, 2, &metric);
    }
    let mut resource = Vec::new();
    for (k, v) in resource_attributes() {
        bytes_field(&mut resource, 1, &key_value(k, v));
    }
    let mut resource_metrics = Vec::new();
    bytes_field(&mut resource_metrics, 1, &resource);
    bytes_field(&mut resource_metrics, 2, &scope_metrics);
    let mut request = Vec::new();
    bytes_field(&mut request, 1, &resource_metrics);
    request
}

fn resource_attributes() -> [(&'static str, &'static str); 2] {
    [("service.name", "llmcost"), ("service.version", env!("CARGO_PKG_VERSION"))]
}

/// The same request in OTLP's JSON mapping (lowerCamelCase, 64-bit integers as strings).
pub(crate) fn json(view: &MetricsView, now_nanos: u64) -> serde_json::Value {
    use serde_json::json;
    let kv = |k: &str, v: &str| json!({"key": k, "value": {"stringValue": v}});
    let metrics: Vec<serde_json::Value> = gauges(view)
        .iter()
        .map(|g| {
            let points: Vec<serde_json::Value> = g
                .points
                .iter()
                .map(|p| {
                    json!({
                        "timeUnixNano": now_nanos.to_string(),
                        "asDouble": p.value,
                        "attributes": p.attributes.iter().map(|(k, v)| kv(k, v)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({"name": g.name, "description": g.description, "unit": g.unit, "gauge": {"dataPoints": points}})
        })
        .collect();
    json!({"resourceMetrics": [{
        "resource": {"attributes": resource_attributes().iter().map(|(k, v)| kv(k, v)).collect::<Vec<_>>()},
        "scopeMetrics": [{"scope": {"name": "llmcost", "version": env!("CARGO_PKG_VERSION")}, "metrics": metrics}]
    }]})
}

/// Pushes `view` to `target` on the one HTTP path; `Err` says why (never a header's value).
pub(crate) fn push(app: &crate::app::App, target: &OtlpTarget, view: &MetricsView) -> crate::error::Result<()> {
    use crate::error::Error;
    let now = app.clock.now().timestamp_nanos_opt().and_then(|n| u64::try_from(n).ok()).unwrap_or(0);
    let (body, content_type) = if target.json {
        (serde_json::to_vec(&json(view, now)).unwrap_or_default(), "application/json")
    } else {
        (protobuf(view, now), "application/x-protobuf")
    };
    let timeout = std::time::Duration::from_secs(app.config.http.timeout_seconds.max(1));
    let (runtime, client) = app.network.get(timeout)?;
    let policy = app.retry_policy().with_attempts(3);
    let build = || {
        let mut r = client.post(&target.url).header("content-type", content_type).body(body.clone());
        for (k, v) in &target.headers {
            r = r.header(k.as_str(), v.as_str());
        }
        r.build()
    };
    let host = crate::net::host_of(&target.url);
    let sent =
        runtime.block_on(crate::net::send(client, &policy, 1 << 20, "otlp: POST", build, crate::net::retry_throttled));
    match sent {
        Ok(a) if a.status.is_success() => Ok(()),
        Ok(a) => Err(Error::Fetch(format!("the OTLP collector at {host} answered HTTP {}", a.status.as_u16()))),
        Err(_) => Err(Error::Fetch(format!("cannot push OTLP metrics to {host}"))),
    }
}
