//! The instance-type catalog (what each EC2 type is: vCPU, memory,
//! network limits, GPUs), read from the book's `instance_types.csv`, and
//! the type of a checked price key.
//!
//! The catalog is data, not code: the web app fetches it with the book's
//! shared file and [`install`]s it before it reads a link; the native
//! build reads the book it embeds the first time the catalog is used
//! (unless a `--book DIR` was installed first).
//!
//! A validated instance type is an [`InstanceTypeId`], an index into the
//! catalog: it is checked once where it is read and never looked up by name
//! again.

// Memory sizes such as 0.5 GiB are data.
#![allow(clippy::approx_constant)]

use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::provenance;
use crate::table::{ensure, Table, TableError};
use crate::units::Arch;

/// One EC2 instance type of the catalog.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InstanceType {
    /// Its id (its index in the catalog).
    pub id: InstanceTypeId,
    /// Its rate key, `ec2.` and the API name (`ec2.m5.large`): one string
    /// for both ([`InstanceType::name`]).
    pub key: &'static str,
    /// CPU architecture.
    pub arch: Arch,
    /// vCPUs.
    pub vcpu: u32,
    /// Memory, GiB.
    pub memory_gib: f64,
    /// Network interfaces the type can attach.
    pub max_enis: u32,
    /// IPv4 addresses per interface.
    pub ipv4_per_eni: u32,
    /// Supports ENI trunking (ECS awsvpc trunking, EKS security groups for pods).
    pub trunking: bool,
    /// Branch interfaces available with trunking.
    pub branch_enis: u32,
    /// EKS max pods with the VPC CNI and no prefix delegation (uncapped).
    pub eks_max_pods: u32,
    /// Burstable (T family, CPU credits).
    pub burstable: bool,
    /// GPUs (or accelerator chips: Inferentia on inf2).
    pub gpus: u32,
}

/// The catalog's file in a book directory.
pub const FILE: &str = "instance_types.csv";

/// The columns of [`FILE`].
pub const COLUMNS: [&str; 17] = [
    "instance_type",
    "family",
    "arch",
    "vcpu",
    "memory_gib",
    "max_enis",
    "ipv4_per_eni",
    "trunking",
    "branch_enis",
    "eks_max_pods",
    "burstable",
    "gpus",
    "source",
    "as_of",
    "confidence",
    "derived",
    "note",
];

/// The catalog in use.
static TYPES: OnceLock<Vec<InstanceType>> = OnceLock::new();

/// The embedded book's catalog (native builds: the CLI and the tests).
#[cfg(not(target_arch = "wasm32"))]
pub const EMBEDDED: &str = include_str!("../../data/instance_types.csv");

/// Every catalog type, in catalog order: empty in the web app until the
/// book's shared file is installed.
pub fn types() -> &'static [InstanceType] {
    #[cfg(not(target_arch = "wasm32"))]
    let types = TYPES.get_or_init(|| {
        // A test reads the embedded book and fails on any fault in it.
        read(FILE, EMBEDDED, 1).unwrap_or_default()
    });
    #[cfg(target_arch = "wasm32")]
    let types = TYPES.get().map_or(&[][..], Vec::as_slice);
    types
}

/// True once a catalog is in use.
pub fn installed() -> bool {
    TYPES.get().is_some()
}

/// Makes `types` the catalog. Refused once a catalog is in use (ids
/// handed out index the first one), unless it is the same.
pub fn install(types: Vec<InstanceType>) -> Result<(), String> {
    let same = TYPES.get_or_init(|| types.clone()) == &types;
    if same {
        Ok(())
    } else {
        Err("another catalog is already in use".to_string())
    }
}

