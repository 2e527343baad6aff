//! The region selector.

use berth_core::region::REGIONS;
use berth_core::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::hooks::use_scenario;

/// A `<select>` of every region the price book knows.
#[component]
pub fn RegionSelect() -> Html {
    let Some(handle) = use_scenario() else {
        return html! {};
    };
    let current = handle.scenario().region.clone();
    let onchange = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                handle.edit(Action::SetRegion(select.value()));
            }
        })
    };
    html! {
        <label class="field region-select">
            <span class="field-label">{ "Region" }</span>
            <select id="region" {onchange}>
                { for REGIONS.iter().map(|r| html! {
                    <option value={r.code} selected={r.code == current}>
                        { format!("{} — {}", r.code, r.name) }
                    </option>
                }) }
            </select>
        </label>
    }
}
