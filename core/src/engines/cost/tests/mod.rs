//! Cost engine tests: hand-computed expectations for every platform (the
//! arithmetic is in the comments; rates are us-east-1 from the price book),
//! then properties over generated workloads.

use super::*;
use crate::options::NetMode;
use crate::scenario::{Arch, Os, Service};

fn svc(tasks: u32, vcpu: f64, memory_gib: f64) -> Service {
    Service {
        name: "s".into(),
        tasks,
        vcpu,
        memory_gib,
        ..Service::default()
    }
}

fn scenario(services: Vec<Service>) -> Scenario {
    Scenario {
        services,
        ..Scenario::default()
    }
}

/// The platform's compute bill: these tests check compute arithmetic, so
/// the lines beyond compute are off (`network` tests them).
fn cost(s: &Scenario, p: Platform) -> PlatformCost {
    evaluate_platform(&compute_only(s), p)
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-6,
        "expected {expected}, got {actual}"
    );
}

fn ok(s: &Scenario, p: Platform, expected: f64) -> PlatformCost {
    let c = cost(s, p);
    assert_ne!(c.status, Status::Unavailable, "{p:?}: {:?}", c.reason);
    close(c.monthly_usd, expected);
    c
}

fn unavailable(s: &Scenario, p: Platform, because: &str) {
    let c = cost(s, p);
    assert_eq!(c.status, Status::Unavailable, "{p:?} should be unavailable");
    let reason = c.reason.unwrap_or_default();
    assert!(
        reason.contains(because),
        "{p:?}: {reason:?} should mention {because:?}"
    );
    assert_eq!(c.monthly_usd, 0.0);
}

#[test]
fn fargate_default_workload() {
    // 2 tasks × (0.5 × 0.04048 + 1 × 0.004445) = 0.024685 $/h each → × 2 × 730 = 36.0401
    ok(&Scenario::default(), Platform::EcsFargate, 36.0401);
}

#[test]
fn fargate_rounds_up_to_the_cheapest_valid_size() {
    // 0.3 vCPU / 0.6 GiB → 0.5 vCPU / 1 GiB: 0.024685 × 730 = 18.02005
    let c = ok(
        &scenario(vec![svc(1, 0.3, 0.6)]),
        Platform::EcsFargate,
        18.02005,
    );
    assert!(
        c.notes
            .iter()
            .any(|n| n.contains("billed as 0.5 vCPU / 1 GiB")),
        "{:?}",
        c.notes
    );
    // 0.25 vCPU / 3 GiB: 0.25 vCPU stops at 2 GB → 0.5 vCPU / 3 GiB:
    // (0.5 × 0.04048 + 3 × 0.004445) × 730 = 0.033575 × 730 = 24.50975
    ok(
        &scenario(vec![svc(1, 0.25, 3.0)]),
        Platform::EcsFargate,
        24.50975,
    );
    // Memory below the smallest size rounds up too: 0.25 / 0.1 → 0.25 / 0.5.
    ok(
        &scenario(vec![svc(1, 0.25, 0.1)]),
        Platform::EcsFargate,
        0.0123425 * 730.0,
    );
}

#[test]
fn fargate_windows_has_a_licence_and_a_one_vcpu_minimum() {
    // 0.5 vCPU / 1 GiB Windows → 1 vCPU / 2 GiB:
    // 1 × 0.09148 + 2 × 0.01005 + 1 × 0.046 (licence) = 0.15758 × 730 = 115.0334
    let s = scenario(vec![Service {
        os: Os::Windows,
        ..svc(1, 0.5, 1.0)
    }]);
    let c = ok(&s, Platform::EcsFargate, 115.0334);
    assert!(c.lines.iter().any(|l| l.label.contains("Windows licence")));
    unavailable(&s, Platform::EksFargate, "Linux x86");
    unavailable(&s, Platform::EcsEc2, "Windows");
}

#[test]
fn fargate_spot_and_savings_plan() {
    let mut s = scenario(vec![svc(1, 1.0, 2.0)]);
    s.options.fspot_pct = 50.0;
    // on-demand half: (0.04048 + 2 × 0.004445) × 365 = 18.02005
    // Spot half: (0.01264355 + 2 × 0.00138835) × 365 = 5.62839125
    ok(&s, Platform::EcsFargate, 23.64844125);
    s.options.fspot_pct = 0.0;
    s.options.sp_pct = 20.0;
    // 0.04937 × 730 = 36.0401, less 20% = 28.83208
    ok(&s, Platform::EcsFargate, 28.83208);
}

#[test]
fn fargate_ephemeral_storage_above_the_free_20_gb() {
    let mut s = scenario(vec![svc(1, 0.25, 0.5)]);
    s.options.eph_gib = 50.0;
    // 0.0123425 × 730 = 9.010025, plus 30 GB × 0.000111 × 730 = 2.4309
    ok(&s, Platform::EcsFargate, 11.440925);
}

#[test]
fn eks_fargate_adds_256_mib_and_the_cluster_fee() {
    // 1 vCPU / 2 GiB + 0.25 GiB → 1 vCPU / 3 GiB: (0.04048 + 3 × 0.004445) × 730
    // = 39.28495, plus the control plane 0.10 × 730 = 73
    let s = scenario(vec![svc(1, 1.0, 2.0)]);
    ok(&s, Platform::EksFargate, 112.28495);
    let mut ext = s.clone();
    ext.options.eksv = crate::options::EksSupport::Ext;
    ext.options.clusters = 2;
    // extended support: 2 × 0.60 × 730 = 876
    ok(&ext, Platform::EksFargate, 39.28495 + 876.0);
    let arm = scenario(vec![Service {
        arch: Arch::Arm,
        ..svc(1, 1.0, 2.0)
    }]);
    unavailable(&arm, Platform::EksFargate, "Linux x86");
}

