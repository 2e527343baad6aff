//! The requirement rules behind hard exclusions: one row per (requirement,
//! platform), each with the AWS page that states the limit (read 2026-11;
//! quoted where the page says it in so many words).

use crate::cost::Platform;
use crate::requirements::Requirements;
use crate::scenario::{Os, Scenario};

use Platform::*;

/// One requirement rule: when `when` holds, `platform` is out.
pub(crate) struct Rule {
    /// The requirement's URL key.
    pub(crate) constraint: &'static str,
    /// The platform it rules out.
    pub(crate) platform: Platform,
    /// Whether the requirement holds for this scenario.
    pub(crate) when: fn(&Requirements, &Scenario) -> bool,
    /// Why, in a sentence.
    pub(crate) reason: &'static str,
    /// The page that says so.
    pub(crate) source: &'static str,
}

/// EKS on Fargate considerations: "GPUs are currently not available on
/// Fargate", "Privileged containers are not supported", "Daemonsets are not
/// supported", no HostPort/HostNetwork.
const EKS_FARGATE: &str = "https://docs.aws.amazon.com/eks/latest/userguide/fargate.html";
/// ECS Fargate security considerations: "No privileged containers or access".
const ECS_FARGATE_SECURITY: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-security-considerations.html";
/// Express Mode creates a cluster "with Fargate capacity providers".
const EXPRESS: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html";
/// App Runner instances are sized by CPU and memory only.
pub(crate) const APP_RUNNER_INSTANCE: &str =
    "https://docs.aws.amazon.com/apprunner/latest/api/API_InstanceConfiguration.html";
/// App Runner image configuration: port, start command, environment only.
const APP_RUNNER_IMAGE: &str =
    "https://docs.aws.amazon.com/apprunner/latest/api/API_ImageConfiguration.html";
/// "AWS App Runner will no longer be open to new customers starting April 30, 2026."
pub(crate) const APP_RUNNER_CLOSED: &str =
    "https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html";
/// "Lambda supports only Linux-based container images"; read-only file
/// system; a least-privileged default user.
const LAMBDA_IMAGES: &str = "https://docs.aws.amazon.com/lambda/latest/dg/images-create.html";
/// Lambda Managed Instances: C, M and R families on EC2 (no GPUs), Linux
/// runtimes, the function's environments in the customer's account.
const LAMBDA_MANAGED: &str =
    "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html";
/// Lambda storage: /tmp, layers, S3, EFS — no block volumes.
const LAMBDA_STORAGE: &str =
    "https://aws.amazon.com/blogs/compute/choosing-between-aws-lambda-data-storage-options-in-web-apps/";
/// "Windows containers aren't supported for Amazon EKS Pods on Fargate."
const EKS_WINDOWS: &str = "https://docs.aws.amazon.com/eks/latest/userguide/windows-support.html";
/// "Amazon ECS Managed Instances support Linux containers".
const ECS_MANAGED: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html";
/// Open request "EKS Auto Mode Windows Nodes" on AWS's containers roadmap.
const EKS_AUTO_WINDOWS: &str = "https://github.com/aws/containers-roadmap/issues/2528";
/// "You can't mount Amazon EBS volumes to Fargate Pods."
const EKS_EBS: &str = "https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html";
/// ECS storage table: EBS on "Fargate, Amazon EC2, Amazon ECS Managed
/// Instances", "Windows (on Amazon EC2 only)".
const ECS_STORAGE: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html";
/// Fargate: "Each Fargate task has its own isolation boundary and does not
/// share the underlying kernel"; tasks on EC2 instances share the host's.
const FARGATE_ISOLATION: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html";
/// The Kubernetes API on AWS's container platforms is EKS.
const EKS_WHAT_IS: &str = "https://docs.aws.amazon.com/eks/latest/userguide/what-is-eks.html";
/// The Fargate task size table (also EKS `fargate-pod-configuration.html`).
pub(crate) const FARGATE_SIZES: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html";

fn gpu(r: &Requirements, _: &Scenario) -> bool {
    r.gpu
}
/// Windows is required when asked for or when any service runs Windows.
fn win(r: &Requirements, s: &Scenario) -> bool {
    r.win || s.services.iter().any(|v| v.os == Os::Windows)
}
fn privileged(r: &Requirements, _: &Scenario) -> bool {
    r.privileged
}
fn stateful(r: &Requirements, _: &Scenario) -> bool {
    r.stateful
}
fn stateful_windows(r: &Requirements, s: &Scenario) -> bool {
    r.stateful && win(r, s)
}
fn iso(r: &Requirements, _: &Scenario) -> bool {
    r.iso
}
fn k8s(r: &Requirements, _: &Scenario) -> bool {
    r.k8s
}

const fn rule(
    constraint: &'static str,
    platform: Platform,
    when: fn(&Requirements, &Scenario) -> bool,
    reason: &'static str,
    source: &'static str,
) -> Rule {
    Rule {
        constraint,
        platform,
        when,
        reason,
        source,
    }
}

