//! The region selector.

use berth_core::region::RegionId;
use berth_core::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::hooks::ScenarioHandle;

/// A `<select>` of every region the price book knows.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn region_select(handle: &ScenarioHandle) -> Html {
    let current = handle.scenario().region;
    let onchange = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                // The options are the known regions, so a value always parses.
                if let Some(region) = RegionId::from_code(&select.value()) {
                    handle.edit(Action::SetRegion(region));
                }
            }
        })
    };
    html! {
        <label class="field region-select">
            <span class="field-label">{ "Region" }</span>
            <select id="region" {onchange}>
                { for RegionId::all().map(|r| html! {
                    <option value={r.code()} selected={r == current}>
                        { format!("{} — {}", r.code(), r.name()) }
                    </option>
                }) }
            </select>
        </label>
    }
}
