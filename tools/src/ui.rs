//! The import and compare boxes' controls, drawn and run by the module:
//! the page draws only each box's frame (a `data-tool` element with a
//! `.tools-mount` inside) and, on the first click in it, calls `mount`.
//! So the first load carries no code for them at all.
//!
//! The page's link is read from the address bar when a control acts; an
//! import is opened by pushing its link and telling the page, as Back and
//! Forward do (`popstate`). Every region and the comparison follow the
//! link: the loader calls `window.berthChanged` after each history write.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::markup;

/// What the compare box was asked for, and where it is drawn.
#[derive(Default)]
struct Compare {
    mount: Option<Element>,
    /// Every region, sorted by this platform id ("" = cheapest); `None`
    /// until asked.
    by: Option<String>,
    /// The link compared with; `None` until given.
    other: Option<String>,
    /// Each comparison as Markdown, for its Copy button: every region's,
    /// then the other link's.
    markdown: [String; 2],
}

thread_local! {
    static COMPARE: RefCell<Compare> = RefCell::default();
}

fn window() -> web_sys::Window {
    web_sys::window().expect_throw("no window")
}

/// The page's link, without `?`.
fn query() -> String {
    window()
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string()
}

/// Sets the markup of the `data-out=name` element of `mount`.
fn show(mount: &Element, name: &str, html: &str) {
    if let Ok(Some(out)) = mount.query_selector(&format!("[data-out={name}]")) {
        out.set_inner_html(html);
    }
}

/// The value of the `data-field=name` element of `mount`.
fn field(mount: &Element, name: &str) -> String {
    let Ok(Some(el)) = mount.query_selector(&format!("[data-field={name}]")) else {
        return String::new();
    };
    match el.dyn_into::<HtmlTextAreaElement>() {
        Ok(t) => t.value(),
        Err(el) => el
            .dyn_into::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default(),
    }
}

/// Listens for `kind` events on `mount` for as long as the page lives
/// (each mount is drawn once; a redrawn box gets a new element).
fn listen(mount: &Element, kind: &str, act: impl Fn(Element, String, Event) + 'static) {
    let handler = Closure::<dyn Fn(Event)>::new(move |e: Event| {
        let control = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-act]").ok().flatten());
        if let Some(c) = control {
            let name = c.get_attribute("data-act").unwrap_or_default();
            act(c, name, e);
        }
    });
    let _ = mount.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Draws a box's controls into the `.tools-mount` of `frame` (`kind` is
/// `import` or `compare`) and runs them.
#[wasm_bindgen]
pub fn mount(frame: Element, kind: String) -> Result<(), JsValue> {
    let mount = frame
        .query_selector(".tools-mount")?
        .ok_or_else(|| JsValue::from_str("no .tools-mount"))?;
    frame.set_attribute("data-mounted", "")?;
    if kind == "import" {
        mount.set_inner_html(&markup::import_controls());
        let m = mount.clone();
        listen(&mount, "click", move |_, act, _| {
            if act == "paste" {
                let files = vec![("pasted".to_string(), field(&m, "text"))];
                import(m.clone(), files);
            }
        });
        let m = mount.clone();
        listen(&mount, "change", move |control, act, _| {
            let list = control
                .dyn_into::<HtmlInputElement>()
                .ok()
                .and_then(|i| i.files());
            if let (true, Some(list)) = (act == "pick", list) {
                let m = m.clone();
                spawn_local(async move {
                    let mut files = Vec::new();
                    for f in (0..list.length()).filter_map(|i| list.get(i)) {
                        if let Ok(t) = JsFuture::from(f.text()).await {
                            files.push((f.name(), t.as_string().unwrap_or_default()));
                        }
                    }
                    import(m, files);
                });
            }
        });
        return Ok(());
    }
    let by = COMPARE.with(|c| c.borrow().by.clone()).unwrap_or_default();
    mount.set_inner_html(&markup::compare_controls(&by));
    COMPARE.with(|c| c.borrow_mut().mount = Some(mount.clone()));
    let m = mount.clone();
    listen(&mount, "click", move |control, act, _| {
        match act.as_str() {
            "copy-md" => return copy_markdown(&control),
            "regions" => COMPARE.with(|c| {
                let mut c = c.borrow_mut();
                c.by = Some(c.by.clone().unwrap_or_default());
            }),
            "compare" => {
                let link = field(&m, "other");
                COMPARE.with(|c| c.borrow_mut().other = (!link.trim().is_empty()).then_some(link));
            }
            _ => return,
        }
        refresh();
    });
    listen(&mount, "change", move |control, act, _| {
        if let (true, Ok(select)) = (act == "sort", control.dyn_into::<HtmlSelectElement>()) {
            COMPARE.with(|c| c.borrow_mut().by = Some(select.value()));
            refresh();
        }
    });
    // Drawn again, the box shows again what was asked for.
    refresh();
    Ok(())
}

