//! Tests of `audit` (in their own file: test code may unwrap).

use super::*;

#[test]
fn the_small_scenario_disagrees_where_the_guide_is_wrong() {
    let a = audit(&Preset::GuideSmall.scenario()).unwrap();
    assert!(!a.modified);
    let row = |t: &str| a.rows.iter().find(|r| r.topic == t).unwrap().clone();
    let inst = row("EC2 instances");
    assert_eq!(
        (inst.berth.as_str(), inst.agrees),
        ("125 × m5.large", false)
    );
    assert!(
        inst.explanation.contains("250 vCPU") && inst.explanation.contains("20 vCPU"),
        "{}",
        inst.explanation
    );
    let ec2 = row("ECS on EC2, per month");
    // 10 × 0.096 × 730 = 700.80; 876 ÷ 7300 = 0.120 $/h
    assert!(
        ec2.explanation.contains("$700.80") && ec2.explanation.contains("$0.120/h"),
        "{}",
        ec2.explanation
    );
    let task = row("Fargate, per task-hour");
    assert_eq!(task.berth, "$0.012343"); // 0.25 × 0.04048 + 0.5 × 0.004445
    assert!(!task.agrees);
    assert_eq!(row("ECS on Fargate, per month").berth, "$9,010.03");
}

#[test]
fn the_large_scenario_needs_a_thousand_instances() {
    let a = audit(&Preset::GuideLarge.scenario()).unwrap();
    let inst = a.rows.iter().find(|r| r.topic == "EC2 instances").unwrap();
    // 2 vCPU tasks on 2 vCPU m5.large: one per instance.
    assert_eq!(inst.berth, "1000 × m5.large");
    let task = a
        .rows
        .iter()
        .find(|r| r.topic == "Fargate, per task-hour")
        .unwrap();
    // 2 × 0.04048 + 4 × 0.004445 = 0.09874; the guide's 0.32384 = 8 × 0.04048
    assert_eq!(task.berth, "$0.098740");
    assert!(
        task.explanation.contains("8.00 vCPU-hours"),
        "{}",
        task.explanation
    );
}

#[test]
fn only_guide_presets_are_audited_and_changes_are_flagged() {
    assert!(audit(&Scenario::default()).is_none());
    assert!(audit(&Preset::WebApp.scenario()).is_none());
    let mut s = Preset::GuideSmall.scenario();
    s.options.spot_pct = 50.0;
    assert!(audit(&s).unwrap().modified);
}
