//! Moving keyboard focus to an element by id (the tabs pattern moves focus
//! with the arrow keys). Uses `gloo-utils` for the document.

/// Focuses the element with `id`, if there is one and it can take focus.
#[cfg(target_arch = "wasm32")]
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    let el = gloo_utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// No browser, nothing to focus.
#[cfg(not(target_arch = "wasm32"))]
pub fn focus_id(_id: &str) {}
