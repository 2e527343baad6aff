//! The preset menu: start from a named workload (a new history entry).

use berth_core::preset::Preset;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::hooks::ScenarioHandle;

/// A `<select>` of presets; choosing one replaces the workload.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn preset_picker(handle: &ScenarioHandle) -> Html {
    let current = handle.scenario().preset;
    let onchange = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                handle.choose_preset(Preset::from_key(&select.value()));
            }
        })
    };
    html! {
        <label class="field preset-picker">
            <span class="field-label">{ "Start from" }</span>
            <select id="preset" {onchange}>
                <option value="" selected={current.is_none()}>{ "Your own workload" }</option>
                { for Preset::ALL.into_iter().map(|p| html! {
                    <option value={p.key()} selected={current == Some(p)}>{ p.label() }</option>
                }) }
            </select>
        </label>
    }
}