#[test]
fn express_mode_adds_one_alb_per_25_services() {
    // Express always has its ALB, even with lb=none (here, compute only,
    // one zone): 36.0401 + ALB 0.0225 × 730 = 16.425 + 1 LCU × 0.008 × 730
    // = 5.84 + the ALB node's public IPv4 in one zone, 0.005 × 730 = 3.65
    ok(&Scenario::default(), Platform::EcsExpress, 61.9551);
    // 26 services of 0 tasks: 2 ALBs, no compute: 2 × (16.425 + 5.84 + 3.65)
    let s = scenario((0..26).map(|_| svc(0, 0.25, 0.5)).collect());
    ok(&s, Platform::EcsExpress, 51.83);
}

#[test]
fn ecs_on_ec2_packs_the_guide_small_scenario() {
    // m5.large: 2048 CPU units / 256 = 8 tasks; memory 8192 × 0.95 / 512 = 15;
    // 9 branch ENIs → 8 per instance → 125 instances.
    // 125 × 0.096 × 730 = 8760, + 125 × 30 GiB × 0.08 = 300 → 9060
    let s = crate::preset::Preset::GuideSmall.scenario();
    let c = ok(&s, Platform::EcsEc2, 9060.0);
    let cap = c.capacity.unwrap();
    assert_eq!(
        (
            cap.instance_type.as_str(),
            cap.instances,
            cap.tasks_per_instance
        ),
        ("m5.large", 125, 8)
    );
    close(cap.cpu_utilization, 1.0);
    close(cap.memory_utilization, 0.5);
}

#[test]
fn ecs_network_mode_limits_tasks_per_instance() {
    let mut s = crate::preset::Preset::GuideSmall.scenario();
    // awsvpc without trunking: 3 ENIs − 1 = 2 tasks → 500 × (70.08 + 2.4) = 36,240
    s.options.net = NetMode::Awsvpc;
    ok(&s, Platform::EcsEc2, 36_240.0);
    s.options.net = NetMode::Bridge;
    ok(&s, Platform::EcsEc2, 9060.0);
}

#[test]
fn ecs_on_ec2_headroom_spot_and_savings_plan() {
    let mut s = crate::preset::Preset::GuideSmall.scenario();
    s.options.head_pct = 20.0;
    // ceil(125 ÷ 0.8) = 157 × 72.48 = 11,379.36
    ok(&s, Platform::EcsEc2, 11_379.36);
    s.options.head_pct = 0.0;
    s.options.spot_pct = 50.0;
    s.options.sp_pct = 10.0;
    let saved = crate::pricebook::ec2_spot_savings_pct("m5", crate::region::RegionId::default())
        .unwrap()
        .value;
    // 125 × 70.08 = 8760 split: on-demand 4380 less 10% = 3942; Spot 4380 × (1 − saved%); EBS 300
    ok(
        &s,
        Platform::EcsEc2,
        3942.0 + 4380.0 * (1.0 - saved / 100.0) + 300.0,
    );
}

#[test]
fn eks_on_ec2_reserves_for_kubelet_daemonsets_and_system_pods() {
    // m5.large: CPU 2000m − 70m kube-reserved − 150m DaemonSets = 1780m → 7 pods of 250m;
    // memory 7782.4 − (255 + 11 × 29) − 100 − 200 = 6908.4 MiB → 13 pods of 512;
    // max pods 29 − 2 = 27 → 7 per node → ceil(1000 ÷ 7) = 143 nodes.
    // 143 × 72.48 = 10,364.64 + 73 control plane = 10,437.64
    let c = ok(
        &crate::preset::Preset::GuideSmall.scenario(),
        Platform::EksEc2,
        10_437.64,
    );
    assert_eq!(c.capacity.unwrap().instances, 143);
    // 2 vCPU pods cannot fit an m5.large node at all.
    unavailable(
        &crate::preset::Preset::GuideLarge.scenario(),
        Platform::EksEc2,
        "does not fit m5.large",
    );
}

#[test]
fn managed_platforms_add_their_fee_and_pick_their_own_types() {
    let s = crate::preset::Preset::GuideSmall.scenario();
    for (p, fee) in [
        (Platform::EcsManaged, "ECS Managed Instances fee"),
        (Platform::EksAuto, "EKS Auto Mode fee"),
    ] {
        let c = ok(&s, p, cost(&s, p).monthly_usd);
        let ec2: f64 = c
            .lines
            .iter()
            .filter(|l| l.label.starts_with("EC2 on-demand"))
            .map(|l| l.monthly_usd)
            .sum();
        let mgmt: f64 = c
            .lines
            .iter()
            .filter(|l| l.label.starts_with(fee))
            .map(|l| l.monthly_usd)
            .sum();
        // 12% of the on-demand price per instance-hour (us-east-1).
        close(mgmt, ec2 * 0.12);
        assert!(
            c.notes
                .iter()
                .any(|n| n.contains("picks its own instance types")),
            "{:?}",
            c.notes
        );
    }
    // Outside the fee's region the platforms are unavailable, not guessed.
    let mut eu = s.clone();
    eu.region = crate::region::RegionId::from_code("eu-west-1").unwrap();
    unavailable(&eu, Platform::EksAuto, "Auto Mode");
}

#[test]
fn app_runner_is_legacy_and_bills_idle_memory() {
    // 2 × (0.5 × 0.064 + 1 × 0.007) × 730 = 56.94, + 2 services? no: 1 service × $1 deployments
    let c = ok(&Scenario::default(), Platform::AppRunner, 57.94);
    assert_eq!(c.status, Status::Legacy);
    let mut s = Scenario::default();
    s.options.active_pct = 25.0;
    // active 1460 h × 25% × 0.039 = 14.235; idle 1460 × 75% × 1 GB × 0.007 = 7.665; + 1
    ok(&s, Platform::AppRunner, 22.9);
    unavailable(
        &scenario(vec![svc(1, 8.0, 16.0)]),
        Platform::AppRunner,
        "larger than any App Runner",
    );
}

#[test]
fn lambda_needs_requests_and_prices_gb_seconds() {
    unavailable(&Scenario::default(), Platform::Lambda, "per request");
    let mut s = scenario(vec![svc(1, 0.25, 0.5)]);
    s.options.requests_per_month = Some(1e6);
    s.options.duration_ms = Some(100.0);
    // 1e6 × 0.1 s × 0.5 GB = 50,000 GB-s × 0.0000166667 = 0.833335, + 1M requests × 0.20
    ok(&s, Platform::Lambda, 1.033335);
    s.services[0].arch = Arch::Arm;
    ok(&s, Platform::Lambda, 50_000.0 * 0.0000133334 + 0.2);
    s.services[0].memory_gib = 11.0;
    unavailable(&s, Platform::Lambda, "10240");
}

