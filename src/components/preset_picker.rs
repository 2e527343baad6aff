//! The preset menu: start from a named workload (a new history entry).

use berth_core::preset::Preset;
use yew::prelude::*;

use crate::hooks::ScenarioHandle;

/// A `<select>` of presets; choosing one replaces the workload.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn preset_picker(handle: &ScenarioHandle) -> Html {
    let current = handle.scenario().preset.map_or("", Preset::key);
    let handle = handle.clone();
    let on_change = Callback::from(move |key: String| handle.choose_preset(Preset::from_key(&key)));
    let choices = std::iter::once((String::new(), "Your own workload".to_string()))
        .chain(
            Preset::ALL
                .into_iter()
                .map(|p| (p.key().to_string(), p.label().to_string())),
        )
        .collect();
    crate::components::select(
        "field preset-picker".to_string(),
        "Start from",
        current,
        choices,
        on_change,
    )
}
