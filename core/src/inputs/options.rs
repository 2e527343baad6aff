//! Cost options: the workload-wide settings of the cost models, and the
//! table that maps each to its URL key.
//!
//! Each option is one row of [`FIELDS`]: its key, how to read it from text
//! and how to write it. The codec, the web form and the CLI all go through
//! that table, so a key cannot be read one way and written another.

use serde::{Deserialize, Serialize};

use crate::catalog::InstanceTypeId;
use crate::field::{assign, choose};
use crate::text::{format_number, parse_decimal, parse_percent, parse_whole};

/// How ECS tasks get their network interfaces on EC2 (`net=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NetMode {
    /// `awsvpc` with ENI trunking: tasks per instance ≤ the type's branch ENIs.
    #[default]
    Trunk,
    /// `awsvpc` without trunking: tasks per instance ≤ ENIs − 1.
    Awsvpc,
    /// `bridge`: tasks share the instance's ENI; no ENI limit.
    Bridge,
}

impl NetMode {
    /// Every mode, in display order.
    pub const ALL: [NetMode; 3] = [NetMode::Trunk, NetMode::Awsvpc, NetMode::Bridge];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            NetMode::Trunk => "trunk",
            NetMode::Awsvpc => "awsvpc",
            NetMode::Bridge => "bridge",
        }
    }
}

/// Load balancers in front of the services (`lb=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LoadBalancing {
    /// An internet-facing ALB unless the use case is batch or ML (work
    /// that takes no HTTP traffic).
    #[default]
    Auto,
    /// An internet-facing ALB whatever the use case.
    Alb,
    /// None (internal workers, or a load balancer billed elsewhere).
    None,
}

impl LoadBalancing {
    /// Every choice, in display order.
    pub const ALL: [LoadBalancing; 3] = [Self::Auto, Self::Alb, Self::None];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Alb => "alb",
            Self::None => "none",
        }
    }
}

/// How tasks reach the internet (`egress=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Egress {
    /// Private subnets with a NAT gateway in each AZ (AWS's highly
    /// available design).
    #[default]
    Nat,
    /// Private subnets sharing one NAT gateway (cheaper; one AZ's outage
    /// cuts every AZ off the internet).
    Nat1,
    /// Public subnets: a public IPv4 address per task (Fargate) or per
    /// instance (EC2).
    Public,
    /// Private subnets without internet access (VPC endpoints, not priced).
    None,
}

impl Egress {
    /// Every choice, in display order.
    pub const ALL: [Egress; 4] = [Self::Nat, Self::Nat1, Self::Public, Self::None];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Nat => "nat",
            Self::Nat1 => "nat1",
            Self::Public => "public",
            Self::None => "none",
        }
    }
}

/// A commitment on compute (`commit=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Commitment {
    /// None: on-demand (or the flat `sp=` discount of older links).
    #[default]
    None,
    /// A Compute Savings Plan: EC2, Fargate and Lambda, any family or region.
    Compute,
    /// An EC2 Instance Savings Plan: EC2 of one family in one region.
    Ec2,
    /// Standard Reserved Instances: EC2 of one type in one region.
    Ri,
}

impl Commitment {
    /// Every choice, in display order.
    pub const ALL: [Self; 4] = [Self::None, Self::Compute, Self::Ec2, Self::Ri];

    /// The URL value (and the plan's key in the price book's rates).
    pub fn key(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Compute => "compute",
            Self::Ec2 => "ec2",
            Self::Ri => "ri",
        }
    }

    /// Its name in bills: `Compute Savings Plan`, ….
    pub fn name(self) -> &'static str {
        match self {
            Self::None => "no commitment",
            Self::Compute => "Compute Savings Plan",
            Self::Ec2 => "EC2 Instance Savings Plan",
            Self::Ri => "Reserved Instances",
        }
    }
}

/// How a commitment is paid (`pay=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Payment {
    /// Every hour, nothing up front.
    #[default]
    None,
    /// Part up front, the rest every hour.
    Partial,
    /// The whole term up front.
    All,
}

impl Payment {
    /// Every choice, in display order.
    pub const ALL: [Self; 3] = [Self::None, Self::Partial, Self::All];

    /// The URL value (and the payment's key in the price book's rates).
    pub fn key(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Partial => "partial",
            Self::All => "all",
        }
    }
}

/// The period every figure is shown per (`per=`): the models bill
/// months, the view scales.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Per hour (a month is [`crate::HOURS_PER_MONTH`] hours).
    Hour,
    /// Per month.
    #[default]
    Month,
    /// Per year (twelve months).
    Year,
}

