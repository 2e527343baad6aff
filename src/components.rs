//! One visible part of the page per file.

use yew::prelude::*;

mod answer;
mod book_status;
mod breakeven_chart;
mod compare_box;
mod cost_bars;
mod cost_options;
mod cost_panel;
mod cost_table;
mod data_panel;
mod decide_panel;
mod embed_dialog;
mod embed_view;
mod guide_audit;
mod import_box;
mod nav;
mod notices;
mod number_field;
mod perf_matrix;
mod perf_panel;
mod preset_picker;
mod region_select;
mod requirements_form;
mod services_editor;
mod sim_controls;
mod toolbar;
mod update_banner;

pub use answer::{answer, use_summary};
pub use book_status::{book_failed, book_status};
pub use breakeven_chart::breakeven_chart;
pub use compare_box::compare_box;
pub use cost_bars::cost_bars;
pub use cost_options::{cost_options, period_select};
pub use cost_panel::cost_panel;
pub use cost_table::{cost_table, SortBy};
pub use data_panel::data_panel;
pub use decide_panel::decide_panel;
pub use embed_dialog::{embed_dialog, SnippetCopied};
pub use embed_view::{embed_view, use_height_reporter};
pub use guide_audit::guide_audit;
pub use import_box::import_box;
pub use nav::nav;
pub use notices::notices;
pub use number_field::{NumberField, NumberFieldProps};
pub use perf_matrix::perf_matrix;
pub use perf_panel::perf_panel;
pub use preset_picker::preset_picker;
pub use region_select::region_select;
pub use requirements_form::requirements_form;
pub use services_editor::services_editor;
pub use sim_controls::sim_controls;
pub use toolbar::{toolbar, use_toolbar};
pub use update_banner::{update_banner, use_update_ready};

/// A class attribute: `base`, then each flag's class when it is set.
/// Plain text rather than `classes!`, whose set type costs the page code.
pub(crate) fn class_list(base: &str, flags: &[(bool, &str)]) -> String {
    let mut out = base.to_string();
    for (on, name) in flags {
        if *on && !name.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(name);
        }
    }
    out
}

/// Markup with no handlers, built as text and added as one raw node: a
/// string is a fraction of the page code a tree of `html!` elements costs
/// (each element is code that builds it; measured on the break-even chart
/// and the performance matrix). Every text put in goes through [`esc`].
pub(crate) fn raw(markup: String) -> Html {
    Html::from_html_unchecked(markup.into())
}

/// Text escaped for markup and attribute values. Four replacements, so
/// written here rather than a crate for it.
pub(crate) fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A labelled menu, the one every form uses: `choices` are `(value,
/// words)`, `on_change` gets the value chosen (every value offered is
/// valid, so nothing is reported).
pub(crate) fn select(
    class: String,
    label: &str,
    current: &str,
    choices: Vec<(String, String)>,
    on_change: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            on_change.emit(select.value());
        }
    });
    html! {
        <label {class}>
            <span class="field-label">{ label.to_string() }</span>
            <select {onchange}>
                { for choices.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    html! { <option {selected} {value}>{ text }</option> }
                }) }
            </select>
        </label>
    }
}
