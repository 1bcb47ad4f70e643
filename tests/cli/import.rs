//! `import` and `export --format focus` end to end: llmcost's CSV (BOM, quoted commas, columns
//! in any order), re-imports that never double count, malformed rows that import nothing, FOCUS
//! files (gzip, non-AI rows left out), and a FOCUS export whose columns are typed as FOCUS 1.2
//! says and that imports back to the same totals.

use std::io::Write;

use rust_decimal::Decimal;

use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const GROQ: &str = "\u{feff}date,model,cost,project,input_tokens,output_tokens,requests\n\
    2026-11-20,\"llama-3.3-70b-versatile\",1.25,,1000,200,4\n\
    2026-11-21,llama-3.3-70b-versatile,2.5,bot,2000,300,8\n\
    2026-11-21,\"whisper-large-v3, turbo\",0.10,,,,\n";

fn total(env: &TestEnv, args: &[&str]) -> Decimal {
    let mut all = vec!["costs", "--month", "--offline", "--format", "json"];
    all.extend(args);
    let out = env.std_cmd().args(&all).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["total"].as_str().unwrap().parse().unwrap()
}

fn write(env: &TestEnv, name: &str, text: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[tokio::test]
async fn imported_spend_shows_everywhere_and_reimports_never_double_count() {
    let env = TestEnv::new();
    let file = write(&env, "groq.csv", GROQ);
    for _ in 0..2 {
        let out = env.run(&["import", &file, "--provider", "groq", "--workspace", "team"]).await;
        expect_code(&out, 0);
    }
    assert_eq!(total(&env, &["--provider", "groq"]), Decimal::new(385, 2), "imported twice, counted once");
    let out = env.run(&["costs", "--month", "--by", "provider,model", "--format", "json"]).await;
    let doc = json(&out);
    let row = &doc["rows"][0];
    assert_eq!((row["provider"].as_str(), row["source"].as_str()), (Some("groq"), Some("import")));
    assert_eq!(doc["complete"], true, "imported accounts have no missing days");
    let models: Vec<&str> = doc["rows"].as_array().unwrap().iter().map(|r| r["model"].as_str().unwrap()).collect();
    assert!(models.contains(&"whisper-large-v3, turbo"), "quoted commas kept: {models:?}");
    let list = env.run(&["providers"]).await;
    assert!(stdout(&list).contains("imported, last file groq.csv"), "{}", stdout(&list));
    let report = env.run(&["report", "--month", "--offline"]).await;
    assert!(stdout(&report).contains("groq/team"), "{}", stdout(&report));
    // --replace all drops what the file does not hold any more.
    let smaller = write(&env, "groq2.csv", "date,model,cost\n2026-11-05,llama-3.1-8b-instant,0.5\n");
    let out = env.run(&["import", &smaller, "--provider", "groq", "--workspace", "team", "--replace", "all"]).await;
    expect_code(&out, 0);
    assert_eq!(total(&env, &["--provider", "groq"]), Decimal::new(5, 1));
}

#[tokio::test]
async fn a_malformed_row_imports_nothing() {
    let env = TestEnv::new();
    let good = write(&env, "good.csv", GROQ);
    assert_eq!(code(&env.run(&["import", &good, "--provider", "mistral", "--workspace", "lab"]).await), 0);
    let bad = write(&env, "bad.csv", "date,model,cost\n2026-11-01,mistral-large,1\n2026-11-02,mistral-large,abc\n");
    let out = env.run(&["import", &bad, "--provider", "mistral", "--workspace", "lab"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("bad.csv: line 3, column cost"), "{}", stderr(&out));
    assert_eq!(total(&env, &["--provider", "mistral"]), Decimal::new(385, 2), "nothing of bad.csv was imported");
    for (provider, needle) in [("openai", "has a billing API"), ("Groq!", "not a provider id")] {
        let out = env.run(&["import", &good, "--provider", provider, "--workspace", "lab"]).await;
        expect_code(&out, 2);
        assert!(stderr(&out).contains(needle), "{}", stderr(&out));
    }
}

#[tokio::test]
async fn focus_files_in_gzip_keep_only_ai_usage() {
    let env = TestEnv::new();
    let focus = "BilledCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,ServiceCategory,ServiceName,SkuId,SubAccountName\n\
        12.5,USD,Usage,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,AI and Machine Learning,Azure OpenAI,gpt-4o,prod\n\
        3,USD,Usage,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,Compute,Virtual Machines,D2s v5,prod\n\
        -1,USD,Credit,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,AI and Machine Learning,Azure OpenAI,gpt-4o,prod\n\
        0.25,USD,Usage,2026-11-02T00:00:00Z,2026-11-03T00:00:00Z,AI and Machine Learning,Azure OpenAI,gpt-4o-mini,prod\n";
    let path = env.dir.path().join("focus.csv.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(focus.as_bytes()).unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let out = env
        .run(&[
            "import",
            path.to_str().unwrap(),
            "--format",
            "focus",
            "--provider",
            "azure-focus",
            "--workspace",
            "prod",
        ])
        .await;
    expect_code(&out, 0);
    assert!(stderr(&out).contains("2 row(s) left out"), "{}", stderr(&out));
    assert_eq!(total(&env, &["--provider", "azure-focus"]), Decimal::new(1275, 2));
}

#[tokio::test]
async fn the_focus_export_is_typed_as_focus_says_and_imports_back_to_the_same_totals() {
    let env = TestEnv::new();
    let file = write(&env, "groq.csv", GROQ);
    assert_eq!(code(&env.run(&["import", &file, "--provider", "groq", "--workspace", "team"]).await), 0);
    let out_file = env.dir.path().join("focus.csv");
    let out =
        env.run(&["export", "--format", "focus", "--month", "--offline", "--out", out_file.to_str().unwrap()]).await;
    expect_code(&out, 0);
    let mut reader = csv::Reader::from_path(&out_file).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let mandatory = [
        "BilledCost",
        "BillingAccountId",
        "BillingAccountName",
        "BillingCurrency",
        "BillingPeriodEnd",
        "BillingPeriodStart",
        "ChargeCategory",
        "ChargeClass",
        "ChargeDescription",
        "ChargePeriodEnd",
        "ChargePeriodStart",
        "ContractedCost",
        "EffectiveCost",
        "InvoiceIssuerName",
        "ListCost",
        "ProviderName",
        "PublisherName",
        "ServiceCategory",
        "ServiceName",
        "SubAccountId",
        "SubAccountName",
    ];
    for column in mandatory {
        assert!(header.iter().any(|h| h == column), "{column} missing from {header:?}");
    }
    let at = |row: &csv::StringRecord, name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    let time = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    let mut rows = 0;
    for row in reader.records() {
        let row = row.unwrap();
        rows += 1;
        for money in ["BilledCost", "EffectiveCost", "ListCost", "ContractedCost"] {
            let v = at(&row, money);
            assert!(!v.contains(['e', 'E']) && v.parse::<Decimal>().is_ok(), "{money} = {v}");
        }
        let currency = at(&row, "BillingCurrency");
        assert!(currency.len() == 3 && currency.chars().all(|c| c.is_ascii_uppercase()), "{currency}");
        for t in ["ChargePeriodStart", "ChargePeriodEnd", "BillingPeriodStart", "BillingPeriodEnd"] {
            assert!(at(&row, t).ends_with('Z'), "{t} in UTC with Z");
        }
        assert!(time(&at(&row, "ChargePeriodEnd")) > time(&at(&row, "ChargePeriodStart")));
        assert!(time(&at(&row, "BillingPeriodStart")) <= time(&at(&row, "ChargePeriodStart")));
        assert!(time(&at(&row, "ChargePeriodEnd")) <= time(&at(&row, "BillingPeriodEnd")));
        assert!(["Usage", "Purchase", "Tax", "Credit", "Adjustment"].contains(&at(&row, "ChargeCategory").as_str()));
        assert!(["", "Correction"].contains(&at(&row, "ChargeClass").as_str()));
        assert_eq!(at(&row, "ServiceCategory"), "AI and Machine Learning");
        // FOCUS 1.2's conditions on a Usage row (not a Correction): quantities with their
        // units, a list unit price whose product with the quantity is the list cost, a SKU
        // price id and meter beside the SKU id.
        assert_eq!(at(&row, "ChargeCategory"), "Usage");
        for column in [
            "PricingQuantity",
            "PricingUnit",
            "ConsumedQuantity",
            "ConsumedUnit",
            "ListUnitPrice",
            "SkuId",
            "SkuPriceId",
            "SkuMeter",
        ] {
            assert!(!at(&row, column).is_empty(), "{column} is null on a Usage row");
        }
        let product = at(&row, "ListUnitPrice").parse::<Decimal>().unwrap()
            * at(&row, "PricingQuantity").parse::<Decimal>().unwrap();
        assert_eq!(product, at(&row, "ListCost").parse::<Decimal>().unwrap());
    }
    assert_eq!(rows, 3);
    // Round trip: the export imported back gives the same totals, by model too.
    let out = env
        .run(&[
            "import",
            out_file.to_str().unwrap(),
            "--format",
            "focus",
            "--provider",
            "roundtrip",
            "--workspace",
            "x",
        ])
        .await;
    expect_code(&out, 0);
    assert_eq!(total(&env, &["--provider", "roundtrip"]), total(&env, &["--provider", "groq"]));
    let by_model = |p: &str| {
        let out = env
            .std_cmd()
            .args(["costs", "--month", "--offline", "--by", "model,project", "--format", "json", "--provider", p])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["model"].to_string(), r["project"].to_string(), r["cost"].to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(by_model("roundtrip"), by_model("groq"));
}

/// The FinOps Foundation's real FOCUS sample (`../shared/real3/focus`): rows chosen with
/// `--service` keep the source's classification and names when exported again, `NULL` literals
/// and `YYYY-MM-DD HH:MM:SS` hourly periods are read, and the summary says why rows were left out.
#[tokio::test]
async fn imported_focus_rows_are_exported_with_their_own_classification() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/real3/focus/focus-sample-data-1.0/focus_sample.csv");
    let env = TestEnv::new();
    let out = env
        .run(&[
            "import",
            sample,
            "--format",
            "focus",
            "--provider",
            "focus-sample",
            "--workspace",
            "demo",
            "--service",
            "Amazon Simple Storage Service",
            "--service",
            "Storage Accounts",
        ])
        .await;
    expect_code(&out, 0);
    let said = stderr(&out);
    assert!(said.contains("not the --service chosen") && !said.contains("not AI services"), "{said}");
    let out_file = env.dir.path().join("again.csv");
    let out = env
        .run(&[
            "export",
            "--since",
            "2024-09-01",
            "--until",
            "2024-10-31",
            "--offline",
            "--out",
            out_file.to_str().unwrap(),
        ])
        .await;
    expect_code(&out, 0);
    let mut reader = csv::Reader::from_path(&out_file).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let at = |row: &csv::StringRecord, name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    let mut seen = std::collections::BTreeSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        let classified = (
            at(&row, "ServiceName"),
            at(&row, "ServiceCategory"),
            at(&row, "ProviderName"),
            at(&row, "InvoiceIssuerName"),
        );
        assert_ne!(classified.1, "AI and Machine Learning", "{classified:?}");
        assert!(!classified.0.contains("focus-sample"), "{classified:?}");
        seen.insert(classified);
    }
    assert!(
        seen.contains(&(
            "Amazon Simple Storage Service".into(),
            "Storage".into(),
            "AWS".into(),
            "Amazon Web Services, Inc.".into()
        )),
        "{seen:?}"
    );
    assert!(seen.iter().any(|c| c.0 == "Storage Accounts" && c.2 == "Microsoft"), "{seen:?}");
}

/// Provider text that a spreadsheet would run as a formula is written inert in the FOCUS file,
/// as in every other CSV; amounts stay plain numbers.
#[tokio::test]
async fn the_focus_export_never_writes_a_formula() {
    let env = TestEnv::new();
    let file = write(
        &env,
        "hostile.csv",
        "date,model,cost,project\n2026-11-20,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",1.5,+cmd|' /C calc'!A0\n2026-11-20,@SUM(A1),2,-2+3\n",
    );
    expect_code(&env.run(&["import", &file, "--provider", "groq", "--workspace", "team"]).await, 0);
    let out_file = env.dir.path().join("focus.csv");
    expect_code(&env.run(&["export", "--month", "--offline", "--out", out_file.to_str().unwrap()]).await, 0);
    let mut reader = csv::Reader::from_path(&out_file).unwrap();
    for row in reader.records() {
        for cell in row.unwrap().iter() {
            let formula =
                cell.starts_with(['=', '+', '@']) || (cell.starts_with('-') && cell.parse::<Decimal>().is_err());
            assert!(!formula, "{cell}");
        }
    }
}

/// A row without token counts (a vendor's file without them) writes blank token cells, as the
/// table shows `-`, never a 0 that reads as "no use".
#[tokio::test]
async fn unknown_token_counts_are_blank_in_csv() {
    let env = TestEnv::new();
    let file = write(&env, "groq.csv", GROQ);
    expect_code(&env.run(&["import", &file, "--provider", "groq", "--workspace", "team"]).await, 0);
    let out = env.run(&["costs", "--month", "--by", "model", "--offline", "--format", "csv"]).await;
    expect_code(&out, 0);
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let whisper = rows.iter().find(|r| r[0].starts_with("whisper")).unwrap();
    assert_eq!((&whisper[2], &whisper[4]), ("", ""), "{whisper:?}");
    let llama = rows.iter().find(|r| r[0].starts_with("llama")).unwrap();
    assert_eq!(&llama[2], "3000", "{llama:?}");
}

/// An imported vendor has no project list, so its projects are not called "unlisted".
#[tokio::test]
async fn imported_projects_are_not_called_unlisted() {
    let env = TestEnv::new();
    let file = write(&env, "groq.csv", GROQ);
    expect_code(&env.run(&["import", &file, "--provider", "groq", "--workspace", "team"]).await, 0);
    let out = env.run(&["projects", "--month", "--offline", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let bot = doc["projects"].as_array().unwrap().iter().find(|r| r["id"] == "bot").unwrap_or_else(|| panic!("{doc}"));
    assert_ne!(bot["status"], "unlisted", "{doc}");
}

/// `--focus-version 1.3` adds 1.3's ServiceProviderName and HostProviderName and nothing else;
/// a model a cloud or a router resells names its own publisher (Bedrock's Claude: provided by
/// AWS, published by Anthropic), in both versions; the 1.3 file imports back whole.
#[tokio::test]
async fn focus_1_3_names_the_service_provider_and_the_publisher() {
    let env = TestEnv::new();
    let export = |version: &str| {
        let out = env
            .std_cmd()
            .args(["--demo", "export", "--format", "focus", "--month", "--focus-version", version])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<std::collections::HashMap<String, String>> = reader
            .records()
            .map(|r| header.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect())
            .collect();
        (header, rows)
    };
    let (h12, rows12) = export("1.2");
    let (h13, rows13) = export("1.3");
    assert!(!h12.iter().any(|h| h.ends_with("ProviderName") && h != "ProviderName"), "1.2 stays 1.2: {h12:?}");
    let added: Vec<&String> = h13.iter().filter(|h| !h12.contains(h)).collect();
    assert_eq!(added, ["HostProviderName", "ServiceProviderName"]);
    assert_eq!(rows12.len(), rows13.len());
    let find = |rows: &[std::collections::HashMap<String, String>], provider: &str, model: &str| {
        rows.iter().find(|r| r["x_LlmcostProvider"] == provider && r["x_LlmcostModel"] == model).unwrap().clone()
    };
    let bedrock = find(&rows13, "aws", "Claude Sonnet 4.5");
    assert_eq!(
        (&*bedrock["ProviderName"], &*bedrock["PublisherName"], &*bedrock["ServiceProviderName"]),
        ("AWS Bedrock", "Anthropic", "AWS Bedrock")
    );
    assert_eq!(bedrock["HostProviderName"], "AWS Bedrock", "the host is not the customer's to pick");
    assert_eq!(find(&rows12, "openrouter", "meta-llama/llama-4-maverick")["PublisherName"], "Meta");
    assert_eq!(find(&rows12, "openai", "web search tool calls")["PublisherName"], "OpenAI");
    assert_eq!(find(&rows12, "xai", "grok-4")["PublisherName"], "xAI", "a vendor publishes its own models");
    let sum = |rows: &[std::collections::HashMap<String, String>]| -> Decimal {
        rows.iter().map(|r| r["BilledCost"].parse::<Decimal>().unwrap()).sum()
    };
    assert_eq!(sum(&rows12), sum(&rows13));
    // Read back: the 1.3 columns are understood, no row is left out.
    let file = env.dir.path().join("focus13.csv");
    let out = env.std_cmd().args(["--demo", "export", "--month", "--focus-version", "1.3"]).output().unwrap();
    std::fs::write(&file, out.stdout).unwrap();
    let import = env
        .std_cmd()
        .args(["import", file.to_str().unwrap(), "--format", "focus", "--provider", "back", "--workspace", "x"])
        .output()
        .unwrap();
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    let said = format!("{}{}", String::from_utf8_lossy(&import.stdout), String::from_utf8_lossy(&import.stderr));
    assert!(said.contains(&format!("Imported {} row(s)", rows13.len())), "{said}");
}
