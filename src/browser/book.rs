//! The price book's files, fetched beside the app: the shared file first
//! (the catalog names the instance types a link may hold), then each
//! region's file when the region is first used. Their names, after their
//! content, come from the page's `berth-book` meta tag, which
//! `berth book-files` fills in, with a small inline script that starts
//! fetching the shared file and the link's region while the wasm downloads
//! (the wasm takes those fetches over, with no second round trip). Each
//! file is fetched once (callers asking while it is on its way wait for the
//! same request; a file that arrives first waits for its caller); the
//! service worker precaches every region's file, so every region works
//! offline after the first visit.

use berth_core::pricebook::{book, region_ready, shared_ready};
use berth_core::region::RegionId;

/// Where a region's figures are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BookState {
    /// Read: the page can compute.
    Ready,
    /// On their way.
    Loading,
    /// Could not be had: why, in words.
    Failed(String),
}

/// The state of `region` now (without fetching).
pub fn book_state(region: RegionId) -> BookState {
    if region_ready(region) {
        BookState::Ready
    } else {
        BookState::Loading
    }
}

/// Fetches and reads the shared file, then calls `done`.
pub fn load_shared(done: impl FnOnce(Result<(), String>) + 'static) {
    if shared_ready() {
        return done(Ok(()));
    }
    imp::fetch("shared", move |text| {
        done(text.and_then(|(file, text)| book::install_shared(&file, &text)))
    });
}

/// Fetches and reads the file of `region` (after the shared file), then
/// calls `done`; at once when it is already read.
pub fn load_region(region: RegionId, done: impl FnOnce(Result<(), String>) + 'static) {
    if region_ready(region) {
        return done(Ok(()));
    }
    imp::fetch(region.code(), move |text| {
        done(text.and_then(|(file, text)| book::install_region(region, &file, &text)))
    });
}

/// Fetches and reads the book's words (the texts of its sources and
/// notes), then calls `done`; the page asks for them after its first
/// render, as only the Data panel and the Decide panel's reasons show them.
pub fn load_words(done: impl FnOnce(Result<(), String>) + 'static) {
    if berth_core::provenance::words_ready() {
        return done(Ok(()));
    }
    imp::fetch("words", move |text| {
        done(text.and_then(|(file, text)| book::install_words(&file, &text)))
    });
}

/// Starts fetching the file of `region` now (the page does it at start,
/// in parallel with the shared file), for [`load_region`] to read later.
pub fn prefetch_region(region: RegionId) {
    if !region_ready(region) {
        imp::prefetch(region.code());
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    /// A file's name and text, or why it could not be had.
    type Fetched = Result<(String, String), String>;
    /// A caller waiting for a file.
    type Waiter = Box<dyn FnOnce(Fetched)>;

    /// A file asked for: on its way (with who waits for it), or arrived
    /// before anyone asked (a prefetch).
    enum Slot {
        Waiting(Vec<Waiter>),
        Arrived(Fetched),
    }

    thread_local! {
        /// Files asked for and not yet handed over, by stem (a few at a
        /// time: a list costs the page less code than a map).
        static FILES: RefCell<Vec<(String, Slot)>> = RefCell::default();
    }

    /// Takes the slot of `stem` out of [`FILES`].
    fn take(stem: &str) -> Option<Slot> {
        FILES.with(|f| {
            let mut f = f.borrow_mut();
            let i = f.iter().position(|(s, _)| s == stem)?;
            Some(f.swap_remove(i).1)
        })
    }

    fn put(stem: String, slot: Slot) {
        FILES.with(|f| f.borrow_mut().push((stem, slot)));
    }

    /// The served name of the book file `stem` (`shared`, `eu-west-1`),
    /// from the page's manifest.
    fn file_name(stem: &str) -> Option<String> {
        let meta = gloo_utils::document()
            .query_selector("meta[name=berth-book]")
            .ok()??;
        let content = meta.get_attribute("content")?;
        let prefix = format!("{stem}.");
        content
            .split_whitespace()
            .find(|n| n.starts_with(&prefix))
            .map(str::to_string)
    }

    pub fn prefetch(stem: &str) {
        let asked = FILES.with(|f| f.borrow().iter().any(|(s, _)| s == stem));
        if !asked {
            start(stem, Vec::new());
        }
    }

    pub fn fetch(stem: &str, done: impl FnOnce(Fetched) + 'static) {
        match take(stem) {
            Some(Slot::Arrived(text)) => done(text),
            Some(Slot::Waiting(mut waiters)) => {
                waiters.push(Box::new(done));
                put(stem.to_string(), Slot::Waiting(waiters));
            }
            None => start(stem, vec![Box::new(done)]),
        }
    }

    /// Sends the one request for `stem`; hands the answer to whoever is
    /// waiting when it arrives, or keeps it for the first to ask.
    fn start(stem: &str, waiters: Vec<Waiter>) {
        let Some(name) = file_name(stem) else {
            let why = format!("this page lists no price-book file for {stem}");
            for waiter in waiters {
                waiter(Err(why.clone()));
            }
            return;
        };
        put(stem.to_string(), Slot::Waiting(waiters));
        let stem = stem.to_string();
        if let Some(started) = started_by_page(&name) {
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(started).await;
                let text = text
                    .ok()
                    .and_then(|t| t.as_string())
                    .ok_or_else(|| "the file could not be fetched".to_string());
                deliver(stem, text.map(|t| (name, t)));
            });
            return;
        }
        crate::browser::fetch_text(&format!("book/{name}"), move |text| {
            deliver(stem, text.map(|t| (name, t)));
        });
    }

    /// Hands a file to whoever waits for it, or keeps it for the first to ask.
    fn deliver(stem: String, fetched: Fetched) {
        match take(&stem) {
            Some(Slot::Waiting(waiters)) if !waiters.is_empty() => {
                for waiter in waiters {
                    waiter(fetched.clone());
                }
            }
            _ => put(stem, Slot::Arrived(fetched)),
        }
    }

    /// The page's own fetch of `name`, started by its inline script before
    /// the wasm loaded (`window.berthBook`, a promise of the text), taken
    /// once: a retry fetches anew.
    fn started_by_page(name: &str) -> Option<js_sys::Promise> {
        use wasm_bindgen::JsCast;
        let book = js_sys::Reflect::get(&gloo_utils::window(), &"berthBook".into()).ok()?;
        let key = wasm_bindgen::JsValue::from_str(name);
        let promise = js_sys::Reflect::get(&book, &key).ok()?.dyn_into().ok()?;
        let _ = js_sys::Reflect::delete_property(book.unchecked_ref::<js_sys::Object>(), &key);
        Some(promise)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// No browser: the native book is read from the embedded copy, so
    /// nothing is ever fetched.
    pub fn fetch(stem: &str, done: impl FnOnce(Result<(String, String), String>) + 'static) {
        done(Err(format!("no browser to fetch {stem} with")));
    }

    pub fn prefetch(_stem: &str) {}
}
