//! The Scenario: everything a user sets, and nothing derived from it.
//!
//! One `Scenario` is the single source of truth for the web app and the CLI;
//! its URL form lives in [`crate::codec`]. Every field holds a value that is
//! already valid: raw text is checked by the parsers here before it lands.

use serde::{Deserialize, Serialize};

pub use crate::units::{limits, Arch, Os, Tab};

use crate::options::CostOptions;
use crate::preset::Preset;
use crate::quantity;
use crate::region::RegionId;
use crate::requirements::Requirements;
use crate::sim::SimInputs;
use crate::text::{parse_decimal, parse_whole};

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
    /// Identical services this row stands for (1 or more): twelve alike
    /// are one row with 12, priced as twelve services.
    #[serde(default = "one")]
    pub copies: u32,
}

fn one() -> u32 {
    1
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
            hours: crate::units::HOURS_PER_MONTH,
            copies: 1,
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
        parse_decimal(
            &quantity::cpu(text).text,
            "vCPU",
            0.0,
            limits::MAX_VCPU,
            true,
        )
    }

    /// Checks a memory figure in GiB.
    pub fn parse_memory_gib(text: &str) -> Result<f64, String> {
        Self::read_memory_gib(text).map(|(gib, _)| gib)
    }

    /// Reads memory as [`Service::parse_memory_gib`] does, with the note
    /// to show when decimal units (`1G`, `512M`) were converted.
    pub fn read_memory_gib(text: &str) -> Result<(f64, Option<String>), String> {
        let reading = quantity::memory_gib(text);
        let gib = parse_decimal(
            &reading.text,
            "memory (GiB)",
            0.0,
            limits::MAX_MEMORY_GIB,
            true,
        )?;
        Ok((gib, reading.note))
    }

    /// Checks a number of identical services (`copies`).
    pub fn parse_copies(text: &str) -> Result<u32, String> {
        let max = limits::MAX_SERVICES as u64;
        let n = parse_whole(text, "copies", 1, max)?;
        u32::try_from(n).map_err(|_| "copies is too large".to_string())
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

/// `assumptions` in one line, `sep` between them; with none, the defaults
/// say what they are where a reader could not guess (the network design).
pub fn assumptions_line(assumptions: &[String], sep: &str) -> String {
    if assumptions.is_empty() {
        format!(
            "list prices, default options (an ALB, a NAT gateway in each of {} zones; no data transfer, logs or images given)",
            CostOptions::default().az
        )
    } else {
        assumptions.join(sep)
    }
}

/// Everything a user sets. Derived figures are computed from it, never stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// The open panel.
    pub tab: Tab,
    /// AWS region code; always one of [`crate::region::REGIONS`].
    pub region: RegionId,
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
            region: RegionId::default(),
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
    /// The assumptions in force that a reader of a figure must know: every
    /// cost option that differs from the base (the preset's, or the
    /// defaults), and the price overrides. Empty for list prices on the
    /// defaults.
    pub fn assumptions(&self) -> Vec<String> {
        let base = Scenario::base(self.preset);
        let mut out = crate::options::differences(&self.options, &base.options);
        match self.overrides.len() {
            0 => {}
            1 => out.push("1 price overridden".to_string()),
            n => out.push(format!("{n} prices overridden")),
        }
        out
    }

    /// The assumptions in one line, `sep` between them.
    pub fn assumptions_line(&self, sep: &str) -> String {
        assumptions_line(&self.assumptions(), sep)
    }

    /// Services counted with their copies.
    pub fn service_count(&self) -> usize {
        self.services.iter().map(|s| s.copies as usize).sum()
    }

    /// The workload the engines price: each row with `copies` > 1 stands
    /// for that many services, written out one by one (`api (2 of 12)`),
    /// so a row of twelve prices, packs and simulates exactly as twelve
    /// rows. Borrowed, without a copy, when no row has copies. Every
    /// engine's entry point reads its workload through this (the rule is
    /// stated here once).
    #[inline(never)] // one body for the six entry points (measured: page size)
    pub fn workload(&self) -> std::borrow::Cow<'_, Scenario> {
        if self.services.iter().all(|s| s.copies == 1) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut out = self.clone();
        out.services = self
            .services
            .iter()
            .flat_map(|s| {
                let n = s.copies;
                (1..=n).map(move |i| Service {
                    name: if n == 1 {
                        s.name.clone()
                    } else {
                        format!("{} ({i} of {n})", s.name)
                    },
                    copies: 1,
                    ..s.clone()
                })
            })
            .collect();
        std::borrow::Cow::Owned(out)
    }
}
