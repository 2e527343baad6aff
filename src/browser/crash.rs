//! The crash page: if Berth ever stops, the page is replaced with a short
//! message that keeps the user's link (everything they set) visible for
//! copying, with a link that resets to the defaults. A panic in WebAssembly
//! leaves a dead page otherwise.
//!
//! The release build compiles panics to a trap (Makefile, `RELEASE_ENV`), so
//! no panic hook would ever run. Instead this listens, with two
//! `gloo-events` listeners kept for the page's whole life, for what every
//! panic becomes in any build: a `WebAssembly.RuntimeError` that nothing
//! caught, reported as the window's `error` event (from an event handler) or
//! `unhandledrejection` (from a promise). Other script errors, such as a
//! browser extension's, leave the page alone. The e2e test raises a real
//! trap in the release build and checks the page.

/// Replaces the page with the crash message whenever an uncaught
/// WebAssembly trap reaches the window (see the module docs).
pub fn install_crash_handler() {
    imp::install_crash_handler()
}

/// Draws the crash message into `root` (the crash handler uses the body;
/// tests use a scratch element, so its output is checked without a trap).
#[cfg(target_arch = "wasm32")]
pub fn show_crash_in(root: &web_sys::Element) {
    let _ = imp::show_crash_in(root);
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use gloo_events::EventListener;
    use wasm_bindgen::{JsCast, JsValue};

    pub fn install_crash_handler() {
        let window = gloo_utils::window();
        for kind in ["error", "unhandledrejection"] {
            EventListener::new(&window, kind, |event| {
                if is_wasm_trap(event) {
                    let _ = show_crash();
                }
            })
            // Listens for the page's whole life.
            .forget();
        }
    }

    /// Whether an `error` event's `error` or an `unhandledrejection`
    /// event's `reason` is a WebAssembly trap.
    fn is_wasm_trap(event: &JsValue) -> bool {
        ["error", "reason"].iter().any(|field| {
            js_sys::Reflect::get(event, &JsValue::from_str(field))
                .is_ok_and(|cause| cause.is_instance_of::<js_sys::WebAssembly::RuntimeError>())
        })
    }

    /// Builds the crash message in the body.
    fn show_crash() -> Option<()> {
        let body = gloo_utils::document().body()?;
        show_crash_in(&body)
    }

    /// Builds the crash message from text nodes only (the URL is shown,
    /// never parsed as HTML).
    pub fn show_crash_in(body: &web_sys::Element) -> Option<()> {
        let location = gloo_utils::window().location();
        let document = gloo_utils::document();
        let href = location.href().ok()?;
        let path = location.pathname().ok()?;
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
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn install_crash_handler() {}
}
