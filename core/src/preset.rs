//! Presets: named starting workloads, including the two cost scenarios of
//! the reference guide, which Berth audits.
//!
//! A preset is the base a link is read against: `preset=guide-small` gives
//! the guide's workload, and any other key in the link changes it from there.

use serde::{Deserialize, Serialize};

use crate::options::CostOptions;
use crate::scenario::{Arch, Scenario, Service};

/// A named starting workload (`preset=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    /// The guide's "Small_Containers": 1000 tasks of 0.25 vCPU / 0.5 GiB on m5.large.
    GuideSmall,
    /// The guide's "Large_Containers": 1000 tasks of 2 vCPU / 4 GiB on m5.large.
    GuideLarge,
    /// A small web product: web front end, API and a worker.
    WebApp,
    /// Twelve microservices of mixed sizes.
    Microservices,
    /// A Graviton (Arm) fleet: the same web product built for arm64.
    Graviton,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Preset; 5] = [
        Preset::WebApp,
        Preset::Microservices,
        Preset::Graviton,
        Preset::GuideSmall,
        Preset::GuideLarge,
    ];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Preset::GuideSmall => "guide-small",
            Preset::GuideLarge => "guide-large",
            Preset::WebApp => "web-app",
            Preset::Microservices => "microservices",
            Preset::Graviton => "graviton",
        }
    }

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Preset::GuideSmall => "Guide: 1000 small containers",
            Preset::GuideLarge => "Guide: 1000 large containers",
            Preset::WebApp => "Web app (web, API, worker)",
            Preset::Microservices => "12 microservices",
            Preset::Graviton => "Web app on Graviton",
        }
    }

    /// Reads a URL value.
    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// True for the reference guide's own scenarios (they come with an audit).
    pub fn is_guide(self) -> bool {
        matches!(self, Preset::GuideSmall | Preset::GuideLarge)
    }

    /// The scenario this preset starts from (tab left at its default).
    pub fn scenario(self) -> Scenario {
        let svc = |name: &str, tasks: u32, vcpu: f64, memory_gib: f64| Service {
            name: name.to_string(),
            tasks,
            vcpu,
            memory_gib,
            ..Service::default()
        };
        let arm = |s: Service| Service {
            arch: Arch::Arm,
            ..s
        };
        // The guide prices its EC2 fleet on m5.large.
        let guide_options = CostOptions {
            instance_type: Some("m5.large".to_string()),
            ..CostOptions::default()
        };
        let (services, options) = match self {
            Preset::GuideSmall => (vec![svc("small", 1000, 0.25, 0.5)], guide_options),
            Preset::GuideLarge => (vec![svc("large", 1000, 2.0, 4.0)], guide_options),
            Preset::WebApp => (
                vec![
                    svc("web", 3, 0.5, 1.0),
                    svc("api", 4, 1.0, 2.0),
                    svc("worker", 2, 1.0, 4.0),
                ],
                CostOptions::default(),
            ),
            Preset::Graviton => (
                vec![
                    arm(svc("web", 3, 0.5, 1.0)),
                    arm(svc("api", 4, 1.0, 2.0)),
                    arm(svc("worker", 2, 1.0, 4.0)),
                ],
                CostOptions::default(),
            ),
            Preset::Microservices => (
                vec![
                    svc("gateway", 4, 1.0, 2.0),
                    svc("auth", 3, 0.5, 1.0),
                    svc("users", 3, 0.5, 1.0),
                    svc("catalog", 4, 1.0, 2.0),
                    svc("search", 3, 2.0, 8.0),
                    svc("cart", 3, 0.5, 1.0),
                    svc("orders", 3, 1.0, 2.0),
                    svc("payments", 2, 0.5, 1.0),
                    svc("notify", 2, 0.25, 0.5),
                    svc("reports", 1, 2.0, 4.0),
                    svc("media", 2, 1.0, 4.0),
                    svc("admin", 1, 0.25, 0.5),
                ],
                CostOptions::default(),
            ),
        };
        Scenario {
            services,
            options,
            preset: Some(self),
            ..Scenario::default()
        }
    }
}
