//! `export --format focus --partitioned DIR`: one FOCUS file per account and UTC day, hive-style;
//! a revised day rewrites only its partition, an emptied day's partition is removed, and the
//! BilledCost over all partitions is what `costs` says, before and after a revision.

use std::path::Path;

use rust_decimal::Decimal;

use crate::test_env::{TestEnv, expect_code, json, stderr};

/// The BilledCost of every row of a Parquet file, read with the parquet crate's own reader.
fn parquet_billed(path: &Path) -> Vec<Decimal> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        for (name, field) in row.get_column_iter() {
            if name == "BilledCost" {
                let Field::Decimal(d) = field else { panic!("BilledCost is {field:?}") };
                let bytes: [u8; 16] = d.data().try_into().unwrap();
                out.push(Decimal::from_i128_with_scale(i128::from_be_bytes(bytes), u32::try_from(d.scale()).unwrap()));
            }
        }
    }
    out
}

/// Every partition file under `dir`, and the sum of their BilledCost.
fn partitions(dir: &Path) -> (Vec<String>, Decimal) {
    partitions_as(dir, "focus.csv")
}

fn partitions_as(dir: &Path, name: &str) -> (Vec<String>, Decimal) {
    let mut files = Vec::new();
    let mut sum = Decimal::ZERO;
    for provider in std::fs::read_dir(dir).unwrap() {
        for workspace in std::fs::read_dir(provider.unwrap().path()).unwrap() {
            for day in std::fs::read_dir(workspace.unwrap().path()).unwrap() {
                let path = day.unwrap().path().join(name);
                if name.ends_with(".parquet") {
                    sum += parquet_billed(&path).into_iter().sum::<Decimal>();
                } else {
                    let mut reader = csv::Reader::from_path(&path).unwrap();
                    let at = reader.headers().unwrap().iter().position(|h| h == "BilledCost").unwrap();
                    for r in reader.records() {
                        sum += r.unwrap()[at].parse::<Decimal>().unwrap();
                    }
                }
                files.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    files.sort();
    (files, sum)
}

#[tokio::test]
async fn a_revised_day_rewrites_only_its_partition_and_sums_stay_the_bill() {
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-11-22T10:00:00Z");
    let csv = env.config.with_file_name("groq.csv");
    std::fs::write(&csv, "date,model,cost\n2026-11-02,llama-3.3-70b,1.25\n2026-11-03,llama-3.3-70b,2.50\n2026-11-04,llama-3.3-70b,0.75\n").unwrap();
    let file = csv.to_str().unwrap();
    expect_code(&env.run(&["import", file, "--provider", "groq", "--workspace", "team"]).await, 0);
    let dir = env.config.with_file_name("warehouse");
    let out_dir = dir.to_str().unwrap();
    let args = ["export", "--format", "focus", "--month", "--partitioned", out_dir];
    let export = || env.run(&args);
    let total = || async {
        let out = env.run(&["costs", "--month", "--format", "json"]).await;
        json(&out)["total"].as_str().unwrap().parse::<Decimal>().unwrap()
    };

    let out = export().await;
    expect_code(&out, 0);
    assert!(stderr(&out).contains("3 written, 0 unchanged, 0 removed"), "{}", stderr(&out));
    let (files, sum) = partitions(&dir);
    assert_eq!(files[0], "provider=groq/workspace=team/day=2026-11-02/focus.csv");
    assert_eq!(files.len(), 3);
    assert_eq!(sum, total().await);

    // The provider revises the 3rd: only that partition is written again.
    let before = std::fs::metadata(dir.join("provider=groq/workspace=team/day=2026-11-02/focus.csv"))
        .unwrap()
        .modified()
        .unwrap();
    std::fs::write(&csv, "date,model,cost\n2026-11-03,llama-3.3-70b,2.90\n").unwrap();
    expect_code(&env.run(&["import", file, "--provider", "groq", "--workspace", "team"]).await, 0);
    let out = export().await;
    assert!(stderr(&out).contains("1 written, 2 unchanged, 0 removed"), "{}", stderr(&out));
    let after = std::fs::metadata(dir.join("provider=groq/workspace=team/day=2026-11-02/focus.csv"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after, "an unchanged day is not rewritten");
    let (_, sum) = partitions(&dir);
    assert_eq!(sum, Decimal::new(490, 2));
    assert_eq!(sum, total().await, "after the revision too");

    // The whole history replaced by one day: the others' partitions go.
    std::fs::write(&csv, "date,model,cost\n2026-11-04,llama-3.3-70b,0.75\n").unwrap();
    expect_code(&env.run(&["import", file, "--provider", "groq", "--workspace", "team", "--replace", "all"]).await, 0);
    let out = export().await;
    assert!(stderr(&out).contains("0 written, 1 unchanged, 2 removed"), "{}", stderr(&out));
    let (files, sum) = partitions(&dir);
    assert_eq!(files, ["provider=groq/workspace=team/day=2026-11-04/focus.csv"]);
    assert_eq!(sum, total().await);
}

/// The same as Parquet: typed files, each rewritten only when its day changed, summing to
/// `costs` exactly before and after a revision; a file of the whole month reads back as the CSV.
#[tokio::test]
async fn parquet_partitions_sum_to_the_bill_and_follow_revisions() {
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-11-22T10:00:00Z");
    let csv = env.config.with_file_name("groq.csv");
    std::fs::write(&csv, "date,model,cost\n2026-11-02,llama-3.3-70b,1.25\n2026-11-03,llama-3.3-70b,0.000004500001\n")
        .unwrap();
    let file = csv.to_str().unwrap();
    expect_code(&env.run(&["import", file, "--provider", "groq", "--workspace", "team"]).await, 0);
    let dir = env.config.with_file_name("warehouse");
    let args = ["export", "--format", "focus-parquet", "--month", "--partitioned", dir.to_str().unwrap()];
    let total = || async {
        let out = env.run(&["costs", "--month", "--format", "json"]).await;
        json(&out)["total"].as_str().unwrap().parse::<Decimal>().unwrap()
    };
    let out = env.run(&args).await;
    assert!(stderr(&out).contains("2 written, 0 unchanged"), "{}", stderr(&out));
    let (files, sum) = partitions_as(&dir, "focus.parquet");
    assert_eq!(files[0], "provider=groq/workspace=team/day=2026-11-02/focus.parquet");
    assert_eq!(sum, total().await);
    assert_eq!(sum, "1.250004500001".parse::<Decimal>().unwrap(), "exact, no float");
    let out = env.run(&args).await;
    assert!(stderr(&out).contains("0 written, 2 unchanged"), "the same data writes the same bytes: {}", stderr(&out));
    std::fs::write(&csv, "date,model,cost\n2026-11-03,llama-3.3-70b,2.90\n").unwrap();
    expect_code(&env.run(&["import", file, "--provider", "groq", "--workspace", "team"]).await, 0);
    let out = env.run(&args).await;
    assert!(stderr(&out).contains("1 written, 1 unchanged"), "{}", stderr(&out));
    assert_eq!(partitions_as(&dir, "focus.parquet").1, total().await, "after the revision too");
    // One file: the same rows as the CSV.
    let whole = env.config.with_file_name("month.parquet");
    expect_code(
        &env.run(&["export", "--format", "focus-parquet", "--month", "--out", whole.to_str().unwrap()]).await,
        0,
    );
    assert_eq!(parquet_billed(&whole).into_iter().sum::<Decimal>(), total().await);
}
