use proptest::prelude::*;

proptest! {
    /// Same order as the standard library's stable sort, ties included.
    #[test]
    fn matches_std_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
        let mut ours = items.clone();
        super::by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = items.clone();
        std.sort_by_key(|a| a.0);
        prop_assert_eq!(&ours, &std);
        let mut keyed = items.clone();
        super::by_key(&mut keyed, |x| std::cmp::Reverse(x.0));
        let mut std_keyed = items;
        std_keyed.sort_by_key(|x| std::cmp::Reverse(x.0));
        prop_assert_eq!(keyed, std_keyed);
    }
}
