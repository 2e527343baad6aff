//! The cost options form: one field per `options::FIELDS` row.

use berth_core::decimal::shortest;
use berth_core::options::{self, FIELDS};
use berth_core::pricebook;
use yew::prelude::*;

use crate::components::NumberField;
use crate::hooks::ScenarioHandle;

/// Every cost option, bound to the scenario.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn cost_options(handle: &ScenarioHandle) -> Html {
    let options = &handle.scenario().options;
    let fields = FIELDS.iter().map(|f| {
        let value = (f.get)(options);
        let listed = choices_of(f);
        match f.key {
            // Shown beside the figures it scales (`period_select`).
            "per" => html! {},
            "it" => select(handle, f, &value, instance_choices()),
            _ if !listed.is_empty() => select(handle, f, &value, listed),
            key => {
                let handle = handle.clone();
                let on_input = Callback::from(move |text: String| handle.edit_option(f, text));
                html! { <NumberField label={f.label} value={value} {on_input} class={format!("opt-{key}")} /> }
            }
        }
    });
    // Collapsed, with what differs from the defaults in its one line.
    let differs = options::differences(
        options,
        &berth_core::Scenario::base(handle.scenario().preset).options,
    );
    let line = if differs.is_empty() {
        "all defaults".to_string()
    } else {
        differs.join(" · ")
    };
    html! {
        <details class="cost-options">
            <summary>{ "Options: " }<span class="cost-options-summary">{ line }</span></summary>
            <div class="cost-options-grid">{ for fields }</div>
        </details>
    }
}

/// The period every figure is shown per, beside the figures.
pub fn period_select(handle: &ScenarioHandle) -> Html {
    let Some(f) = options::field("per") else {
        return html! {};
    };
    let value = (f.get)(&handle.scenario().options);
    select(handle, f, &value, choices_of(f))
}

/// The choices of a listed option, as the form's `<select>` takes them.
fn choices_of(f: &options::Field) -> Vec<(String, String)> {
    options::choices(f.key)
        .iter()
        .map(|&(v, w)| (v.to_string(), w.to_string()))
        .collect()
}

fn instance_choices() -> Vec<(String, String)> {
    std::iter::once(("auto".to_string(), "auto — cheapest that fits".to_string()))
        .chain(pricebook::instance_types().iter().map(|it| {
            let arch = match it.arch {
                berth_core::Arch::X86 => "x86",
                berth_core::Arch::Arm => "Arm",
            };
            (
                it.name().to_string(),
                format!(
                    "{} — {} vCPU, {} GiB, {arch}",
                    it.name(),
                    it.vcpu,
                    shortest(it.memory_gib)
                ),
            )
        }))
        .collect()
}

fn select(
    handle: &ScenarioHandle,
    field: &'static options::Field,
    current: &str,
    choices: Vec<(String, String)>,
) -> Html {
    let handle = handle.clone();
    let on_change = Callback::from(move |value: String| {
        let _ = handle.edit_option(field, value);
    });
    crate::components::select(
        format!("field opt-{}", field.key),
        field.label,
        current,
        choices,
        on_change,
    )
}
