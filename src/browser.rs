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

/// Draws the crash message into `root` (the panic hook uses the body; tests
/// use a scratch element, so the hook's output is checked without a panic).
#[cfg(target_arch = "wasm32")]
pub fn show_crash_in(root: &web_sys::Element) {
    let _ = imp::show_crash_in(root);
}

/// Copies text to the clipboard, then calls `done` with whether the
/// browser accepted it (it refuses without focus or permission).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    imp::copy_text(text, done)
}

/// Offers `content` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, content: &str) {
    imp::download(filename, mime, content)
}

/// Opens the print dialog (the print stylesheet lays out the estimate).
pub fn print() {
    imp::print()
}

/// Sets the colour theme: `light`, `dark`, or `auto` (follow the system).
pub fn set_theme(theme: &str) {
    imp::set_theme(theme)
}

/// Registers the offline service worker (`./sw.js`); calls `on_update`
/// when a new build has been downloaded and waits for the user.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    imp::register_service_worker(on_update)
}

/// Switches to the waiting new build and reloads the page.
pub fn activate_update() {
    imp::activate_update()
}

/// In an iframe: posts the page's content height to the parent now and
/// whenever the body resizes. The guard keeps the observer alive.
pub fn report_height_to_parent() -> HeightReporter {
    imp::report_height_to_parent()
}

pub use imp::HeightReporter;

/// Records on the root element when the first full render happened
/// (`data-first-render-ms`, milliseconds since navigation start), for the
/// startup benchmark.
pub fn mark_first_render() {
    imp::mark_first_render()
}

/// The page address without its query, for embed snippets.
pub fn page_base() -> String {
    imp::page_base()
}

/// The full address of the page, for Copy link.
pub fn page_url() -> String {
    imp::page_url()
}

