//! The cost engine: what a Scenario's workload costs per month on each AWS
//! container platform, itemised, computed the way AWS bills.
//!
//! Every figure comes from the price book through [`Prices`]; a platform
//! whose prices are missing in the region is `unavailable` with the reason.
//! Every result's `lines` sum to its `monthly_usd`, and its `notes` name each
//! assumption that moved the number.

mod breakeven;
pub(crate) mod commit;
mod ec2;
mod fargate;
pub(crate) mod lambda_managed;
pub(crate) mod network;
mod pack;
mod prices;
mod serverless;

use serde::Serialize;

use crate::decimal::fixed;
use crate::scenario::Scenario;

pub use breakeven::{breakeven, curve, homogeneous, BreakEven, Crossover, Curve};
pub use fargate::cheapest_size;
pub use pack::{pack, per_instance, Bin, Demand, Packing};
pub use prices::{is_missing_price, Prices, NO_PRICE};

/// An AWS container platform Berth prices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Platform {
    /// Amazon ECS tasks on AWS Fargate.
    #[serde(rename = "ecs-fargate")]
    EcsFargate,
    /// Amazon ECS on EC2 instances you manage.
    #[serde(rename = "ecs-ec2")]
    EcsEc2,
    /// Amazon ECS Managed Instances (AWS-managed EC2).
    #[serde(rename = "ecs-managed")]
    EcsManaged,
    /// Amazon ECS Express Mode (Fargate + a shared ALB).
    #[serde(rename = "ecs-express")]
    EcsExpress,
    /// Amazon EKS with EC2 managed node groups.
    #[serde(rename = "eks-ec2")]
    EksEc2,
    /// Amazon EKS Auto Mode.
    #[serde(rename = "eks-auto")]
    EksAuto,
    /// Amazon EKS pods on Fargate.
    #[serde(rename = "eks-fargate")]
    EksFargate,
    /// AWS App Runner (closed to new customers since 2026-04-30).
    #[serde(rename = "app-runner")]
    AppRunner,
    /// AWS Lambda (container images).
    #[serde(rename = "lambda")]
    Lambda,
    /// Lambda Managed Instances: functions on EC2 that Lambda runs.
    #[serde(rename = "lambda-managed")]
    LambdaManaged,
}

impl Platform {
    /// Every platform, in display order.
    pub const ALL: [Platform; 10] = [
        Platform::EcsFargate,
        Platform::EcsEc2,
        Platform::EcsManaged,
        Platform::EcsExpress,
        Platform::EksEc2,
        Platform::EksAuto,
        Platform::EksFargate,
        Platform::AppRunner,
        Platform::Lambda,
        Platform::LambdaManaged,
    ];

    /// The stable id used in URLs, JSON and the CLI (`ecs-fargate`, …).
    pub fn id(self) -> &'static str {
        match self {
            Platform::EcsFargate => "ecs-fargate",
            Platform::EcsEc2 => "ecs-ec2",
            Platform::EcsManaged => "ecs-managed",
            Platform::EcsExpress => "ecs-express",
            Platform::EksEc2 => "eks-ec2",
            Platform::EksAuto => "eks-auto",
            Platform::EksFargate => "eks-fargate",
            Platform::AppRunner => "app-runner",
            Platform::Lambda => "lambda",
            Platform::LambdaManaged => "lambda-managed",
        }
    }

    /// The display name.
    pub fn name(self) -> &'static str {
        match self {
            Platform::EcsFargate => "ECS on Fargate",
            Platform::EcsEc2 => "ECS on EC2",
            Platform::EcsManaged => "ECS Managed Instances",
            Platform::EcsExpress => "ECS Express Mode",
            Platform::EksEc2 => "EKS on EC2 (managed nodes)",
            Platform::EksAuto => "EKS Auto Mode",
            Platform::EksFargate => "EKS on Fargate",
            Platform::AppRunner => "App Runner",
            Platform::Lambda => "Lambda",
            Platform::LambdaManaged => "Lambda Managed Instances",
        }
    }

    /// Reads an id.
    pub fn from_id(id: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// Whether a platform can take the workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Priced.
    Ok,
    /// Cannot run this workload here; `reason` says why.
    Unavailable,
    /// Priced, but closed to new customers.
    Legacy,
}

