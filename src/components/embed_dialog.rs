//! The Embed button's panel: the iframe snippet for the current state and a
//! chosen view, and the host snippet that sizes the iframe.

use berth_core::embed::{self, Embed};
use berth_core::Scenario;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser;
use crate::hooks::ScenarioHandle;

/// Snippets to embed the current view in documentation; `view` is the
/// view chosen (the toolbar's state: no component of its own, as each
/// component type costs the page its own copy of Yew's lifecycle).
pub fn embed_dialog(handle: &ScenarioHandle, view: &UseStateHandle<Embed>) -> Html {
    let query = Scenario {
        embed: Some(**view),
        ..handle.scenario().clone()
    }
    .to_query();
    let iframe = embed::iframe_snippet(&browser::page_base(), &query);
    let onchange = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                if let Some(v) = Embed::from_key(&select.value()) {
                    view.set(v);
                }
            }
        })
    };
    html! {
        <details class="embed-dialog">
            <summary class="button">{ "Embed" }</summary>
            <div class="embed-dialog-body">
                <label class="field">
                    <span class="field-label">{ "View" }</span>
                    <select {onchange}>
                        { for Embed::ALL.into_iter().map(|e| html! { <option value={e.key()} selected={e == **view}>{ e.key() }</option> }) }
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{ "Paste where the view should appear" }</span>
                    <textarea readonly=true rows="3" class="embed-iframe" value={iframe} />
                </label>
                <label class="field">
                    <span class="field-label">{ "Once per host page: sizes the iframe to its content" }</span>
                    <textarea readonly=true rows="9" class="embed-host" value={embed::HOST_SNIPPET} />
                </label>
            </div>
        </details>
    }
}
