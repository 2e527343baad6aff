//! A text field for a value that core validates: it keeps what the user is
//! typing ("1.", "-", "") without resetting it or moving the cursor, and
//! marks an invalid value with the reason while the last valid one stays in
//! force.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::class_list;
use crate::hooks::use_scenario;

/// Props of [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// Visible label.
    pub label: AttrValue,
    /// Canonical text of the value in force.
    pub value: AttrValue,
    /// Applies typed text: `Ok(canonical text)` or `Err(reason)`.
    pub on_input: Callback<String, Result<String, String>>,
    /// `inputmode` hint for on-screen keyboards.
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    /// Extra class for layout.
    #[prop_or_default]
    pub class: AttrValue,
    /// The field in words for the summary's "not updated" line (`web:
    /// vCPU`); the label when empty.
    #[prop_or_default]
    pub name: AttrValue,
}

/// What the user typed, and the value in force it belongs to.
#[derive(Clone, PartialEq)]
struct Draft {
    typed: String,
    belongs_to: AttrValue,
    error: Option<String>,
}

/// A labelled input bound to one validated value.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let draft = use_state(|| None::<Draft>);
    // A draft is shown only while the value in force is the one it belongs
    // to; an outside change (back button, another field) replaces it.
    let current = draft.as_ref().filter(|d| d.belongs_to == props.value);
    let shown = current.map_or_else(|| props.value.to_string(), |d| d.typed.clone());
    let error = current.and_then(|d| d.error.clone());

    let handle = use_scenario();
    let name = if props.name.is_empty() {
        props.label.to_string()
    } else {
        props.name.to_string()
    };
    {
        // The summary's "not updated" line follows the error shown here: it
        // goes when the text becomes valid, when an outside change replaces
        // the draft, or when the field goes away.
        let (handle, name) = (handle.clone(), name.clone());
        use_effect_with(error.clone(), move |error| {
            if let Some(h) = &handle {
                h.field_state(name.clone(), error.clone());
            }
            move || {
                if let Some(h) = handle {
                    h.field_state(name, None);
                }
            }
        });
    }
    let oninput = {
        let draft = draft.clone();
        let on_input = props.on_input.clone();
        let value = props.value.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let typed = input.value();
            let next = match on_input.emit(typed.clone()) {
                Ok(canonical) => Draft {
                    typed,
                    belongs_to: canonical.into(),
                    error: None,
                },
                Err(reason) => Draft {
                    typed,
                    belongs_to: value.clone(),
                    error: Some(reason),
                },
            };
            draft.set(Some(next));
        })
    };
    html! {
        <label class={class_list("field number-field", &[(error.is_some(), "is-invalid"), (true, &props.class)])}>
            <span class="field-label">{ props.label.clone() }</span>
            <input type="text" inputmode={props.inputmode.clone()} value={shown}
                aria-invalid={error.is_some().to_string()} {oninput} />
            if let Some(reason) = error {
                <span class="field-error" role="alert">{ reason }</span>
            }
        </label>
    }
}
