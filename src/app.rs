//! The App: owns the store, keeps it and the address bar in step, and lays
//! out the header, navigation, workload and the open panel.

use yew::prelude::*;

use crate::browser;
use berth_core::embed::Embed;
use berth_core::Tab;

use crate::browser::BookState;
use crate::components::{
    answer, book_failed, book_status, compare_box, cost_panel, data_panel, decide_panel,
    embed_view, import_box, nav, notices, perf_panel, preset_picker, region_select,
    services_editor, toolbar, update_banner, use_height_reporter, use_summary, use_toolbar,
    use_update_ready, SortBy,
};
use crate::hooks::{use_figures, use_region_book, Figures, ScenarioContext, ScenarioHandle, View};
use crate::store::{HistoryMode, Store, StoreMsg};

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The query string the page was loaded with (without `?`).
    pub query: AttrValue,
    /// Why the price book itself could not be read, if it could not: the
    /// App then shows only that (one root component type, not two: each
    /// costs the page its own copy of Yew's lifecycle).
    #[prop_or_default]
    pub book_failed: Option<AttrValue>,
}

/// The whole Berth page.
#[component]
pub fn App(props: &AppProps) -> Html {
    // Fixed for the App's life (a root's props never change), so the
    // hooks below are always called in the same order, or never.
    if let Some(why) = &props.book_failed {
        return book_failed(why);
    }
    let query = props.query.clone();
    let store = use_reducer(move || Store::from_query(&query));
    use_url_sync(&store);
    let region = store.scenario.region;
    let on_read = {
        let dispatcher = store.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(StoreMsg::BookRead))
    };
    let (book, retry) = use_region_book(region, on_read);
    let update_ready = use_update_ready(store.scenario.embed.is_none());
    let toolbar_state = use_toolbar();
    let ready = book == BookState::Ready;
    // The open view's figures (none until the region's are read).
    let view = ready.then(|| match store.scenario.embed {
        Some(Embed::Decide) => View::Decide,
        Some(Embed::Cost) => View::Cost,
        Some(Embed::Performance) => View::Performance,
        Some(Embed::Breakeven) => View::Breakeven,
        Some(Embed::Matrix) => View::Matrix,
        None => match store.scenario.tab {
            Tab::Cost => View::Cost,
            Tab::Decide => View::Decide,
            Tab::Performance => View::Performance,
            Tab::Data => View::Data,
        },
    });
    let figures = use_figures(&store.scenario, view, store.words);
    let summary = use_summary(&store.scenario, ready, &figures);
    let sort = use_state(|| SortBy::Cost);
    let data_filter = use_state(String::new);

    use_height_reporter(store.scenario.embed.is_some());
    {
        let dispatcher = store.dispatcher();
        use_effect_with(ready, move |ready| {
            if *ready {
                browser::mark_first_render();
                // The sources' words, after the first render: only the
                // Data panel and the Decide panel's reasons show them.
                browser::load_words(move |_| dispatcher.dispatch(StoreMsg::WordsSettled));
            }
        });
    }
    // Until the region's figures are read, the answer's place says so.
    let handle = ScenarioHandle::of(store.clone());
    let status = book_status(&book, &format!("{region} ({})", region.name()), &retry);

    if store.scenario.embed.is_some() {
        return html! {
            <ContextProvider<ScenarioContext> context={store.clone()}>
                if let Some(sum) = summary.as_ref() { { embed_view(&handle, sum, &figures, &sort) } } else { <main class="embed">{ status }</main> }
            </ContextProvider<ScenarioContext>>
        };
    }
    html! {
        <ContextProvider<ScenarioContext> context={store.clone()}>
            <div class="app">
                { crate::components::raw("<a href=\"#main\" class=\"skip-link\">Skip to the answer</a>".to_string()) }
                <header class="app-header">
                    { crate::components::raw("<h1 class=\"app-title\">Berth</h1><p class=\"app-tagline\">Where should my containers run on AWS, and what will it cost?</p>".to_string()) }
                    { toolbar(&handle, &toolbar_state) }
                </header>
                { nav(&handle) }
                // Inside the main landmark, so no content sits outside one.
                <main class="app-main" id="main" onclick={Callback::from(|e: MouseEvent| browser::mount_tool(&e))}>
                    { update_banner(update_ready) }
                    { notices(&handle) }
                    if let Some(sum) = summary.as_ref() { { answer(&handle, sum) } } else {
                        // The open tab's panel, for now only the status (the
                        // tab names it as the panel it controls).
                        <section role="tabpanel" id={format!("panel-{}", store.scenario.tab.key())}
                            aria-labelledby={format!("tab-{}", store.scenario.tab.key())}>{ status }</section>
                    }
                    if store.scenario.tab != Tab::Data {
                    <section class="workload" aria-labelledby="workload-title">
                        <h2 id="workload-title">{ "Workload" }</h2>
                        <div class="workload-top">
                            { region_select(&handle) }
                            { preset_picker(&handle) }
                        </div>
                        { services_editor(&handle) }
                        { import_box() }
                    </section>
                    }
                    { match &*figures {
                        Figures::Cost(report, chart) => cost_panel(&handle, report, chart, &sort),
                        Figures::Data(rates) => data_panel(&handle, rates, &data_filter, store.words),
                        Figures::Decide(decision) => decide_panel(&handle, decision),
                        Figures::Performance(rows, sim) => perf_panel(&handle, rows, sim),
                        Figures::Breakeven(_) | Figures::Matrix(_) | Figures::None => html! {},
                    } }
                    if matches!(&*figures, Figures::Cost(..)) { { compare_box() } }
                </main>
                { crate::components::raw("<footer class=\"app-footer\">Berth runs entirely in your browser; this page's address holds everything you set.</footer>".to_string()) }
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
