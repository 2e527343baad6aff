//! Fetching a file served beside the app (the price book's source texts),
//! as text. An `XMLHttpRequest` with one `loadend` listener (gloo-events):
//! it costs the page less code than `fetch` and its futures, and the page
//! has `connect-src 'self'` anyway.

/// Fetches `path` (relative to the page) and calls `done` with its text or
/// the reason it could not be had.
#[cfg(target_arch = "wasm32")]
pub fn fetch_text(path: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return done(Err("this browser cannot fetch".to_string()));
    };
    if xhr.open_with_async("GET", path, true).is_err() {
        return done(Err("the request could not be made".to_string()));
    }
    // One request per panel opening (and per retry): its listener is left
    // to the request, not dropped from inside its own call.
    let req = xhr.clone();
    let mut done = Some(done);
    let listener = gloo_events::EventListener::new(&xhr, "loadend", move |_| {
        let result = match (req.status(), req.response_text()) {
            (Ok(200), Ok(Some(text))) => Ok(text),
            (Ok(0), _) => Err("the network is not reachable".to_string()),
            (Ok(status), _) => Err(format!("the server answered {status}")),
            _ => Err("no response".to_string()),
        };
        if let Some(done) = done.take() {
            done(result);
        }
    });
    listener.forget();
    // A send that fails still ends in `loadend`, which reports it.
    let _ = xhr.send();
}

/// No browser: nothing to fetch.
#[cfg(not(target_arch = "wasm32"))]
pub fn fetch_text(_path: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    done(Err("no browser".to_string()));
}