impl Period {
    /// Every choice, in display order.
    pub const ALL: [Self; 3] = [Self::Hour, Self::Month, Self::Year];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Hour => "h",
            Self::Month => "m",
            Self::Year => "y",
        }
    }

    /// `hour`, `month`, `year`.
    pub fn word(self) -> &'static str {
        match self {
            Self::Hour => "hour",
            Self::Month => "month",
            Self::Year => "year",
        }
    }

    /// A monthly figure per this period.
    pub fn of(self, monthly: f64) -> f64 {
        match self {
            Self::Hour => monthly / crate::units::HOURS_PER_MONTH,
            Self::Month => monthly,
            Self::Year => monthly * 12.0,
        }
    }
}

/// What Lambda's requests come in through (`front=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FrontDoor {
    /// A function URL (no charge of its own).
    #[default]
    Url,
    /// An API Gateway HTTP API.
    Http,
    /// An API Gateway REST API.
    Rest,
    /// An Application Load Balancer with the function as its target.
    Alb,
}

impl FrontDoor {
    /// Every choice, in display order.
    pub const ALL: [Self; 4] = [Self::Url, Self::Http, Self::Rest, Self::Alb];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Url => "url",
            Self::Http => "http",
            Self::Rest => "rest",
            Self::Alb => "alb",
        }
    }
}

/// EKS control-plane support tier (`eksv=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EksSupport {
    /// Standard support (the first 14 months of a Kubernetes version).
    #[default]
    Std,
    /// Extended support (the 12 months after).
    Ext,
}

impl EksSupport {
    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            EksSupport::Std => "std",
            EksSupport::Ext => "ext",
        }
    }
}

/// Workload-wide settings of the cost models. Percentages are 0–100.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostOptions {
    /// EC2 instance type for ECS/EKS on EC2; `None` = the cheapest that fits.
    pub instance_type: Option<InstanceTypeId>,
    /// ECS network mode on EC2.
    pub net: NetMode,
    /// Share of EC2 instance-hours on Spot, percent.
    pub spot_pct: f64,
    /// Share of Fargate task-hours on Fargate Spot (Linux only), percent.
    pub fspot_pct: f64,
    /// Savings Plan discount on on-demand compute, percent.
    pub sp_pct: f64,
    /// Commitment on compute (`commit=`; `sp_pct` applies only without one).
    pub commit: Commitment,
    /// Its term, years (1 or 3).
    pub term_years: u32,
    /// How it is paid.
    pub pay: Payment,
    /// Share of the steady on-demand baseline it covers, percent.
    pub cover_pct: f64,
    /// Spare EC2 capacity kept free, percent of the fleet.
    pub head_pct: f64,
    /// Instance memory kept for the OS and agents, percent.
    pub hostres_pct: f64,
    /// Root volume per EC2 instance, GiB (gp3).
    pub ebs_gib: f64,
    /// Ephemeral storage per Fargate task, GiB (20 included).
    pub eph_gib: f64,
    /// DaemonSet CPU per EKS node, millicores.
    pub ds_millicores: f64,
    /// DaemonSet memory per EKS node, MiB.
    pub ds_mib: f64,
    /// EKS clusters.
    pub clusters: u32,
    /// EKS support tier.
    pub eksv: EksSupport,
    /// ALB capacity units per ALB, averaged over the month.
    pub lcu: f64,
    /// Load balancers in front of the services.
    pub lb: LoadBalancing,
    /// Availability zones the workload spreads over.
    pub az: u32,
    /// How tasks reach the internet.
    pub egress: Egress,
    /// Data the tasks send to (or fetch from) the internet, GB per month.
    pub egress_gb: f64,
    /// Data sent out to the internet (responses, calls out), GB per month.
    pub out_gb: f64,
    /// Data crossing availability zones, GB per month.
    pub cross_az_gb: f64,
    /// CloudWatch Logs ingested, GB per month.
    pub logs_gb: f64,
    /// Months CloudWatch keeps the logs.
    pub logs_months: f64,
    /// Container images kept in ECR, GB.
    pub ecr_gb: f64,
    /// App Runner: share of hours instances are active (serving), percent.
    pub active_pct: f64,
    /// Lambda: requests per month; `None` = not a request-driven workload.
    pub requests_per_month: Option<f64>,
    /// Lambda: average duration per request, milliseconds.
    pub duration_ms: Option<f64>,
    /// Lambda: what its requests come in through.
    pub front: FrontDoor,
    /// Lambda: take the account's monthly free tier off.
    pub free_tier: bool,
    /// The period figures are shown per.
    pub per: Period,
}

