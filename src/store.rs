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
    /// Whether the sources' words (fetched after the first render) came
    /// or could not be had; `provenance::words_ready` says which.
    pub words: bool,
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
            words: berth_core::provenance::words_ready(),
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
    /// The region's prices were read: check the scenario against them
    /// (an instance type not priced there falls back to auto).
    BookRead,
    /// The sources' words came, or could not be had.
    WordsSettled,
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
                        words: self.words,
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
            StoreMsg::BookRead => {
                let scenario = self.scenario.clone();
                return self.settle(scenario, HistoryMode::Replace);
            }
            StoreMsg::WordsSettled => {
                return Rc::new(Store {
                    words: true,
                    mode: HistoryMode::Keep,
                    ..(*self).clone()
                })
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
            words: self.words,
        })
    }
}

#[cfg(test)]
mod tests;