#[test]
fn a_type_a_region_does_not_price_is_never_priced_from_another() {
    // c8i is priced in some regions only: chosen where it is not, the
    // EC2 platforms are unavailable rather than priced from elsewhere.
    let it = crate::catalog::InstanceTypeId::from_name("c8i.large").unwrap();
    let region = crate::region::RegionId::all()
        .find(|r| crate::pricebook::ec2_on_demand(it, *r).is_none())
        .expect("a region without c8i");
    assert!(
        crate::region::RegionId::all().any(|r| crate::pricebook::ec2_on_demand(it, r).is_some())
    );
    let mut s = Scenario {
        region,
        ..Scenario::default()
    };
    s.options.instance_type = Some(it);
    for p in [Platform::EcsEc2, Platform::EksEc2] {
        unavailable(&s, p, "EC2 price for c8i.large");
    }
    assert_eq!(cost(&s, Platform::EcsFargate).status, Status::Ok);
}

#[test]
fn zero_tasks_cost_nothing_and_say_so() {
    let s = scenario(vec![svc(0, 1.0, 2.0)]);
    let c = ok(&s, Platform::EcsFargate, 0.0);
    assert!(c.notes.iter().any(|n| n.contains("no tasks")));
    ok(&s, Platform::EcsEc2, 0.0);
}

#[test]
fn a_million_tasks_and_oversized_tasks() {
    let s = scenario(vec![svc(1_000_000, 0.25, 0.5)]);
    for p in Platform::ALL {
        assert!(cost(&s, p).monthly_usd.is_finite());
    }
    let huge = scenario(vec![svc(1, 64.0, 128.0), svc(2, 0.5, 1.0)]);
    unavailable(&huge, Platform::EcsFargate, "larger than any Fargate task");
    // ECS on EC2 finds a type big enough (auto)…
    assert_eq!(cost(&huge, Platform::EcsEc2).status, Status::Ok);
    // …but nothing in the catalog holds 512 vCPU / 8 TiB.
    let bigger = scenario(vec![svc(1, 512.0, 8192.0)]);
    unavailable(&bigger, Platform::EcsEc2, "");
}

#[test]
fn a_price_override_reprices_and_is_said_and_flagged() {
    let (s, _) = Scenario::from_query("preset=guide-small&p.ec2.m5.large=0.048");
    // 125 × 0.048 × 730 = 4380, + 300 EBS
    let c = ok(&s, Platform::EcsEc2, 4680.0);
    assert!(
        c.notes
            .iter()
            .any(|n| n.contains("uses your price for ec2.m5.large: 0.048 (book: 0.096)")),
        "{:?}",
        c.notes
    );
    // Platforms that do not use the rate do not mention it.
    assert!(!cost(&s, Platform::EcsFargate)
        .notes
        .iter()
        .any(|n| n.contains("ec2.m5.large")));
    let (zero, _) = Scenario::from_query("p.fee.eks_cluster_standard_hour=0");
    let c = cost(&zero, Platform::EksFargate);
    assert!(
        c.notes.iter().any(|n| n.contains("overridden to 0")),
        "{:?}",
        c.notes
    );
    // Break-even curves see the override too.
    let curve = curve(&compute_only(&s), Platform::EcsEc2);
    close(curve.at(1000).unwrap(), 4680.0);
}

#[test]
fn usd_formats_with_separators() {
    assert_eq!(usd(1234.5), "$1,234.50");
    assert_eq!(usd(-0.004), "$0.00");
    assert_eq!(usd(-12.0), "−$12.00");
    assert_eq!(usd(999_999.999), "$1,000,000.00");
}

#[test]
fn breakeven_curves_match_the_full_model() {
    let mut s = crate::preset::Preset::GuideSmall.scenario();
    s.options.head_pct = 10.0;
    // Compute alone, the default network (ALB, a NAT gateway per zone, two
    // zones), and public subnets over three zones (an address per task or
    // instance, three instances at least).
    let mut public = s.clone();
    public.options.egress = crate::options::Egress::Public;
    public.options.az = 3;
    for s in [compute_only(&s), s.clone(), public] {
        for p in Platform::ALL {
            let curve = curve(&s, p);
            for n in [0u32, 1, 2, 7, 8, 9, 100, 999, 1000, 5000] {
                let full = evaluate_platform(&homogeneous(&s, n), p);
                match curve.at(u64::from(n)) {
                    Some(v) => assert!(
                        (v - full.monthly_usd).abs() < 1e-6,
                        "{p:?} at {n} ({:?}, {} AZ): curve {v}, model {}",
                        s.options.egress,
                        s.options.az,
                        full.monthly_usd
                    ),
                    None => assert_eq!(full.status, Status::Unavailable, "{p:?} at {n}"),
                }
            }
        }
    }
}

#[test]
fn breakeven_finds_where_fargate_and_ec2_cross() {
    // Default shape (0.5 vCPU / 1 GiB) with auto instance types.
    let b = breakeven(
        &Scenario::default(),
        Platform::EcsFargate,
        Platform::EcsEc2,
        200,
    );
    assert_eq!(b.cost_a.len(), 200);
    for c in &b.crossovers {
        let i = c.tasks as usize - 1;
        let (x, y) = (b.cost_a[i].unwrap(), b.cost_b[i].unwrap());
        assert!(if c.cheaper == Platform::EcsFargate {
            x < y
        } else {
            y < x
        });
    }
}

mod properties;

