//! Fixed facts about each platform that the scores rest on: Berth's
//! judgments, one row per platform, each field saying why it has its value.

use crate::cost::Platform;

use Platform::*;

/// Fixed facts about one platform, each a judgment with its reason.
pub(crate) struct Fact {
    /// Which platform.
    pub(crate) platform: Platform,
    /// Operational burden on the team, 0 (none) to 10 (everything).
    pub(crate) burden: f64,
    /// What the team runs, in a sentence.
    pub(crate) ops_note: &'static str,
    /// Scaling speed score: Lambda starts in milliseconds, Fargate tasks in
    /// about a minute, EC2-backed tasks may wait minutes for an instance.
    pub(crate) speed: f64,
    /// Scale-to-zero score: only Lambda idles at zero cost; App Runner keeps
    /// provisioned memory; ECS and EKS services need outside tooling.
    pub(crate) zero: f64,
    /// Isolation score: a VM boundary per task (Fargate, Lambda's microVMs)
    /// or a shared instance kernel.
    pub(crate) isolation: f64,
    /// Kubernetes-based.
    pub(crate) kubernetes: bool,
    /// Skills score for a team new to the platform (non-Kubernetes).
    pub(crate) skills: f64,
}

/// One row per platform, in [`Platform::ALL`] order.
pub(crate) const FACTS: [Fact; 10] = [
    Fact {
        platform: EcsFargate,
        burden: 2.0,
        ops_note: "no servers: the team defines tasks, services, load balancing and scaling",
        speed: 7.0,
        zero: 3.0,
        isolation: 10.0,
        kubernetes: false,
        skills: 8.0,
    },
    Fact {
        platform: EcsEc2,
        burden: 6.0,
        ops_note: "the team runs the EC2 fleet: AMIs, patching, capacity and scaling",
        speed: 4.0,
        zero: 3.0,
        isolation: 5.0,
        kubernetes: false,
        skills: 6.0,
    },
    Fact {
        platform: EcsManaged,
        burden: 3.0,
        ops_note: "AWS provisions, patches and scales the EC2 instances; the team picks instance requirements",
        speed: 5.0,
        zero: 3.0,
        isolation: 5.0,
        kubernetes: false,
        skills: 7.0,
    },
    Fact {
        platform: EcsExpress,
        burden: 1.0,
        ops_note: "one call creates the service, load balancer, HTTPS, scaling and alarms",
        speed: 7.0,
        zero: 3.0,
        isolation: 10.0,
        kubernetes: false,
        skills: 9.0,
    },
    Fact {
        platform: EksEc2,
        burden: 8.0,
        ops_note: "the team runs a Kubernetes cluster plus node groups, add-ons and upgrades",
        speed: 4.0,
        zero: 3.0,
        isolation: 5.0,
        kubernetes: true,
        skills: 0.0,
    },
    Fact {
        platform: EksAuto,
        burden: 5.0,
        ops_note: "AWS runs nodes, scaling and core add-ons; the team still owns Kubernetes versions and manifests",
        speed: 6.0,
        zero: 3.0,
        isolation: 5.0,
        kubernetes: true,
        skills: 0.0,
    },
    Fact {
        platform: EksFargate,
        burden: 5.0,
        ops_note: "no nodes, but a Kubernetes cluster to run and sidecars in place of daemonsets",
        speed: 6.0,
        zero: 3.0,
        isolation: 10.0,
        kubernetes: true,
        skills: 0.0,
    },
    Fact {
        platform: AppRunner,
        burden: 1.0,
        ops_note: "AWS runs everything from image to HTTPS endpoint",
        speed: 8.0,
        zero: 6.0,
        isolation: 8.0,
        kubernetes: false,
        skills: 9.0,
    },
    Fact {
        platform: Lambda,
        burden: 1.0,
        ops_note: "AWS runs everything; the team writes functions to Lambda's invocation model",
        speed: 10.0,
        zero: 10.0,
        isolation: 10.0,
        kubernetes: false,
        skills: 8.0,
    },
    Fact {
        platform: LambdaManaged,
        // AWS patches, scales and routes; the team chooses the instance
        // families and sizes the capacity provider.
        burden: 2.0,
        ops_note: "AWS runs the instances and routes requests; the team writes functions and sizes a capacity provider",
        // No cold starts on running environments, but new capacity takes
        // minutes (it doubles within five).
        speed: 6.0,
        // Three instances at least, always running.
        zero: 1.0,
        // Many requests share an environment, environments an instance.
        isolation: 4.0,
        kubernetes: false,
        skills: 7.0,
    },
];

pub(crate) fn facts(platform: Platform) -> Option<&'static Fact> {
    FACTS.iter().find(|f| f.platform == platform)
}