/// What a line of a bill is for (`docs/cost-lines.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Instances, tasks, function duration.
    Compute,
    /// A platform's fee on top of compute (ECS Managed Instances, EKS Auto
    /// Mode, App Runner automatic deployments).
    ManagementFee,
    /// The EKS control plane.
    ControlPlane,
    /// Application Load Balancers: hours and capacity units.
    LoadBalancer,
    /// NAT gateways: hours and data processed.
    NatGateway,
    /// Public IPv4 addresses (ALB nodes, NAT gateways, tasks, instances).
    PublicIpv4,
    /// Data transfer out or between zones.
    DataTransfer,
    /// CloudWatch Logs.
    Logs,
    /// Volumes and task storage.
    Storage,
    /// Container image storage (ECR).
    Registry,
    /// Per-request charges.
    Requests,
    /// A commitment paid up front.
    CommitmentUpfront,
    /// A commitment's discount (negative).
    CommitmentDiscount,
}

impl LineKind {
    /// The word in exports (`compute`, `load_balancer`, …).
    pub fn key(self) -> &'static str {
        match self {
            Self::Compute => "compute",
            Self::ManagementFee => "management_fee",
            Self::ControlPlane => "control_plane",
            Self::LoadBalancer => "load_balancer",
            Self::NatGateway => "nat_gateway",
            Self::PublicIpv4 => "public_ipv4",
            Self::DataTransfer => "data_transfer",
            Self::Logs => "logs",
            Self::Storage => "storage",
            Self::Registry => "registry",
            Self::Requests => "requests",
            Self::CommitmentUpfront => "commitment_upfront",
            Self::CommitmentDiscount => "commitment_discount",
        }
    }
}

/// One itemised line of a monthly bill.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    /// What the line is for.
    pub kind: LineKind,
    /// What is billed, with the quantities that produce it.
    pub label: String,
    /// USD per month (negative for discounts).
    pub monthly_usd: f64,
}

/// The EC2 capacity behind a platform's figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Capacity {
    /// Instance type(s), e.g. `m5.large` or `m5.large + m7g.large`.
    pub instance_type: String,
    /// Instances running, headroom included.
    pub instances: u64,
    /// Most tasks (or pods) on one instance.
    pub tasks_per_instance: u64,
    /// Requested vCPU ÷ the instances' vCPU, 0–1.
    pub cpu_utilization: f64,
    /// Requested memory ÷ the instances' memory, 0–1.
    pub memory_utilization: f64,
}

impl Capacity {
    /// `125 × m5.large, CPU 100%, memory 50%`.
    pub fn summary(&self) -> String {
        format!(
            "{} × {}, CPU {}%, memory {}%",
            self.instances,
            self.instance_type,
            fixed(self.cpu_utilization * 100.0, 0),
            fixed(self.memory_utilization * 100.0, 0)
        )
    }
}

impl PlatformCost {
    /// Adds a note unless it is there already.
    pub(crate) fn note(&mut self, note: String) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// One line for tables: the capacity, or why the platform is unavailable or legacy.
    pub fn summary(&self) -> String {
        match (&self.capacity, self.status) {
            (_, Status::Unavailable) | (None, Status::Legacy) => {
                self.reason.clone().unwrap_or_default()
            }
            (Some(c), _) => c.summary(),
            (None, Status::Ok) => String::new(),
        }
    }

    /// The monthly figure as displayed (`—` when unavailable).
    pub fn monthly_text(&self) -> String {
        match self.status {
            Status::Unavailable => "—".to_string(),
            _ => usd(self.monthly_usd),
        }
    }
}

impl Status {
    /// The word shown for it (`ok`, `unavailable`, `legacy`).
    pub fn key(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Unavailable => "unavailable",
            Status::Legacy => "legacy",
        }
    }
}

/// One platform's monthly cost for the workload.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlatformCost {
    /// Which platform.
    pub id: Platform,
    /// Display name.
    pub name: &'static str,
    /// Ok, unavailable or legacy.
    pub status: Status,
    /// USD per month: the sum of `lines` (0 when unavailable).
    pub monthly_usd: f64,
    /// Why the platform is unavailable (or legacy).
    pub reason: Option<String>,
    /// The itemised bill.
    pub lines: Vec<Line>,
    /// Paid once when the commitments' term starts (its share of each
    /// month is the `commitment_upfront` lines); 0 without.
    pub upfront_usd: f64,
    /// What the first year costs: twelve months' hourly bills and the
    /// upfront payments made in it.
    pub total_1y_usd: f64,
    /// What three years cost, a 1-year commitment renewed alike.
    pub total_3y_usd: f64,
    /// EC2 capacity, where instances are involved.
    pub capacity: Option<Capacity>,
    /// Every assumption that moved the number.
    pub notes: Vec<String>,
    /// How old the figures behind the number are: one entry per kind of
    /// price used, oldest first.
    pub as_of: Vec<AsOf>,
}

