//! Money in more than one currency: a team paying OpenAI in USD and a vendor in EUR sees one
//! total in CHF, converted with the ECB's euro reference rates of each day (weekends carry the
//! Friday rate), the rates listed; nothing is ever summed across currencies unconverted.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rust_decimal::Decimal;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::fake_openai::{FakeOpenAi, billed, sample_org};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-currency-0123456789";

/// ECB XML with one rate per business day (USD 1.05, CHF 0.94 per euro), none on weekends.
fn ecb_xml() -> String {
    let mut cubes = String::new();
    let mut d = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    while d >= NaiveDate::from_ymd_opt(2026, 10, 1).unwrap() {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            cubes.push_str(&format!(
                "<Cube time='{d}'><Cube currency='USD' rate='1.05'/><Cube currency='CHF' rate='0.94'/><Cube currency='JPY' rate='160.1'/></Cube>\n"
            ));
        }
        d = d - Days::new(1);
    }
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gesmes:Envelope><Cube>\n{cubes}</Cube></gesmes:Envelope>\n")
}

#[tokio::test]
async fn usd_and_eur_spend_shown_as_one_chf_total() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let ecb = MockServer::start().await;
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(200).set_body_string(ecb_xml())).mount(&ecb).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url()).var("LLMCOST_FX_URL", &ecb.uri());
    let file = env.dir.path().join("mistral.csv");
    std::fs::write(
        &file,
        "date,model,cost,currency\n2026-11-14,mistral-large,100,EUR\n2026-11-17,mistral-large,50.5,EUR\n",
    )
    .unwrap();
    let out = env.run(&["import", file.to_str().unwrap(), "--provider", "mistral", "--workspace", "lab"]).await;
    expect_code(&out, 0);

    let out = env.run(&["costs", "--month", "--currency", "CHF", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(doc["currency"], "CHF");
    let total: Decimal = doc["total"].as_str().unwrap().parse().unwrap();
    let usd: Decimal = billed(&sample_org(KEY), "2026-11-01", "2026-11-22");
    let (usd_per_eur, chf_per_eur): (Decimal, Decimal) = ("1.05".parse().unwrap(), "0.94".parse().unwrap());
    let expected = usd / usd_per_eur * chf_per_eur + Decimal::new(1505, 1) * chf_per_eur;
    assert!((total - expected).abs() < Decimal::new(1, 6), "CHF {total} vs {expected}");
    let fx = doc["fx"].as_array().unwrap();
    assert!(fx.iter().any(|f| f["from"] == "USD" && f["to"] == "CHF"), "{fx:?}");
    assert!(fx.iter().any(|f| f["from"] == "EUR" && f["to"] == "CHF" && f["rate"] == "0.94"), "{fx:?}");
    // 2026-11-22 is a Sunday: the Friday rate is used, and said.
    assert!(fx.iter().any(|f| f["date"] == "2026-11-20"), "{fx:?}");

    // --by currency keeps the billing currencies apart; the table names the currency.
    let by =
        env.run(&["costs", "--month", "--by", "currency", "--currency", "CHF", "--offline", "--format", "json"]).await;
    let rows: Vec<String> =
        json(&by)["rows"].as_array().unwrap().iter().map(|r| r["currency"].as_str().unwrap().to_string()).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    // Beside the converted cost, what each currency's rows were billed in that currency.
    let by_doc = json(&by);
    let eur = by_doc["rows"].as_array().unwrap().iter().find(|r| r["currency"] == "EUR").unwrap();
    assert_eq!(eur["billed"], "150.50", "{eur}");
    let table = env.run(&["costs", "--month", "--by", "currency", "--currency", "CHF", "--offline"]).await;
    assert!(stdout(&table).contains("Billed") && stdout(&table).contains("€150.50"), "{}", stdout(&table));
    let table = env.run(&["costs", "--month", "--currency", "CHF", "--offline"]).await;
    assert!(
        stdout(&table).contains("Cost (CHF)")
            && stdout(&table).contains("CHF ")
            && stdout(&table).contains("ECB euro reference rate"),
        "{}",
        stdout(&table)
    );
    let csv = env.run(&["costs", "--month", "--currency", "EUR", "--offline", "--format", "csv"]).await;
    assert!(stdout(&csv).lines().next().unwrap().contains("cost_eur"), "{}", stdout(&csv));

    // Projects and the exporter convert with the same cached rates; metric names carry the unit.
    let projects = env.run(&["projects", "--currency", "CHF", "--offline", "--format", "json"]).await;
    expect_code(&projects, 0);
    assert_eq!(json(&projects)["currency"], "CHF", "{}", stdout(&projects));
    let metrics = env.run(&["metrics", "--currency", "CHF"]).await;
    expect_code(&metrics, 0);
    let text = stdout(&metrics);
    let month: Decimal = text
        .lines()
        .filter(|l| l.starts_with("llmcost_spend_month_to_date_chf{"))
        .map(|l| l.rsplit(' ').next().unwrap().parse::<Decimal>().unwrap())
        .sum();
    assert!((month - total).abs() < Decimal::new(1, 6), "metrics {month} vs costs {total}");
    assert!(!text.contains("_usd{provider"), "{text}");
}

#[tokio::test]
async fn without_rates_and_offline_nothing_is_summed_one_to_one() {
    let env = TestEnv::new();
    let file = env.dir.path().join("mistral.csv");
    std::fs::write(&file, "date,model,cost,currency\n2026-11-14,mistral-large,100,EUR\n").unwrap();
    assert_eq!(
        code(&env.run(&["import", file.to_str().unwrap(), "--provider", "mistral", "--workspace", "lab"]).await),
        0
    );
    let out = env.run(&["costs", "--month", "--offline"]).await;
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("EUR") && err.contains("2026-11-14") && err.contains("ECB euro reference rate"), "{err}");
    // In its own currency it needs no rate.
    let out = env.run(&["costs", "--month", "--offline", "--currency", "EUR", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(json(&out)["total"], "100.00");
    let bad = env.run(&["costs", "--month", "--currency", "XYZ"]).await;
    expect_code(&bad, 2);
}

#[tokio::test]
async fn a_budget_in_euros_and_a_report_in_francs() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let ecb = MockServer::start().await;
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(200).set_body_string(ecb_xml())).mount(&ecb).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url()).var("LLMCOST_FX_URL", &ecb.uri());
    env.write_config("[[budgets]]\nname = \"eu\"\namount = 1000\ncurrency = \"EUR\"\nperiod = \"month\"\n");
    let out = env.run(&["budgets", "check", "--format", "json", "--fail-on", "forecast"]).await;
    let doc = json(&out);
    let b = &doc["budgets"][0];
    assert_eq!(b["currency"], "EUR", "{doc}");
    let spent: Decimal = b["spent"].as_str().unwrap().parse().unwrap();
    let usd = billed(&sample_org(KEY), "2026-11-01", "2026-11-22");
    let expected = usd / Decimal::new(105, 2);
    assert!((spent - expected).abs() < Decimal::new(1, 6), "EUR {spent} vs {expected}");
    let table = env.run(&["budgets", "check", "--offline"]).await;
    assert!(stdout(&table).contains("€1,000.00"), "{}", stdout(&table));
    let report = env.run(&["report", "--month", "--currency", "CHF", "--offline"]).await;
    expect_code(&report, 0);
    assert!(stdout(&report).contains("Cost (CHF)") && stdout(&report).contains("CHF "), "{}", stdout(&report));
}

