//! The Berth web app: Yew components that render what `berth-core` computes.
//!
//! Nothing here does arithmetic on prices or sizes; the one `Scenario` lives
//! in a reducer ([`store`]), its URL form is written by [`browser`], and the
//! components only display and dispatch.

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod store;

pub use app::{App, AppProps};

/// Mounts the app, reading its state from the page URL, once the price
/// book's shared file (a link names instance types of its catalog) and the
/// link's region are read: both download at once (the page preloads them
/// while the wasm loads), and the first render is the answer, not a
/// loading state. A region that cannot be had is the App's to report.
pub fn start() {
    browser::install_crash_handler();
    let query = browser::current_query();
    let region = berth_core::Scenario::decode(&query).0.region;
    browser::prefetch_region(region);
    browser::load_shared(move |read| match read {
        Ok(()) => browser::load_region(region, move |_| {
            browser::drop_prerender();
            yew::Renderer::<App>::with_props(AppProps {
                query: query.into(),
                book_failed: None,
            })
            .render();
        }),
        Err(why) => {
            browser::drop_prerender();
            yew::Renderer::<App>::with_props(AppProps {
                query: query.into(),
                book_failed: Some(why.into()),
            })
            .render();
        }
    });
}
