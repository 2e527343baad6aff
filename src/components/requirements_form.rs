//! The requirements form of the Decide panel: one control per
//! `requirements::FIELDS` row (a checkbox for 0/1, a menu otherwise).

use berth_core::requirements::{choice_label, choices, FIELDS};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::ScenarioHandle;

/// Every requirement, bound to the scenario.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn requirements_form(handle: &ScenarioHandle) -> Html {
    let req = &handle.scenario().requirements;
    let controls = FIELDS.iter().map(|f| {
        let value = (f.get)(req);
        let options = choices(f.key);
        let key = f.key;
        if options == ["0", "1"] {
            let handle = handle.clone();
            let onchange = Callback::from(move |e: Event| {
                if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                    handle.set_requirement(f, if input.checked() { "1" } else { "0" });
                }
            });
            html! {
                <label class={format!("check req-{key}")}>
                    <input type="checkbox" checked={value == "1"} {onchange} />
                    <span>{ f.label }</span>
                </label>
            }
        } else {
            let handle = handle.clone();
            let on_change = Callback::from(move |value: String| handle.set_requirement(f, &value));
            crate::components::select(
                format!("field req-{key}"),
                f.label,
                &value,
                options
                    .into_iter()
                    .map(|o| (o.to_string(), choice_label(key, o).to_string()))
                    .collect(),
                on_change,
            )
        }
    });
    html! { <div class="requirements">{ for controls }</div> }
}
