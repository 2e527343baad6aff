use super::*;
use crate::region::RegionId;

#[test]
fn figures_group_by_source_and_filter_by_every_word() {
    let eu = RegionId::from_code("eu-west-1").expect("known");
    let rates = crate::pricebook::rates_for_region(eu);
    let all = source_groups(&rates, "");
    assert_eq!(
        all.iter().map(|g| g.rates.len()).sum::<usize>(),
        rates.len()
    );
    // One group per source, each source once.
    for (i, g) in all.iter().enumerate() {
        assert!(all.iter().skip(i + 1).all(|h| h.source != g.source));
        assert!(g.rates.iter().all(|r| r.provenance.source() == g.source));
    }
    let m5 = source_groups(&rates, "EC2.M5. instance-hour");
    let keys: Vec<&str> = m5
        .iter()
        .flat_map(|g| g.rates.iter().map(|r| r.key))
        .collect();
    assert!(!keys.is_empty());
    assert!(keys.iter().all(|k| k.starts_with("ec2.m5.")), "{keys:?}");
    assert!(source_groups(&rates, "ec2.m5. nothing-like-this").is_empty());
}

#[test]
fn web_addresses_in_a_source_become_links() {
    let text = "docs.aws.amazon.com/eks/latest/userguide/x.html (sync period); see https://example.org/a, and github.com/o/r.";
    let pieces = link_pieces(text);
    let links: Vec<(&str, &str)> = pieces
        .iter()
        .filter_map(|(t, h)| h.as_deref().map(|h| (*t, h)))
        .collect();
    assert_eq!(
        links,
        [
            (
                "docs.aws.amazon.com/eks/latest/userguide/x.html",
                "https://docs.aws.amazon.com/eks/latest/userguide/x.html"
            ),
            ("https://example.org/a", "https://example.org/a"),
            ("github.com/o/r", "https://github.com/o/r"),
        ]
    );
    // Nothing is lost or repeated.
    assert_eq!(pieces.iter().map(|(t, _)| *t).collect::<String>(), text);
    assert_eq!(
        link_pieces("karpenter @692ccdd0 (2026)"),
        [("karpenter @692ccdd0 (2026)", None)]
    );
}
