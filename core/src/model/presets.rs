//! The workload each [`Preset`] starts from, and the base a link is read
//! against (what encoding leaves out and decoding fills in).

use crate::catalog::InstanceTypeId;
use crate::options::CostOptions;
use crate::preset::Preset;
use crate::scenario::{Scenario, Service};
use crate::units::Arch;

impl Preset {
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
            instance_type: InstanceTypeId::from_name("m5.large"),
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

impl Scenario {
    /// The scenario a link with this preset (or none) starts from: what
    /// encoding leaves out and decoding fills in.
    pub fn base(preset: Option<Preset>) -> Scenario {
        preset.map(Preset::scenario).unwrap_or_default()
    }
}
