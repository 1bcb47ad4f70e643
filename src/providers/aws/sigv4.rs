//! AWS Signature Version 4 for Cost Explorer's JSON POSTs: the canonical request, the string to
//! sign and the derived key, with HMAC-SHA256 from `ring`. Signed with the real clock (AWS refuses
//! requests more than 15 minutes off), never with `LLMCOST_NOW`.

use chrono::{DateTime, Utc};
use ring::{digest, hmac};

use super::credentials::AwsCredentials;

pub(crate) const REGION: &str = "us-east-1";
pub(crate) const SERVICE: &str = "ce";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256_hex(data: &[u8]) -> String {
    hex(digest::digest(&digest::SHA256, data).as_ref())
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, key), data.as_bytes()).as_ref().to_vec()
}

/// The headers to add to a POST of `body` to `host` (with its port when not the default) at
/// `path` and `query`, carrying `target`: `x-amz-date`, `x-amz-security-token` for session
/// credentials, and `authorization`.
pub(crate) fn sign(
    creds: &AwsCredentials,
    host: &str,
    path: &str,
    query: &str,
    target: &str,
    body: &[u8],
    now: DateTime<Utc>,
) -> Vec<(&'static str, String)> {
    let amz_date = now.format("%Y%m%dT%H%M%SZ").to_string();
    let date = now.format("%Y%m%d").to_string();
    let mut headers: Vec<(&'static str, String)> = vec![
        ("content-type", "application/x-amz-json-1.1".to_string()),
        ("host", host.to_string()),
        ("x-amz-date", amz_date.clone()),
    ];
    if let Some(token) = &creds.session_token {
        headers.push(("x-amz-security-token", token.expose().to_string()));
    }
    headers.push(("x-amz-target", target.to_string()));
    headers.sort_by(|a, b| a.0.cmp(b.0));
    let canonical_headers: String = headers.iter().map(|(k, v)| format!("{k}:{}\n", v.trim())).collect();
    let signed_headers = headers.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(";");
    let canonical_request = format!(
        "POST\n{}\n{}\n{canonical_headers}\n{signed_headers}\n{}",
        if path.is_empty() { "/" } else { path },
        canonical_query(query),
        sha256_hex(body)
    );
    let scope = format!("{date}/{REGION}/{SERVICE}/aws4_request");
    let string_to_sign = format!("AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}", sha256_hex(canonical_request.as_bytes()));
    let k_date = hmac(format!("AWS4{}", creds.secret_access_key.expose()).as_bytes(), &date);
    let k_region = hmac(&k_date, REGION);
    let k_service = hmac(&k_region, SERVICE);
    let k_signing = hmac(&k_service, "aws4_request");
    let signature = hex(&hmac(&k_signing, &string_to_sign));
    let authorization = format!(
        "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
        creds.access_key_id
    );
    let mut out: Vec<(&'static str, String)> = headers.into_iter().filter(|(k, _)| *k != "host").collect();
    out.push(("authorization", authorization));
    out
}

/// Query parameters sorted by name, as SigV4 wants them (Cost Explorer sends none).
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
    pairs.sort_unstable();
    pairs.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::Secret;

    /// AWS's published SigV4 example key (`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`), with the
    /// key-derivation steps checked against the values in AWS's documentation.
    #[test]
    fn derived_key_matches_the_documented_example() {
        let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        let k_date = hmac(format!("AWS4{secret}").as_bytes(), "20120215");
        let k_region = hmac(&k_date, "us-east-1");
        let k_service = hmac(&k_region, "iam");
        let k_signing = hmac(&k_service, "aws4_request");
        assert_eq!(hex(&k_signing), "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    #[test]
    fn signs_with_the_session_token_and_the_target() {
        let creds = AwsCredentials {
            access_key_id: "AKIDEXAMPLE".into(),
            secret_access_key: Secret::new("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            session_token: Some(Secret::new("token")),
            source: "test".into(),
        };
        let now = DateTime::parse_from_rfc3339("2026-11-30T12:00:00Z").unwrap().with_timezone(&Utc);
        let headers =
            sign(&creds, "ce.us-east-1.amazonaws.com", "/", "", "AWSInsightsIndexService.GetCostAndUsage", b"{}", now);
        let auth = &headers.iter().find(|(k, _)| *k == "authorization").unwrap().1;
        assert!(auth.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261130/us-east-1/ce/aws4_request, "));
        assert!(auth.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target"));
        assert!(headers.iter().any(|(k, v)| *k == "x-amz-security-token" && v == "token"));
        // Deterministic for the same inputs.
        assert_eq!(
            headers,
            sign(&creds, "ce.us-east-1.amazonaws.com", "/", "", "AWSInsightsIndexService.GetCostAndUsage", b"{}", now)
        );
    }
}