#[test]
fn eks_nodes_run_no_more_pods_than_the_max_pods_caps() {
    // m5.4xlarge (16 vCPU): the ENI formula allows 234 pods, the EKS cap
    // for nodes up to 30 vCPU is 110, less 2 system pods: 108 tasks a
    // node, so 300 tiny pods need 3 nodes, not 2.
    let mut s = scenario(vec![svc(300, 0.01, 0.01)]);
    s.options.instance_type = crate::catalog::InstanceTypeId::from_name("m5.4xlarge");
    let c = cost(&s, Platform::EksEc2);
    assert_eq!(c.capacity.map(|k| k.instances), Some(3), "{:?}", c.reason);
    // Auto Mode delegates prefixes but caps pods at 110 too.
    let auto = cost(&scenario(vec![svc(300, 0.01, 0.01)]), Platform::EksAuto);
    let per_node = 300.0 / auto.capacity.map_or(1, |k| k.instances) as f64;
    assert!(per_node <= 108.0, "{per_node}");
    // Above 30 vCPU the managed-node cap is 250: m5.8xlarge (32 vCPU) has
    // an ENI formula of 234, which stands.
    s.options.instance_type = crate::catalog::InstanceTypeId::from_name("m5.8xlarge");
    let big = cost(&s, Platform::EksEc2);
    assert_eq!(
        big.capacity.map(|k| k.instances),
        Some(2),
        "{:?}",
        big.reason
    );
}

#[test]
fn auto_picks_what_trying_every_type_would() {
    // The search skips a type that cannot beat the best so far; its
    // answer must be the cheapest of all types tried one by one.
    let workloads = [
        vec![svc(3, 0.5, 1.0)],
        vec![svc(40, 0.25, 0.5), svc(6, 2.0, 8.0)],
        vec![svc(1, 16.0, 100.0)],
        vec![svc(300, 0.01, 0.01)],
    ];
    for services in workloads {
        for p in [Platform::EcsEc2, Platform::EksEc2] {
            let auto = cost(&scenario(services.clone()), p);
            let best = crate::catalog::InstanceTypeId::all()
                .filter(|id| !id.spec().burstable && id.spec().arch == crate::units::Arch::X86)
                .filter_map(|id| {
                    let mut s = scenario(services.clone());
                    s.options.instance_type = Some(id);
                    let c = cost(&s, p);
                    (c.status != Status::Unavailable).then_some(c.monthly_usd)
                })
                .fold(f64::INFINITY, f64::min);
            close(auto.monthly_usd, best);
        }
    }
}

/// The whole bill, by hand, us-east-1 (ALB 0.0225/h, LCU 0.008/h, NAT
/// 0.045/h and 0.045/GB, public IPv4 0.005/h; 730 h):
/// ALB 16.425 + 1 LCU 5.84 + its 2 zones' addresses 7.30 = 29.565;
/// 2 NAT gateways 65.70 + their addresses 7.30 = 73.00; in all 102.565.
mod whole_bill {
    use super::*;
    use crate::options::{Egress, LoadBalancing};
    use crate::requirements::UseCase;

    const ALB: f64 = 29.565;
    const NAT2: f64 = 73.0;

    fn full(s: &Scenario, p: Platform) -> PlatformCost {
        let c = evaluate_platform(s, p);
        assert_ne!(c.status, Status::Unavailable, "{p:?}: {:?}", c.reason);
        // Every line has a kind, and the lines add up to the total.
        let sum: f64 = c.lines.iter().map(|l| l.monthly_usd).sum();
        close(sum, c.monthly_usd);
        c
    }