impl Default for CostOptions {
    fn default() -> Self {
        Self {
            instance_type: None,
            net: NetMode::Trunk,
            spot_pct: 0.0,
            fspot_pct: 0.0,
            sp_pct: 0.0,
            commit: Commitment::None,
            term_years: 1,
            pay: Payment::None,
            cover_pct: 100.0,
            head_pct: 0.0,
            hostres_pct: 5.0,
            ebs_gib: 30.0,
            eph_gib: 20.0,
            ds_millicores: 150.0,
            ds_mib: 200.0,
            clusters: 1,
            eksv: EksSupport::Std,
            lcu: 1.0,
            lb: LoadBalancing::Auto,
            az: 2,
            egress: Egress::Nat,
            egress_gb: 0.0,
            out_gb: 0.0,
            cross_az_gb: 0.0,
            logs_gb: 0.0,
            logs_months: 1.0,
            ecr_gb: 0.0,
            active_pct: 100.0,
            requests_per_month: None,
            duration_ms: None,
            front: FrontDoor::Url,
            free_tier: false,
            per: Period::Month,
        }
    }
}

/// One option's URL key, reader and writer.
pub type Field = crate::field::Field<CostOptions>;

fn pct(text: &str, what: &str) -> Result<f64, String> {
    parse_percent(text, what, 0.0, 100.0)
}

/// A data volume, GB.
fn gb(text: &str) -> Result<f64, String> {
    parse_decimal(text, "GB", 0.0, 1e9, false)
}

fn opt_number(value: Option<f64>) -> String {
    value.map(format_number).unwrap_or_default()
}

