//! End to end: a real headless Chromium, driven through ChromeDriver, loads
//! the built `dist/` over HTTP and is used as a person would use it.
//! Run by `make e2e` after `make dist` (ignored by a plain `cargo test`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;

use support::server::StaticServer;
use support::webdriver::{wait_until, Browser};

fn dist() -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "dist/ is missing: run `make dist` first"
    );
    dist
}

#[test]
#[ignore = "needs dist/ and Chromium: run `make e2e`"]
fn a_shared_link_restores_the_view_and_edits_rewrite_it() {
    let server = StaticServer::start(&dist(), "/");
    let browser = Browser::start();
    browser.goto(&server.url("/", "index.html?region=eu-west-1&svc=api~3~1~2"));

    let region = browser.find("#region");
    assert_eq!(browser.property(&region, "value"), "eu-west-1");
    let tasks = browser.find(".svc-tasks input");
    assert_eq!(browser.property(&tasks, "value"), "3");
    let name = browser.find(".svc-name input");
    assert_eq!(browser.property(&name, "value"), "api");

    browser.type_text(&tasks, "7");
    let search = wait_until("the URL to carry 7 tasks", || {
        let search = browser.script("return location.search;");
        search
            .as_str()
            .filter(|s| s.contains("svc=api~7~1~2"))
            .map(str::to_string)
    });
    assert!(search.contains("region=eu-west-1"), "{search}");

    // Back/forward: a tab switch pushes an entry that Back undoes.
    browser.click(&browser.find("#tab-cost"));
    wait_until("the Cost panel", || browser.try_find("#panel-cost"));
    browser.script("history.back(); return null;");
    wait_until("the Decide panel after Back", || {
        browser.try_find("#panel-decide")
    });

    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run `make e2e`"]
fn the_bundle_works_under_a_sub_path() {
    let server = StaticServer::start(&dist(), "/docs/tools/berth/");
    let browser = Browser::start();
    browser.goto(&server.url("/docs/tools/berth/", "?tab=data"));
    wait_until("the Data panel", || browser.try_find("#panel-data"));
    let title = browser.find(".app-title");
    assert_eq!(browser.property(&title, "textContent"), "Berth");
}

#[test]
#[ignore = "needs dist/ and Chromium: run `make e2e`"]
fn the_cost_panel_reprices_as_options_change() {
    let server = StaticServer::start(&dist(), "/");
    let browser = Browser::start();
    browser.goto(&server.url("/", "?tab=cost&preset=guide-small"));
    let total = browser.find("#cost-ecs-ec2 .cost-total");
    assert_eq!(browser.property(&total, "textContent"), "$9,060.00");
    // Half the instance-hours on Spot: the figure drops and the link says so.
    browser.type_text(&browser.find(".opt-spot input"), "50");
    wait_until("the EC2 total to drop", || {
        let text = browser.property(&browser.find("#cost-ecs-ec2 .cost-total"), "textContent");
        text.as_str()
            .filter(|t| *t != "$9,060.00")
            .map(str::to_string)
    });
    let search = browser.script("return location.search;");
    assert!(
        search.as_str().unwrap_or_default().contains("spot=50"),
        "{search}"
    );
    // The guide audit is on the page.
    browser.find(".guide-audit");
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run `make e2e`"]
fn every_total_on_the_page_equals_the_native_engine() {
    let query = "tab=cost&preset=microservices&region=eu-west-1&spot=30&sp=15&head=10";
    let server = StaticServer::start(&dist(), "/");
    let browser = Browser::start();
    browser.goto(&server.url("/", &format!("?{query}")));
    browser.find("[data-cost]");
    let shown = browser.script(
        "return Array.from(document.querySelectorAll('[data-cost]')).map(e => [e.dataset.cost, Number(e.dataset.value)]);",
    );
    let (scenario, _) = berth_core::Scenario::from_query(query);
    let report = berth_core::cost::evaluate(&scenario);
    let shown = shown.as_array().expect("an array");
    assert_eq!(shown.len(), report.platforms.len());
    for pair in shown {
        let id = pair[0].as_str().unwrap();
        let value = pair[1].as_f64().unwrap();
        let native = report
            .platforms
            .iter()
            .find(|p| p.id.id() == id)
            .expect("known id");
        assert!(
            (native.monthly_usd - value).abs() < 1e-6,
            "{id}: page {value}, native {}",
            native.monthly_usd
        );
    }
}

#[test]
#[ignore = "needs dist/ and Chromium: run `make e2e`"]
fn screenshots_of_each_panel_for_review() {
    let server = StaticServer::start(&dist(), "/");
    let browser = Browser::start();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    for (tab, extra) in [
        ("decide", "&preset=web-app"),
        ("cost", "&preset=guide-small"),
        ("performance", ""),
        ("data", "&region=eu-west-1"),
    ] {
        browser.goto(&server.url("/", &format!("?tab={tab}{extra}")));
        wait_until(&format!("panel {tab}"), || {
            browser.try_find(&format!("#panel-{tab}"))
        });
        browser.screenshot(&dir.join(format!("{tab}.png")));
        assert!(dir
            .join(format!("{tab}.png"))
            .metadata()
            .map(|m| m.len() > 1000)
            .unwrap_or(false));
    }
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run `make e2e`"]
fn works_offline_after_the_first_visit() {
    let server = StaticServer::start(&dist(), "/berth/");
    let browser = Browser::start();
    browser.goto(&server.url("/berth/", "?tab=cost"));
    browser.find("#panel-cost");
    wait_until("the service worker to control the page", || {
        browser
            .script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);")
            .as_bool()
            .filter(|b| *b)
    });
    let base = server.url("/berth/", "");
    drop(server);
    // A scenario this browser never loaded, with the server gone.
    let query = "tab=cost&preset=guide-large&region=eu-west-1";
    browser.goto(&format!("{base}?{query}"));
    let total = browser.find("[data-cost=\"ecs-fargate\"]");
    let shown = browser.property(&total, "dataset")["value"]
        .as_str()
        .unwrap_or_default()
        .parse::<f64>()
        .unwrap();
    let (scenario, _) = berth_core::Scenario::from_query(query);
    let native =
        berth_core::cost::evaluate_platform(&scenario, berth_core::cost::Platform::EcsFargate)
            .monthly_usd;
    assert!(
        (shown - native).abs() < 1e-6,
        "offline page {shown}, native {native}"
    );
}
