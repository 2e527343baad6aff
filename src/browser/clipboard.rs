//! Copy link: writing text to the system clipboard and telling the toolbar
//! whether the browser allowed it.
//!
//! No gloo crate wraps the asynchronous Clipboard API, so this awaits
//! `navigator.clipboard.writeText` through `wasm-bindgen-futures`.

/// Copies text to the clipboard, then calls `done` with whether the
/// browser accepted it (it refuses without focus or permission).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    // One boxed callback type: a generic one would compile the awaiting
    // future once per caller (about 0.5 KB gzip each).
    imp::copy_text(text, Box::new(done))
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn copy_text(text: &str, done: Box<dyn FnOnce(bool)>) {
        let promise = gloo_utils::window()
            .navigator()
            .clipboard()
            .write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn copy_text(_text: &str, done: Box<dyn FnOnce(bool)>) {
        done(false)
    }
}
