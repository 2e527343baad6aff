//! The region selector.

use berth_core::region::RegionId;
use berth_core::Action;
use yew::prelude::*;

use crate::hooks::ScenarioHandle;

/// A `<select>` of every region the price book knows.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn region_select(handle: &ScenarioHandle) -> Html {
    let current = handle.scenario().region;
    let handle = handle.clone();
    let on_change = Callback::from(move |code: String| {
        // The options are the known regions, so a value always parses.
        if let Some(region) = RegionId::from_code(&code) {
            handle.edit(Action::SetRegion(region));
        }
    });
    let choices = RegionId::all()
        .map(|r| (r.code().to_string(), format!("{} — {}", r.code(), r.name())))
        .collect();
    crate::components::select(
        "field region-select".to_string(),
        "Region",
        current.code(),
        choices,
        on_change,
    )
}
