//! The module's bindings: each export fetches the price book's files it
//! needs (their served names are in the page's `berth-book` meta tag; the
//! service worker has them offline), installs them in this module's own
//! copy of the book, and answers with text for the page.

use berth_core::compare;
use berth_core::cost::Platform;
use berth_core::pricebook::{book, region_ready, shared_ready};
use berth_core::region::RegionId;
use berth_core::Scenario;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn fail(why: impl Into<String>) -> JsValue {
    JsValue::from_str(&why.into())
}

/// The served name of the book file `stem` (`shared`, `eu-west-1`).
fn book_file(stem: &str) -> Result<String, JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let content = doc
        .query_selector("meta[name=berth-book]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    let prefix = format!("{stem}.");
    content
        .split_whitespace()
        .find(|n| n.starts_with(&prefix))
        .map(str::to_string)
        .ok_or_else(|| fail(format!("the page names no price-book file for {stem}")))
}

/// Starts fetching `book/<file>`.
fn start(file: &str) -> Result<js_sys::Promise, JsValue> {
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    Ok(window.fetch_with_str(&format!("book/{file}")))
}

/// The text a fetch started by [`start`] answers.
async fn text(fetch: js_sys::Promise, file: &str) -> Result<String, JsValue> {
    let response: web_sys::Response = JsFuture::from(fetch).await?.dyn_into()?;
    if !response.ok() {
        return Err(fail(format!(
            "{file}: the server answered {}",
            response.status()
        )));
    }
    JsFuture::from(response.text()?)
        .await?
        .as_string()
        .ok_or_else(|| fail(format!("{file} is not text")))
}

/// Reads the shared file (the catalog a link is read against).
pub(crate) async fn ready_shared() -> Result<(), JsValue> {
    need_shared().await
}

async fn need_shared() -> Result<(), JsValue> {
    if shared_ready() {
        return Ok(());
    }
    let file = book_file("shared")?;
    let body = text(start(&file)?, &file).await?;
    book::install_shared(&file, &body).map_err(fail)
}

/// Reads the files of `regions` not read yet, fetched all at once.
async fn need_regions(regions: &[RegionId]) -> Result<(), JsValue> {
    need_shared().await?;
    let mut started = Vec::new();
    for r in regions.iter().filter(|r| !region_ready(**r)) {
        let file = book_file(r.code())?;
        started.push((*r, start(&file)?, file));
    }
    for (region, fetch, file) in started {
        let body = text(fetch, &file).await?;
        book::install_region(region, &file, &body).map_err(fail)?;
    }
    Ok(())
}

async fn scenario(query: &str) -> Result<Scenario, JsValue> {
    need_shared().await?;
    let (s, _) = Scenario::from_query(query);
    need_regions(&[s.region]).await?;
    Ok(s)
}

/// The estimate's file, `csv` or `json`, for the page's link; `notices`
/// are the page's, one a line (field, U+001F, message).
#[wasm_bindgen(js_name = exportFile)]
pub async fn export_file(
    query: String,
    notices: String,
    format: String,
) -> Result<String, JsValue> {
    scenario(&query).await?;
    Ok(crate::export_file(&query, &notices, &format))
}

/// Every region as markup and as Markdown: the page's workload, sorted by
/// `platform` (an id) or, for any other text, by each region's cheapest.
pub(crate) async fn regions(query: String, platform: String) -> Result<(String, String), JsValue> {
    let s = scenario(&query).await?;
    let all: Vec<RegionId> = RegionId::all().collect();
    need_regions(&all).await?;
    let by = Platform::from_id(&platform);
    let rows = compare::regions(&s, by);
    Ok((
        crate::markup::regions(&rows, by),
        compare::regions_markdown(&rows),
    ))
}

/// The page's link (before) against `other` (after), as markup and as
/// Markdown.
pub(crate) async fn compare(query: String, other: String) -> Result<(String, String), JsValue> {
    let before = scenario(&query).await?;
    let after = scenario(&other).await?;
    let d = compare::diff(&before, &after);
    Ok((crate::markup::diff(&d), compare::diff_markdown(&d)))
}