    fn kind_total(c: &PlatformCost, kind: LineKind) -> f64 {
        c.lines
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| l.monthly_usd)
            .sum()
    }

    #[test]
    fn a_web_service_pays_its_load_balancer_and_nat_gateways_on_every_vpc_platform() {
        let s = Scenario::default();
        // Fargate: 36.0401 compute + 102.565.
        let f = full(&s, Platform::EcsFargate);
        close(f.monthly_usd, 36.0401 + ALB + NAT2);
        close(kind_total(&f, LineKind::LoadBalancer), 16.425 + 5.84);
        close(kind_total(&f, LineKind::NatGateway), 65.7);
        close(kind_total(&f, LineKind::PublicIpv4), 7.3 + 7.3);
        // Express Mode pays the same ALB as plain Fargate: no longer
        // "cheaper" by a load balancer the other was spared.
        close(full(&s, Platform::EcsExpress).monthly_usd, f.monthly_usd);
        // EKS on Fargate: its compute bill (pods + 256 MiB, the cluster
        // fee: eks_fargate_adds_256_mib_and_the_cluster_fee) plus the same.
        let eks = full(&s, Platform::EksFargate);
        close(
            eks.monthly_usd - cost(&s, Platform::EksFargate).monthly_usd,
            ALB + NAT2,
        );
        // App Runner (and Lambda): outside the VPC, no such line.
        let c = full(&s, Platform::AppRunner);
        assert!(c
            .lines
            .iter()
            .all(|l| l.kind != LineKind::NatGateway && l.kind != LineKind::LoadBalancer));
    }

    #[test]
    fn ec2_fleets_keep_an_instance_in_each_zone() {
        let mut s = Scenario::default();
        let one_zone = cost(&s, Platform::EcsEc2); // compute only, one zone
        assert_eq!(one_zone.capacity.as_ref().map(|c| c.instances), Some(1));
        let per_instance = one_zone.monthly_usd;
        for az in [2u32, 3] {
            s.options.az = az;
            let c = full(&s, Platform::EcsEc2);
            assert_eq!(
                c.capacity.as_ref().map(|c| c.instances),
                Some(u64::from(az))
            );
            // The ALB with az addresses, a NAT gateway (and its address)
            // per zone.
            let network = 16.425 + 5.84 + 3.65 * f64::from(az) + (32.85 + 3.65) * f64::from(az);
            let kinds = [
                LineKind::LoadBalancer,
                LineKind::NatGateway,
                LineKind::PublicIpv4,
            ];
            close(kinds.iter().map(|k| kind_total(&c, *k)).sum(), network);
            // The fleet is searched at az instances at least: never dearer
            // than az of the one-zone type (smaller types may now win).
            assert!(c.monthly_usd - network <= per_instance * f64::from(az) + 1e-9);
        }
    }

    #[test]
    fn each_egress_design_is_priced_as_aws_bills_it() {
        let mut s = Scenario::default();
        s.options.egress = Egress::Nat1;
        close(
            full(&s, Platform::EcsFargate).monthly_usd,
            36.0401 + ALB + 32.85 + 3.65,
        );
        s.options.egress = Egress::Nat;
        s.options.egress_gb = 100.0; // 100 GB × 0.045
        close(
            full(&s, Platform::EcsFargate).monthly_usd,
            36.0401 + ALB + NAT2 + 4.5,
        );
        s.options.egress_gb = 0.0;
        // Public subnets: an address per task (2 tasks × 730 h × 0.005).
        s.options.egress = Egress::Public;
        close(
            full(&s, Platform::EcsFargate).monthly_usd,
            36.0401 + ALB + 7.3,
        );
        // On EC2, one per instance (2 zones: 2 instances).
        let ec2 = full(&s, Platform::EcsEc2);
        close(kind_total(&ec2, LineKind::PublicIpv4), 7.3 + 7.3);
        // EKS on Fargate pods cannot have public addresses.
        let c = evaluate_platform(&s, Platform::EksFargate);
        assert_eq!(c.status, Status::Unavailable);
        assert!(c
            .reason
            .unwrap_or_default()
            .contains("private subnets only"));
        s.options.egress = Egress::None;
        close(full(&s, Platform::EcsFargate).monthly_usd, 36.0401 + ALB);
    }

    #[test]
    fn load_balancers_follow_the_use_case_and_are_shared_up_to_aws_limits() {
        let mut s = Scenario::default();
        s.requirements.use_case = UseCase::Batch; // auto: no ALB for batch
        close(full(&s, Platform::EcsFargate).monthly_usd, 36.0401 + NAT2);
        s.options.lb = LoadBalancing::Alb;
        close(
            full(&s, Platform::EcsFargate).monthly_usd,
            36.0401 + ALB + NAT2,
        );
        s.options.lb = LoadBalancing::None;
        // Express Mode keeps its ALB whatever `lb` says.
        close(
            full(&s, Platform::EcsExpress).monthly_usd,
            36.0401 + ALB + NAT2,
        );
        // 101 services: 2 ALBs (100 target groups each); Express: 5 (25 each).
        let s = Scenario {
            services: (0..101).map(|_| svc(0, 0.25, 0.5)).collect(),
            ..Scenario::default()
        };
        close(
            kind_total(&full(&s, Platform::EcsFargate), LineKind::LoadBalancer),
            2.0 * (16.425 + 5.84),
        );
        close(
            kind_total(&full(&s, Platform::EcsExpress), LineKind::LoadBalancer),
            5.0 * (16.425 + 5.84),
        );
    }

    #[test]
    fn a_region_without_an_alb_price_leaves_it_out_of_every_platform_and_says_so() {
        let (s, _) = Scenario::from_query("region=eu-north-1");
        for p in [Platform::EcsFargate, Platform::EcsExpress, Platform::EcsEc2] {
            let c = full(&s, p);
            assert_eq!(kind_total(&c, LineKind::LoadBalancer), 0.0);
            assert!(
                c.notes
                    .iter()
                    .any(|n| n.contains("ALB hourly price")
                        && n.contains("left out on every platform")),
                "{:?}",
                c.notes
            );
            assert!(
                kind_total(&c, LineKind::NatGateway) > 0.0,
                "NAT is priced in every region"
            );
        }
    }
}

/// Commitments by hand (`commit.rs`), us-east-1, compute only. Rates from
/// the book's `commitment_rates.csv`: Compute SP on Fargate 1-year 20 / 23
/// (partial) %, 3-year all upfront 50 %; RI 3-year no upfront 58 %;
/// Compute SP on Lambda 1-year no upfront 11 %; partial upfront pays 50 %.
mod commitments {
    use super::*;
    use crate::options::{Commitment, Payment};

    /// One Fargate task of 1 vCPU / 2 GiB all month: 0.04937 × 730 = 36.0401.
    const FARGATE: f64 = 36.0401;

    fn plan(commit: Commitment, term: u32, pay: Payment) -> Scenario {
        let mut s = scenario(vec![svc(1, 1.0, 2.0)]);
        (s.options.commit, s.options.term_years, s.options.pay) = (commit, term, pay);
        s
    }

