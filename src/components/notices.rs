//! The dismissible notice listing link fields Berth could not use (the
//! adjustments an edit causes are the answer's to announce).

use yew::prelude::*;

use crate::components::{esc, raw};

use crate::hooks::ScenarioHandle;

/// Lists each unusable field by name; hidden when there is none.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn notices(handle: &ScenarioHandle) -> Html {
    let notices = &handle.store().notices;
    if notices.is_empty() {
        return html! {};
    }
    let dismiss = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.dismiss_notices())
    };
    let mut list = String::from("<ul>");
    for n in notices {
        list.push_str(&format!(
            "<li><code>{}</code> — {}</li>",
            esc(&n.field),
            esc(&n.message)
        ));
    }
    list.push_str("</ul>");
    // Not a live region: the notices are there when the page loads, read
    // with it; only the answer announces changes.
    html! {
        <div class="notices">
            <p class="notices-title">{ "Some parts of this link could not be used:" }</p>
            { raw(list) }
            <button type="button" class="button button-small notices-dismiss" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