/// Replaces the page with a short message if Berth ever stops (a panic in
/// WebAssembly leaves a dead page otherwise): the address stays visible for
/// copying, with a link that resets to the defaults.
///
/// The release build compiles panics to a trap (Makefile, `RELEASE_ENV`), so
/// no panic hook would ever run. Instead this listens for what every panic
/// becomes in any build: a `WebAssembly.RuntimeError` that nothing caught,
/// reported as the window's `error` event (from an event handler) or
/// `unhandledrejection` (from a promise). Other script errors, such as a
/// browser extension's, leave the page alone.
pub fn install_crash_handler() {
    imp::install_crash_handler()
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

    pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
        let Some(window) = web_sys::window() else {
            return done(false);
        };
        let promise = window.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    }

    pub fn download(filename: &str, mime: &str, content: &str) {
        let _ = try_download(filename, mime, content);
    }

    fn try_download(filename: &str, mime: &str, content: &str) -> Option<()> {
        let document = web_sys::window()?.document()?;
        let parts = js_sys::Array::of1(&JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let anchor: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(filename);
        anchor.click();
        web_sys::Url::revoke_object_url(&url).ok()
    }

    pub fn print() {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }

    pub fn set_theme(theme: &str) {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.set_attribute("data-theme", theme);
        }
    }

    pub fn page_url() -> String {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    }

    /// Keeps the resize observer and its callback alive until dropped.
    pub struct HeightReporter {
        observer: Option<web_sys::ResizeObserver>,
        _callback: Option<Closure<dyn Fn()>>,
    }

    impl Drop for HeightReporter {
        fn drop(&mut self) {
            if let Some(o) = &self.observer {
                o.disconnect();
            }
        }
    }

    fn post_height() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(root) = window.document().and_then(|d| d.document_element()) else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &message,
            &JsValue::from_str("type"),
            &JsValue::from_str(berth_core::embed::HEIGHT_MESSAGE),
        );
        let _ = js_sys::Reflect::set(
            &message,
            &JsValue::from_str("height"),
            &JsValue::from(root.scroll_height()),
        );
        // Any host may embed Berth; the message carries only a height.
        let _ = parent.post_message(&message, "*");
    }

    pub fn report_height_to_parent() -> HeightReporter {
        post_height();
        let callback = Closure::<dyn Fn()>::new(post_height);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        let body = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body());
        if let (Some(o), Some(body)) = (&observer, body) {
            o.observe(&body);
        }
        HeightReporter {
            observer,
            _callback: Some(callback),
        }
    }

    pub fn mark_first_render() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let now = window.performance().map_or(0.0, |p| p.now());
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-first-render-ms", &berth_core::decimal::fixed(now, 1));
        }
    }

    pub fn page_base() -> String {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return String::new();
        };
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        )
    }

    fn sw_container() -> Option<web_sys::ServiceWorkerContainer> {
        let navigator = web_sys::window()?.navigator();
        // Absent in insecure contexts and some embedded views.
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
            .ok()?
            .then(|| navigator.service_worker())
    }

    pub fn register_service_worker(on_update: impl Fn() + 'static) {
        let Some(container) = sw_container() else {
            return;
        };
        let on_update = std::rc::Rc::new(on_update);
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(value) =
                wasm_bindgen_futures::JsFuture::from(container.register("./sw.js")).await
            else {
                return;
            };
            let Ok(registration) = value.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
                return;
            };
            let has_controller = || sw_container().and_then(|c| c.controller()).is_some();
            if registration.waiting().is_some() && has_controller() {
                on_update();
            }
            let reg = registration.clone();
            let found = Closure::<dyn Fn()>::new(move || {
                let Some(worker) = reg.installing() else {
                    return;
                };
                let (w, notify) = (worker.clone(), on_update.clone());
                let changed = Closure::<dyn Fn()>::new(move || {
                    if w.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                        notify();
                    }
                });
                worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
                changed.forget(); // lives as long as the worker
            });
            registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
            found.forget(); // lives as long as the page
        });
    }

    pub fn activate_update() {
        let Some(container) = sw_container() else {
            return;
        };
        let reload = Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(ready) = container.ready() else { return };
            let Ok(value) = wasm_bindgen_futures::JsFuture::from(ready).await else {
                return;
            };
            let waiting = value
                .dyn_into::<web_sys::ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.waiting());
            if let Some(waiting) = waiting {
                let _ = waiting.post_message(&JsValue::from_str("berth:skip-waiting"));
            }
        });
    }

    pub fn install_crash_handler() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let on_error = Closure::<dyn Fn(JsValue)>::new(|event: JsValue| {
            if is_wasm_trap(&event) {
                let _ = show_crash();
            }
        });
        for kind in ["error", "unhandledrejection"] {
            let _ =
                window.add_event_listener_with_callback(kind, on_error.as_ref().unchecked_ref());
        }
        // Listens for the page's whole life.
        on_error.forget();
    }

    /// Whether an `error` event's `error` or an `unhandledrejection`
    /// event's `reason` is a WebAssembly trap.
    fn is_wasm_trap(event: &JsValue) -> bool {
        ["error", "reason"].iter().any(|field| {
            js_sys::Reflect::get(event, &JsValue::from_str(field))
                .is_ok_and(|cause| cause.is_instance_of::<js_sys::WebAssembly::RuntimeError>())
        })
    }

    /// Builds the crash message from text nodes only (the URL is shown, never parsed as HTML).
    fn show_crash() -> Option<()> {
        let body = web_sys::window()?.document()?.body()?;
        show_crash_in(&body)
    }

    pub fn show_crash_in(body: &web_sys::Element) -> Option<()> {
        let window = web_sys::window()?;
        let document = window.document()?;
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

    pub fn install_crash_handler() {}

    pub fn copy_text(_text: &str, done: impl FnOnce(bool) + 'static) {
        done(false)
    }

    pub fn download(_filename: &str, _mime: &str, _content: &str) {}

    pub fn print() {}

    pub fn set_theme(_theme: &str) {}

    pub fn page_url() -> String {
        String::new()
    }

    pub fn register_service_worker(_on_update: impl Fn() + 'static) {}

    /// Nothing to keep alive on native targets.
    pub struct HeightReporter;

    pub fn report_height_to_parent() -> HeightReporter {
        HeightReporter
    }

    pub fn page_base() -> String {
        String::new()
    }

    pub fn mark_first_render() {}

    pub fn activate_update() {}
}
