//! Tests of `summary` (in their own file: test code may unwrap).

use super::*;
use crate::decide::decide;

#[test]
fn the_summary_names_the_pick_the_cheapest_region_dates_and_assumptions() {
    let (s, _) = Scenario::from_query("region=eu-west-1&spot=50&preset=microservices");
    let d = decide(&s);
    let sum = summary(&s, &d);
    let pick = sum.pick.clone().unwrap();
    assert_eq!(Some(pick.id), d.ranking.first().map(|r| r.id));
    assert!(sum.region.starts_with("eu-west-1 — Europe (Ireland)"));
    assert!(sum.as_of.contains("20"), "{}", sum.as_of);
    assert_eq!(sum.assumptions, vec!["EC2 Spot share 50%".to_string()]);
    if let Some(c) = &sum.cheapest {
        assert!(c.monthly_usd < pick.monthly_usd);
        assert!(d
            .ranking
            .iter()
            .all(|r| r.monthly_usd >= c.monthly_usd || r.id == pick.id));
    }
    let (plain, _) = Scenario::from_query("");
    assert_eq!(
        summary(&plain, &decide(&plain)).assumptions_text(),
        "list prices, default options (an ALB, a NAT gateway in each of 2 zones; no data transfer, logs or images given)"
    );
}
