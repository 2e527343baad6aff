//! The AWS regions Berth knows, with their display names.
//!
//! A region being listed here says nothing about which platforms are priced
//! there: the price book decides that, and a platform without data in a
//! region is reported unavailable rather than priced from another region.

/// One AWS region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// The region code, e.g. `us-east-1`.
    pub code: &'static str,
    /// The console name, e.g. `US East (N. Virginia)`.
    pub name: &'static str,
}

/// Every region the price book holds any data for, in console order.
pub const REGIONS: &[Region] = &[
    Region {
        code: "us-east-1",
        name: "US East (N. Virginia)",
    },
    Region {
        code: "us-east-2",
        name: "US East (Ohio)",
    },
    Region {
        code: "us-west-2",
        name: "US West (Oregon)",
    },
    Region {
        code: "ca-central-1",
        name: "Canada (Central)",
    },
    Region {
        code: "eu-west-1",
        name: "Europe (Ireland)",
    },
    Region {
        code: "eu-west-2",
        name: "Europe (London)",
    },
    Region {
        code: "eu-central-1",
        name: "Europe (Frankfurt)",
    },
    Region {
        code: "ap-south-1",
        name: "Asia Pacific (Mumbai)",
    },
    Region {
        code: "ap-southeast-1",
        name: "Asia Pacific (Singapore)",
    },
    Region {
        code: "ap-southeast-2",
        name: "Asia Pacific (Sydney)",
    },
    Region {
        code: "ap-northeast-1",
        name: "Asia Pacific (Tokyo)",
    },
    Region {
        code: "sa-east-1",
        name: "South America (São Paulo)",
    },
];

/// The default region: where AWS lists its reference prices.
pub const DEFAULT_REGION: &str = "us-east-1";

/// Looks a region up by code (exact, lower case).
pub fn find(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}
