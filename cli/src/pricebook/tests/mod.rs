//! Tests of `import` (in their own file: test code may unwrap), on the
//! fixtures in cli/tests/fixtures/pricelist/ (real layout, decoy rows).

use super::book::{Table, FILES};
use super::*;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/pricelist/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A fresh, absent output directory for one test.
fn out_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("berth-import-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn run_import(out: &Path, files: &[&str]) -> Result<String, String> {
    let mut a = vec![
        "import".to_string(),
        "--out".to_string(),
        out.display().to_string(),
    ];
    a.extend(files.iter().map(|f| fixture(f)));
    pricebook(&a)
}

fn read(out: &Path, file: &str) -> Table {
    Table::parse(file, &std::fs::read_to_string(out.join(file)).unwrap()).unwrap()
}

/// The rows of `file` whose first columns are `key`.
fn rows_with(t: &Table, key: &[&str]) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .filter(|r| r.iter().zip(key).all(|(a, b)| a == *b))
        .map(|r| r.iter().map(str::to_string).collect())
        .collect()
}

fn base_text(name: &str) -> String {
    base_book(None)
        .unwrap()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap()
        .1
}

#[test]
fn import_ec2_takes_the_plain_linux_rows_and_ignores_the_decoys() {
    let out = out_dir("ec2");
    let report = run_import(&out, &["ec2-eu-west-1.csv"]).unwrap();
    let t = read(&out, "ec2_prices.csv");
    let large = rows_with(&t, &["m5.large", "eu-west-1"]);
    assert_eq!(large.len(), 1);
    let row = &large[0];
    // 0.107, not a decoy's 0.199 (Windows), 0.167 (RHEL), 0.407 (SQL Std),
    // 0.118 (Dedicated), 0.067 (Reserved), 0.15 (other usage), 0.207 (BYOL).
    assert_eq!(row[2], "0.107");
    assert_eq!(
        row[3],
        "AWS Price List AmazonEC2 offer ".to_string()
            + &fixture("ec2-eu-west-1.csv")
            + ", version 20261120190541"
    );
    assert_eq!(row[4..8], ["2026-11-20", "high", "false", ""]);
    assert_eq!(rows_with(&t, &["m5.xlarge", "eu-west-1"])[0][2], "0.214");
    // Outside the catalog: not imported.
    assert!(rows_with(&t, &["x2iedn.xlarge"]).is_empty());
    // Rows of other regions are the base's, unchanged and in base order.
    let base = Table::parse("ec2_prices.csv", &base_text("ec2_prices.csv")).unwrap();
    assert_eq!(t.rows.len(), base.rows.len());
    let eu = base
        .rows
        .iter()
        .filter(|r| r.get(1) == Some("eu-west-1"))
        .count();
    assert_eq!(t.rows[0], base.rows[0]);
    assert!(
        report.contains(&format!(
        "ec2_prices.csv: 2 imported, {} kept from the base book, {} base rows with no counterpart",
        base.rows.len() - 2,
        eu - 2
    )),
        "{report}"
    );
}

#[test]
fn import_finds_columns_by_name_not_position() {
    let a = out_dir("order-a");
    let b = out_dir("order-b");
    run_import(&a, &["ec2-eu-west-1.csv"]).unwrap();
    run_import(&b, &["ec2-eu-west-1-reordered.csv"]).unwrap();
    let text = |d: &Path| std::fs::read_to_string(d.join("ec2_prices.csv")).unwrap();
    let same = text(&b).replace("ec2-eu-west-1-reordered.csv", "ec2-eu-west-1.csv");
    assert_eq!(text(&a), same);
    assert!(text(&a).contains("m5.large,eu-west-1,0.107,\"AWS Price List"));
}

