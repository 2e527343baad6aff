//! The panel navigation: Decide, Cost, Performance, Data.

use berth_core::Tab;
use yew::prelude::*;

use crate::components::class_list;

use crate::hooks::use_scenario;

/// Tabs for the four panels; the open one is marked for assistive tech.
#[component]
pub fn Nav() -> Html {
    let Some(handle) = use_scenario() else {
        return html! {};
    };
    let current = handle.scenario().tab;
    let tabs = Tab::ALL.into_iter().map(|tab| {
        let handle = handle.clone();
        let onclick = Callback::from(move |_: MouseEvent| handle.open_tab(tab));
        let selected = tab == current;
        html! {
            <button type="button" role="tab" id={format!("tab-{}", tab.key())}
                class={class_list("nav-tab", &[(selected, "is-active")])}
                aria-selected={selected.to_string()} {onclick}>
                { tab.label() }
            </button>
        }
    });
    html! { <nav class="nav" role="tablist" aria-label="Panels">{ for tabs }</nav> }
}