/// Reads a catalog table (`first_line` is where its header is in `file`).
/// Names must start with their family and be unique; at most 65,535 types.
pub fn read(file: &str, text: &str, first_line: usize) -> Result<Vec<InstanceType>, TableError> {
    let t = Table::parse(file, text, first_line, &COLUMNS)?;
    let mut out: Vec<InstanceType> = Vec::with_capacity(t.len());
    for r in t.rows() {
        let (name, family) = (r.get("instance_type"), r.get("family"));
        ensure!(
            name.starts_with(&format!("{family}.")),
            r,
            "instance_type must start with its family"
        );
        ensure!(
            !out.iter().any(|t| t.name() == name),
            r,
            "duplicate instance type"
        );
        let arch = match r.get("arch") {
            "x86_64" => Arch::X86,
            "arm64" => Arch::Arm,
            _ => return Err(r.error("arch must be x86_64 or arm64")),
        };
        // Instance specs carry no provenance in the API; the columns are only checked.
        provenance::read(&r)?;
        let id = u16::try_from(out.len()).map_err(|_| r.error("more than 65,535 types"))?;
        out.push(InstanceType {
            id: InstanceTypeId(id),
            // One per type of a catalog read once: not worth a search.
            key: Box::leak(format!("ec2.{name}").into_boxed_str()),
            arch,
            vcpu: r.whole("vcpu")?,
            memory_gib: r.positive("memory_gib")?,
            max_enis: r.whole("max_enis")?,
            ipv4_per_eni: r.whole("ipv4_per_eni")?,
            trunking: r.boolean("trunking")?,
            branch_enis: r.whole("branch_enis")?,
            eks_max_pods: r.whole("eks_max_pods")?,
            burstable: r.boolean("burstable")?,
            gpus: r.whole("gpus")?,
        });
    }
    Ok(out)
}

/// An instance type of the catalog, by index: valid by construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstanceTypeId(u16);

impl InstanceTypeId {
    /// The catalog entry for an API name (exact, e.g. `m5.large`).
    pub fn from_name(name: &str) -> Option<InstanceTypeId> {
        let i = types().iter().position(|t| t.name() == name)?;
        u16::try_from(i).ok().map(InstanceTypeId)
    }

    /// The id of the catalog's `index`th type (the reader of a catalog
    /// hands them out in order).
    pub fn from_index(index: u16) -> InstanceTypeId {
        InstanceTypeId(index)
    }

    /// Its index in the catalog (the column of the book's EC2 tables).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Its catalog entry.
    pub fn spec(self) -> &'static InstanceType {
        // The id was made from a catalog index, so the entry exists; the
        // fallback only keeps this free of a panic path.
        types().get(self.index()).unwrap_or(&FALLBACK)
    }

    /// The API name, e.g. `m5.large`.
    pub fn name(self) -> &'static str {
        self.spec().name()
    }

    /// Every catalog type, in catalog order.
    pub fn all() -> impl Iterator<Item = InstanceTypeId> {
        (0..types().len().min(usize::from(u16::MAX)))
            .filter_map(|i| u16::try_from(i).ok().map(InstanceTypeId))
    }
}

/// Unreachable stand-in for [`InstanceTypeId::spec`] (an id is always a
/// catalog index).
static FALLBACK: InstanceType = InstanceType {
    id: InstanceTypeId(0),
    key: "",
    arch: Arch::X86,
    vcpu: 0,
    memory_gib: 0.0,
    max_enis: 0,
    ipv4_per_eni: 0,
    trunking: false,
    branch_enis: 0,
    eks_max_pods: 0,
    burstable: false,
    gpus: 0,
};

impl InstanceType {
    /// The API name, e.g. `m5.large`.
    pub fn name(&self) -> &'static str {
        let key: &'static str = self.key;
        key.get(4..).unwrap_or(key)
    }

    /// Its family, e.g. `m5` (the name up to the dot; the build checks
    /// every name starts with its family).
    pub fn family(&self) -> &'static str {
        let name = self.name();
        name.split('.').next().unwrap_or(name)
    }
}

impl std::fmt::Display for InstanceTypeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for InstanceTypeId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for InstanceTypeId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        InstanceTypeId::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown instance type {name}")))
    }
}

/// The key of a price the book holds in some region, e.g. `ec2.m5.large`:
/// checked once, by the price book (`pricebook::price_key`), which alone
/// knows which prices it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PriceKey(&'static str);

impl PriceKey {
    /// A key the price book vouches for.
    pub fn checked(key: &'static str) -> PriceKey {
        PriceKey(key)
    }

    /// The key as written in a link (`p.<key>`) and on the Data panel.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

/// The rate key of an instance type's on-demand price (`ec2.m5.large`).
pub fn ec2_key(it: InstanceTypeId) -> &'static str {
    it.spec().key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_names() {
        for id in InstanceTypeId::all() {
            assert_eq!(InstanceTypeId::from_name(id.name()), Some(id));
        }
        assert_eq!(InstanceTypeId::from_name("m5.huge"), None);
    }
}
