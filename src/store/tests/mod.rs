//! Tests of `store` (in their own file: test code may unwrap).

use super::*;
use berth_core::Tab;

#[test]
fn tabs_push_and_edits_replace() {
    let store = Rc::new(Store::from_query(""));
    let tabbed = store.reduce(StoreMsg::Navigate(Action::SetTab(Tab::Cost)));
    assert_eq!(tabbed.mode, HistoryMode::Push);
    let edited = tabbed.reduce(StoreMsg::Edit(Action::SetRegion(
        berth_core::region::RegionId::from_code("eu-west-1").unwrap(),
    )));
    assert_eq!(edited.mode, HistoryMode::Replace);
    assert_eq!(edited.scenario.tab, Tab::Cost);
}

#[test]
fn a_refused_or_empty_edit_returns_the_same_state() {
    let store = Rc::new(Store::from_query(""));
    let same = store
        .clone()
        .reduce(StoreMsg::Edit(Action::RemoveService(99)));
    assert!(Rc::ptr_eq(&store, &same));
    let same = store.clone().reduce(StoreMsg::Edit(Action::SetRegion(
        berth_core::region::RegionId::from_code("us-east-1").unwrap(),
    )));
    assert!(Rc::ptr_eq(&store, &same));
}

#[test]
fn an_edit_that_invalidates_another_input_adjusts_it_and_says_so() {
    let store = Rc::new(Store::from_query("svc=w~1~1~2~arm"));
    let next = store.reduce(StoreMsg::Edit(berth_core::Action::EditService {
        index: 0,
        field: berth_core::action::ServiceField::Os,
        text: "windows".into(),
    }));
    assert_eq!(next.scenario.services[0].arch, berth_core::Arch::X86);
    assert_eq!(next.adjustments.len(), 1);
}

#[test]
fn an_applied_edit_is_taken_as_is_unless_the_state_moved_on() {
    let store = Rc::new(Store::from_query(""));
    let spot = berth_core::options::field("spot").unwrap();
    let action = Action::SetOption {
        field: spot,
        text: "40".into(),
    };
    let mut next = store.scenario.clone();
    next.apply(action.clone()).unwrap();
    // `next` is taken as it is: a marker the action would not set survives.
    let mut marked = next.clone();
    marked.options.sp_pct = 7.0;
    let taken = store.clone().reduce(StoreMsg::Applied {
        from: Box::new(store.scenario.clone()),
        action: action.clone(),
        next: Box::new(marked),
    });
    assert_eq!(
        (
            taken.scenario.options.spot_pct,
            taken.scenario.options.sp_pct
        ),
        (40.0, 7.0)
    );
    // Another change got there first: the edit is applied to it instead.
    let moved = store.clone().reduce(StoreMsg::Edit(Action::AddService));
    let both = moved.clone().reduce(StoreMsg::Applied {
        from: Box::new(store.scenario.clone()),
        action,
        next: Box::new(next),
    });
    assert_eq!(both.scenario.services.len(), 2);
    assert_eq!(both.scenario.options.spot_pct, 40.0);
    assert_eq!(both.scenario.options.sp_pct, store.scenario.options.sp_pct);
}

#[test]
fn restore_adopts_the_address_bar_without_rewriting_it() {
    let store = Rc::new(Store::from_query(""));
    let restored = store.reduce(StoreMsg::Restore("tab=data".into()));
    assert_eq!(restored.scenario.tab, Tab::Data);
    assert_eq!(restored.mode, HistoryMode::Keep);
}
