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

/// Removes the first screen the build prerendered (`examples/prerender.rs`),
/// just before the live page renders in its place.
pub fn drop_prerender() {
    imp::drop_prerender()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn drop_prerender() {
        if let Some(e) = gloo_utils::document().get_element_by_id("prerender") {
            e.remove();
            // For the startup benchmark: until now the first screen was
            // the prerendered one.
            if let Some(p) = gloo_utils::window().performance() {
                let _ = p.mark("berth-prerender-dropped");
            }
        }
    }

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
    pub fn drop_prerender() {}

    pub fn mark_first_render() {}
}