#[test]
fn import_fargate_rates_from_the_ecs_offer() {
    let out = out_dir("ecs");
    run_import(&out, &["ecs-us-east-1.csv"]).unwrap();
    let t = read(&out, "fargate_prices.csv");
    let get = |p: &str, tier: &str| rows_with(&t, &["us-east-1", p, tier])[0][3..9].to_vec();
    assert_eq!(
        get("linux_x86", "on_demand")[..3],
        ["0.04048", "0.004445", ""]
    );
    assert_eq!(get("linux_x86", "on_demand")[4], "2026-11-18");
    assert_eq!(get("linux_arm", "on_demand")[..2], ["0.03238", "0.00356"]);
    assert_eq!(
        get("windows_x86", "on_demand")[..3],
        ["0.046552", "0.0051117", "0.046"]
    );
    assert_eq!(get("linux_x86", "spot")[..2], ["0.01245", "0.00137"]);
    let fees = read(&out, "fees.csv");
    let eph = rows_with(&fees, &["fee.fargate_ephemeral_gb_hour", "us-east-1"]);
    assert_eq!(eph[0][2], "0.000111");
}

#[test]
fn import_fees_in_the_books_units() {
    let out = out_dir("fees");
    let report = run_import(
        &out,
        &[
            "eks-us-east-1.csv",
            "lambda-us-east-1.csv",
            "elb-eu-west-1.csv",
        ],
    )
    .unwrap();
    let t = read(&out, "fees.csv");
    let value = |k: &str, r: &str| rows_with(&t, &[k, r]).first().map(|row| row[2].clone());
    // EKS is one figure for all regions in the base and the file agrees.
    assert_eq!(
        value("fee.eks_cluster_standard_hour", "all").as_deref(),
        Some("0.1")
    );
    // Extended = cluster-hour + surcharge, marked derived.
    let ext = rows_with(&t, &["fee.eks_cluster_extended_hour", "all"]);
    assert_eq!(ext[0][2], "0.6");
    assert_eq!(ext[0][7], "true");
    assert!(value("fee.eks_cluster_standard_hour", "us-east-1").is_none());
    // Lambda: first tier, not 0.000015 or the provisioned rate; per million.
    assert_eq!(
        value("fee.lambda_gb_second_x86", "us-east-1").as_deref(),
        Some("0.0000166667")
    );
    assert_eq!(
        value("fee.lambda_gb_second_arm", "us-east-1").as_deref(),
        Some("0.0000133334")
    );
    assert_eq!(
        value("fee.lambda_per_million_requests", "us-east-1").as_deref(),
        Some("0.2")
    );
    assert_eq!(
        rows_with(&t, &["fee.lambda_per_million_requests", "us-east-1"])[0][3],
        "USD per 1M requests"
    );
    // ALB, not NLB (0.0252000001), Outposts or classic.
    assert_eq!(
        value("fee.alb_hour", "eu-west-1").as_deref(),
        Some("0.0252")
    );
    assert_eq!(
        value("fee.alb_lcu_hour", "eu-west-1").as_deref(),
        Some("0.008")
    );
    assert!(report.contains("fees.csv: "), "{report}");
}

#[test]
fn import_catalog_limits_from_describe_instance_types() {
    let out = out_dir("json");
    run_import(&out, &["describe-instance-types.json"]).unwrap();
    let t = read(&out, "instance_types.csv");
    let row = &rows_with(&t, &["m5.large"])[0];
    let col = |name: &str| {
        t.get(
            &t.rows
                .iter()
                .find(|r| r.get(0) == Some("m5.large"))
                .unwrap()
                .clone(),
            name,
        )
        .to_string()
    };
    assert_eq!(col("vcpu"), "2");
    assert_eq!(col("memory_gib"), "8");
    assert_eq!(col("eks_max_pods"), "29");
    assert!(col("source").contains("describe-instance-types.json"));
    assert_eq!(col("trunking"), "true");
    assert!(!row.is_empty());
    assert!(rows_with(&t, &["x2iedn.xlarge"]).is_empty());
}