/// The as-of dates of the figures of one kind a result used.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AsOf {
    /// The kind of figure: `EC2`, `EC2 Spot`, `Fargate`, `Fargate Spot`,
    /// `fees`.
    pub kind: &'static str,
    /// The oldest as-of date among them (`YYYY-MM[-DD]` or `undated`).
    pub oldest: &'static str,
    /// The newest.
    pub newest: &'static str,
}

impl AsOf {
    /// `EC2 2025-06` or `Fargate 2025-06 to 2026-04`.
    pub fn text(&self) -> String {
        if self.oldest == self.newest {
            format!("{} {}", self.kind, self.oldest)
        } else {
            format!("{} {} to {}", self.kind, self.oldest, self.newest)
        }
    }

    /// The dates of several results, merged per kind, oldest first.
    pub fn merge<'a>(lists: impl IntoIterator<Item = &'a [AsOf]>) -> Vec<AsOf> {
        let mut out: Vec<AsOf> = Vec::new();
        for a in lists.into_iter().flatten() {
            match out.iter_mut().find(|o| o.kind == a.kind) {
                Some(o) => {
                    o.oldest = o.oldest.min(a.oldest);
                    o.newest = o.newest.max(a.newest);
                }
                None => out.push(a.clone()),
            }
        }
        crate::sort::by(&mut out, |a, b| {
            a.oldest.cmp(b.oldest).then(a.kind.cmp(b.kind))
        });
        out
    }

    /// `EC2 2025-06 · Fargate 2026-04 · EC2 Spot 2021-01`, oldest first.
    pub fn line(list: &[AsOf]) -> String {
        list.iter().map(AsOf::text).collect::<Vec<_>>().join(" · ")
    }
}

/// Every platform's cost for one Scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostReport {
    /// Region code.
    pub region: crate::region::RegionId,
    /// One entry per platform, in [`Platform::ALL`] order.
    pub platforms: Vec<PlatformCost>,
}

impl CostReport {
    /// The result for one platform.
    pub fn get(&self, platform: Platform) -> Option<&PlatformCost> {
        self.platforms.iter().find(|p| p.id == platform)
    }
}

/// A bill being drawn up: lines and notes; the total is always their sum.
#[derive(Clone, Debug, Default)]
pub(crate) struct Bill {
    lines: Vec<Line>,
    notes: Vec<String>,
    capacity: Option<Capacity>,
}

impl Bill {
    /// Adds a line (skipped when it is exactly zero and `label` is a discount
    /// or surcharge that does not apply).
    pub(crate) fn line(&mut self, kind: LineKind, label: impl Into<String>, monthly_usd: f64) {
        self.lines.push(Line {
            kind,
            label: label.into(),
            monthly_usd,
        });
    }

