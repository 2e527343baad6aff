//! `use_scenario`: the Scenario and intent methods, from context.

use berth_core::action::ServiceField;
use berth_core::options;
use berth_core::preset::Preset;
use berth_core::{Action, Scenario, Tab};
use yew::prelude::*;

use crate::store::{Store, StoreMsg};

/// What the App puts in context.
pub type ScenarioContext = UseReducerHandle<Store>;

/// The scenario with the edits components may make to it.
#[derive(Clone, PartialEq)]
pub struct ScenarioHandle {
    store: ScenarioContext,
}

impl ScenarioHandle {
    /// The current scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.store.scenario
    }

    /// The whole store (notices included).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Opens a panel (a new history entry).
    pub fn open_tab(&self, tab: Tab) {
        self.store.dispatch(StoreMsg::Navigate(Action::SetTab(tab)));
    }

    /// Applies an edit (rewrites the current history entry).
    pub fn edit(&self, action: Action) {
        self.store.dispatch(StoreMsg::Edit(action));
    }

    /// Checks and applies a typed value. `Ok` is the field's canonical text
    /// after the edit; `Err` is the message to show by the field, and the
    /// scenario is then left as it was.
    pub fn edit_service(
        &self,
        index: usize,
        field: ServiceField,
        text: String,
    ) -> Result<String, String> {
        let action = Action::EditService { index, field, text };
        let mut next = self.scenario().clone();
        next.apply(action.clone())?;
        let canonical = next
            .services
            .get(index)
            .map(|s| s.field_text(field))
            .unwrap_or_default();
        self.edit(action);
        Ok(canonical)
    }

    /// Checks and applies a cost option typed by the user, by URL key;
    /// `Ok` is its canonical text after the edit.
    pub fn edit_option(&self, key: &str, text: String) -> Result<String, String> {
        let action = Action::SetOption {
            key: key.to_string(),
            text,
        };
        let mut next = self.scenario().clone();
        next.apply(action.clone())?;
        let canonical = options::field(key)
            .map(|f| (f.get)(&next.options))
            .unwrap_or_default();
        self.edit(action);
        Ok(canonical)
    }

    /// Sets a requirement (every choice offered is valid).
    pub fn set_requirement(&self, key: &str, text: &str) {
        self.edit(Action::SetRequirement {
            key: key.to_string(),
            text: text.to_string(),
        });
    }

    /// Checks and applies a simulation input by URL key; `Ok` is its
    /// canonical text after the edit.
    pub fn edit_sim(&self, key: &str, text: String) -> Result<String, String> {
        let action = Action::SetSim {
            key: key.to_string(),
            text,
        };
        let mut next = self.scenario().clone();
        next.apply(action.clone())?;
        let canonical = berth_core::perf::field(key)
            .map(|f| (f.get)(&next.sim))
            .unwrap_or_default();
        self.edit(action);
        Ok(canonical)
    }

    /// Overrides a price (empty text: back to the book); `Ok` is the
    /// canonical text of the override after the edit.
    pub fn edit_override(&self, key: &str, text: String) -> Result<String, String> {
        let action = Action::SetOverride {
            key: key.to_string(),
            text,
        };
        let mut next = self.scenario().clone();
        next.apply(action.clone())?;
        let canonical = next
            .overrides
            .iter()
            .find(|o| o.key == key)
            .map(|o| berth_core::text::format_number(o.value))
            .unwrap_or_default();
        self.edit(action);
        Ok(canonical)
    }

    /// Starts from a preset (a new history entry).
    pub fn choose_preset(&self, preset: Option<Preset>) {
        self.store
            .dispatch(StoreMsg::Navigate(Action::SetPreset(preset)));
    }

    /// Hides the notices.
    pub fn dismiss_notices(&self) {
        self.store.dispatch(StoreMsg::DismissNotices);
    }
}

/// The scenario from context. Components must sit under [`crate::App`].
#[hook]
pub fn use_scenario() -> Option<ScenarioHandle> {
    use_context::<ScenarioContext>().map(|store| ScenarioHandle { store })
}
