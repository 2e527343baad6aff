//! "A new version is available — reload": shown when the service worker
//! has downloaded a new build. The page keeps its own build until then.

use yew::prelude::*;

use crate::browser;

/// Registers the service worker once and offers the update when one waits.
#[component]
pub fn UpdateBanner() -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            browser::register_service_worker(move || ready.set(true))
        });
    }
    if !*ready {
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
