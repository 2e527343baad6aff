//! The simulation inputs: one control per `perf::FIELDS` row.

use berth_core::sim::{self, Image, Traffic, FIELDS};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::NumberField;
use crate::hooks::ScenarioHandle;

/// Traffic and scaling inputs of the simulated day.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn sim_controls(handle: &ScenarioHandle) -> Html {
    let sim = &handle.scenario().sim;
    let controls = FIELDS.iter().map(|f| {
        let value = (f.get)(sim);
        let key = f.key;
        match key {
            "traffic" => select(handle, f, &value, Traffic::ALL.iter().map(|t| t.key()).collect()),
            "img" => select(handle, f, &value, Image::ALL.iter().map(|i| i.key()).collect()),
            "pess" => select(handle, f, &value, vec!["0", "1"]),
            _ => {
                let handle = handle.clone();
                let on_input = Callback::from(move |text: String| handle.edit_sim(f, text));
                html! { <NumberField label={f.label} value={value} {on_input} class={format!("sim-{key}")} /> }
            }
        }
    });
    html! { <div class="sim-controls">{ for controls }</div> }
}

fn select(
    handle: &ScenarioHandle,
    field: &'static sim::Field,
    current: &str,
    choices: Vec<&'static str>,
) -> Html {
    let onchange = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                // Every choice offered is valid.
                let _ = handle.edit_sim(field, select.value());
            }
        })
    };
    let text = |c: &str| {
        match (field.key, c) {
            ("pess", "0") => "typical latencies",
            ("pess", "1") => "pessimistic (high) latencies",
            (_, other) => other,
        }
        .to_string()
    };
    html! {
        <label class={format!("field sim-{}", field.key)}>
            <span class="field-label">{ field.label }</span>
            <select {onchange}>
                { for choices.into_iter().map(|c| html! { <option value={c} selected={c == current}>{ text(c) }</option> }) }
            </select>
        </label>
    }
}
