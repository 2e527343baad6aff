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

/// Every AWS commercial region (34; no GovCloud, no China): us-east-1,
/// the default, first, then the rest of the US, then the order of AWS's
/// Regions table. A region listed here says nothing about which platforms
/// are priced in it: the price book decides that.
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
        code: "us-west-1",
        name: "US West (N. California)",
    },
    Region {
        code: "us-west-2",
        name: "US West (Oregon)",
    },
    Region {
        code: "af-south-1",
        name: "Africa (Cape Town)",
    },
    Region {
        code: "ap-east-1",
        name: "Asia Pacific (Hong Kong)",
    },
    Region {
        code: "ap-south-2",
        name: "Asia Pacific (Hyderabad)",
    },
    Region {
        code: "ap-southeast-3",
        name: "Asia Pacific (Jakarta)",
    },
    Region {
        code: "ap-southeast-5",
        name: "Asia Pacific (Malaysia)",
    },
    Region {
        code: "ap-southeast-4",
        name: "Asia Pacific (Melbourne)",
    },
    Region {
        code: "ap-south-1",
        name: "Asia Pacific (Mumbai)",
    },
    Region {
        code: "ap-southeast-6",
        name: "Asia Pacific (New Zealand)",
    },
    Region {
        code: "ap-northeast-3",
        name: "Asia Pacific (Osaka)",
    },
    Region {
        code: "ap-northeast-2",
        name: "Asia Pacific (Seoul)",
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
        code: "ap-east-2",
        name: "Asia Pacific (Taipei)",
    },
    Region {
        code: "ap-southeast-7",
        name: "Asia Pacific (Thailand)",
    },
    Region {
        code: "ap-northeast-1",
        name: "Asia Pacific (Tokyo)",
    },
    Region {
        code: "ca-central-1",
        name: "Canada (Central)",
    },
    Region {
        code: "ca-west-1",
        name: "Canada West (Calgary)",
    },
    Region {
        code: "eu-central-1",
        name: "Europe (Frankfurt)",
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
        code: "eu-south-1",
        name: "Europe (Milan)",
    },
    Region {
        code: "eu-west-3",
        name: "Europe (Paris)",
    },
    Region {
        code: "eu-south-2",
        name: "Europe (Spain)",
    },
    Region {
        code: "eu-north-1",
        name: "Europe (Stockholm)",
    },
    Region {
        code: "eu-central-2",
        name: "Europe (Zurich)",
    },
    Region {
        code: "il-central-1",
        name: "Israel (Tel Aviv)",
    },
    Region {
        code: "mx-central-1",
        name: "Mexico (Central)",
    },
    Region {
        code: "me-south-1",
        name: "Middle East (Bahrain)",
    },
    Region {
        code: "me-central-1",
        name: "Middle East (UAE)",
    },
    Region {
        code: "sa-east-1",
        name: "South America (São Paulo)",
    },
];

/// The default region: where AWS lists its reference prices.
pub const DEFAULT_REGION: &str = "us-east-1";

/// A region of [`REGIONS`], by index: valid by construction, so nothing
/// looks a region up by its code twice. It reads and writes as its code.
/// The default, index 0, is us-east-1 (a test keeps it so).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionId(u8);

impl RegionId {
    /// The region of a code (exact, e.g. `eu-west-1`).
    pub fn from_code(code: &str) -> Option<RegionId> {
        let i = REGIONS.iter().position(|r| r.code == code)?;
        u8::try_from(i).ok().map(RegionId)
    }

    /// Its index in [`REGIONS`] (the row of the book's regional tables).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The region itself.
    pub fn region(self) -> &'static Region {
        // An id is made from an index of REGIONS, so the entry exists; the
        // fallback only keeps this free of a panic path.
        REGIONS.get(self.index()).unwrap_or(&FALLBACK)
    }

    /// Its code, e.g. `eu-west-1`.
    pub fn code(self) -> &'static str {
        self.region().code
    }

    /// Its display name, e.g. `Europe (Ireland)`.
    pub fn name(self) -> &'static str {
        self.region().name
    }

    /// Every region, in menu order.
    pub fn all() -> impl Iterator<Item = RegionId> {
        (0..REGIONS.len()).filter_map(|i| u8::try_from(i).ok().map(RegionId))
    }
}

/// Unreachable stand-in for [`RegionId::region`].
static FALLBACK: Region = Region {
    code: DEFAULT_REGION,
    name: "",
};

impl std::fmt::Display for RegionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for RegionId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for RegionId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        RegionId::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown region {code}")))
    }
}

/// Looks a region up by code (exact, lower case).
pub fn find(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_region_is_us_east_1() {
        assert_eq!(RegionId::default().code(), DEFAULT_REGION);
        assert_eq!(
            RegionId::from_code(DEFAULT_REGION),
            Some(RegionId::default())
        );
    }

    #[test]
    fn ids_round_trip_through_codes() {
        for id in RegionId::all() {
            assert_eq!(RegionId::from_code(id.code()), Some(id));
        }
        assert_eq!(RegionId::all().count(), REGIONS.len());
        assert_eq!(RegionId::from_code("mars-north-1"), None);
    }
}
