//! Berth inside an iframe (`embed=`): the content height, posted to the
//! host page now and whenever the body resizes, so the host can size the
//! frame without scrollbars (`berth_core::embed` names the message).
//!
//! gloo has no `ResizeObserver` wrapper (and a `ResizeObserver` is not an
//! event target, so `gloo-events` does not apply): the observer's callback
//! is a `wasm-bindgen` closure kept alive by the guard. `gloo-utils`
//! supplies the window and document.

/// In an iframe: posts the page's content height to the parent now and
/// whenever the body resizes. The guard keeps the observer alive.
pub fn report_height_to_parent() -> HeightReporter {
    imp::report_height_to_parent()
}

pub use imp::HeightReporter;

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    /// Keeps the resize observer and its callback alive until dropped.
    pub struct HeightReporter {
        observer: Option<web_sys::ResizeObserver>,
        _callback: Closure<dyn Fn()>,
    }

    impl Drop for HeightReporter {
        fn drop(&mut self) {
            if let Some(o) = &self.observer {
                o.disconnect();
            }
        }
    }

    fn post_height() {
        let window = gloo_utils::window();
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
            &JsValue::from(gloo_utils::document_element().scroll_height()),
        );
        // Any host may embed Berth; the message carries only a height.
        let _ = parent.post_message(&message, "*");
    }

    pub fn report_height_to_parent() -> HeightReporter {
        post_height();
        let callback = Closure::<dyn Fn()>::new(post_height);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(o), Some(body)) = (&observer, gloo_utils::document().body()) {
            o.observe(&body);
        }
        HeightReporter {
            observer,
            _callback: callback,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// Nothing to keep alive on native targets.
    pub struct HeightReporter;

    pub fn report_height_to_parent() -> HeightReporter {
        HeightReporter
    }
}