/// The ECB's own files, as a mirror or a proxy serves them (`../shared/real3/ecb`, provenance in
/// its README): each converts an imported euro charge exactly, whatever its format.
#[tokio::test]
async fn every_form_the_ecb_publishes_converts_exactly() {
    let real = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/real3/ecb");
    for (file, day, usd_per_eur) in [
        ("hist-zip-2026-04-13/eurofxref-hist.zip", "2026-04-13", "1.1684"),
        ("daily-csv-2026-04-13/eurofxref.csv", "2026-04-13", "1.1684"),
        ("hist-csv-excerpt-2026-04-13/eurofxref-hist.csv", "2026-04-13", "1.1684"),
        ("hist-90d-xml-2017-03/eurofxref-hist-90d.xml", "2017-03-03", "1.0565"),
    ] {
        let body = std::fs::read(format!("{real}/{file}")).unwrap();
        let ecb = MockServer::start().await;
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(200).set_body_bytes(body)).mount(&ecb).await;
        let env = TestEnv::new().var("LLMCOST_FX_URL", &format!("{}/{file}", ecb.uri()));
        let csv = env.dir.path().join("mistral.csv");
        std::fs::write(&csv, format!("date,model,cost,currency\n{day},mistral-large,123.45,EUR\n")).unwrap();
        expect_code(
            &env.run(&["import", csv.to_str().unwrap(), "--provider", "mistral", "--workspace", "lab"]).await,
            0,
        );
        let out = env.run(&["costs", "--since", day, "--until", day, "--currency", "USD", "--format", "json"]).await;
        expect_code(&out, 0);
        let total: Decimal = json(&out)["total"].as_str().unwrap().parse().unwrap();
        let expected = Decimal::new(12345, 2) * usd_per_eur.parse::<Decimal>().unwrap();
        assert_eq!(total, expected, "{file}");
    }
}

/// A rate that cannot be true is refused with the currency and the day, and nothing is cached:
/// 100 EUR never shows as $0.00 or -$105.00, and a later good answer still converts.
#[tokio::test]
async fn an_impossible_ecb_rate_is_refused_and_not_cached() {
    for (rates, says) in [
        ("2026-11-20,0,\n", "USD on 2026-11-20"),
        ("2026-11-20,-1.05,\n", "USD on 2026-11-20"),
        ("2026-11-20,1.05,\n2026-11-20,1.5,\n", "two rates for USD on 2026-11-20"),
    ] {
        let ecb = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_string(format!("Date,USD,\n{rates}")))
            .mount(&ecb)
            .await;
        let env = TestEnv::new().var("LLMCOST_FX_URL", &ecb.uri());
        let csv = env.dir.path().join("mistral.csv");
        std::fs::write(&csv, "date,model,cost,currency\n2026-11-20,mistral-large,100,EUR\n").unwrap();
        expect_code(
            &env.run(&["import", csv.to_str().unwrap(), "--provider", "mistral", "--workspace", "lab"]).await,
            0,
        );
        let out = env.run(&["costs", "--since", "2026-11-20", "--until", "2026-11-20", "--currency", "USD"]).await;
        assert_ne!(code(&out), 0, "{}", stdout(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        let db = rusqlite::Connection::open(env.dir.path().join("cache.sqlite")).unwrap();
        let cached: i64 = db.query_row("SELECT count(*) FROM fx_rates", [], |r| r.get(0)).unwrap();
        assert_eq!(cached, 0, "{rates}");
    }
}
