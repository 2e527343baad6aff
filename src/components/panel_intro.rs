//! The open panel. Its content arrives with the engines; until then it says
//! honestly what is coming rather than showing figures it cannot compute.

use berth_core::Tab;
use yew::prelude::*;

/// Props of [`PanelIntro`].
#[derive(Properties, PartialEq)]
pub struct PanelIntroProps {
    /// Which panel is open.
    pub tab: Tab,
}

/// The open panel's heading and status.
#[component]
pub fn PanelIntro(props: &PanelIntroProps) -> Html {
    let (title, coming) = match props.tab {
        Tab::Decide => (
            "Decide",
            "Coming next: which platform fits your requirements, and why.",
        ),
        Tab::Cost => (
            "Cost",
            "Coming next: the monthly cost of this workload on every platform.",
        ),
        Tab::Performance => (
            "Performance",
            "Coming next: cold starts, scaling speed and a day of traffic simulated.",
        ),
        Tab::Data => ("Data", "Coming next: every price with its source and date."),
    };
    html! {
        <section class="panel" role="tabpanel" id={format!("panel-{}", props.tab.key())}
            aria-labelledby={format!("tab-{}", props.tab.key())}>
            <h2>{ title }</h2>
            <p class="panel-coming">{ coming }</p>
        </section>
    }
}
