//! The startup benchmark's one measurement: when the first full render
//! happened, recorded on the root element for `tests/render_bench.rs` to
//! read through WebDriver.
//!
//! `performance.now()` comes from `web-sys`; gloo has no wrapper for it.
//! `gloo-utils` supplies the window and root element.

/// Records on the root element when the first full render happened
/// (`data-first-render-ms`, milliseconds since navigation start), for the
/// startup benchmark.
pub fn mark_first_render() {
    imp::mark_first_render()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn mark_first_render() {
        let now = gloo_utils::window().performance().map_or(0.0, |p| p.now());
        let root = gloo_utils::document_element();
        // The first full render only (a region switch renders again).
        if !root.has_attribute("data-first-render-ms") {
            let _ = root.set_attribute("data-first-render-ms", &berth_core::decimal::fixed(now, 1));
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn mark_first_render() {}
}