/// Every requirement rule. Platforms a requirement leaves in are absent:
/// GPUs run on ECS/EKS with EC2, ECS Managed Instances and EKS Auto Mode;
/// privileged containers on ECS Managed Instances (AWS containers-roadmap
/// #1000) and EC2-based EKS.
pub(crate) const RULES: &[Rule] = &[
    rule("gpu", EcsFargate, gpu, "Fargate offers no GPUs", EKS_FARGATE),
    rule("gpu", EksFargate, gpu, "Fargate offers no GPUs", EKS_FARGATE),
    rule("gpu", EcsExpress, gpu, "Express Mode runs on Fargate, which offers no GPUs", EXPRESS),
    rule("gpu", AppRunner, gpu, "App Runner instances are sized by CPU and memory only; no GPUs", APP_RUNNER_INSTANCE),
    rule("gpu", Lambda, gpu, "Lambda functions are sized by memory only; no GPUs", LAMBDA_IMAGES),
    rule("gpu", LambdaManaged, gpu, "Lambda Managed Instances run on C, M and R instance families: no GPUs", LAMBDA_MANAGED),
    rule("win", EksFargate, win, "EKS on Fargate does not run Windows containers", EKS_WINDOWS),
    rule("win", AppRunner, win, "App Runner runs Linux containers only", APP_RUNNER_IMAGE),
    rule("win", Lambda, win, "Lambda supports only Linux-based container images", LAMBDA_IMAGES),
    rule("win", LambdaManaged, win, "Lambda Managed Instances run Linux runtimes only", LAMBDA_MANAGED),
    rule("win", EcsManaged, win, "ECS Managed Instances support Linux containers only", ECS_MANAGED),
    rule("win", EksAuto, win, "EKS Auto Mode has no Windows nodes (an open request on AWS's roadmap)", EKS_AUTO_WINDOWS),
    rule("priv", EcsFargate, privileged, "Fargate allows no privileged containers or host access", ECS_FARGATE_SECURITY),
    rule("priv", EksFargate, privileged, "EKS on Fargate allows no privileged containers, daemonsets or host networking", EKS_FARGATE),
    rule("priv", EcsExpress, privileged, "Express Mode runs on Fargate, which allows no privileged containers", EXPRESS),
    rule("priv", AppRunner, privileged, "App Runner has no privileged or host-access setting", APP_RUNNER_IMAGE),
    rule("priv", Lambda, privileged, "Lambda runs images as a least-privileged user on a read-only file system", LAMBDA_IMAGES),
    rule("priv", LambdaManaged, privileged, "functions on Lambda Managed Instances run as Lambda functions: no privileged containers", LAMBDA_MANAGED),
    rule("stateful", EksFargate, stateful, "EBS volumes cannot be mounted to Fargate pods", EKS_EBS),
    rule("stateful", AppRunner, stateful, "App Runner attaches no volumes to instances", APP_RUNNER_IMAGE),
    rule("stateful", Lambda, stateful, "Lambda offers /tmp, S3 and EFS, but no block volumes", LAMBDA_STORAGE),
    rule("stateful", LambdaManaged, stateful, "Lambda functions get /tmp, S3 and EFS, but no block volumes", LAMBDA_STORAGE),
    rule("stateful", EcsFargate, stateful_windows, "EBS volumes on Fargate are for Linux tasks; Windows tasks get them on EC2 only", ECS_STORAGE),
    rule("iso", EcsEc2, iso, "tasks on an EC2 instance share its kernel; only Fargate gives each task its own VM boundary", FARGATE_ISOLATION),
    rule("iso", EcsManaged, iso, "tasks on a managed instance share its kernel; only Fargate gives each task its own VM boundary", FARGATE_ISOLATION),
    rule("iso", EksEc2, iso, "pods on a node share its kernel; only Fargate gives each pod its own VM boundary", FARGATE_ISOLATION),
    rule("iso", LambdaManaged, iso, "environments share their instance and serve many requests at once: no VM boundary of their own", LAMBDA_MANAGED),
    rule("iso", EksAuto, iso, "pods on an Auto Mode node share its kernel; only Fargate gives each pod its own VM boundary", FARGATE_ISOLATION),
    rule("k8s", EcsFargate, k8s, "Kubernetes is required: ECS is not Kubernetes", EKS_WHAT_IS),
    rule("k8s", EcsEc2, k8s, "Kubernetes is required: ECS is not Kubernetes", EKS_WHAT_IS),
    rule("k8s", EcsManaged, k8s, "Kubernetes is required: ECS is not Kubernetes", EKS_WHAT_IS),
    rule("k8s", EcsExpress, k8s, "Kubernetes is required: ECS is not Kubernetes", EKS_WHAT_IS),
    rule("k8s", AppRunner, k8s, "Kubernetes is required: App Runner is not Kubernetes", EKS_WHAT_IS),
    rule("k8s", Lambda, k8s, "Kubernetes is required: Lambda is not Kubernetes", EKS_WHAT_IS),
    rule("k8s", LambdaManaged, k8s, "Kubernetes is required: Lambda is not Kubernetes", EKS_WHAT_IS),
];
