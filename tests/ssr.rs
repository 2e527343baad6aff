//! Server-side renders of the App (native, no browser): what a link shows.
#![cfg(not(target_arch = "wasm32"))]

use berth::{App, AppProps};
use yew::ServerRenderer;

async fn render(query: &str) -> String {
    let query = query.to_string();
    ServerRenderer::<App>::with_props(move || AppProps {
        query: query.into(),
        book_failed: None,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_page_has_the_header_navigation_and_workload() {
    let html = render("").await;
    assert!(
        html.contains("<h1 class=\"app-title\">Berth</h1>"),
        "{html}"
    );
    for tab in ["Decide", "Cost", "Performance", "Data"] {
        assert!(
            html.contains(&format!(">{tab}</button>")),
            "missing tab {tab}"
        );
    }
    assert!(html.contains("class=\"field region-select\""));
}

#[tokio::test]
async fn a_link_selects_its_tab_region_and_services() {
    let html = render("tab=cost&region=eu-west-1&svc=api~3~1~2").await;
    assert!(
        html.contains("class=\"nav-tab is-active\">Cost</button>"),
        "{html}"
    );
    assert_eq!(html.matches("nav-tab is-active").count(), 1);
    assert!(html.contains("id=\"panel-cost\""));
    assert!(html.contains("value=\"eu-west-1\" selected"), "{html}");
    assert!(html.contains("value=\"api\""));
    assert_eq!(html.matches("class=\"service-row\"").count(), 1);
}

#[tokio::test]
async fn names_from_links_are_rendered_as_text() {
    let html = render("svc=%3Cscript%3Ealert(1)%3C%2Fscript%3E~1~1~2").await;
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[tokio::test]
async fn a_bad_link_shows_a_notice_naming_the_field() {
    let html = render("region=mars-1&svc=api~1.5~1~2").await;
    assert!(html.contains("class=\"notices\""));
    assert!(html.contains("<code>region</code>"));
    assert!(html.contains("<code>svc[1].tasks</code>"));
    // Nothing else is lost: the rendered page still works with defaults.
    assert!(html.contains("value=\"us-east-1\" selected"));
}

#[tokio::test]
async fn the_cost_panel_shows_every_platform_and_the_guide_audit() {
    let html = render("tab=cost&preset=guide-small").await;
    assert_eq!(
        html.matches("class=\"cost-row ").count(),
        berth_core::cost::Platform::ALL.len(),
        "{html}"
    );
    // The figures are the engine's: compare with a direct evaluation.
    let (scenario, _) = berth_core::Scenario::from_query("preset=guide-small");
    for p in berth_core::cost::evaluate(&scenario).platforms {
        assert!(
            html.contains(&p.monthly_text()),
            "missing {} {}",
            p.name,
            p.monthly_text()
        );
    }
    assert!(
        html.contains("Checking the guide&#x27;s arithmetic")
            || html.contains("Checking the guide's arithmetic")
    );
    assert!(html.contains("125 × m5.large"));
}

#[tokio::test]
async fn the_data_panel_lists_rates_with_their_sources() {
    let html = render("tab=data&region=eu-west-1").await;
    assert!(html.contains("Price book — eu-west-1"));
    assert!(html.contains("<code>ec2.m5.large</code>"), "{html}");
    // The sources of the figures shown: the region's own rows.
    let region = berth_core::region::RegionId::from_code("eu-west-1").expect("known");
    let rates = berth_core::pricebook::rates_for_region(region);
    let m5 = rates
        .iter()
        .find(|r| r.key == "ec2.m5.large")
        .expect("priced");
    assert!(
        html.contains(m5.provenance.source),
        "{}",
        m5.provenance.source
    );
}

#[tokio::test]
async fn the_decide_panel_names_its_top_platform_and_exclusions() {
    let html = render("gpu=1").await;
    let (scenario, _) = berth_core::Scenario::from_query("gpu=1");
    let top = berth_core::decide::decide(&scenario).ranking[0].id.id();
    assert!(
        html.contains(&format!("data-top-platform=\"{top}\"")),
        "{html}"
    );
    assert!(html.contains("id=\"excluded-ecs-fargate\""));
    let said = |t: &str| html.contains(t) || html.contains(&t.replace('\'', "&#x27;"));
    assert!(said("The reference guide's rule"));
    assert!(said("Berth's ranking for this workload"));
    assert!(html.contains("Scores, 0–10 each"));
    // The answer comes first: before the workload form.
    let answer = html.find("class=\"answer\"").expect("the answer");
    let workload = html.find("class=\"workload\"").expect("the workload");
    assert!(answer < workload);
    assert!(html.contains(&format!("data-answer-platform=\"{top}\"")));
}

#[tokio::test]
async fn the_performance_panel_shows_the_matrix_and_the_simulation() {
    let html = render("tab=performance&traffic=spike").await;
    assert!(html.contains("class=\"perf-matrix\""));
    assert_eq!(
        html.matches("class=\"timeline\"").count(),
        9,
        "one box per platform that ran"
    );
    assert!(html.contains("data-unserved=\"ecs-fargate\""));
}

#[tokio::test]
async fn an_overridden_price_is_marked_in_the_data_panel_and_used_in_the_cost_panel() {
    let html = render("tab=data&p.ec2.m5.large=0.05").await;
    assert_eq!(html.matches("badge overridden").count(), 1, "{html}");
    let html = render("tab=cost&preset=guide-small&p.ec2.m5.large=0.05").await;
    assert!(html.contains("uses your price for ec2.m5.large: 0.05 (book: 0.096)"));
}

#[tokio::test]
async fn break_even_crossovers_are_numbered_on_the_chart_and_listed_in_words() {
    // The web-app preset's Fargate and EC2 lines swap places several times.
    let html = render("tab=cost&preset=web-app").await;
    let list = html
        .split("class=\"crossovers\">")
        .nth(1)
        .and_then(|rest| rest.split("</ol>").next())
        .expect("a list of crossovers");
    let items = list.matches("<li>").count();
    assert!(items >= 2, "{list}");
    assert!(list.contains(" cheaper from "), "{list}");
    // One numbered marker per listed crossover, words only in its tooltip.
    assert_eq!(html.matches("<g class=\"marker\">").count(), items);
    for n in 1..=items {
        assert!(
            html.contains(&format!("text-anchor=\"middle\">{n}</text>")),
            "marker {n}"
        );
    }
}
