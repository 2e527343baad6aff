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

/// Mounts the app, reading its state from the page URL.
pub fn start() {
    browser::install_crash_handler();
    let query = browser::current_query();
    yew::Renderer::<App>::with_props(AppProps {
        query: query.into(),
    })
    .render();
}
