//! What the page shows while a region's prices are on their way, or when
//! they (or the whole price book) could not be had: never figures of
//! another region. Plain functions, not components: they hold no state,
//! and a component type costs the page its own copy of Yew's lifecycle.

use yew::prelude::*;

use crate::browser::BookState;

/// The place of the answer while the figures of `region` (in words) are
/// not at hand; `on_retry` asks for them again.
pub fn book_status(state: &BookState, region: &str, on_retry: &Callback<()>) -> Html {
    match state {
        BookState::Ready => html! {},
        BookState::Loading => html! {
            <p class="book-status" role="status">{ format!("Loading the prices for {region}…") }</p>
        },
        BookState::Failed(why) => failure(
            &format!("The prices for {region} could not be loaded ({why}). No figure is shown rather than figures of another region."),
            on_retry.reform(|_: MouseEvent| ()),
        ),
    }
}

/// The whole page when the price book itself could not be had.
pub fn book_failed(why: &str) -> Html {
    let reload = Callback::from(|_: MouseEvent| crate::browser::reload());
    html! {
        <main class="app-main book-failed">
            <h1 class="app-title">{ "Berth" }</h1>
            { failure(&format!("The price book could not be loaded ({why}). Berth shows no figure without it."), reload) }
        </main>
    }
}

fn failure(message: &str, retry: Callback<MouseEvent>) -> Html {
    html! {
        <div class="book-status is-failed" role="alert">
            <p>{ message.to_string() }</p>
            <button type="button" class="button" onclick={retry}>{ "Try again" }</button>
        </div>
    }
}
