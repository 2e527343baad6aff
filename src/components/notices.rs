//! The dismissible notice listing link fields Berth could not use.

use yew::prelude::*;

use crate::hooks::ScenarioHandle;

/// Lists each unusable field by name; hidden when there is none.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn notices(handle: &ScenarioHandle) -> Html {
    let notices = &handle.store().notices;
    let adjustments = &handle.store().adjustments;
    // Always present, so screen readers announce adjustments as they happen.
    let adjusted = html! {
        <div class="adjustments" aria-live="polite">
            { for adjustments.iter().map(|a| html! { <p class="adjustment">{ a.clone() }</p> }) }
        </div>
    };
    if notices.is_empty() {
        return adjusted;
    }
    let dismiss = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.dismiss_notices())
    };
    html! {
        <>
        <div class="notices" role="status">
            <p class="notices-title">{ "Some parts of this link could not be used:" }</p>
            <ul>
                { for notices.iter().map(|n| html! {
                    <li><code>{ n.field.clone() }</code>{ " — " }{ n.message.clone() }</li>
                }) }
            </ul>
            <button type="button" class="button button-small notices-dismiss" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
        { adjusted }
        </>
    }
}
