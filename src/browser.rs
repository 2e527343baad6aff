//! The browser's address bar and history, behind three small functions.
//!
//! On native targets (server-side rendering in tests) there is no browser:
//! the functions read nothing and write nothing.

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

/// Replaces the page with a short message if Berth ever panics (a panic in
/// WebAssembly leaves a dead page otherwise): the address stays visible for
/// copying, with a link that resets to the defaults.
pub fn install_panic_hook() {
    imp::install_panic_hook()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    pub fn current_query() -> String {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .map(|s| s.trim_start_matches('?').to_string())
            .unwrap_or_default()
    }

    pub fn write_query(query: &str, push: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if current_query() == query {
            return;
        }
        let Ok(history) = window.history() else {
            return;
        };
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
        closure: Closure<dyn Fn()>,
    }

    impl Drop for HistoryListener {
        fn drop(&mut self) {
            if let Some(window) = web_sys::window() {
                let _ = window.remove_event_listener_with_callback(
                    "popstate",
                    self.closure.as_ref().unchecked_ref(),
                );
            }
        }
    }

    pub fn install_panic_hook() {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&JsValue::from_str(&format!("Berth stopped: {info}")));
            let _ = show_crash();
        }));
    }

    /// Builds the crash message from text nodes only (the URL is shown, never parsed as HTML).
    fn show_crash() -> Option<()> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let body = document.body()?;
        let href = window.location().href().ok()?;
        let path = window.location().pathname().ok()?;
        body.set_text_content(None);
        let add = |tag: &str, text: &str, parent: &web_sys::Element| -> Option<web_sys::Element> {
            let el = document.create_element(tag).ok()?;
            el.set_text_content(Some(text));
            parent.append_child(&el).ok()?;
            Some(el)
        };
        let main = document.create_element("main").ok()?;
        main.set_class_name("crash");
        body.append_child(&main).ok()?;
        add("h1", "Berth stopped unexpectedly", &main)?;
        add("p", "Nothing was sent anywhere. Your link, with everything you set, is below: copy it to keep your work.", &main)?;
        let code = add("textarea", &href, &main)?;
        code.set_attribute("readonly", "").ok()?;
        code.set_attribute("aria-label", "Your link").ok()?;
        let reset = add("a", "Reset to the defaults", &main)?;
        reset.set_attribute("href", &path).ok()?;
        Some(())
    }

    pub fn listen_history(on_change: impl Fn(String) + 'static) -> HistoryListener {
        let closure = Closure::<dyn Fn()>::new(move || on_change(current_query()));
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
        }
        HistoryListener { closure }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn current_query() -> String {
        String::new()
    }

    pub fn write_query(_query: &str, _push: bool) {}

    /// Nothing to stop on native targets.
    pub struct HistoryListener;

    pub fn listen_history(_on_change: impl Fn(String) + 'static) -> HistoryListener {
        HistoryListener
    }

    pub fn install_panic_hook() {}
}
