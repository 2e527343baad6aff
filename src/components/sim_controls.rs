//! The simulation inputs: one control per `perf::FIELDS` row.

use berth_core::sim::{self, Image, Traffic, FIELDS};
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
    let text = |c: &'static str| {
        match (field.key, c) {
            ("pess", "0") => "typical latencies",
            ("pess", "1") => "pessimistic (high) latencies",
            (_, other) => other,
        }
        .to_string()
    };
    let handle = handle.clone();
    let on_change = Callback::from(move |value: String| {
        let _ = handle.edit_sim(field, value);
    });
    crate::components::select(
        format!("field sim-{}", field.key),
        field.label,
        current,
        choices
            .into_iter()
            .map(|c| (c.to_string(), text(c)))
            .collect(),
        on_change,
    )
}
