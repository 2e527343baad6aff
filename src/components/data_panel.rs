//! The Data panel: every figure the models use in the current region, with
//! its unit, date, confidence and source, grouped by source and filtered by
//! what the user types (`berth_core::present::data`).

use berth_core::decimal::shortest;
use berth_core::present::data::{link_pieces, source_groups};
use berth_core::pricebook::{self, Confidence, Rate};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{class_list, esc, raw};

use crate::components::region_select;
use crate::components::NumberField;
use crate::hooks::ScenarioHandle;
use berth_core::overrides::PriceOverride;

/// The price book for the scenario's region (`rates`: the App's figures
/// of it; `filter`: what the filter box holds, App state).
pub fn data_panel(
    handle: &ScenarioHandle,
    rates: &[Rate],
    filter: &UseStateHandle<String>,
    words_settled: bool,
) -> Html {
    let code = handle.scenario().region;
    let groups = source_groups(rates, filter);
    let shown: usize = groups.iter().map(|g| g.rates.len()).sum();
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let name = code.name();
    let overrides = &handle.scenario().overrides;
    html! {
        <section class="panel data-panel" role="tabpanel" id="panel-data" aria-labelledby="tab-data">
            { raw(format!("<h2>Price book — {code} ({})</h2>", esc(name))) }
            { region_select(handle) }
            { raw(format!("<p class=\"muted\">{}A shared link stores the workload, not the prices: opening it later reprices it with the data of that day's Berth. \
                   Figures marked derived were computed from a neighbouring figure (the note says how); a figure missing here makes \
                   the platforms that need it unavailable in this region rather than priced from another one.</p>",
                match pricebook::as_of_range(code) {
                    Some((old, new)) if old != new => format!("Figures here are dated {old} to {new}; each row gives its own date. "),
                    Some((date, _)) => format!("Figures here are dated {date}. "),
                    None => String::new(),
                })) }
            <label class="field data-filter">
                <span class="field-label">{ "Filter the figures" }</span>
                <input type="search" value={(**filter).clone()} oninput={on_filter}
                    placeholder="e.g. m7g, fargate spot, 2025-11" />
            </label>
            if berth_core::provenance::words_ready() {
                <p class="muted">{ format!("{shown} of {} figures, from {} sources.", rates.len(), groups.len()) }</p>
            } else {
                <p class="book-status" role="status">{ if words_settled {
                    "The sources and notes could not be loaded: the figures are shown without them (reload to try again)."
                } else { "Loading the sources and notes…" } }</p>
            }
            <div class="data-table-wrap">
                <table class="data-table">
                    <thead><tr>
                        <th>{ "Key" }</th><th class="num">{ "Value" }</th><th>{ "Unit" }</th><th>{ "As of" }</th>
                        <th>{ "Confidence" }</th><th>{ "Your price" }</th><th>{ "Note" }</th>
                    </tr></thead>
                    { for groups.iter().map(|g| html! {
                    <tbody>
                        <tr class="source-group"><th colspan="7" scope="colgroup">
                            { "Source: " }
                            { for link_pieces(g.source).into_iter().map(|(text, href)| match href {
                                Some(href) => html! { <a {href} rel="noopener">{ text }</a> },
                                None => html! { { text } },
                            }) }
                        </th></tr>
                        { for g.rates.iter().map(|r| {
                            let p = r.provenance;
                            let note = p.note();
                            let confidence = match p.confidence { Confidence::High => "high", Confidence::Medium => "medium", Confidence::Low => "low" };
                            html! {
                                <tr class={p.derived.then_some("is-derived")}>
                                    <td><code>{ r.key }</code></td>
                                    <td class="num">{ shortest(r.value) }</td>
                                    <td>{ r.unit }</td>
                                    <td>{ p.as_of }</td>
                                    <td>
                                        <span class={format!("badge conf-{confidence}")}>{ confidence }</span>
                                        if p.derived { <span class="badge derived" title={note}>{ "derived" }</span> }
                                    </td>
                                    <td>{ override_field(handle, r.key, overrides) }</td>
                                    <td class="note">{ note }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                    }) }
                </table>
            </div>
        </section>
    }
}

/// The override input of one rate (limits are not prices: no input).
fn override_field(handle: &ScenarioHandle, key: &'static str, overrides: &[PriceOverride]) -> Html {
    let Some(price) = pricebook::price_key(key) else {
        return html! {};
    };
    let current = overrides.iter().find(|o| o.key == key);
    let value = current
        .map(|o| berth_core::text::format_number(o.value))
        .unwrap_or_default();
    let on_input = {
        let handle = handle.clone();
        Callback::from(move |text: String| handle.edit_override(price, text))
    };
    html! {
        <>
            <NumberField label={format!("Override {key}")} value={value} {on_input} class={class_list("override", &[(current.is_some(), "is-overridden")])} />
            if current.is_some() { <span class="badge overridden">{ "overridden" }</span> }
        </>
    }
}