    fn kind(c: &PlatformCost, kind: LineKind) -> f64 {
        c.lines
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| l.monthly_usd)
            .sum()
    }

    #[test]
    fn a_one_year_compute_plan_without_upfront_takes_its_rate_off_fargate() {
        let c = ok(
            &plan(Commitment::Compute, 1, Payment::None),
            Platform::EcsFargate,
            FARGATE * 0.8,
        );
        close(kind(&c, LineKind::CommitmentDiscount), -7.20802);
        close(c.upfront_usd, 0.0);
        // 28.83208 a month, twelve and thirty-six of them.
        close(c.total_1y_usd, 345.98496);
        close(c.total_3y_usd, 1037.95488);
    }

    #[test]
    fn all_upfront_prepays_the_term_and_the_month_carries_its_share() {
        // 3 years at −50 %: the plan costs 18.02005 a month, all prepaid:
        // 18.02005 × 36 = 648.7218 once; the covered usage leaves the
        // hourly bill (−36.0401) and the upfront's share comes back.
        let c = ok(
            &plan(Commitment::Compute, 3, Payment::All),
            Platform::EcsFargate,
            18.02005,
        );
        close(kind(&c, LineKind::CommitmentDiscount), -FARGATE);
        close(kind(&c, LineKind::CommitmentUpfront), 18.02005);
        close(c.upfront_usd, 648.7218);
        // Nothing else to pay in the term: one year costs the payment.
        close(c.total_1y_usd, 648.7218);
        close(c.total_3y_usd, 648.7218);
    }

    #[test]
    fn partial_upfront_pays_half_the_term_first() {
        // 1 year at −23 %: 36.0401 × 0.77 = 27.750877 a month; half of it
        // (13.8754385) prepaid, 12 × that = 166.505262 once.
        let c = ok(
            &plan(Commitment::Compute, 1, Payment::Partial),
            Platform::EcsFargate,
            27.750877,
        );
        close(
            kind(&c, LineKind::CommitmentDiscount),
            -(FARGATE - 13.8754385),
        );
        close(c.upfront_usd, 166.505262);
        close(c.total_1y_usd, 12.0 * 13.8754385 + 166.505262);
        // Renewed twice more: three payments.
        close(c.total_3y_usd, 36.0 * 13.8754385 + 3.0 * 166.505262);
    }

    #[test]
    fn coverage_commits_a_share_of_the_steady_baseline() {
        let mut s = plan(Commitment::Compute, 1, Payment::None);
        s.options.cover_pct = 50.0;
        ok(&s, Platform::EcsFargate, FARGATE - FARGATE * 0.5 * 0.2);
    }

    #[test]
    fn part_time_usage_spot_and_other_platforms_plans_stay_on_demand() {
        // A service running half the month is not steady: no commitment.
        let mut s = plan(Commitment::Compute, 1, Payment::None);
        s.services[0].hours = 365.0;
        let c = ok(&s, Platform::EcsFargate, FARGATE / 2.0);
        assert!(
            c.notes
                .iter()
                .any(|n| n.contains("365 h a month stays on-demand")),
            "{:?}",
            c.notes
        );
        // An EC2 Instance Savings Plan does not cover Fargate.
        let c = ok(
            &plan(Commitment::Ec2, 3, Payment::All),
            Platform::EcsFargate,
            FARGATE,
        );
        assert!(
            c.notes.iter().any(|n| n.contains("cover EC2 only")),
            "{:?}",
            c.notes
        );
        // Nor does anything cover App Runner.
        let s = plan(Commitment::Compute, 3, Payment::All);
        let base = cost(&scenario(vec![svc(1, 1.0, 2.0)]), Platform::AppRunner);
        close(cost(&s, Platform::AppRunner).monthly_usd, base.monthly_usd);
    }

    #[test]
    fn reserved_instances_cover_ec2_but_never_the_management_fee() {
        let mut s = plan(Commitment::Ri, 3, Payment::None);
        s.options.instance_type = crate::catalog::InstanceTypeId::from_name("m5.large");
        let mut none = s.clone();
        none.options.commit = Commitment::None;
        // One m5.large all month: 0.096 × 730 = 70.08, −58 % = −40.6464.
        let c = ok(
            &s,
            Platform::EcsEc2,
            cost(&none, Platform::EcsEc2).monthly_usd - 40.6464,
        );
        close(kind(&c, LineKind::CommitmentDiscount), -40.6464);
        // The managed platforms pick their own types: the plan takes 58 %
        // off their EC2 compute, the fee stays what it was.
        for p in [Platform::EcsManaged, Platform::EksAuto] {
            let (with, without) = (cost(&s, p), cost(&none, p));
            close(
                with.monthly_usd,
                without.monthly_usd - 0.58 * kind(&without, LineKind::Compute),
            );
            close(
                kind(&with, LineKind::ManagementFee),
                kind(&without, LineKind::ManagementFee),
            );
        }
        // Half the hours on Spot: the plan covers the on-demand half.
        s.options.spot_pct = 50.0;
        let c = cost(&s, Platform::EcsEc2);
        close(kind(&c, LineKind::CommitmentDiscount), -40.6464 / 2.0);
    }

    #[test]
    fn an_ec2_instance_plan_and_a_compute_plan_price_ec2_at_their_rates() {
        // One m5.large all month, 70.08 on-demand: EC2 Instance SP 1-year
        // no upfront −34 % = −23.8272; 3-year partial −71 %: the plan costs
        // 70.08 × 0.29 = 20.3232 a month, half prepaid (10.1616 × 36 =
        // 365.8176 once); Compute SP 3-year no upfront −62 % = −43.4496.
        let mut s = plan(Commitment::Ec2, 1, Payment::None);
        s.options.instance_type = crate::catalog::InstanceTypeId::from_name("m5.large");
        let mut none = s.clone();
        none.options.commit = Commitment::None;
        let base = cost(&none, Platform::EcsEc2).monthly_usd;
        let c = ok(&s, Platform::EcsEc2, base - 23.8272);
        close(kind(&c, LineKind::CommitmentDiscount), -23.8272);
        (s.options.term_years, s.options.pay) = (3, Payment::Partial);
        let c = ok(&s, Platform::EcsEc2, base - 70.08 * 0.71);
        close(kind(&c, LineKind::CommitmentUpfront), 10.1616);
        close(c.upfront_usd, 365.8176);
        (s.options.commit, s.options.pay) = (Commitment::Compute, Payment::None);
        ok(&s, Platform::EcsEc2, base - 43.4496);
    }

    #[test]
    fn the_az_spread_keeps_an_instance_per_zone_and_the_plan_covers_them_all() {
        // Three zones: 3 × m5.large however few the tasks, all covered.
        let mut s = plan(Commitment::Ri, 1, Payment::All);
        s.options.instance_type = crate::catalog::InstanceTypeId::from_name("m5.large");
        s.options.az = 3;
        let c = evaluate_platform(&s, Platform::EcsEc2);
        assert_eq!(c.capacity.as_ref().map(|k| k.instances), Some(3));
        // RI 1-year all upfront −42 %: the plan costs 3 × 70.08 × 0.58 a
        // month, all of it prepaid.
        close(kind(&c, LineKind::CommitmentUpfront), 3.0 * 70.08 * 0.58);
        close(c.upfront_usd, 12.0 * 3.0 * 70.08 * 0.58);
    }

    #[test]
    fn a_compute_plan_covers_lambda_duration_not_requests() {
        let mut s = plan(Commitment::Compute, 1, Payment::None);
        s.services[0].memory_gib = 1.0;
        (s.options.requests_per_month, s.options.duration_ms) = (Some(10_000_000.0), Some(100.0));
        // 10M × 0.1 s × 1 GB = 1,000,000 GB-s × 0.0000166667 = 16.6667; −11 %.
        let c = cost(&s, Platform::Lambda);
        close(kind(&c, LineKind::CommitmentDiscount), -16.6667 * 0.11);
        close(kind(&c, LineKind::Requests), 2.0);
    }

    #[test]
    fn a_commitment_replaces_the_flat_discount_of_older_links() {
        let mut s = plan(Commitment::Compute, 1, Payment::None);
        s.options.sp_pct = 40.0;
        let c = ok(&s, Platform::EcsFargate, FARGATE * 0.8);
        assert!(c
            .notes
            .iter()
            .any(|n| n.contains("replaces the flat Savings Plan discount (sp=40)")));
        // Without one, sp= keeps its meaning: 40 % off every on-demand hour.
        s.options.commit = Commitment::None;
        ok(&s, Platform::EcsFargate, FARGATE * 0.6);
    }

    #[test]
    fn a_missing_rate_is_a_price_the_book_lacks_and_a_users_rate_is_used() {
        let mut s = plan(Commitment::Compute, 1, Payment::None);
        s.overrides.push(crate::overrides::PriceOverride {
            key: "commit.compute.fargate.1y.none".into(),
            value: 30.0,
        });
        let c = ok(&s, Platform::EcsFargate, FARGATE * 0.7);
        assert!(c
            .notes
            .iter()
            .any(|n| n.contains("uses your price for commit.compute.fargate.1y.none")));
        assert!(crate::pricebook::price_key("commit.compute.fargate.1y.none").is_some());
        assert!(crate::pricebook::price_key("commit.ri.fargate.1y.none").is_none());
        assert!(crate::pricebook::price_key("commit.ri.ec2.3y.all").is_some());
    }
}

