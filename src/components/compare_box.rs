//! The compare box's frame, under the Cost panel: the workload in every
//! region the book covers, and this page's link against another. The
//! on-demand module draws and runs its controls on the first click in the
//! frame (`browser::mount_tool`), and computes both from core.

use yew::prelude::*;

use crate::components::raw;

/// The frame: a heading and the button that brings the controls.
pub fn compare_box() -> Html {
    raw("<section class=\"panel compare-box\" aria-labelledby=\"compare-title\" data-tool=\"compare\">\
<h2 id=\"compare-title\">Compare</h2><div class=\"tools-mount\">\
<button type=\"button\" class=\"button\">Every region, or another link…</button></div></section>"
        .to_string())
}
