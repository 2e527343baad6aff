//! The simulation's inputs and the table that maps each to its URL key.
//!
//! Like [`crate::options`], each input is one row of [`FIELDS`]: its key,
//! how to read it from text and how to write it, so the codec, the form and
//! the CLI read and write a key the same way.

use serde::{Deserialize, Serialize};

use crate::field::{assign, choose};
use crate::text::{clip, format_number, parse_decimal, parse_percent, parse_whole};
use crate::units::limits;

/// The shape of a day's traffic (`traffic=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Traffic {
    /// `rps` all day.
    Steady,
    /// A smooth day: `rps` at 04:00, `rps × peak` at 16:00.
    #[default]
    Daily,
    /// `rps`, and `rps × peak` for the spike's length from its start.
    Spike,
    /// `rps` until the spike's start, `rps × peak` from then on.
    Step,
}

impl Traffic {
    /// Every profile, in menu order.
    pub const ALL: [Traffic; 4] = [Self::Steady, Self::Daily, Self::Spike, Self::Step];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Steady => "steady",
            Self::Daily => "daily",
            Self::Spike => "spike",
            Self::Step => "step",
        }
    }
}

/// Image size class (`img=`): how long a pull takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Image {
    /// About 250 MB or less.
    #[default]
    Small,
    /// 1 GB or more.
    Large,
}

impl Image {
    /// Every class.
    pub const ALL: [Image; 2] = [Self::Small, Self::Large];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Small => "small",
            Self::Large => "large",
        }
    }
}

/// What the scaling simulation is given. The task shape is the scenario's
/// first service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimInputs {
    /// Traffic profile.
    pub traffic: Traffic,
    /// Base load, requests per second.
    pub rps: f64,
    /// Peak as a multiple of the base load (≥ 1).
    pub peak: f64,
    /// Spike (or step) start, minutes after midnight (0–1439).
    pub spike_start_min: u32,
    /// Spike length, minutes (1–1440).
    pub spike_len_min: u32,
    /// Requests per second one task serves at 100 % utilisation.
    pub rpt: f64,
    /// Utilisation the task scaler aims for, percent.
    pub tgt_pct: f64,
    /// Fewest tasks the scaler keeps.
    pub min_tasks: u32,
    /// Most tasks the scaler may run (an autoscaler's `maxReplicas`);
    /// 0 = no ceiling. Demand beyond them goes unserved.
    #[serde(default)]
    pub max_tasks: u32,
    /// Image size class.
    pub img: Image,
    /// Run with the high (pessimistic) end of every latency range.
    pub pessimistic: bool,
}

impl Default for SimInputs {
    fn default() -> Self {
        Self {
            traffic: Traffic::Daily,
            rps: 100.0,
            peak: 3.0,
            spike_start_min: 720,
            spike_len_min: 30,
            rpt: 50.0,
            tgt_pct: 70.0,
            min_tasks: 2,
            max_tasks: 0,
            img: Image::Small,
            pessimistic: false,
        }
    }
}

/// Most requests per second the base load or a task may carry.
pub const MAX_RPS: f64 = 10_000_000.0;
/// Largest peak multiple.
pub const MAX_PEAK: f64 = 1000.0;

/// One input's URL key, reader and writer.
pub type Field = crate::field::Field<SimInputs>;

fn minutes(text: &str, what: &str, min: u64, max: u64) -> Result<u32, String> {
    let n = parse_whole(text, what, min, max)?;
    u32::try_from(n).map_err(|_| format!("{what} is too large"))
}

/// Every input, in canonical URL order.
pub const FIELDS: &[Field] = &[
    Field {
        key: "traffic",
        label: "Traffic profile",
        set: |s, t| {
            assign(
                &mut s.traffic,
                choose(&Traffic::ALL, Traffic::key, t, "traffic"),
            )
        },
        get: |s| s.traffic.key().to_string(),
    },
    Field {
        key: "rps",
        label: "Base load, requests per second",
        set: |s, t| {
            assign(
                &mut s.rps,
                parse_decimal(t, "base load (rps)", 0.0, MAX_RPS, false),
            )
        },
        get: |s| format_number(s.rps),
    },
    Field {
        key: "peak",
        label: "Peak as a multiple of the base load",
        set: |s, t| {
            assign(
                &mut s.peak,
                parse_decimal(t, "peak multiple", 1.0, MAX_PEAK, false),
            )
        },
        get: |s| format_number(s.peak),
    },
    Field {
        key: "spk",
        label: "Spike start and length, minutes: <start>~<length>",
        set: |s, t| {
            let (start, len) = t
                .split_once('~')
                .ok_or("spk must be <start minute>~<length in minutes>, e.g. 720~30")?;
            let start = minutes(start, "spike start (minute of the day)", 0, 1439)?;
            let len = minutes(len, "spike length (minutes)", 1, 1440)?;
            (s.spike_start_min, s.spike_len_min) = (start, len);
            Ok(())
        },
        get: |s| format!("{}~{}", s.spike_start_min, s.spike_len_min),
    },
    Field {
        key: "rpt",
        label: "Requests per second one task serves at 100%",
        set: |s, t| {
            assign(
                &mut s.rpt,
                parse_decimal(t, "requests per task", 0.0, MAX_RPS, true),
            )
        },
        get: |s| format_number(s.rpt),
    },
    Field {
        key: "tgt",
        label: "Scaling target utilisation, %",
        set: |s, t| {
            assign(
                &mut s.tgt_pct,
                parse_percent(t, "target utilisation", 10.0, 100.0),
            )
        },
        get: |s| format_number(s.tgt_pct),
    },
    Field {
        key: "min",
        label: "Minimum tasks",
        set: |s, t| {
            assign(
                &mut s.min_tasks,
                minutes(t, "minimum tasks", 0, limits::MAX_TASKS),
            )
        },
        get: |s| s.min_tasks.to_string(),
    },
    Field {
        key: "max",
        label: "Most tasks (0: no ceiling)",
        set: |s, t| {
            assign(
                &mut s.max_tasks,
                minutes(t, "most tasks", 0, limits::MAX_TASKS),
            )
        },
        get: |s| s.max_tasks.to_string(),
    },
    Field {
        key: "img",
        label: "Image size class",
        set: |s, t| assign(&mut s.img, choose(&Image::ALL, Image::key, t, "img")),
        get: |s| s.img.key().to_string(),
    },
    Field {
        key: "pess",
        label: "Pessimistic latencies (the high end of each range)",
        set: |s, t| {
            s.pessimistic = match t.trim() {
                "0" => false,
                "1" => true,
                other => return Err(format!("pess must be 0 or 1, not \"{}\"", clip(other))),
            };
            Ok(())
        },
        get: |s| if s.pessimistic { "1" } else { "0" }.to_string(),
    },
];

/// The input row for a URL key.
pub fn field(key: &str) -> Option<&'static Field> {
    crate::field::find(FIELDS, key)
}
