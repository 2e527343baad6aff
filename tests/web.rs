//! In-browser tests (wasm-bindgen-test, headless Chromium): mount the App,
//! edit a field as a user would, and check the DOM and the address bar.
#![cfg(target_arch = "wasm32")]
// Test helpers outside #[test] functions may panic: that is how a test fails.
#![allow(clippy::unwrap_used)]

use berth::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(query: &str) -> Element {
    // The page fetches its price book; the tests read the embedded one.
    let _ = berth_core::pricebook::book::install_dir(&berth_core::pricebook::book::embedded());
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            query: query.to_string().into(),
            book_failed: None,
        },
    )
    .render();
    root
}

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn type_into(field: &HtmlInputElement, text: &str) {
    field.set_value(text);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let event = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    field.dispatch_event(&event).unwrap();
}

fn location_search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

#[wasm_bindgen_test]
async fn editing_the_task_count_updates_the_page_and_the_url() {
    let root = mount("region=eu-west-1&svc=api~3~1~2");
    yew::scheduler::flush().await;

    let region: HtmlSelectElement = root
        .query_selector(".region-select select")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(region.value(), "eu-west-1");
    let tasks = input(&root, ".svc-tasks input");
    assert_eq!(tasks.value(), "3");

    type_into(&tasks, "5");
    yew::scheduler::flush().await;
    assert_eq!(input(&root, ".svc-tasks input").value(), "5");
    assert!(
        location_search().contains("svc=api~5~1~2"),
        "{}",
        location_search()
    );
}

#[wasm_bindgen_test]
async fn an_invalid_value_is_marked_and_the_last_valid_one_stays() {
    let root = mount("svc=api~3~1~2");
    yew::scheduler::flush().await;

    let tasks = input(&root, ".svc-tasks input");
    type_into(&tasks, "2.5");
    yew::scheduler::flush().await;

    // The typed text stays, the reason is shown, the link keeps 3 tasks.
    assert_eq!(input(&root, ".svc-tasks input").value(), "2.5");
    let error = root
        .query_selector(".svc-tasks .field-error")
        .unwrap()
        .unwrap();
    assert!(error.text_content().unwrap().contains("whole number"));
    assert!(
        location_search().contains("svc=api~3~1~2"),
        "{}",
        location_search()
    );
}

#[wasm_bindgen_test]
fn the_crash_page_keeps_the_link_visible_and_offers_a_reset() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    berth::browser::show_crash_in(&root);
    let href = web_sys::window().unwrap().location().href().unwrap();
    let text = root.text_content().unwrap();
    assert!(text.contains("Berth stopped unexpectedly"), "{text}");
    let link: web_sys::HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(link.value(), href);
    let reset = root.query_selector("a").unwrap().unwrap();
    assert_eq!(reset.text_content().unwrap(), "Reset to the defaults");
}
