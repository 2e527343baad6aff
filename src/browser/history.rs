//! The address bar and session history: the page's query string is the
//! app's whole state (`docs/url.md`), so this file reads it, writes it back
//! (replace for edits, push for panel switches) and reports Back/Forward.
//!
//! The popstate listener is a `gloo_events::EventListener`, whose drop
//! removes it. `gloo-history` is deliberately not used: its
//! `BrowserHistory` throws when `pushState` fails (a sandboxed iframe; Berth
//! ignores the failure and keeps working with a stale URL), calls its own
//! listeners on the app's own writes (Berth's listener must hear only
//! Back/Forward, or every edit would restore itself), and writes into every
//! entry a state object with an id, serialised by serde-wasm-bindgen, that
//! Berth has no use for (it writes `null`). `gloo-utils` supplies the window
//! and its history.

/// The page's query string without the leading `?` ("" when absent).
pub fn current_query() -> String {
    imp::current_query()
}

/// Writes `query` to the address bar, keeping the page's own path so the
/// app works under any sub-path; `push` adds a history entry.
pub fn write_query(query: &str, push: bool) {
    imp::write_query(query, push)
}

/// Calls `on_change` with the new query whenever the user walks history.
/// Dropping the returned guard stops listening.
pub fn listen_history(on_change: impl Fn(String) + 'static) -> HistoryListener {
    imp::listen_history(on_change)
}

pub use imp::HistoryListener;

/// The page address without its query, for embed snippets.
pub fn page_base() -> String {
    imp::page_base()
}

/// The full address of the page, for Copy link.
pub fn page_url() -> String {
    imp::page_url()
}

/// Loads the page again (the price book could not be read: a fresh start
/// fetches it again).
pub fn reload() {
    imp::reload()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn reload() {
        let _ = gloo_utils::window().location().reload();
    }

    use gloo_events::EventListener;
    use wasm_bindgen::JsValue;

    pub fn current_query() -> String {
        gloo_utils::window()
            .location()
            .search()
            .map(|s| s.trim_start_matches('?').to_string())
            .unwrap_or_default()
    }

    pub fn write_query(query: &str, push: bool) {
        if current_query() == query {
            return;
        }
        let history = gloo_utils::history();
        let url = format!("?{query}");
        // Failure (e.g. a sandboxed iframe) leaves the URL stale, nothing worse.
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }

    /// Keeps the popstate handler registered until dropped.
    pub struct HistoryListener {
        _listener: EventListener,
    }

    pub fn listen_history(on_change: impl Fn(String) + 'static) -> HistoryListener {
        HistoryListener {
            _listener: EventListener::new(&gloo_utils::window(), "popstate", move |_| {
                on_change(current_query())
            }),
        }
    }

    pub fn page_base() -> String {
        let location = gloo_utils::window().location();
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        )
    }

    pub fn page_url() -> String {
        gloo_utils::window().location().href().unwrap_or_default()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn reload() {}

    pub fn current_query() -> String {
        String::new()
    }

    pub fn write_query(_query: &str, _push: bool) {}

    /// Nothing to stop on native targets.
    pub struct HistoryListener;

    pub fn listen_history(_on_change: impl Fn(String) + 'static) -> HistoryListener {
        HistoryListener
    }

    pub fn page_base() -> String {
        String::new()
    }

    pub fn page_url() -> String {
        String::new()
    }
}
