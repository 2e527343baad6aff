//! Fetching a file served beside the app (the price book's source texts),
//! as text. `web-sys`'s `fetch` and a future: gloo-net would add its own
//! request types for one GET, and the page has `connect-src 'self'` anyway.

/// Fetches `path` (relative to the page) and calls `done` with its text or
/// the reason it could not be had.
#[cfg(target_arch = "wasm32")]
pub fn fetch_text(path: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let path = path.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let result = async {
            let response = JsFuture::from(gloo_utils::window().fetch_with_str(&path))
                .await
                .map_err(|_| "the network is not reachable".to_string())?;
            let response: web_sys::Response =
                response.dyn_into().map_err(|_| "no response".to_string())?;
            if !response.ok() {
                return Err(format!("the server answered {}", response.status()));
            }
            let text = response.text().map_err(|_| "no body".to_string())?;
            JsFuture::from(text)
                .await
                .ok()
                .and_then(|t| t.as_string())
                .ok_or_else(|| "the body is not text".to_string())
        }
        .await;
        done(result);
    });
}

/// No browser: nothing to fetch.
#[cfg(not(target_arch = "wasm32"))]
pub fn fetch_text(_path: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    done(Err("no browser".to_string()));
}
