//! An empty Yew app: one paragraph, rendered by Yew after the wasm loads.
//! `tests/render_bench.rs` times its first paint beside Berth's, in the
//! same run, so Berth's startup reads as a ratio to what Yew itself costs
//! on the machine at hand.

use yew::prelude::*;

#[component]
fn App() -> Html {
    html! { <p elementtiming="answer">{ "Hello from an empty Yew app." }</p> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