/// Imports `files` over the page's link: the report into the box, and
/// the imported link opened as a new history entry.
fn import(mount: Element, files: Vec<(String, String)>) {
    if files.iter().all(|(_, t)| t.trim().is_empty()) {
        let why = "Paste a manifest, task definition or compose file, or pick one.";
        return show(&mount, "report", &markup::failed(why));
    }
    show(&mount, "report", markup::BUSY);
    spawn_local(async move {
        let answer = match crate::web::ready_shared().await {
            Ok(()) => crate::import_files(&query(), &files),
            Err(why) => crate::Imported {
                link: None,
                report: markup::failed(&why.as_string().unwrap_or_default()),
            },
        };
        show(&mount, "report", &answer.report);
        if let Some(link) = answer.link {
            open(&link);
        }
    });
}

/// Pushes `link` and tells the page, which adopts it as it adopts Back.
fn open(link: &str) {
    let w = window();
    if let Ok(history) = w.history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("?{link}")));
    }
    if let Ok(e) = web_sys::PopStateEvent::new("popstate") {
        let _ = w.dispatch_event(&e);
    }
}

/// Asks again for what the compare box was asked for, for the page's
/// link now: the loader calls it after each history write.
#[wasm_bindgen(js_name = berthChanged)]
pub fn refresh() {
    let (mount, by, other) = COMPARE.with(|c| {
        let c = c.borrow();
        (c.mount.clone(), c.by.clone(), c.other.clone())
    });
    let Some(mount) = mount.filter(|m| m.is_connected()) else {
        return;
    };
    let q = query();
    if let Some(by) = by {
        show(&mount, "regions", markup::BUSY);
        let (m, q) = (mount.clone(), q.clone());
        spawn_local(async move {
            let answer = crate::web::regions(q, by).await;
            show(&m, "regions", &answer_html(answer, 0));
        });
    }
    if let Some(other) = other {
        show(&mount, "compared", markup::BUSY);
        spawn_local(async move {
            let answer = crate::web::compare(q, other).await;
            show(&mount, "compared", &answer_html(answer, 1));
        });
    }
}

/// A comparison's markup, keeping its Markdown (slot 0: every region,
/// 1: the other link) for the Copy button; or why there is none.
fn answer_html(answer: Result<(String, String), JsValue>, slot: usize) -> String {
    match answer {
        Ok((html, md)) => {
            COMPARE.with(|c| {
                if let Some(m) = c.borrow_mut().markdown.get_mut(slot) {
                    *m = md;
                }
            });
            html
        }
        Err(e) => markup::failed(&e.as_string().unwrap_or_default()),
    }
}

/// Copies the Markdown of the comparison `control` sits under, and says so
/// beside it.
fn copy_markdown(control: &Element) {
    let out = control.closest("[data-out]").ok().flatten();
    let which = out.and_then(|o| o.get_attribute("data-out"));
    let slot = usize::from(which.as_deref() == Some("compared"));
    let text = COMPARE.with(|c| c.borrow().markdown.get(slot).cloned().unwrap_or_default());
    let said = control
        .parent_element()
        .and_then(|p| p.query_selector("[data-out=copied]").ok().flatten());
    let promise = window().navigator().clipboard().write_text(&text);
    spawn_local(async move {
        let ok = JsFuture::from(promise).await.is_ok();
        if let Some(said) = said {
            let text = if ok {
                "Copied."
            } else {
                "Copy failed: select the table instead."
            };
            said.set_text_content(Some(text));
        }
    });
}
