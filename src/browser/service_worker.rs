//! Offline use and updates: registers the service worker (`./sw.js`, built
//! by `scripts/sw-build`), tells the update banner when a new build has been
//! downloaded and is waiting, and on the user's word switches to it and
//! reloads.
//!
//! The worker's events (`updatefound`, `statechange`, `controllerchange`)
//! are `gloo-events` listeners, forgotten on purpose: they live as long as
//! the page or the worker. Registration itself is a promise, awaited with
//! `wasm-bindgen-futures`; gloo has no service worker crate.

/// Registers the offline service worker (`./sw.js`); calls `on_update`
/// when a new build has been downloaded and waits for the user.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    imp::register_service_worker(on_update)
}

/// Switches to the waiting new build and reloads the page.
pub fn activate_update() {
    imp::activate_update()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use gloo_events::EventListener;
    use wasm_bindgen::{JsCast, JsValue};

    fn sw_container() -> Option<web_sys::ServiceWorkerContainer> {
        let navigator = gloo_utils::window().navigator();
        // Absent in insecure contexts and some embedded views.
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
            .ok()?
            .then(|| navigator.service_worker())
    }

    pub fn register_service_worker(on_update: impl Fn() + 'static) {
        let Some(container) = sw_container() else {
            return;
        };
        let on_update = std::rc::Rc::new(on_update);
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(value) =
                wasm_bindgen_futures::JsFuture::from(container.register("./sw.js")).await
            else {
                return;
            };
            let Ok(registration) = value.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
                return;
            };
            let has_controller = || sw_container().and_then(|c| c.controller()).is_some();
            if registration.waiting().is_some() && has_controller() {
                on_update();
            }
            let reg = registration.clone();
            EventListener::new(&registration, "updatefound", move |_| {
                let Some(worker) = reg.installing() else {
                    return;
                };
                let (w, notify) = (worker.clone(), on_update.clone());
                EventListener::new(&worker, "statechange", move |_| {
                    if w.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                        notify();
                    }
                })
                .forget(); // lives as long as the worker
            })
            .forget(); // lives as long as the page
        });
    }

    pub fn activate_update() {
        let Some(container) = sw_container() else {
            return;
        };
        // The page is about to reload, so the listener is never removed.
        EventListener::new(&container, "controllerchange", |_| {
            let _ = gloo_utils::window().location().reload();
        })
        .forget();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(ready) = container.ready() else { return };
            let Ok(value) = wasm_bindgen_futures::JsFuture::from(ready).await else {
                return;
            };
            let waiting = value
                .dyn_into::<web_sys::ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.waiting());
            if let Some(waiting) = waiting {
                let _ = waiting.post_message(&JsValue::from_str("berth:skip-waiting"));
            }
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn register_service_worker(_on_update: impl Fn() + 'static) {}

    pub fn activate_update() {}
}
