//! The on-demand module (`tools/`, berth-tools): imports, exports, every
//! region and compare run there, loaded on the first call by the page's
//! `window.berthTool` loader (`scripts/tools-build` writes it), so the
//! first load carries neither the parsers nor the writers.

/// What a call of the module hands its answer to: the text, or why it
/// could not be had. Boxed, so every caller shares one copy of the call.
pub type Done = Box<dyn FnOnce(Result<String, String>)>;

/// Calls the module's export `name` with `args`; `done` gets its answer.
pub fn tool(name: &str, args: Vec<wasm_bindgen::JsValue>, done: Done) {
    imp::tool(name, args, done)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The loader: a promise of the export's text.
        #[wasm_bindgen(catch, js_namespace = window, js_name = berthTool)]
        fn berth_tool(name: &str, args: js_sys::Array) -> Result<js_sys::Promise, JsValue>;
    }

    pub fn mount_tool(e: &web_sys::Event) {
        use wasm_bindgen::JsCast;
        let frame = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-tool]:not([data-mounted])").ok().flatten());
        let Some(frame) = frame else { return };
        let kind = frame.get_attribute("data-tool").unwrap_or_default();
        let _ = frame.set_attribute("data-mounted", "");
        let args = vec![frame.clone().into(), kind.into()];
        tool(
            "mount",
            args,
            Box::new(move |answer| {
                if let (Err(why), Ok(Some(place))) = (answer, frame.query_selector(".tools-mount"))
                {
                    place.set_text_content(Some(&why));
                    let _ = frame.remove_attribute("data-mounted");
                }
            }),
        );
    }

    pub fn tool(name: &str, args: Vec<JsValue>, done: super::Done) {
        let Ok(promise) = berth_tool(name, args.into_iter().collect()) else {
            return done(Err("this page was built without its tools".to_string()));
        };
        wasm_bindgen_futures::spawn_local(async move {
            let answer = wasm_bindgen_futures::JsFuture::from(promise).await;
            done(match answer {
                Ok(text) => Ok(text.as_string().unwrap_or_default()),
                Err(why) => Err(why
                    .as_string()
                    .unwrap_or_else(|| "the tools could not be loaded".to_string())),
            });
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// No browser, no module.
    pub fn mount_tool(_e: &web_sys::Event) {}

    pub fn tool(_name: &str, _args: Vec<wasm_bindgen::JsValue>, done: super::Done) {
        done(Err("no browser".to_string()));
    }
}

/// Draws the tools' controls into the frame a click landed in (a
/// `data-tool` element not drawn yet): the module's `mount`. A frame
/// whose module cannot be had says why in its place.
pub fn mount_tool(e: &web_sys::Event) {
    imp::mount_tool(e)
}
