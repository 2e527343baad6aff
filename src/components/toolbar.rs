//! The toolbar: Copy link, Reset, Export (CSV, JSON — the same files as
//! `berth estimate`), Print, and the colour theme.

use yew::prelude::*;

use crate::browser;
use crate::components::{embed_dialog, SnippetCopied};
use crate::hooks::ScenarioHandle;

/// What the toolbar remembers between renders.
pub struct ToolbarState {
    /// The last Copy (the link's or an Embed snippet's) and its outcome.
    copied: UseStateHandle<SnippetCopied>,
    /// The colour theme chosen (`auto`, `dark`, `light`).
    theme: UseStateHandle<&'static str>,
    /// The view the Embed dialog writes a snippet for.
    embed_view: UseStateHandle<berth_core::embed::Embed>,
}

/// The toolbar's state: a hook of the App, and the toolbar a function (no
/// component of its own: each component type costs the page its own copy
/// of Yew's lifecycle).
#[hook]
pub fn use_toolbar() -> ToolbarState {
    ToolbarState {
        copied: use_state(|| None),
        theme: use_state(|| "auto"),
        embed_view: use_state(|| berth_core::embed::Embed::Cost),
    }
}

/// Page-wide actions.
pub fn toolbar(handle: &ScenarioHandle, state: &ToolbarState) -> Html {
    let (copied, theme) = (&state.copied, &state.theme);
    let copy = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            browser::copy_text(&browser::page_url(), move |ok| {
                copied.set(Some(("link", ok)))
            });
        })
    };
    let reset = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.choose_preset(None))
    };
    // The files are written by the on-demand module (`browser::tool`),
    // from the page's link and its notices: the CLI's very files.
    let export = |format: &'static str| {
        let handle = handle.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let notices: Vec<String> = handle
                .store()
                .notices
                .iter()
                .map(|n| format!("{}\u{1f}{}", n.field, n.message))
                .collect();
            let args = vec![
                handle.scenario().to_query().into(),
                notices.join("\n").into(),
                format.into(),
            ];
            let copied = copied.clone();
            let done = move |text: Result<String, String>| match text {
                Ok(body) => {
                    let (name, mime) = if format == "csv" {
                        ("berth-estimate.csv", "text/csv")
                    } else {
                        ("berth-estimate.json", "application/json")
                    };
                    browser::download(name, mime, &body);
                }
                // The button says so (offline before the tools were cached).
                Err(_) => copied.set(Some((format, false))),
            };
            browser::tool("exportFile", args, Box::new(done));
        })
    };
    let cycle_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = match *theme {
                "auto" => "dark",
                "dark" => "light",
                _ => "auto",
            };
            browser::set_theme(next);
            theme.set(next);
        })
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label="Page actions">
            <button type="button" class="button" onclick={copy}>{ match **copied {
                Some(("link", true)) => "Link copied",
                Some(("link", false)) => "Copy failed: use the address bar",
                _ => "Copy link",
            } }</button>
            <button type="button" class="button" onclick={reset}>{ "Reset" }</button>
            <button type="button" class="button" onclick={export("csv")}>{ if **copied == Some(("csv", false)) { "Export failed" } else { "Export CSV" } }</button>
            <button type="button" class="button" onclick={export("json")}>{ if **copied == Some(("json", false)) { "Export failed" } else { "Export JSON" } }</button>
            <button type="button" class="button" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ "Print" }</button>
            { embed_dialog(handle, &state.embed_view, &state.copied) }
            <button type="button" class="button" onclick={cycle_theme} aria-label={format!("Colour theme: {}", **theme)}>
                { format!("Theme: {}", **theme) }
            </button>
        </div>
    }
}
