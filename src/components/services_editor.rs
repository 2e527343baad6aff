//! The services editor: one row per service, add / duplicate / remove.

use berth_core::action::ServiceField;
use berth_core::{Action, Service};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::NumberField;
use crate::hooks::ScenarioHandle;

/// The workload's services as editable rows.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn services_editor(handle: &ScenarioHandle) -> Html {
    let services = &handle.scenario().services;
    let add = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.edit(Action::AddService))
    };
    html! {
        <div class="services-editor">
            if services.is_empty() {
                <p class="services-empty">{ "No services: add one to see what it costs." }</p>
            }
            <ol class="services-list">
                { for services.iter().enumerate().map(|(index, service)| service_row(handle, index, service)) }
            </ol>
            <button type="button" class="button add-service" onclick={add}>{ "+ Add service" }</button>
        </div>
    }
}

fn service_row(handle: &ScenarioHandle, index: usize, service: &Service) -> Html {
    let number = |label: &'static str, field: ServiceField, inputmode: &'static str| {
        let handle = handle.clone();
        let on_input = Callback::from(move |text: String| handle.edit_service(index, field, text));
        html! {
            <NumberField label={label} value={service.field_text(field)} {on_input}
                inputmode={inputmode} class={format!("svc-{}", field_class(field))}
                name={format!("{} (service {}): {label}", service.name, index + 1)} />
        }
    };
    let on_name = {
        let handle = handle.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                // Any text is a valid name; the result needs no message.
                let _ = handle.edit_service(index, ServiceField::Name, input.value());
            }
        })
    };
    let button = |label: &'static str, title: String, action: Action| {
        let handle = handle.clone();
        let onclick = Callback::from(move |_: MouseEvent| handle.edit(action.clone()));
        html! { <button type="button" class="button button-small" {title} aria-label={label_for(label, index)} {onclick}>{ label }</button> }
    };
    html! {
        <li class="service-row" key={index}>
            <label class="field svc-name">
                <span class="field-label">{ "Name" }</span>
                <input type="text" value={service.name.clone()} oninput={on_name} maxlength="64" />
            </label>
            { number("Copies", ServiceField::Copies, "numeric") }
            { number("Tasks", ServiceField::Tasks, "numeric") }
            { number("vCPU", ServiceField::Vcpu, "decimal") }
            { number("Memory GiB", ServiceField::MemoryGib, "decimal") }
            { choice(handle, index, ServiceField::Arch, "Arch", &[("x86", "x86-64"), ("arm", "Arm (Graviton)")], service) }
            { choice(handle, index, ServiceField::Os, "OS", &[("linux", "Linux"), ("windows", "Windows")], service) }
            { number("Hours/mo", ServiceField::Hours, "decimal") }
            <div class="service-actions">
                { button("Duplicate", format!("Duplicate {}", service.name), Action::DuplicateService(index)) }
                { button("Remove", format!("Remove {}", service.name), Action::RemoveService(index)) }
            </div>
        </li>
    }
}

fn choice(
    handle: &ScenarioHandle,
    index: usize,
    field: ServiceField,
    label: &'static str,
    options: &[(&'static str, &'static str)],
    service: &Service,
) -> Html {
    let handle = handle.clone();
    let on_change = Callback::from(move |value: String| {
        let _ = handle.edit_service(index, field, value);
    });
    crate::components::select(
        format!("field svc-{}", field_class(field)),
        label,
        &service.field_text(field),
        options
            .iter()
            .map(|(k, t)| (k.to_string(), t.to_string()))
            .collect(),
        on_change,
    )
}

fn field_class(field: ServiceField) -> &'static str {
    match field {
        ServiceField::Name => "name",
        ServiceField::Tasks => "tasks",
        ServiceField::Vcpu => "vcpu",
        ServiceField::MemoryGib => "memory",
        ServiceField::Arch => "arch",
        ServiceField::Os => "os",
        ServiceField::Hours => "hours",
        ServiceField::Copies => "copies",
    }
}

fn label_for(action: &str, index: usize) -> String {
    format!("{action} service {}", index + 1)
}
