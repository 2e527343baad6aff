//! The app's one piece of state: the Scenario, plus how the latest change
//! should be written to the browser history and the notices still shown.

use std::rc::Rc;

use berth_core::{Action, Notice, Scenario};
use yew::Reducible;

/// How a change reaches the address bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// Rewrite the current entry (edits: typing must not flood Back).
    Replace,
    /// Add an entry (deliberate navigation: tabs, presets).
    Push,
    /// Leave the address bar alone (the state came from it).
    Keep,
}

/// Scenario plus bookkeeping; components read it through `use_scenario`.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    /// The single source of truth.
    pub scenario: Scenario,
    /// How the current scenario should be written to history.
    pub mode: HistoryMode,
    /// Fields of the loaded link that could not be used.
    pub notices: Vec<Notice>,
    /// Inputs the last change adjusted to stay valid, in words.
    pub adjustments: Vec<String>,
    /// Fields whose text is invalid or incomplete, `(field, reason)`: the
    /// figures are for their last valid value, and the summary says so.
    pub invalid: Vec<(String, String)>,
}

impl Store {
    /// State for a page loaded from `query`.
    pub fn from_query(query: &str) -> Self {
        let (mut scenario, notices) = Scenario::from_query(query);
        let adjustments = scenario.adjust();
        Self {
            scenario,
            mode: HistoryMode::Replace,
            notices,
            adjustments,
            invalid: Vec::new(),
        }
    }
}

/// What components ask of the store.
#[derive(Clone, Debug)]
pub enum StoreMsg {
    /// An edit; written with history *replace*.
    Edit(Action),
    /// An edit already applied to `from`, giving `next` (a typed field
    /// checks its text by applying it); written with history *replace*.
    /// Applied again only if the state is no longer `from`.
    Applied {
        /// The state the edit was applied to.
        from: Box<Scenario>,
        /// The edit.
        action: Action,
        /// The result.
        next: Box<Scenario>,
    },
    /// Navigation; written with history *push*.
    Navigate(Action),
    /// The address bar changed (back/forward): adopt its state.
    Restore(String),
    /// Hide the notices.
    DismissNotices,
    /// A field's text is invalid (`Some(reason)`) or valid again (`None`).
    FieldState {
        /// The field, in words (`web: vCPU`).
        field: String,
        /// Why its text is not used.
        error: Option<String>,
    },
}

impl Reducible for Store {
    type Action = StoreMsg;

    fn reduce(self: Rc<Self>, msg: StoreMsg) -> Rc<Self> {
        let (action, mode) = match msg {
            StoreMsg::Edit(action) => (action, HistoryMode::Replace),
            StoreMsg::Applied { from, action, next } => {
                if *from == self.scenario {
                    return self.settle(*next, HistoryMode::Replace);
                }
                (action, HistoryMode::Replace)
            }
            StoreMsg::Navigate(action) => (action, HistoryMode::Push),
            StoreMsg::Restore(query) => {
                let next = Store::from_query(&query);
                let unchanged = next.scenario == self.scenario && next.notices == self.notices;
                // Back or Forward replaces every value, so no draft remains.
                return if unchanged {
                    self
                } else {
                    Rc::new(Store {
                        mode: HistoryMode::Keep,
                        ..next
                    })
                };
            }
            StoreMsg::FieldState { field, error } => {
                let mut invalid = self.invalid.clone();
                invalid.retain(|(f, _)| *f != field);
                invalid.extend(error.map(|e| (field, e)));
                if invalid == self.invalid {
                    return self;
                }
                return Rc::new(Store {
                    invalid,
                    mode: HistoryMode::Keep,
                    ..(*self).clone()
                });
            }
            StoreMsg::DismissNotices => {
                return Rc::new(Store {
                    notices: Vec::new(),
                    adjustments: Vec::new(),
                    mode: HistoryMode::Keep,
                    ..(*self).clone()
                })
            }
        };
        let mut scenario = self.scenario.clone();
        // A refused edit keeps the current state (the field shows why).
        if scenario.apply(action).is_err() {
            return self;
        }
        self.settle(scenario, mode)
    }
}

impl Store {
    /// The state after an applied edit: adjusted, or `self` when nothing
    /// changed (which skips a re-render).
    fn settle(self: Rc<Self>, mut scenario: Scenario, mode: HistoryMode) -> Rc<Self> {
        let adjustments = scenario.adjust();
        if scenario == self.scenario && adjustments.is_empty() {
            return self;
        }
        Rc::new(Store {
            scenario,
            mode,
            notices: self.notices.clone(),
            adjustments,
            invalid: self.invalid.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
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
}
