//! Everything Berth asks of the browser, one concern per file in `browser/`.
//!
//! Beyond rendering and their own elements' events, the components reach
//! the browser only through the functions re-exported here, and each file
//! says in one place what it owns.
//!
//! DOM plumbing uses gloo where gloo covers it: `gloo-events` for event
//! listeners (a guard that removes the listener when dropped), `gloo-utils`
//! for `window()`, `document()` and friends, and `gloo-file` for the
//! download's `Blob` and object URL. All three are the versions Yew 0.23
//! already depends on (through `gloo` 0.11), so nothing new is compiled and
//! no second version is linked. Measured with `scripts/size-report` when
//! they replaced hand-written `web-sys` listeners and lookups, the release
//! bundle came out 72 bytes smaller gzip and 48 bytes larger brotli; of
//! that, `gloo-file` costs 33 bytes gzip and 0.3 KB brotli.
//!
//! What gloo does not cover (clipboard, `ResizeObserver`, `postMessage`,
//! service worker registration) stays on `web-sys`. Berth sets no timers
//! and stores nothing in `localStorage`, so it needs neither `gloo-timers`
//! nor `gloo-storage`; `gloo-history` is left out on purpose (`history.rs`
//! says why). Each file says which gloo crate it uses.
//!
//! On native targets (server-side rendering in tests) there is no browser:
//! every function reads nothing and writes nothing, and each file carries
//! those no-ops beside the real thing.

mod book;
mod clipboard;
mod crash;
mod download;
mod embed;
mod fetch;
mod focus;
mod history;
mod service_worker;
mod theme;
mod timing;
mod tools;

pub use book::{book_state, load_region, load_shared, load_words, prefetch_region, BookState};
pub use clipboard::copy_text;
pub use crash::install_crash_handler;
#[cfg(target_arch = "wasm32")]
pub use crash::show_crash_in;
pub use download::{download, print};
pub use embed::{report_height_to_parent, HeightReporter};
pub use fetch::fetch_text;
pub use focus::focus_id;
pub use history::{
    current_query, listen_history, page_base, page_url, reload, write_query, HistoryListener,
};
pub use service_worker::{activate_update, register_service_worker};
pub use theme::set_theme;
pub use timing::{drop_prerender, mark_first_render};
pub use tools::{mount_tool, tool};
