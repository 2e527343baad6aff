//! The levels a requirement can take: use case, accepted operational
//! overhead, cost priority and complexity, each with its URL value.

use serde::{Deserialize, Serialize};

/// A reference-document use-case row, plus `event` (`use=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UseCase {
    /// Simple web apps.
    #[default]
    Web,
    /// Microservices.
    Micro,
    /// Batch processing.
    Batch,
    /// Machine learning.
    Ml,
    /// Legacy applications.
    Legacy,
    /// Kubernetes required.
    K8s,
    /// Minimal ops overhead.
    Minops,
    /// Cost optimisation.
    Cost,
    /// Event-driven / request-driven work (not a row of the document).
    Event,
}

impl UseCase {
    /// Every use case, in URL-table order.
    pub const ALL: [UseCase; 9] = [
        Self::Web,
        Self::Micro,
        Self::Batch,
        Self::Ml,
        Self::Legacy,
        Self::K8s,
        Self::Minops,
        Self::Cost,
        Self::Event,
    ];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Web => "web",
            Self::Micro => "micro",
            Self::Batch => "batch",
            Self::Ml => "ml",
            Self::Legacy => "legacy",
            Self::K8s => "k8s",
            Self::Minops => "minops",
            Self::Cost => "cost",
            Self::Event => "event",
        }
    }
}

/// Operational overhead the team accepts (`ops=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ops {
    /// As little as possible: no servers, no clusters to run.
    Minimal,
    /// Some: managed clusters are fine, fleets of servers are not wanted.
    #[default]
    Moderate,
    /// Whatever it takes: the team runs its own instances.
    Full,
}

impl Ops {
    /// Every level, least overhead first.
    pub const ALL: [Ops; 3] = [Self::Minimal, Self::Moderate, Self::Full];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Minimal => "minimal",
            Self::Moderate => "moderate",
            Self::Full => "full",
        }
    }
}

/// How much cost matters (`cost=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CostPriority {
    /// Cost optimisation is critical.
    Critical,
    /// Cost matters as much as the rest.
    #[default]
    Balanced,
    /// Cost matters less than the rest.
    Flexible,
}

impl CostPriority {
    /// Every level, most cost-sensitive first.
    pub const ALL: [CostPriority; 3] = [Self::Critical, Self::Balanced, Self::Flexible];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::Balanced => "balanced",
            Self::Flexible => "flexible",
        }
    }
}

/// Application complexity (`cx=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Complexity {
    /// One or a few simple services.
    #[default]
    Low,
    /// Many services, custom networking, sidecars.
    High,
}

impl Complexity {
    /// Both levels.
    pub const ALL: [Complexity; 2] = [Self::Low, Self::High];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::High => "high",
        }
    }
}