/// Every option, in canonical URL order.
pub const FIELDS: &[Field] = &[
    Field {
        key: "it",
        label: "EC2 instance type (auto = cheapest that fits)",
        set: |o, t| {
            let t = t.trim().to_ascii_lowercase();
            if t == "auto" || t.is_empty() {
                o.instance_type = None;
                return Ok(());
            }
            match InstanceTypeId::from_name(&t) {
                Some(it) => o.instance_type = Some(it),
                None => {
                    return Err(format!(
                        "unknown instance type \"{}\"",
                        crate::text::clip(&t)
                    ))
                }
            }
            Ok(())
        },
        get: |o| {
            o.instance_type
                .map_or_else(|| "auto".to_string(), |t| t.name().to_string())
        },
    },
    Field {
        key: "net",
        label: "ECS network mode on EC2",
        set: |o, t| {
            let t = t.trim().to_ascii_lowercase();
            o.net = NetMode::ALL
                .into_iter()
                .find(|m| m.key() == t)
                .ok_or("network mode must be trunk, awsvpc or bridge")?;
            Ok(())
        },
        get: |o| o.net.key().to_string(),
    },
    Field {
        key: "spot",
        label: "EC2 Spot share, %",
        set: |o, t| assign(&mut o.spot_pct, pct(t, "Spot share")),
        get: |o| format_number(o.spot_pct),
    },
    Field {
        key: "fspot",
        label: "Fargate Spot share, %",
        set: |o, t| assign(&mut o.fspot_pct, pct(t, "Fargate Spot share")),
        get: |o| format_number(o.fspot_pct),
    },
    Field {
        key: "sp",
        label: "Savings Plan discount, %",
        set: |o, t| {
            assign(
                &mut o.sp_pct,
                parse_percent(t, "Savings Plan discount", 0.0, 90.0),
            )
        },
        get: |o| format_number(o.sp_pct),
    },
    Field {
        key: "commit",
        label: "Commitment",
        set: |o, t| {
            o.commit = choose(&Commitment::ALL, Commitment::key, t, "commit")?;
            Ok(())
        },
        get: |o| o.commit.key().to_string(),
    },
    Field {
        key: "term",
        label: "Commitment term",
        set: |o, t| {
            o.term_years = match t.trim() {
                "1" => 1,
                "3" => 3,
                _ => return Err("term must be 1 or 3 (years)".to_string()),
            };
            Ok(())
        },
        get: |o| o.term_years.to_string(),
    },
    Field {
        key: "pay",
        label: "Paid up front",
        set: |o, t| {
            o.pay = choose(&Payment::ALL, Payment::key, t, "pay")?;
            Ok(())
        },
        get: |o| o.pay.key().to_string(),
    },
    Field {
        key: "cover",
        label: "Commitment coverage of the steady baseline, %",
        set: |o, t| assign(&mut o.cover_pct, pct(t, "coverage")),
        get: |o| format_number(o.cover_pct),
    },
    Field {
        key: "head",
        label: "Spare EC2 capacity, %",
        set: |o, t| {
            assign(
                &mut o.head_pct,
                parse_percent(t, "spare capacity", 0.0, 90.0),
            )
        },
        get: |o| format_number(o.head_pct),
    },
    Field {
        key: "hostres",
        label: "Instance memory reserved for OS and agents, %",
        set: |o, t| {
            assign(
                &mut o.hostres_pct,
                parse_percent(t, "reserved memory", 0.0, 50.0),
            )
        },
        get: |o| format_number(o.hostres_pct),
    },
    Field {
        key: "ebs",
        label: "Root volume per instance, GiB",
        set: |o, t| {
            assign(
                &mut o.ebs_gib,
                parse_decimal(t, "root volume", 0.0, 16_384.0, false),
            )
        },
        get: |o| format_number(o.ebs_gib),
    },
    Field {
        key: "eph",
        label: "Ephemeral storage per Fargate task, GiB",
        set: |o, t| {
            assign(
                &mut o.eph_gib,
                parse_decimal(t, "ephemeral storage", 20.0, 200.0, false),
            )
        },
        get: |o| format_number(o.eph_gib),
    },
    Field {
        key: "ds",
        label: "DaemonSet overhead per EKS node, millicores~MiB",
        set: |o, t| {
            let (cpu, mem) = t
                .split_once('~')
                .ok_or("ds must be <millicores>~<MiB>, e.g. 150~200")?;
            let cpu = parse_decimal(cpu, "DaemonSet CPU (millicores)", 0.0, 64_000.0, false)?;
            let mem = parse_decimal(mem, "DaemonSet memory (MiB)", 0.0, 1_048_576.0, false)?;
            (o.ds_millicores, o.ds_mib) = (cpu, mem);
            Ok(())
        },
        get: |o| {
            format!(
                "{}~{}",
                format_number(o.ds_millicores),
                format_number(o.ds_mib)
            )
        },
    },
    Field {
        key: "clusters",
        label: "EKS clusters",
        set: |o, t| {
            let n = parse_whole(t, "clusters", 0, 1000)?;
            o.clusters = u32::try_from(n).map_err(|_| "clusters is too large".to_string())?;
            Ok(())
        },
        get: |o| o.clusters.to_string(),
    },
    Field {
        key: "eksv",
        label: "EKS support tier",
        set: |o, t| {
            o.eksv = match t.trim().to_ascii_lowercase().as_str() {
                "std" => EksSupport::Std,
                "ext" => EksSupport::Ext,
                _ => return Err("EKS support must be std or ext".to_string()),
            };
            Ok(())
        },
        get: |o| o.eksv.key().to_string(),
    },
    Field {
        key: "lcu",
        label: "ALB capacity units per ALB",
        set: |o, t| assign(&mut o.lcu, parse_decimal(t, "LCUs", 0.0, 100_000.0, false)),
        get: |o| format_number(o.lcu),
    },
    Field {
        key: "lb",
        label: "Load balancer",
        set: |o, t| {
            o.lb = choose(&LoadBalancing::ALL, LoadBalancing::key, t, "lb")?;
            Ok(())
        },
        get: |o| o.lb.key().to_string(),
    },
    Field {
        key: "az",
        label: "Availability zones",
        set: |o, t| {
            let n = parse_whole(t, "availability zones", 1, 6)?;
            o.az = u32::try_from(n).map_err(|_| "too many zones".to_string())?;
            Ok(())
        },
        get: |o| o.az.to_string(),
    },
    Field {
        key: "egress",
        label: "Internet egress",
        set: |o, t| {
            o.egress = choose(&Egress::ALL, Egress::key, t, "egress")?;
            Ok(())
        },
        get: |o| o.egress.key().to_string(),
    },
    Field {
        key: "gb",
        label: "Internet data, GB per month",
        set: |o, t| assign(&mut o.egress_gb, gb(t)),
        get: |o| format_number(o.egress_gb),
    },
    Field {
        key: "out",
        label: "Data out to the internet, GB per month",
        set: |o, t| assign(&mut o.out_gb, gb(t)),
        get: |o| format_number(o.out_gb),
    },
    Field {
        key: "xaz",
        label: "Data across zones, GB per month",
        set: |o, t| assign(&mut o.cross_az_gb, gb(t)),
        get: |o| format_number(o.cross_az_gb),
    },
    Field {
        key: "logs",
        label: "CloudWatch Logs, GB per month",
        set: |o, t| assign(&mut o.logs_gb, gb(t)),
        get: |o| format_number(o.logs_gb),
    },
    Field {
        key: "keep",
        label: "Logs kept, months",
        set: |o, t| {
            assign(
                &mut o.logs_months,
                parse_decimal(t, "months kept", 0.0, 120.0, false),
            )
        },
        get: |o| format_number(o.logs_months),
    },
    Field {
        key: "ecr",
        label: "Images in ECR, GB",
        set: |o, t| assign(&mut o.ecr_gb, gb(t)),
        get: |o| format_number(o.ecr_gb),
    },
    Field {
        key: "active",
        label: "App Runner active share, %",
        set: |o, t| assign(&mut o.active_pct, pct(t, "active share")),
        get: |o| format_number(o.active_pct),
    },
    Field {
        key: "req",
        label: "Requests per month (Lambda)",
        set: |o, t| {
            assign(
                &mut o.requests_per_month,
                parse_decimal(t, "requests per month", 0.0, 1e13, false).map(|v| Some(v.round())),
            )
        },
        get: |o| opt_number(o.requests_per_month),
    },
    Field {
        key: "dur",
        label: "Average request duration, ms (Lambda)",
        set: |o, t| {
            assign(
                &mut o.duration_ms,
                parse_decimal(t, "duration (ms)", 1.0, 900_000.0, false).map(Some),
            )
        },
        get: |o| opt_number(o.duration_ms),
    },
    Field {
        key: "front",
        label: "Lambda front door",
        set: |o, t| {
            o.front = choose(&FrontDoor::ALL, FrontDoor::key, t, "front")?;
            Ok(())
        },
        get: |o| o.front.key().to_string(),
    },
    Field {
        key: "free",
        label: "Lambda free tier",
        set: |o, t| {
            o.free_tier = match t.trim() {
                "0" => false,
                "1" => true,
                _ => return Err("free must be 0 or 1".to_string()),
            };
            Ok(())
        },
        get: |o| u8::from(o.free_tier).to_string(),
    },
    Field {
        key: "per",
        label: "Figures per",
        set: |o, t| {
            o.per = choose(&Period::ALL, Period::key, t, "per")?;
            Ok(())
        },
        get: |o| o.per.key().to_string(),
    },
];

