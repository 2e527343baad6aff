//! `use_scenario`: the Scenario and intent methods, from context.

use berth_core::action::ServiceField;
use berth_core::catalog::PriceKey;
use berth_core::preset::Preset;
use berth_core::{options, requirements, sim};
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
    /// The handle of the App's store (the App holds the store itself).
    pub fn of(store: ScenarioContext) -> ScenarioHandle {
        ScenarioHandle { store }
    }

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
        self.commit(Action::EditService { index, field, text }, |s| {
            s.services
                .get(index)
                .map(|s| s.field_text(field))
                .unwrap_or_default()
        })
    }

    pub fn edit_option(
        &self,
        field: &'static options::Field,
        text: String,
    ) -> Result<String, String> {
        self.commit(Action::SetOption { field, text }, |s| {
            (field.get)(&s.options)
        })
    }

    pub fn set_requirement(&self, field: &'static requirements::Field, text: &str) {
        self.edit(Action::SetRequirement {
            field,
            text: text.to_string(),
        });
    }

    pub fn edit_sim(&self, field: &'static sim::Field, text: String) -> Result<String, String> {
        self.commit(Action::SetSim { field, text }, |s| (field.get)(&s.sim))
    }

    pub fn edit_override(&self, key: PriceKey, text: String) -> Result<String, String> {
        self.commit(Action::SetOverride { key, text }, |s| {
            s.overrides
                .iter()
                .find(|o| o.key == key.as_str())
                .map(|o| berth_core::text::format_number(o.value))
                .unwrap_or_default()
        })
    }

    /// Applies an edit typed into a field, once: the result goes to the
    /// store as it is (the store re-applies only if another change got
    /// there first), and the field gets the canonical text of the value
    /// now in force, or the reason the text was refused.
    fn commit(
        &self,
        action: Action,
        canonical: impl Fn(&Scenario) -> String,
    ) -> Result<String, String> {
        let mut next = self.scenario().clone();
        next.apply(action.clone())?;
        let text = canonical(&next);
        self.store.dispatch(StoreMsg::Applied {
            from: Box::new(self.scenario().clone()),
            action,
            next: Box::new(next),
        });
        Ok(text)
    }

    pub fn choose_preset(&self, preset: Option<Preset>) {
        self.store
            .dispatch(StoreMsg::Navigate(Action::SetPreset(preset)));
    }

    /// Hides the notices.
    /// Says whether a field's text is in use (`None`) or why not.
    pub fn field_state(&self, field: String, error: Option<String>) {
        self.store.dispatch(StoreMsg::FieldState { field, error });
    }

    pub fn dismiss_notices(&self) {
        self.store.dispatch(StoreMsg::DismissNotices);
    }
}

/// The scenario from context. Components must sit under [`crate::App`].
#[hook]
pub fn use_scenario() -> Option<ScenarioHandle> {
    use_context::<ScenarioContext>().map(|store| ScenarioHandle { store })
}
