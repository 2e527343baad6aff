//! The Embed button's dialog: the iframe snippet for the current state and
//! a chosen view, and the host snippet that sizes the iframe, each with a
//! Copy button.
//!
//! The dialog is an HTML popover (`popover`, `popovertarget`): the browser
//! closes it on Esc and on a click outside, and gives focus back to the
//! Embed button, with no script of ours (Chromium 114, Firefox 125,
//! Safari 17).

use berth_core::embed::{self, Embed};
use berth_core::Scenario;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser;
use crate::hooks::ScenarioHandle;

/// The last Copy in the dialog: which snippet, and whether the browser
/// allowed it.
pub type SnippetCopied = Option<(&'static str, bool)>;

/// The Embed button and its dialog; `view` is the view chosen and
/// `copied` the last Copy (the toolbar's state: no component of its own,
/// as each component type costs the page its own copy of Yew's lifecycle).
pub fn embed_dialog(
    handle: &ScenarioHandle,
    view: &UseStateHandle<Embed>,
    copied: &UseStateHandle<SnippetCopied>,
) -> Html {
    let query = Scenario {
        embed: Some(**view),
        ..handle.scenario().clone()
    }
    .to_query();
    let iframe = embed::iframe_snippet(&browser::page_base(), &query);
    let onchange = {
        let (view, copied) = (view.clone(), copied.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                if let Some(v) = Embed::from_key(&select.value()) {
                    view.set(v);
                    copied.set(None);
                }
            }
        })
    };
    let snippet = |id: &'static str, label: &'static str, rows: &'static str, text: String| {
        let onclick = {
            let (copied, text) = (copied.clone(), text.clone());
            Callback::from(move |_: MouseEvent| {
                let copied = copied.clone();
                browser::copy_text(&text, move |ok| copied.set(Some((id, ok))));
            })
        };
        let state = match **copied {
            Some((which, true)) if which == id => "Copied",
            Some((which, false)) if which == id => "Copy failed: select the text",
            _ => "Copy",
        };
        html! {
            <div class="embed-snippet">
                <label class="field-label" for={id}>{ label }</label>
                <textarea {id} readonly=true {rows} value={text} />
                <button type="button" class="button button-small" {onclick}
                    aria-label={format!("{state}: {label}")}>{ state }</button>
            </div>
        }
    };
    html! {
        <>
            <button type="button" class="button embed-open" popovertarget="embed-dialog"
                aria-haspopup="dialog">{ "Embed" }</button>
            <div id="embed-dialog" class="embed-dialog" popover="auto" role="dialog"
                aria-labelledby="embed-dialog-title">
                <div class="embed-dialog-head">
                    <h2 id="embed-dialog-title">{ "Embed this view" }</h2>
                    <button type="button" class="button button-small" popovertarget="embed-dialog"
                        popovertargetaction="hide">{ "Close" }</button>
                </div>
                <label class="field">
                    <span class="field-label">{ "View" }</span>
                    <select {onchange}>
                        { for Embed::ALL.into_iter().map(|e| html! { <option value={e.key()} selected={e == **view}>{ e.key() }</option> }) }
                    </select>
                </label>
                { snippet("embed-iframe", "Paste where the view should appear (480 px tall; it shows the answer first)", "3", iframe) }
                { snippet("embed-host", "Optional, once per host page: sizes the iframe to its content", "9", embed::HOST_SNIPPET.to_string()) }
            </div>
        </>
    }
}