/// The values an option takes from a list, with the words a form shows
/// for each (`(value, words)`); empty for an option typed as text.
pub fn choices(key: &str) -> &'static [(&'static str, &'static str)] {
    match key {
        "net" => &[
            ("trunk", "trunk"),
            ("awsvpc", "awsvpc"),
            ("bridge", "bridge"),
        ],
        "commit" => &[
            ("none", "none"),
            ("compute", "Compute Savings Plan"),
            ("ec2", "EC2 Instance SP"),
            ("ri", "Reserved Instances"),
        ],
        "term" => &[("1", "1 year"), ("3", "3 years")],
        "per" => &[("h", "hour"), ("m", "month"), ("y", "year")],
        "front" => &[
            ("url", "function URL"),
            ("http", "HTTP API"),
            ("rest", "REST API"),
            ("alb", "ALB"),
        ],
        "free" => &[("0", "not applied"), ("1", "applied")],
        "pay" => &[("none", "nothing"), ("partial", "partial"), ("all", "all")],
        "eksv" => &[("std", "standard"), ("ext", "extended")],
        "lb" => &[
            ("auto", "ALB (not batch/ML)"),
            ("alb", "ALB"),
            ("none", "none"),
        ],
        "egress" => &[
            ("nat", "NAT per zone"),
            ("nat1", "one NAT"),
            ("public", "public subnets"),
            ("none", "none"),
        ],
        _ => &[],
    }
}

/// The words of a listed option's value (`commit=compute` → `Compute
/// Savings Plan`).
pub fn choice_words(key: &str, value: &str) -> Option<&'static str> {
    choices(key)
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, w)| *w)
}

/// The options that differ from `base`, in words, in table order: what the
/// answer and the form's summary list. The period figures are shown per is
/// how they read, not an assumption behind them: never listed.
pub fn differences(value: &CostOptions, base: &CostOptions) -> Vec<String> {
    crate::field::differences(FIELDS, value, base, |key, text| match key {
        "per" => Some(""),
        _ => choice_words(key, text),
    })
}

/// The option row for a URL key.
pub fn field(key: &str) -> Option<&'static Field> {
    crate::field::find(FIELDS, key)
}

#[cfg(test)]
mod tests;