/// Data, logs and images by hand, us-east-1: internet out 0.09/GB,
/// cross-zone 0.01/GB each side, CloudWatch Logs 0.50/GB ingested and
/// 0.03/GB-month stored, ECR 0.10/GB-month.
mod volumes {
    use super::*;

    fn of(c: &PlatformCost, kind: LineKind) -> f64 {
        c.lines
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| l.monthly_usd)
            .sum()
    }

    fn with(f: impl Fn(&mut crate::options::CostOptions)) -> Scenario {
        let mut s = Scenario::default();
        s.options.requests_per_month = Some(1e6);
        s.options.duration_ms = Some(100.0);
        f(&mut s.options);
        s
    }

    #[test]
    fn data_out_logs_and_images_bill_every_platform_alike() {
        let s = with(|o| {
            (o.out_gb, o.logs_gb, o.logs_months, o.ecr_gb) = (1000.0, 100.0, 3.0, 20.0);
        });
        for p in Platform::ALL {
            let c = evaluate_platform(&s, p);
            assert_ne!(c.status, Status::Unavailable, "{p:?}: {:?}", c.reason);
            // 1000 × 0.09
            close(of(&c, LineKind::DataTransfer), 90.0);
            // 100 × 0.50 + 100 × 3 × 0.03
            close(of(&c, LineKind::Logs), 59.0);
            // 20 × 0.10
            close(of(&c, LineKind::Registry), 2.0);
            let sum: f64 = c.lines.iter().map(|l| l.monthly_usd).sum();
            close(sum, c.monthly_usd);
        }
    }

    #[test]
    fn cross_zone_data_bills_both_sides_in_a_vpc_with_two_zones_or_more() {
        let s = with(|o| o.cross_az_gb = 500.0);
        // 500 × 0.01 × 2
        close(
            of(
                &evaluate_platform(&s, Platform::EcsFargate),
                LineKind::DataTransfer,
            ),
            10.0,
        );
        close(
            of(
                &evaluate_platform(&s, Platform::EksEc2),
                LineKind::DataTransfer,
            ),
            10.0,
        );
        close(
            of(
                &evaluate_platform(&s, Platform::AppRunner),
                LineKind::DataTransfer,
            ),
            0.0,
        );
        let one = with(|o| (o.cross_az_gb, o.az) = (500.0, 1));
        close(
            of(
                &evaluate_platform(&one, Platform::EcsFargate),
                LineKind::DataTransfer,
            ),
            0.0,
        );
    }

    #[test]
    fn a_volume_the_book_has_no_price_for_is_left_out_everywhere_and_said() {
        let mut s = with(|o| o.ecr_gb = 20.0);
        s.region = crate::region::RegionId::from_code("eu-central-1").expect("a region");
        for p in [Platform::EcsFargate, Platform::Lambda] {
            let c = evaluate_platform(&s, p);
            close(of(&c, LineKind::Registry), 0.0);
            assert!(
                c.notes.iter().any(|n| n.contains(
                    "ECR storage price in eu-central-1: image storage left out on every platform"
                )),
                "{:?}",
                c.notes
            );
        }
    }

    #[test]
    fn the_break_even_curves_carry_the_volumes_too() {
        // A fleet's fixed part is what it pays at any size: the volumes are.
        let s = with(|o| o.out_gb = 1000.0);
        for p in [Platform::EcsEc2, Platform::EcsFargate] {
            let curve = super::super::curve(&s, p);
            let full = evaluate_platform(&homogeneous(&s, 3), p).monthly_usd;
            close(curve.at(3).expect("priced"), full);
        }
    }
}

/// Lambda's free tier and front doors by hand, us-east-1: 10M requests of
/// 100 ms at 1 GiB = 1,000,000 GB-s × 0.0000166667 = 16.6667; requests
/// 10 × 0.20 = 2; HTTP API 10 × 1.00; REST API 10 × 3.50.
mod lambda_front {
    use super::*;
    use crate::options::FrontDoor;

    fn function(front: FrontDoor, free: bool) -> PlatformCost {
        let mut s = scenario(vec![svc(1, 1.0, 1.0)]);
        (s.options.requests_per_month, s.options.duration_ms) = (Some(1e7), Some(100.0));
        (s.options.front, s.options.free_tier) = (front, free);
        let c = evaluate_platform(&s, Platform::Lambda);
        assert_ne!(c.status, Status::Unavailable, "{:?}", c.reason);
        c
    }

    #[test]
    fn a_function_url_costs_nothing_of_its_own() {
        close(function(FrontDoor::Url, false).monthly_usd, 16.6667 + 2.0);
    }

