//! The colour theme toggle: `data-theme` on the root element, which the
//! stylesheets read (`auto` leaves it to the system's `prefers-color-scheme`).
//!
//! Nothing is stored: the theme lives in the URL like every other setting,
//! so there is no `localStorage` and no `gloo-storage`. `gloo-utils`
//! supplies the root element.

/// Sets the colour theme: `light`, `dark`, or `auto` (follow the system).
pub fn set_theme(theme: &str) {
    imp::set_theme(theme)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn set_theme(theme: &str) {
        let _ = gloo_utils::document_element().set_attribute("data-theme", theme);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn set_theme(_theme: &str) {}
}
