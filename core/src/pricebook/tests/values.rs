//! Spot checks: figures the cost models rely on, with known values.

use super::super::*;
use super::{ec2_on_demand, ec2_spot_savings_pct, fargate, fee};
use crate::scenario::Arch;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn app_runner_sizes_are_the_documented_combinations() {
    let want = [
        (0.25, 0.5),
        (0.25, 1.0),
        (0.5, 1.0),
        (1.0, 2.0),
        (1.0, 3.0),
        (1.0, 4.0),
        (2.0, 4.0),
        (2.0, 6.0),
        (4.0, 8.0),
        (4.0, 10.0),
        (4.0, 12.0),
    ];
    let got: Vec<(f64, f64)> = app_runner_sizes()
        .iter()
        .map(|s| (s.vcpu, s.memory_gib))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn kube_reserved_cpu_matches_the_eks_ami_examples() {
    for (vcpu, want) in [
        (1, 60.0),
        (2, 70.0),
        (4, 80.0),
        (8, 90.0),
        (16, 110.0),
        (48, 190.0),
    ] {
        assert!(
            close(eks_kube_reserved_cpu_millicores(vcpu), want),
            "{vcpu} vCPU"
        );
    }
    assert!(close(eks_kube_reserved_cpu_millicores(0), 0.0));
}

#[test]
fn known_values() {
    let m5 = ec2_on_demand("m5.large", "us-east-1").expect("m5.large priced");
    assert_eq!((m5.key, m5.value), ("ec2.m5.large", 0.096));
    assert_eq!(m5.provenance.confidence, Confidence::High);
    let f = fargate(
        "us-east-1",
        FargatePlatform::LinuxX86,
        FargateTier::OnDemand,
    )
    .expect("fargate priced");
    assert_eq!((f.vcpu_hour.value, f.gb_hour.value), (0.04048, 0.004445));
    assert_eq!(f.vcpu_hour.key, "fargate.linux_x86.on_demand.vcpu_hour");
    let win = fargate(
        "us-east-1",
        FargatePlatform::WindowsX86,
        FargateTier::OnDemand,
    )
    .expect("windows priced");
    assert_eq!(win.os_license_vcpu_hour.map(|r| r.value), Some(0.046));
    assert_eq!(
        fee(Fee::Gp3GbMonth, "us-east-1").map(|r| r.value),
        Some(0.08)
    );
    assert_eq!(
        fee(Fee::AlbHour, "us-east-1").map(|r| (r.key, r.value)),
        Some(("fee.alb_hour", 0.0225))
    );
    assert_eq!(
        ec2_spot_savings_pct("m5", "sa-east-1").map(|r| r.value),
        Some(71.0)
    );
    let t3 = instance_type("t3.medium").expect("in catalog");
    assert_eq!(
        (t3.vcpu, t3.memory_gib, t3.burstable, t3.arch),
        (2, 4.0, true, Arch::X86)
    );
    assert_eq!(instance_type("m7g.medium").map(|t| t.arch), Some(Arch::Arm));
}

#[test]
fn limits_hold_the_documented_values() {
    use Limit::*;
    let want = [
        (FargateEphemeralFreeGb, 20.0),
        (FargateEphemeralMaxGb, 200.0),
        (EksFargatePodOverheadMib, 256.0),
        (FargateWindowsMinVcpu, 1.0),
        (ExpressServicesPerAlb, 25.0),
        (LambdaMinMemoryMib, 128.0),
        (LambdaMaxMemoryMib, 10240.0),
        (LambdaMaxDurationSeconds, 900.0),
        (EksKubeReservedMemoryBaseMib, 255.0),
        (EksKubeReservedMemoryPerPodMib, 11.0),
        (EksEvictionHardMib, 100.0),
        (EksSystemPodsPerNode, 2.0),
        (EcsCpuUnitsPerVcpu, 1024.0),
        (K8sMillicoresPerVcpu, 1000.0),
        (EksFargateMaxVcpu, 16.0),
        (FargateWindowsMaxVcpu, 16.0),
        (EksMaxPodsSmallNode, 110.0),
        (EksMaxPodsLargeNode, 250.0),
        (EksMaxPodsLargeAboveVcpu, 30.0),
        (EksAutoModeMaxPods, 110.0),
        (VpcCniIpsPerPrefix, 16.0),
        (CommitPartialUpfrontPct, 50.0),
        (LambdaFreeRequests, 1_000_000.0),
        (LambdaFreeGbSeconds, 400_000.0),
        (LmiMinInstances, 3.0),
        (LmiMinEnvironments, 3.0),
        (LmiConcurrencyPerVcpu, 16.0),
        (LmiMinMemoryGib, 2.0),
        (LmiMaxMemoryGib, 32.0),
        (LmiMinGibPerVcpu, 2.0),
        (LmiMaxGibPerVcpu, 8.0),
        (LmiReservedVcpu, 1.0),
        (LmiReservedGib, 1.0),
        (AlbTargetGroups, 100.0),
    ];
    assert_eq!(want.len(), Limit::ALL.len());
    for (l, v) in want {
        assert_eq!(limit(l).value, v, "{}", l.key());
        assert!(limit(l).key.starts_with("limit."));
    }
}