    #[test]
    fn the_free_tier_takes_400000_gb_s_and_a_million_requests_off() {
        // −400,000 × 0.0000166667 = −6.66668; −1M requests = −0.20.
        let c = function(FrontDoor::Http, true);
        close(c.monthly_usd, 16.6667 - 6.66668 + 2.0 - 0.2 + 10.0);
        assert!(
            c.lines
                .iter()
                .any(|l| l.label.starts_with("Free tier: 400")),
            "{:?}",
            c.lines
        );
    }

    #[test]
    fn api_gateway_and_an_alb_are_the_functions_front_door_lines() {
        let rest = function(FrontDoor::Rest, false);
        close(rest.monthly_usd, 16.6667 + 2.0 + 35.0);
        // An ALB: 16.425 + 1 LCU 5.84 + its nodes' addresses in 2 zones 7.30.
        let alb = function(FrontDoor::Alb, false);
        close(alb.monthly_usd, 16.6667 + 2.0 + 29.565);
        let lb: f64 = alb
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::LoadBalancer)
            .map(|l| l.monthly_usd)
            .sum();
        close(lb, 16.425 + 5.84);
    }
}

/// Lambda Managed Instances, us-east-1, compute only: the instances at the
/// EC2 price, 15 % of it as the fee, 0.20 per million requests.
mod lambda_managed {
    use super::*;

    fn function(vcpu: f64, gib: f64, requests: f64, ms: f64) -> Scenario {
        let mut s = scenario(vec![svc(1, vcpu, gib)]);
        (s.options.requests_per_month, s.options.duration_ms) = (Some(requests), Some(ms));
        s
    }

    fn of(c: &PlatformCost, kind: LineKind) -> f64 {
        c.lines
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| l.monthly_usd)
            .sum()
    }

    #[test]
    fn a_light_function_runs_on_three_instances_with_the_fee_and_requests() {
        // 100M requests of 200 ms: 1e8 / 2,628,000 s × 0.2 s = 7.6 in
        // flight, under one environment's 16: the minimum of 3, one per
        // instance of the cheapest C/M/R type holding 1 vCPU / 2 GiB after
        // its 1 vCPU / 1 GiB for the system.
        let c = ok(&function(1.0, 2.0, 1e8, 200.0), Platform::LambdaManaged, {
            let c = cost(&function(1.0, 2.0, 1e8, 200.0), Platform::LambdaManaged);
            of(&c, LineKind::Compute) * 1.15 + 20.0
        });
        let k = c.capacity.clone().expect("instances");
        assert_eq!(k.instances, 3);
        let it = crate::pricebook::instance_type(&k.instance_type).expect("a catalog type");
        assert!(
            it.family().starts_with(['c', 'm', 'r']) && it.vcpu >= 2,
            "{}",
            it.name()
        );
        // 3 × its price × 730.
        let hourly = crate::pricebook::ec2_on_demand(it.id, c_region())
            .expect("priced")
            .value;
        close(of(&c, LineKind::Compute), 3.0 * hourly * 730.0);
        close(of(&c, LineKind::ManagementFee), 0.15 * 3.0 * hourly * 730.0);
        close(of(&c, LineKind::Requests), 100.0 * 0.20);
        // No cheaper eligible type holds the environment.
        for other in crate::pricebook::instance_types().iter().filter(|t| {
            t.family().starts_with(['c', 'm', 'r'])
                && t.vcpu >= 2
                && !t.burstable
                && t.gpus == 0
                && t.arch == it.arch
                && f64::from(t.vcpu) - 1.0 >= 1.0
                && t.memory_gib - 1.0 >= 2.0
        }) {
            if let Some(r) = crate::pricebook::ec2_on_demand(other.id, c_region()) {
                assert!(
                    r.value + 1e-12 >= hourly,
                    "{} is cheaper than {}",
                    other.name(),
                    it.name()
                );
            }
        }
    }

    fn c_region() -> crate::region::RegionId {
        Scenario::default().region
    }

    #[test]
    fn a_busy_function_gets_environments_for_its_concurrency() {
        // 10,000M requests of 1 s: 3,805.2 in flight, 16 per environment of
        // 1 vCPU: 238 environments.
        let c = cost(&function(1.0, 2.0, 1e10, 1000.0), Platform::LambdaManaged);
        let k = c.capacity.clone().expect("instances");
        let it = crate::pricebook::instance_type(&k.instance_type).expect("a catalog type");
        let fits = ((f64::from(it.vcpu) - 1.0) / 1.0)
            .min((it.memory_gib - 1.0) / 2.0)
            .floor() as u64;
        assert_eq!(k.tasks_per_instance, fits);
        assert_eq!(k.instances, 238u64.div_ceil(fits).max(3));
    }

    #[test]
    fn small_sizes_grow_to_an_environment_and_commitments_leave_the_fee() {
        let s = function(0.25, 0.5, 1e8, 200.0);
        let c = cost(&s, Platform::LambdaManaged);
        assert!(
            c.notes
                .iter()
                .any(|n| n.contains("an environment of 0.25 vCPU / 2 GiB")),
            "{:?}",
            c.notes
        );
        let mut ri = s.clone();
        (ri.options.commit, ri.options.term_years) = (crate::options::Commitment::Ri, 3);
        let r = cost(&ri, Platform::LambdaManaged);
        close(
            of(&r, LineKind::ManagementFee),
            of(&c, LineKind::ManagementFee),
        );
        close(
            of(&r, LineKind::CommitmentDiscount),
            -0.58 * of(&c, LineKind::Compute),
        );
    }

    #[test]
    fn it_needs_a_request_volume_linux_and_at_most_32_gib() {
        unavailable(
            &scenario(vec![svc(1, 1.0, 2.0)]),
            Platform::LambdaManaged,
            "priced per request",
        );
        let mut w = function(1.0, 2.0, 1e6, 100.0);
        w.services[0].os = Os::Windows;
        unavailable(&w, Platform::LambdaManaged, "Linux only");
        unavailable(
            &function(2.0, 40.0, 1e6, 100.0),
            Platform::LambdaManaged,
            "32 GiB",
        );
    }
}
