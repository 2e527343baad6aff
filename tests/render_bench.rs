//! Render-speed benchmark (run by `make bench`, not by `make test`): in
//! headless Chromium, with a 20-service workload on the Cost panel, time 50
//! edits from the input event to the updated total in the DOM, and print the
//! median. The goal is one frame (16 ms); a benchmark reports, it does not
//! assert timings on a shared machine.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;

use support::server::StaticServer;
use support::webdriver::Browser;

#[test]
#[ignore = "benchmark: run `make bench`"]
fn input_to_dom_update_for_twenty_services() {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "dist/ is missing: run `make dist` first"
    );
    let services: String = (0..20)
        .map(|i| {
            format!(
                "svc=s{i}~{}~{}~{}&",
                2 + i % 5,
                [0.25, 0.5, 1.0, 2.0][i % 4],
                [0.5, 1.0, 2.0, 4.0][i % 4]
            )
        })
        .collect();
    let server = StaticServer::start(&dist, "/");
    let browser = Browser::start();
    browser.goto(&server.url("/", &format!("?{services}tab=cost")));
    browser.find("[data-cost=\"ecs-ec2\"]");
    let result = browser.script_async(
        r#"const done = arguments[0];
        const input = document.querySelector('.svc-tasks input');
        const total = document.querySelector('[data-cost="ecs-fargate"]');
        const times = [];
        let i = 0;
        function step() {
          if (i >= 50) { times.sort((a, b) => a - b); done({ median: times[25], p90: times[45], max: times[49] }); return; }
          const before = total.dataset.value;
          const observer = new MutationObserver(() => {
            if (total.dataset.value !== before) {
              observer.disconnect();
              performance.mark('berth-render-end');
              times.push(performance.measure('berth-render', 'berth-render-start', 'berth-render-end').duration);
              i += 1;
              setTimeout(step, 0);
            }
          });
          observer.observe(total, { attributes: true });
          input.value = String(100 + i); // a new value every time
          performance.mark('berth-render-start');
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        }
        step();"#,
    );
    println!("\nrender benchmark (20 services, Cost panel, 50 edits): input event → total updated in the DOM");
    println!(
        "{:<10} {:>10} {:>10} {:>10}",
        "", "median ms", "p90 ms", "max ms"
    );
    println!(
        "{:<10} {:>10.2} {:>10.2} {:>10.2}",
        "chromium",
        result["median"].as_f64().unwrap_or(f64::NAN),
        result["p90"].as_f64().unwrap_or(f64::NAN),
        result["max"].as_f64().unwrap_or(f64::NAN)
    );
    println!("goal: median under one frame (16 ms)");
    assert!(
        result["median"].as_f64().is_some(),
        "the benchmark did not finish: {result}"
    );
}

#[test]
#[ignore = "benchmark: run `make bench`"]
fn navigation_to_first_full_render_of_the_default_scenario() {
    let server = StaticServer::start(&dist(), "/");
    let mut times = Vec::new();
    for _ in 0..20 {
        // A fresh browser and profile each time: a cold load, nothing cached.
        let browser = Browser::start();
        browser.goto(&server.url("/", ""));
        let ms = support::webdriver::wait_until("the first render mark", || {
            browser
                .script("return document.documentElement.dataset.firstRenderMs || null;")
                .as_str()
                .and_then(|t| t.parse::<f64>().ok())
        });
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("\nstartup benchmark (default scenario, 20 cold loads, headless Chromium on localhost, {cpus} CPUs)");
    println!(
        "{:<10} {:>10} {:>10} {:>10}",
        "", "median ms", "min ms", "max ms"
    );
    println!(
        "{:<10} {:>10.1} {:>10.1} {:>10.1}",
        "first render", times[10], times[0], times[19]
    );
}

/// The bundle to measure: `dist/`, or `BERTH_BENCH_DIST` (another build,
/// e.g. an older one, to compare in the same run).
fn dist() -> PathBuf {
    let dist = std::env::var_os("BERTH_BENCH_DIST").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"),
        PathBuf::from,
    );
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: run `make dist` first",
        dist.display()
    );
    dist
}

/// Switching to a region not used yet: from the select's change to the
/// page showing that region's figures (its price-book file fetched over
/// loopback and read, the scenario recomputed and rendered).
#[test]
#[ignore = "benchmark: run `make bench`"]
fn switching_to_a_region_not_used_yet() {
    let server = StaticServer::start(&dist(), "/");
    let browser = Browser::start();
    browser.goto(&server.url("/", "?tab=cost"));
    support::webdriver::wait_until("the first render mark", || {
        browser
            .script("return document.documentElement.dataset.firstRenderMs || null;")
            .as_str()
            .map(str::to_string)
    });
    // The 11 regions besides us-east-1 that the 12-region book had too, so
    // an older build can be measured the same way (BERTH_BENCH_DIST).
    let regions = [
        "eu-west-1",
        "ap-south-1",
        "sa-east-1",
        "ca-central-1",
        "us-east-2",
        "eu-central-1",
        "ap-northeast-1",
        "ap-southeast-2",
        "eu-west-2",
        "us-west-2",
        "ap-southeast-1",
    ];
    let mut times = Vec::new();
    for code in regions {
        let result = browser.script_async(&format!(
            r#"const done = arguments[arguments.length - 1];
            const s = document.querySelector('select#region');
            const t0 = performance.now();
            s.value = '{code}';
            s.dispatchEvent(new Event('change', {{ bubbles: true }}));
            const check = () => {{
              const meta = document.querySelector('.answer-meta');
              if (meta && meta.textContent.includes('{code}') && document.querySelector('[data-cost]')) {{
                done(performance.now() - t0);
              }} else {{ requestAnimationFrame(check); }}
            }};
            check();"#
        ));
        times.push(result.as_f64().unwrap_or(f64::NAN));
    }
    times.sort_by(f64::total_cmp);
    let n = times.len();
    println!("\nregion switch ({n} regions not used yet, headless Chromium on localhost)");
    println!(
        "{:<14} {:>10} {:>10} {:>10}",
        "", "median ms", "min ms", "max ms"
    );
    println!(
        "{:<14} {:>10.1} {:>10.1} {:>10.1}",
        "to figures",
        times[n / 2],
        times[0],
        times[n - 1]
    );
    assert!(times.iter().all(|t| t.is_finite()));
}
