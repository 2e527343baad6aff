//! "A new version is available — reload": shown when the service worker
//! has downloaded a new build. The page keeps its own build until then.

use yew::prelude::*;

use crate::browser;

/// Registers the service worker once (when `enabled`: the full page, not
/// an embed); true once an update waits. A hook of the App, and the banner
/// a function (no component of its own: each component type costs the
/// page its own copy of Yew's lifecycle).
#[hook]
pub fn use_update_ready(enabled: bool) -> bool {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with(enabled, move |enabled| {
            if *enabled {
                browser::register_service_worker(move || ready.set(true));
            }
        });
    }
    *ready
}

/// The banner offering the update, when one waits.
pub fn update_banner(ready: bool) -> Html {
    if !ready {
        return html! {};
    }
    html! {
        <div class="update-banner" role="status">
            { "A new version is available — " }
            <button type="button" class="button button-small" onclick={Callback::from(|_: MouseEvent| browser::activate_update())}>
                { "reload" }
            </button>
        </div>
    }
}
