//! The on-demand module (`tools/`, berth-tools): imports, exports, every
//! region and compare run there, loaded on the first call by the page's
//! `window.berthTool` loader (`scripts/tools-build` writes it), so the
//! first load carries neither the parsers nor the writers.

/// Calls the module's export `name` with `args`; `done` gets its text,
/// or why it could not be had.
pub fn tool(
    name: &str,
    args: Vec<wasm_bindgen::JsValue>,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
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

    pub fn tool(
        name: &str,
        args: Vec<JsValue>,
        done: impl FnOnce(Result<String, String>) + 'static,
    ) {
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
    pub fn tool(
        _name: &str,
        _args: Vec<wasm_bindgen::JsValue>,
        done: impl FnOnce(Result<String, String>) + 'static,
    ) {
        done(Err("no browser".to_string()));
    }
}
