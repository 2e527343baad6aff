//! The App: owns the store, keeps it and the address bar in step, and lays
//! out the header, navigation, workload and the open panel.

use yew::prelude::*;

use crate::browser;
use berth_core::Tab;

use crate::components::{
    Answer, CostPanel, DataPanel, DecidePanel, EmbedView, Nav, Notices, PerfPanel, PresetPicker,
    RegionSelect, ServicesEditor, Toolbar, UpdateBanner,
};
use crate::hooks::ScenarioContext;
use crate::store::{HistoryMode, Store, StoreMsg};

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The query string the page was loaded with (without `?`).
    pub query: AttrValue,
}

/// The whole Berth page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let query = props.query.clone();
    let store = use_reducer(move || Store::from_query(&query));
    use_url_sync(&store);
    use_effect_with((), |_| browser::mark_first_render());

    if let Some(view) = store.scenario.embed {
        return html! {
            <ContextProvider<ScenarioContext> context={store.clone()}>
                <EmbedView {view} />
            </ContextProvider<ScenarioContext>>
        };
    }
    html! {
        <ContextProvider<ScenarioContext> context={store.clone()}>
            <div class="app">
                <a class="skip-link" href="#main">{ "Skip to the answer" }</a>
                <header class="app-header">
                    <h1 class="app-title">{ "Berth" }</h1>
                    <p class="app-tagline">{ "Where should my containers run on AWS, and what will it cost?" }</p>
                    <Toolbar />
                </header>
                <Nav />
                // Inside the main landmark, so no content sits outside one.
                <main class="app-main" id="main">
                    <UpdateBanner />
                    <Notices />
                    <Answer />
                    if store.scenario.tab != Tab::Data {
                    <section class="workload" aria-labelledby="workload-title">
                        <h2 id="workload-title">{ "Workload" }</h2>
                        <div class="workload-top">
                            <RegionSelect />
                            <PresetPicker />
                        </div>
                        <ServicesEditor />
                    </section>
                    }
                    { match store.scenario.tab {
                        Tab::Cost => html! { <CostPanel /> },
                        Tab::Data => html! { <DataPanel /> },
                        Tab::Decide => html! { <DecidePanel /> },
                        Tab::Performance => html! { <PerfPanel /> },
                    } }
                </main>
                <footer class="app-footer">
                    { "Berth runs entirely in your browser; this page's address holds everything you set." }
                </footer>
            </div>
        </ContextProvider<ScenarioContext>>
    }
}

/// Writes each new state to the address bar (push or replace as the store
/// says) and adopts the address bar's state when the user walks history.
#[hook]
fn use_url_sync(store: &UseReducerHandle<Store>) {
    let query = store.scenario.to_query();
    let mode = store.mode;
    use_effect_with((query, mode), |(query, mode)| match mode {
        HistoryMode::Keep => {}
        HistoryMode::Replace => browser::write_query(query, false),
        HistoryMode::Push => browser::write_query(query, true),
    });
    let dispatcher = store.dispatcher();
    use_effect_with((), move |_| {
        let listener =
            browser::listen_history(move |query| dispatcher.dispatch(StoreMsg::Restore(query)));
        // Dropping the guard unregisters the handler.
        move || {
            let _guard = listener;
        }
    });
}
