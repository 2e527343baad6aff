//! The module's answers, natively (the embedded book stands in for the
//! fetched files).

use super::*;

fn fixture(name: &str) -> (String, String) {
    let path = format!(
        "{}/../import/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    (name.to_string(), std::fs::read_to_string(path).unwrap())
}

#[test]
fn an_import_answers_the_link_then_the_report() {
    let out = import_files("region=eu-west-1", &[fixture("compose.yaml")]);
    let (link, report) = (out.link.unwrap(), out.report);
    let (s, notices) = Scenario::from_query(&link);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.region.code(), "eu-west-1");
    assert_eq!(s.services.len(), 4);
    assert!(report.contains("<h4>Imported (4)</h4>"), "{report}");
    assert!(report.contains("<h4>Skipped (1)</h4>"), "{report}");
    assert!(report.contains("compose.yaml:52"), "{report}");
}

#[test]
fn a_broken_file_answers_no_link_and_the_reason() {
    let out = import_files("", &[fixture("compose.yaml"), fixture("broken.yaml")]);
    let (link, report) = (out.link, out.report);
    assert_eq!(link, None);
    assert!(
        report.contains("Nothing was imported: broken.yaml:7:"),
        "{report}"
    );
}

#[test]
fn files_with_no_sized_workload_answer_no_link() {
    let files = [(
        "a.yaml".to_string(),
        "kind: Service\nmetadata:\n  name: x\n".to_string(),
    )];
    let out = import_files("", &files);
    assert_eq!(out.link, None);
    assert!(out.report.contains("Nothing to import"), "{}", out.report);
}

#[test]
fn markup_escapes_what_the_files_say() {
    let files = [(
        "<b>.yaml".to_string(),
        "kind: Service\nmetadata:\n  name: \"<script>\"\n".to_string(),
    )];
    let out = import_files("", &files).report;
    assert!(!out.contains("<script>") && !out.contains("<b>"), "{out}");
    assert!(out.contains("&lt;script&gt;"));
}

#[test]
fn exports_are_the_clis_files() {
    let q = "svc=api~3~1~2&region=eu-west-1";
    let (s, _) = Scenario::from_query(q);
    let report = cost::evaluate(&s);
    assert_eq!(export_file(q, "", "csv"), export::estimate_csv(&s, &report));
    let notice = Notice {
        field: "zz".to_string(),
        message: "unknown field, ignored".to_string(),
    };
    let text = format!("zz{NOTICE_SEP}unknown field, ignored");
    assert_eq!(
        export_file(q, &text, "json"),
        export::estimate_json(&s, &report, &[notice])
    );
}

#[test]
fn the_regions_table_has_a_row_per_region_and_a_column_per_platform() {
    let (s, _) = Scenario::from_query("svc=api~2~1~2");
    let rows = berth_core::compare::regions(&s, None);
    let html = markup::regions(&rows, None);
    assert_eq!(
        html.matches("<th scope=\"row\">").count(),
        berth_core::region::REGIONS.len()
    );
    assert_eq!(
        html.matches("<th scope=\"col\">").count(),
        berth_core::cost::Platform::ALL.len() + 2
    );
}

#[test]
fn the_comparison_lists_changed_settings_and_lines() {
    let (a, _) = Scenario::from_query("svc=api~2~1~2");
    let (b, _) = Scenario::from_query("svc=api~4~1~2");
    let html = markup::diff(&berth_core::compare::diff(&a, &b));
    assert!(
        html.contains("<code>svc #1</code> <code>api~2~1~2</code> → <code>api~4~1~2</code>"),
        "{html}"
    );
    assert!(html.contains("lines changed</summary>"));
    assert!(html.contains("(was api: 2 × 1 vCPU"), "{html}");
}