    /// Adds a note.
    pub(crate) fn note(&mut self, note: impl Into<String>) {
        let note = note.into();
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Sets the capacity summary.
    pub(crate) fn capacity(&mut self, capacity: Capacity) {
        self.capacity = Some(capacity);
    }

    /// Appends another bill's lines and notes.
    pub(crate) fn absorb(&mut self, other: Bill) {
        self.lines.extend(other.lines);
        for n in other.notes {
            self.note(n);
        }
        if other.capacity.is_some() {
            self.capacity = other.capacity;
        }
    }

    /// The finished result.
    pub(crate) fn finish(
        self,
        id: Platform,
        status: Status,
        reason: Option<String>,
    ) -> PlatformCost {
        PlatformCost {
            id,
            name: id.name(),
            status,
            // `+ 0.0` turns the -0 of an empty sum into 0.
            monthly_usd: self.lines.iter().map(|l| l.monthly_usd).sum::<f64>() + 0.0,
            reason,
            lines: self.lines,
            upfront_usd: 0.0,
            total_1y_usd: 0.0,
            total_3y_usd: 0.0,
            capacity: self.capacity,
            notes: self.notes,
            as_of: Vec::new(),
        }
    }
}

/// Says why compute costs nothing when no task runs (0 tasks or 0 hours
/// everywhere), so a $0 figure, or one of fixed fees only, is explained.
pub(crate) fn empty_note(scenario: &Scenario, bill: &mut Bill) {
    if scenario
        .services
        .iter()
        .all(|s| s.tasks == 0 || s.hours == 0.0)
    {
        bill.note("no tasks run: compute costs nothing");
    }
}

/// Why a platform cannot take the workload.
pub(crate) type Unavailable = String;

/// The result for a platform that cannot take the workload.
pub(crate) fn unavailable(id: Platform, reason: Unavailable) -> PlatformCost {
    Bill::default().finish(id, Status::Unavailable, Some(reason))
}

/// The scenario with the lines beyond compute switched off (no load
/// balancer, no egress design, one zone): what the guide's scenarios and
/// the compute-only tests price.
pub fn compute_only(scenario: &Scenario) -> Scenario {
    let mut s = scenario.clone();
    s.options.lb = crate::options::LoadBalancing::None;
    s.options.egress = crate::options::Egress::None;
    s.options.az = 1;
    s
}

/// Prices the Scenario's workload on one platform.
pub fn evaluate_platform(scenario: &Scenario, platform: Platform) -> PlatformCost {
    let scenario = &*scenario.workload();
    let prices = Prices::for_scenario(scenario);
    let result = match platform {
        Platform::EcsFargate => fargate::ecs(scenario, &prices),
        Platform::EksFargate => fargate::eks(scenario, &prices),
        Platform::EcsExpress => fargate::express(scenario, &prices),
        Platform::EcsEc2 => ec2::ecs(scenario, &prices),
        Platform::EcsManaged => ec2::ecs_managed(scenario, &prices),
        Platform::EksEc2 => ec2::eks(scenario, &prices),
        Platform::EksAuto => ec2::eks_auto(scenario, &prices),
        Platform::AppRunner => serverless::app_runner(scenario, &prices),
        Platform::Lambda => serverless::lambda(scenario, &prices),
        Platform::LambdaManaged => lambda_managed::price(scenario, &prices),
    };
    let result = result.and_then(|mut cost| {
        network::add(scenario, &prices, &mut cost)?;
        Ok(cost)
    });
    let mut cost = result.unwrap_or_else(|reason| unavailable(platform, reason));
    if cost.status != Status::Unavailable {
        cost.as_of = prices.as_of();
        totals(scenario, &mut cost);
    }
    for note in prices.override_notes() {
        cost.note(note);
    }
    cost
}

/// The upfront payment and the 1- and 3-year totals: each month bills its
/// lines less the upfront's monthly share, and each term started pays the
/// upfront once.
fn totals(scenario: &Scenario, cost: &mut PlatformCost) {
    let months = commit::term_months(scenario).max(1);
    let spread: f64 = cost
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::CommitmentUpfront)
        .map(|l| l.monthly_usd)
        .sum();
    // `+ 0.0`: no upfront is 0, not the -0 of an empty sum.
    cost.upfront_usd = spread * f64::from(months) + 0.0;
    let over = |m: u32| {
        (cost.monthly_usd - spread) * f64::from(m)
            + cost.upfront_usd * f64::from(m.div_ceil(months))
    };
    (cost.total_1y_usd, cost.total_3y_usd) = (over(12), over(36));
}

/// Prices the Scenario's workload on every platform.
pub fn evaluate(scenario: &Scenario) -> CostReport {
    let scenario = &*scenario.workload();
    CostReport {
        region: scenario.region,
        platforms: Platform::ALL
            .into_iter()
            .map(|p| evaluate_platform(scenario, p))
            .collect(),
    }
}

/// A monthly figure shown per `period`: `$36.04 / month`, `$432.48 /
/// year`, `$0.0494 / hour` (hours to a hundredth of a cent).
pub fn per(period: crate::options::Period, monthly: f64) -> String {
    format!("{} / {}", amount(period, monthly), period.word())
}

/// A monthly figure as an amount per `period`, without the unit.
pub fn amount(period: crate::options::Period, monthly: f64) -> String {
    let v = period.of(monthly);
    match period {
        crate::options::Period::Hour => {
            let sign = if v < -5e-5 { "−" } else { "" };
            format!("{sign}${}", fixed(v.abs(), 4))
        }
        _ => usd(v),
    }
}

/// Formats USD for labels and notes (`$1,234.56`).
pub fn usd(value: f64) -> String {
    let cents = (value.abs() * 100.0).round();
    let whole = (cents / 100.0).trunc();
    let frac = cents - whole * 100.0;
    let digits = fixed(whole, 0);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && cents > 0.0 {
        "−"
    } else {
        ""
    };
    // As `{frac:02.0}`: at least two characters, zeros in front.
    let frac = fixed(frac, 0);
    let pad = if frac.len() < 2 { "0" } else { "" };
    format!("{sign}${grouped}.{pad}{frac}")
}

#[cfg(test)]
mod tests;
