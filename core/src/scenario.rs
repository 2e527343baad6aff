//! The Scenario: everything a user sets, and nothing derived from it.
//!
//! One `Scenario` is the single source of truth for the web app and the CLI;
//! its URL form lives in [`crate::codec`]. Every field holds a value that is
//! already valid: raw text is checked by the parsers here before it lands.

use serde::{Deserialize, Serialize};

use crate::options::CostOptions;
use crate::perf::SimInputs;
use crate::preset::Preset;
use crate::region::DEFAULT_REGION;
use crate::requirements::Requirements;
use crate::text::{parse_decimal, parse_whole};

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
}

/// One containerised service: `tasks` copies of one task shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// A label chosen by the user; any text, shown literally.
    pub name: String,
    /// Number of tasks (ECS) or pods (EKS) running.
    pub tasks: u32,
    /// vCPU per task.
    pub vcpu: f64,
    /// Memory per task, GiB.
    pub memory_gib: f64,
    /// CPU architecture of the image.
    pub arch: Arch,
    /// Operating system of the containers.
    pub os: Os,
    /// Hours per month the service runs (730 = always on).
    pub hours: f64,
}

impl Default for Service {
    fn default() -> Self {
        Self {
            name: "web".to_string(),
            tasks: 2,
            vcpu: 0.5,
            memory_gib: 1.0,
            arch: Arch::X86,
            os: Os::Linux,
            hours: crate::HOURS_PER_MONTH,
        }
    }
}

impl Service {
    /// Checks a task count typed by a user or carried in a link.
    pub fn parse_tasks(text: &str) -> Result<u32, String> {
        let tasks = parse_whole(text, "tasks", 0, limits::MAX_TASKS)?;
        u32::try_from(tasks).map_err(|_| "tasks is too large".to_string())
    }

    /// Checks a vCPU figure.
    pub fn parse_vcpu(text: &str) -> Result<f64, String> {
        parse_decimal(text, "vCPU", 0.0, limits::MAX_VCPU, true)
    }

    /// Checks a memory figure in GiB.
    pub fn parse_memory_gib(text: &str) -> Result<f64, String> {
        parse_decimal(text, "memory (GiB)", 0.0, limits::MAX_MEMORY_GIB, true)
    }

    /// Checks hours per month.
    pub fn parse_hours(text: &str) -> Result<f64, String> {
        parse_decimal(text, "hours per month", 0.0, limits::MAX_HOURS, false)
    }

    /// Checks a name: trimmed of control characters and clipped to
    /// [`limits::MAX_NAME_CHARS`]; returns the name and whether it was cut.
    pub fn clean_name(text: &str) -> (String, bool) {
        let kept: String = text.chars().filter(|c| !c.is_control()).collect();
        let clipped = kept.chars().count() > limits::MAX_NAME_CHARS;
        let name = kept.chars().take(limits::MAX_NAME_CHARS).collect();
        (name, clipped)
    }
}

/// Everything a user sets. Derived figures are computed from it, never stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// The open panel.
    pub tab: Tab,
    /// AWS region code; always one of [`crate::region::REGIONS`].
    pub region: String,
    /// A chrome-less embed of one view (`embed=`), or the whole page.
    pub embed: Option<crate::embed::Embed>,
    /// The preset the scenario was started from, if any: links are read
    /// against it, and the guide presets come with an audit.
    pub preset: Option<Preset>,
    /// The workload.
    pub services: Vec<Service>,
    /// Workload-wide settings of the cost models.
    pub options: CostOptions,
    /// What the workload needs from a platform (the decision engine's input).
    pub requirements: Requirements,
    /// The user's own figures for rates of the price book (`p.<key>=`).
    pub overrides: Vec<crate::overrides::PriceOverride>,
    /// The traffic the scaling simulation runs (the Performance panel's input).
    pub sim: SimInputs,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            tab: Tab::default(),
            embed: None,
            region: DEFAULT_REGION.to_string(),
            preset: None,
            services: vec![Service::default()],
            options: CostOptions::default(),
            requirements: Requirements::default(),
            sim: SimInputs::default(),
            overrides: Vec::new(),
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
