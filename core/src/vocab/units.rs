//! Berth's basic vocabulary: the units every layer counts in, the two axes
//! of a workload (CPU architecture, operating system), the panels of the
//! app, and the bounds any input is checked against.
//!
//! Everything above this layer names these types; nothing here names
//! anything above it.

use serde::{Deserialize, Serialize};

/// Hours in a billing month, as AWS pricing pages count it (365 × 24 / 12).
/// The one month of Berth: the cost engine, the simulation, the view and the
/// docs all scale by it.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// Hours in the simulated day.
pub const HOURS_PER_DAY: f64 = 24.0;

/// Simulated days in a billing month ([`HOURS_PER_MONTH`] / 24 ≈ 30.42).
pub const DAYS_PER_MONTH: f64 = HOURS_PER_MONTH / HOURS_PER_DAY;

/// The open panel of the web app (`tab=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tab {
    /// Which platform fits.
    #[default]
    Decide,
    /// What it costs per month.
    Cost,
    /// How fast each platform reacts.
    Performance,
    /// The price book and its sources.
    Data,
}

impl Tab {
    /// Every tab, in navigation order.
    pub const ALL: [Tab; 4] = [Tab::Decide, Tab::Cost, Tab::Performance, Tab::Data];

    /// The URL value (`decide`, `cost`, …).
    pub fn key(self) -> &'static str {
        match self {
            Tab::Decide => "decide",
            Tab::Cost => "cost",
            Tab::Performance => "performance",
            Tab::Data => "data",
        }
    }

    /// The navigation label.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Decide => "Decide",
            Tab::Cost => "Cost",
            Tab::Performance => "Performance",
            Tab::Data => "Data",
        }
    }

    /// Reads a URL value.
    pub fn from_key(key: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// CPU architecture a service's image is built for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Arch {
    /// x86-64 (Intel, AMD).
    #[default]
    X86,
    /// 64-bit Arm (AWS Graviton).
    Arm,
}

impl Arch {
    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Arch::X86 => "x86",
            Arch::Arm => "arm",
        }
    }

    /// Reads a URL value.
    pub fn from_key(key: &str) -> Option<Arch> {
        match key {
            "x86" => Some(Arch::X86),
            "arm" => Some(Arch::Arm),
            _ => None,
        }
    }
}

/// Operating system family of a service's containers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Os {
    /// Linux containers.
    #[default]
    Linux,
    /// Windows Server containers.
    Windows,
}

impl Os {
    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::Windows => "windows",
        }
    }

    /// Reads a URL value.
    pub fn from_key(key: &str) -> Option<Os> {
        match key {
            "linux" => Some(Os::Linux),
            "windows" => Some(Os::Windows),
            _ => None,
        }
    }
}

/// Input limits: what a link or form may hold, not what AWS offers. A value
/// inside these bounds but beyond a platform's limits is accepted and makes
/// that platform unavailable, with the reason.
pub mod limits {
    /// Most tasks one service may declare.
    pub const MAX_TASKS: u64 = 1_000_000;
    /// Most vCPU one task may declare (well above any instance type).
    pub const MAX_VCPU: f64 = 1024.0;
    /// Most memory one task may declare, GiB.
    pub const MAX_MEMORY_GIB: f64 = 32_768.0;
    /// Most hours a service can run in a month (31 days × 24).
    pub const MAX_HOURS: f64 = 744.0;
    /// Longest service name kept, in characters.
    pub const MAX_NAME_CHARS: usize = 64;
    /// Most services one scenario may hold.
    pub const MAX_SERVICES: usize = 200;
    /// Most price overrides a scenario holds (the book has fewer prices
    /// than this in any region).
    pub const MAX_OVERRIDES: usize = 500;
}
