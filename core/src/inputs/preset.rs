//! Presets: the names of the starting workloads (the workloads themselves
//! are built in [`crate::model::presets`]), including the two cost scenarios of
//! the reference guide, which Berth audits.
//!
//! A preset is the base a link is read against: `preset=guide-small` gives
//! the guide's workload, and any other key in the link changes it from there.

use serde::{Deserialize, Serialize};

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
}