#[test]
fn import_writes_every_base_file_and_leaves_the_others_byte_for_byte() {
    let out = out_dir("complete");
    run_import(&out, &["ec2-eu-west-1.csv"]).unwrap();
    for name in FILES {
        let written = std::fs::read_to_string(out.join(name)).unwrap();
        match name {
            "ec2_prices.csv" => assert_ne!(written, base_text(name)),
            "SOURCES.md" => assert!(
                written.starts_with(&base_text(name))
                    && written.contains("| AmazonEC2 | 20261120190541 | 2026-11-20 |")
            ),
            _ => assert_eq!(written, base_text(name), "{name}"),
        }
    }
}

#[test]
fn import_rewrites_book_files_as_the_book_writes_them() {
    // A merged file is re-serialised; its unchanged rows must come out as
    // they were (quoting only where needed). Files the import never
    // changes are copied as they are (performance.csv quotes more).
    for name in [
        "ec2_prices.csv",
        "fargate_prices.csv",
        "fees.csv",
        "instance_types.csv",
    ] {
        let text = base_text(name);
        assert_eq!(
            Table::parse(name, &text).unwrap().text().unwrap(),
            text,
            "{name}"
        );
    }
}

/// The error of importing `file` over an existing book, which must survive.
fn failure(test: &str, file: &str) -> String {
    let out = out_dir(test);
    run_import(&out, &["ec2-eu-west-1.csv"]).unwrap();
    let before = std::fs::read_to_string(out.join("ec2_prices.csv")).unwrap();
    let err = run_import(&out, &["ecs-us-east-1.csv", file]).unwrap_err();
    assert_eq!(
        std::fs::read_to_string(out.join("ec2_prices.csv")).unwrap(),
        before
    );
    assert_eq!(
        read(&out, "fargate_prices.csv").rows.len(),
        read(&out, "fargate_prices.csv").rows.len()
    );
    assert!(!std::fs::read_to_string(out.join("fargate_prices.csv"))
        .unwrap()
        .contains("version 20261118101112"));
    err
}

#[test]
fn import_truncated_file_fails_naming_file_and_line_and_writes_nothing() {
    let err = failure("truncated", "ec2-truncated.csv");
    assert!(err.starts_with(&fixture("ec2-truncated.csv")), "{err}");
    assert!(err.contains(": line 18: "), "{err}");
}

#[test]
fn import_bad_price_fails_naming_file_and_line() {
    let err = failure("badprice", "ec2-bad-price.csv");
    assert!(
        err.contains("ec2-bad-price.csv: line 19: price \"0.21.4\""),
        "{err}"
    );
}

#[test]
fn import_unknown_offer_and_broken_json_fail() {
    let err = failure("offer", "ec2-unknown-offer.csv");
    assert!(
        err.contains("ec2-unknown-offer.csv: line 5: unknown OfferCode \"AmazonRDS\""),
        "{err}"
    );
    let err = failure("json", "describe-instance-types-broken.json");
    assert!(
        err.contains("describe-instance-types-broken.json: line "),
        "{err}"
    );
}

#[test]
fn import_refuses_an_out_dir_that_is_not_a_book() {
    let out = out_dir("notabook");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("precious.txt"), "keep").unwrap();
    assert!(run_import(&out, &["ec2-eu-west-1.csv"]).is_err());
    assert_eq!(
        std::fs::read_to_string(out.join("precious.txt")).unwrap(),
        "keep"
    );
}

#[test]
fn import_reads_a_book_directory_as_the_base() {
    let first = out_dir("base1");
    run_import(&first, &["ec2-eu-west-1.csv"]).unwrap();
    let second = out_dir("base2");
    let a = [
        "import",
        "--book",
        &first.display().to_string(),
        "--out",
        &second.display().to_string(),
        &fixture("lambda-us-east-1.csv"),
    ]
    .map(str::to_string);
    pricebook(&a).unwrap();
    let ec2 = std::fs::read_to_string(second.join("ec2_prices.csv")).unwrap();
    assert!(ec2.contains("version 20261120190541"));
}
