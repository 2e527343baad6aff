//! The book at run time: read from its files, checked, and kept for the
//! life of the program.
//!
//! A book is a directory of CSV tables (`core/data/` is the one Berth
//! embeds; `berth pricebook import` writes others). The web app does not
//! read the directory: `berth book-files` cuts it into one *shared* file
//! (catalog, sizes, limits, fees that hold everywhere) and one file per
//! region, each a bundle of the same tables (`crate::table`), which the page
//! fetches and [`install_shared`] / [`install_region`] read. The native
//! build reads its embedded book the first time a figure is asked for,
//! unless [`install_dir`] installed another first.
//!
//! Every rule a file must keep is checked here, once, for all three ways
//! in: the build no longer compiles the book.

use std::sync::OnceLock;

use super::{FargatePlatform, FargateTier, Fee, Limit, TaskSize};
use crate::catalog;
use crate::provenance::{self, keep, Provenance, COLUMNS as PROV};
use crate::region::{RegionId, REGIONS};
use crate::table::{split_bundle, Table, TableError};

/// A table of a book: its file name, its columns before the provenance
/// ones, and whether its rows are per region (the `region` column).
struct Kind {
    file: &'static str,
    columns: &'static [&'static str],
    per_region: bool,
}

/// Every table of a book, in the order a bundle lists them.
const KINDS: [Kind; 10] = [
    Kind {
        file: catalog::FILE,
        columns: &[],
        per_region: false,
    },
    Kind {
        file: "fargate_sizes.csv",
        columns: &["vcpu", "cpu_units", "memory_gib", "memory_mib"],
        per_region: false,
    },
    Kind {
        file: "app_runner_sizes.csv",
        columns: &["vcpu", "cpu_units", "memory_gib", "memory_mib"],
        per_region: false,
    },
    Kind {
        file: "limits.csv",
        columns: &["key", "value", "unit"],
        per_region: false,
    },
    Kind {
        file: "eks_cpu_reserved_tiers.csv",
        columns: &["tier", "from_core", "to_core", "pct_of_core"],
        per_region: false,
    },
    Kind {
        file: "fees.csv",
        columns: &["key", "region", "value", "unit"],
        per_region: true,
    },
    Kind {
        file: "ec2_prices.csv",
        columns: &["instance_type", "region", "usd_per_hour"],
        per_region: true,
    },
    Kind {
        file: "spot_savings.csv",
        columns: &["family", "region", "pct_saved"],
        per_region: true,
    },
    Kind {
        file: "fargate_prices.csv",
        columns: &[
            "region",
            "platform",
            "tier",
            "usd_per_vcpu_hour",
            "usd_per_gb_hour",
            "os_license_usd_per_vcpu_hour",
        ],
        per_region: true,
    },
    Kind {
        file: "ec2_not_offered.csv",
        columns: &["family", "region"],
        per_region: true,
    },
];

/// The files of a book directory (the tables, plus `SOURCES.md`, which
/// says where the figures come from in words).
pub fn book_files() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|k| k.file)
}

/// The `region` of a row that holds in every region (fees only).
const ALL: &str = "all";

/// Valid Fargate vCPU sizes and the memory range (GiB) each allows
/// (the ECS task-size table; the sizes file is checked against it).
const FARGATE_RANGES: [(f64, f64, f64); 7] = [
    (0.25, 0.5, 2.0),
    (0.5, 1.0, 4.0),
    (1.0, 2.0, 8.0),
    (2.0, 4.0, 16.0),
    (4.0, 8.0, 30.0),
    (8.0, 16.0, 60.0),
    (16.0, 32.0, 120.0),
];

/// A fee in one region, or everywhere.
pub(crate) struct FeeRow {
    pub fee: Fee,
    pub value: f64,
    pub unit: &'static str,
    pub provenance: &'static Provenance,
}

/// A limit.
pub(crate) struct LimitRow {
    pub key: &'static str,
    pub value: f64,
    pub unit: &'static str,
    pub provenance: &'static Provenance,
}

/// One tier of the EKS kube-reserved CPU formula.
pub(crate) struct CpuTierRow {
    /// Rate key, `limit.eks_kube_reserved_cpu_pct.core_<tier>`.
    pub key: &'static str,
    pub from_core: f64,
    /// `None` for "and above".
    pub to_core: Option<f64>,
    /// Percent of each core in the tier that is reserved.
    pub pct: f64,
    pub provenance: &'static Provenance,
}

/// Fargate rates of one platform and tier.
pub(crate) struct FargateRow {
    pub platform: FargatePlatform,
    pub tier: FargateTier,
    pub vcpu_hour: f64,
    pub gb_hour: f64,
    /// Windows licence per vCPU-hour; `None` on Linux.
    pub os_license_vcpu_hour: Option<f64>,
    pub provenance: &'static Provenance,
}

/// A family's mean Spot saving.
pub(crate) struct SpotRow {
    /// Its rate key, `spot.<family>`.
    pub key: &'static str,
    pub family: &'static str,
    /// Percent saved against on-demand, a whole number below 100.
    pub pct: f64,
    pub provenance: &'static Provenance,
}

/// What every region shares.
pub(crate) struct Shared {
    pub fargate_sizes: Vec<TaskSize>,
    pub app_runner_sizes: Vec<TaskSize>,
    /// In [`Limit::ALL`] order, one each.
    pub limits: Vec<LimitRow>,
    pub cpu_tiers: Vec<CpuTierRow>,
    /// Fees that hold in every region.
    pub fees: Vec<FeeRow>,
}

/// One region's figures.
pub(crate) struct RegionBook {
    /// On-demand price and provenance, by catalog index.
    pub ec2: Vec<Option<(f64, &'static Provenance)>>,
    pub spot: Vec<SpotRow>,
    pub fargate: Vec<FargateRow>,
    pub fees: Vec<FeeRow>,
    /// Families AWS does not offer here (checked: none has a price here).
    pub not_offered: Vec<&'static str>,
}

/// The book in use: what regions share, and each region once it is read.
struct Registry {
    shared: Shared,
    regions: Vec<OnceLock<RegionBook>>,
}

static BOOK: OnceLock<Registry> = OnceLock::new();

/// The book's shared part, or `None` in the web app before it is fetched.
pub(crate) fn shared() -> Option<&'static Shared> {
    registry().map(|b| &b.shared)
}

/// A region's figures, or `None` while they are not read (the web app
/// fetches a region when it is first used; a native book has them all).
pub(crate) fn region(region: RegionId) -> Option<&'static RegionBook> {
    registry()?.regions.get(region.index())?.get()
}

/// True when the figures of `region` are at hand.
pub fn region_ready(region: RegionId) -> bool {
    self::region(region).is_some()
}

/// True once the shared file is installed (the web app waits for it
/// before it reads a link: instance types are named in the catalog).
pub fn shared_ready() -> bool {
    BOOK.get().is_some()
}

fn registry() -> Option<&'static Registry> {
    #[cfg(not(target_arch = "wasm32"))]
    if BOOK.get().is_none() {
        // A test reads the embedded book and fails on any fault in it.
        let _ = install_dir(&embedded());
    }
    BOOK.get()
}

/// The book this build embeds, as `(file, text)` pairs (native builds).
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded() -> Vec<(String, String)> {
    macro_rules! files {
        ($($f:literal),*) => { vec![$(($f.to_string(), include_str!(concat!("../../data/", $f)).to_string())),*] };
    }
    files!(
        "instance_types.csv",
        "fargate_sizes.csv",
        "app_runner_sizes.csv",
        "limits.csv",
        "eks_cpu_reserved_tiers.csv",
        "fees.csv",
        "ec2_prices.csv",
        "spot_savings.csv",
        "fargate_prices.csv",
        "ec2_not_offered.csv",
        "SOURCES.md"
    )
}

/// A book read from its tables, not yet in use.
pub struct Book {
    shared: Shared,
    regions: Vec<(RegionId, RegionBook)>,
    catalog: Vec<catalog::InstanceType>,
    tables: Vec<Table>,
}

impl Book {
    /// Reads and checks a whole book directory, given as `(file, text)`
    /// pairs (other files, such as `SOURCES.md`, are ignored). Every table
    /// must be there.
    pub fn read(files: &[(String, String)]) -> Result<Book, TableError> {
        let tables = tables(
            files
                .iter()
                .map(|(f, t)| (f.as_str(), f.as_str(), t.as_str(), 1)),
        )?;
        for row in per_region_rows(&tables) {
            let code = row.get("region");
            if code != ALL && RegionId::from_code(code).is_none() {
                return Err(row.error(format!("{code:?} is not a region Berth knows")));
            }
        }
        let catalog = catalog_of(&tables)?;
        let shared = read_shared(&tables)?;
        let mut regions = Vec::new();
        for r in RegionId::all() {
            let book = read_region(&tables, r, &catalog)?;
            regions.push((r, book));
        }
        Ok(Book {
            shared,
            regions,
            catalog,
            tables,
        })
    }

    /// The regions with any figure of their own.
    pub fn regions(&self) -> impl Iterator<Item = RegionId> + '_ {
        self.regions
            .iter()
            .filter(|(_, b)| !b.ec2.iter().all(Option::is_none) || !b.fargate.is_empty())
            .map(|(r, _)| *r)
    }

    /// The shared file of the web build: the catalog, sizes, limits,
    /// tiers and the fees that hold everywhere, rows as written.
    pub fn shared_file(&self) -> String {
        self.bundle(shared_kind, |k, code| !k.per_region || code == ALL)
    }

    /// The file of one region for the web build, rows as written.
    pub fn region_file(&self, region: RegionId) -> String {
        self.bundle(|k| k.per_region, |_, code| code == region.code())
    }

    /// The tables `want` names, each with the rows `keep` keeps.
    fn bundle(&self, want: impl Fn(&Kind) -> bool, keep: impl Fn(&Kind, &str) -> bool) -> String {
        let mut out = String::new();
        for (kind, t) in KINDS.iter().zip(&self.tables).filter(|(k, _)| want(k)) {
            out.push_str(&format!("#table {}\n{}\n", kind.file, t.header_raw));
            for row in t.rows().filter(|r| keep(kind, r.get("region"))) {
                out.push_str(row.raw);
                out.push('\n');
            }
        }
        out
    }

    /// Puts this book in use, with every region. Refused once a book is in
    /// use (figures already handed out come from it).
    pub fn install(self) -> Result<(), String> {
        catalog::install(self.catalog)?;
        let regions: Vec<OnceLock<RegionBook>> = REGIONS.iter().map(|_| OnceLock::new()).collect();
        for (r, book) in self.regions {
            if let Some(slot) = regions.get(r.index()) {
                let _ = slot.set(book);
            }
        }
        set(Registry {
            shared: self.shared,
            regions,
        })
    }
}

/// Reads a book directory's files and puts the book in use (`--book DIR`).
pub fn install_dir(files: &[(String, String)]) -> Result<(), String> {
    Book::read(files).map_err(|e| e.to_string())?.install()
}

/// Reads the web build's shared file (`file` names it in messages) and
/// puts it in use; the regions follow with [`install_region`].
pub fn install_shared(file: &str, text: &str) -> Result<(), String> {
    let (types, shared) = parse_shared(file, text)?;
    catalog::install(types)?;
    set(Registry {
        shared,
        regions: REGIONS.iter().map(|_| OnceLock::new()).collect(),
    })
}

/// The catalog and shared figures of a shared file.
fn parse_shared(file: &str, text: &str) -> Result<(Vec<catalog::InstanceType>, Shared), String> {
    let tables = bundle_tables(file, text, shared_kind)?;
    if let Some(row) = per_region_rows(&tables).find(|r| r.get("region") != ALL) {
        return Err(row
            .error("the shared file holds only rows for all regions")
            .to_string());
    }
    let types = catalog_of(&tables).map_err(|e| e.to_string())?;
    let shared = read_shared(&tables).map_err(|e| e.to_string())?;
    Ok((types, shared))
}

/// Reads one region's file of the web build and puts it in use. Needs the
/// shared file first (prices name catalog types).
pub fn install_region(region: RegionId, file: &str, text: &str) -> Result<(), String> {
    let book = BOOK.get().ok_or("the shared file is not read yet")?;
    let read = parse_region(region, file, text, catalog::types())?;
    if let Some(slot) = book.regions.get(region.index()) {
        // A second read of the same region keeps the first.
        let _ = slot.set(read);
    }
    Ok(())
}

/// The figures of one region's file, read against the catalog `types`.
fn parse_region(
    region: RegionId,
    file: &str,
    text: &str,
    types: &[catalog::InstanceType],
) -> Result<RegionBook, String> {
    let tables = bundle_tables(file, text, |k| k.per_region)?;
    if let Some(row) = per_region_rows(&tables).find(|r| r.get("region") != region.code()) {
        return Err(row
            .error(format!(
                "a row of another region in the file of {}",
                region.code()
            ))
            .to_string());
    }
    read_region(&tables, region, types).map_err(|e| e.to_string())
}

/// The tables of the shared file: all but the per-region ones, and the
/// fees (some hold everywhere).
fn shared_kind(kind: &Kind) -> bool {
    !kind.per_region || kind.file == "fees.csv"
}

fn set(registry: Registry) -> Result<(), String> {
    BOOK.set(registry)
        .map_err(|_| "a price book is already in use".to_string())
}

/// The tables of a bundle, every kind `want` asks for present (empty when
/// the file has no rows of it), in [`KINDS`] order.
fn bundle_tables(
    file: &str,
    text: &str,
    want: impl Fn(&Kind) -> bool,
) -> Result<Vec<Table>, String> {
    let parts = split_bundle(file, text).map_err(|e| e.to_string())?;
    for (name, line, _) in &parts {
        if !KINDS.iter().any(|k| k.file == *name && want(k)) {
            let e = TableError {
                file: file.to_string(),
                line: line - 1,
                reason: format!("unexpected table {name}"),
            };
            return Err(e.to_string());
        }
    }
    let mut out = Vec::new();
    for kind in KINDS.iter() {
        let part = parts.iter().find(|(name, _, _)| *name == kind.file);
        let t = match part {
            Some((_, line, body)) => Table::parse(file, body, *line, &columns(kind)),
            None if want(kind) && kind.per_region => {
                Table::parse(file, &columns(kind).join(","), 1, &columns(kind))
            }
            None if want(kind) => Err(TableError {
                file: file.to_string(),
                line: 0,
                reason: format!("no table {}", kind.file),
            }),
            None => Ok(Table::default()),
        };
        out.push(t.map_err(|e| e.to_string())?);
    }
    Ok(out)
}

/// The tables of a directory, each kind once, in [`KINDS`] order.
fn tables<'a>(
    files: impl Iterator<Item = (&'a str, &'a str, &'a str, usize)> + Clone,
) -> Result<Vec<Table>, TableError> {
    KINDS
        .iter()
        .map(|kind| {
            let (_, name, text, line) =
                files
                    .clone()
                    .find(|(f, ..)| *f == kind.file)
                    .ok_or_else(|| TableError {
                        file: kind.file.to_string(),
                        line: 0,
                        reason: "missing from the book".to_string(),
                    })?;
            Table::parse(name, text, line, &columns(kind))
        })
        .collect()
}

fn columns(kind: &Kind) -> Vec<&'static str> {
    if kind.file == catalog::FILE {
        return catalog::COLUMNS.to_vec();
    }
    kind.columns.iter().copied().chain(PROV).collect()
}

fn find<'t>(tables: &'t [Table], file: &str) -> Result<&'t Table, TableError> {
    KINDS
        .iter()
        .position(|k| k.file == file)
        .and_then(|i| tables.get(i))
        .ok_or_else(|| TableError {
            file: file.to_string(),
            line: 0,
            reason: "missing from the book".to_string(),
        })
}

/// Every row of the per-region tables.
fn per_region_rows(tables: &[Table]) -> impl Iterator<Item = crate::table::Row<'_>> {
    KINDS
        .iter()
        .zip(tables)
        .filter(|(k, _)| k.per_region)
        .flat_map(|(_, t)| t.rows())
}

fn catalog_of(tables: &[Table]) -> Result<Vec<catalog::InstanceType>, TableError> {
    let t = find(tables, catalog::FILE)?;
    // The catalog reads its own table (its rules are its own).
    let mut text = t.header_raw.clone();
    for r in t.rows() {
        text.push('\n');
        text.push_str(r.raw);
    }
    let first = t
        .rows()
        .next()
        .map_or(1, |r| r.line.saturating_sub(1))
        .max(1);
    catalog::read(&t.file, &text, first)
}

fn read_shared(tables: &[Table]) -> Result<Shared, TableError> {
    let prov = provenance::read;
    let sizes = |file: &str, fargate: bool| -> Result<Vec<TaskSize>, TableError> {
        let t = find(tables, file)?;
        let (mut out, mut last) = (Vec::new(), (0.0, 0.0));
        for r in t.rows() {
            let (vcpu, gib) = (r.positive("vcpu")?, r.positive("memory_gib")?);
            if r.positive("cpu_units")? != vcpu * 1024.0
                || r.positive("memory_mib")? != gib * 1024.0
            {
                return Err(
                    r.error("cpu_units must be vcpu x 1024 and memory_mib memory_gib x 1024")
                );
            }
            if (vcpu, gib) <= last {
                return Err(r.error("rows must be sorted by (vcpu, memory_gib) without duplicates"));
            }
            last = (vcpu, gib);
            let valid = FARGATE_RANGES
                .iter()
                .any(|&(v, lo, hi)| v == vcpu && (lo..=hi).contains(&gib));
            if fargate && !valid {
                return Err(r.error("not a valid Fargate vCPU / memory combination"));
            }
            prov(&r)?;
            out.push(TaskSize {
                vcpu,
                memory_gib: gib,
            });
        }
        Ok(out)
    };
    let fargate_sizes = sizes("fargate_sizes.csv", true)?;
    let app_runner_sizes = sizes("app_runner_sizes.csv", false)?;

    let t = find(tables, "limits.csv")?;
    let mut limits: Vec<Option<LimitRow>> = Limit::ALL.iter().map(|_| None).collect();
    for r in t.rows() {
        let key = r.get("key");
        let i = Limit::ALL
            .iter()
            .position(|l| l.key() == key)
            .ok_or_else(|| r.error(format!("unknown limit key {key}")))?;
        let row = LimitRow {
            key: keep(key),
            value: r.positive("value")?,
            unit: keep(r.get("unit")),
            provenance: prov(&r)?,
        };
        match limits.get_mut(i) {
            Some(slot @ None) => *slot = Some(row),
            _ => return Err(r.error("duplicate limit")),
        }
    }
    let limits = limits
        .into_iter()
        .zip(Limit::ALL)
        .map(|(row, l)| row.ok_or_else(|| t.error(0, format!("no row for {}", l.key()))))
        .collect::<Result<Vec<_>, _>>()?;

    let t = find(tables, "eks_cpu_reserved_tiers.csv")?;
    let (mut cpu_tiers, mut expect_from) = (Vec::new(), Some(0.0));
    for r in t.rows() {
        let from = r.number("from_core")?;
        if Some(from) != expect_from {
            return Err(r.error("tiers must start at core 0 and follow each other without gaps"));
        }
        let to = match r.get("to_core") {
            "" => None,
            _ => Some(r.positive("to_core")?).filter(|&v| v > from),
        };
        if to.is_none() && !r.get("to_core").is_empty() {
            return Err(r.error("to_core must be above from_core"));
        }
        expect_from = to;
        cpu_tiers.push(CpuTierRow {
            key: keep(&format!(
                "limit.eks_kube_reserved_cpu_pct.core_{}",
                r.get("tier")
            )),
            from_core: from,
            to_core: to,
            pct: r.positive("pct_of_core")?,
            provenance: prov(&r)?,
        });
    }
    if expect_from.is_some() {
        return Err(t.error(0, "the last tier must have an empty to_core"));
    }
    let fees = fees(tables, ALL)?;
    Ok(Shared {
        fargate_sizes,
        app_runner_sizes,
        limits,
        cpu_tiers,
        fees,
    })
}

/// The fees of `region` (or of all regions, [`ALL`]); a fee has one unit
/// in every region and at most one row a region.
fn fees(tables: &[Table], region: &str) -> Result<Vec<FeeRow>, TableError> {
    let prov = provenance::read;
    let t = find(tables, "fees.csv")?;
    let mut units: Vec<(Fee, &str)> = Vec::new();
    let mut scopes: Vec<(Fee, &str)> = Vec::new();
    let mut out = Vec::new();
    for r in t.rows() {
        let key = r.get("key");
        let fee = Fee::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .ok_or_else(|| r.error(format!("unknown fee key {key}")))?;
        match units.iter().find(|(f, _)| *f == fee) {
            Some((_, u)) if *u != r.get("unit") => {
                return Err(r.error("a fee has one unit in every region"))
            }
            Some(_) => {}
            None => units.push((fee, r.get("unit"))),
        }
        let scope = r.get("region");
        let clash = scopes
            .iter()
            .any(|&(f, s)| f == fee && (s == scope || s == ALL || scope == ALL));
        if clash {
            return Err(r.error(
                "duplicate fee for this region (an `all` row may not be mixed with regional rows)",
            ));
        }
        scopes.push((fee, scope));
        if scope == region {
            out.push(FeeRow {
                fee,
                value: r.positive("value")?,
                unit: keep(r.get("unit")),
                provenance: prov(&r)?,
            });
        }
    }
    Ok(out)
}

fn read_region(
    tables: &[Table],
    region: RegionId,
    types: &[catalog::InstanceType],
) -> Result<RegionBook, TableError> {
    let code = region.code();
    let prov = provenance::read;
    let here = |file: &str| -> Result<Vec<crate::table::Row<'_>>, TableError> {
        Ok(find(tables, file)?
            .rows()
            .filter(|r| r.get("region") == code)
            .collect())
    };
    let family_known = |f: &str| types.iter().any(|t| t.family() == f);

    let mut ec2: Vec<Option<(f64, &'static Provenance)>> = vec![None; types.len()];
    for r in here("ec2_prices.csv")? {
        let name = r.get("instance_type");
        let i = types
            .iter()
            .position(|t| t.name() == name)
            .ok_or_else(|| r.error(format!("{name} is not in {}", catalog::FILE)))?;
        let price = r.positive("usd_per_hour")?;
        match ec2.get_mut(i) {
            Some(slot @ None) => *slot = Some((price, prov(&r)?)),
            _ => return Err(r.error("duplicate (instance_type, region)")),
        }
    }

    let mut spot: Vec<SpotRow> = Vec::new();
    for r in here("spot_savings.csv")? {
        let family = r.get("family");
        if !family_known(family) {
            return Err(r.error(format!("family {family} is not in {}", catalog::FILE)));
        }
        if spot.iter().any(|s| s.family == family) {
            return Err(r.error("duplicate (family, region)"));
        }
        let pct = r.positive("pct_saved")?;
        if pct >= 100.0 || pct.fract() != 0.0 {
            return Err(r.error("pct_saved must be a whole number below 100"));
        }
        spot.push(SpotRow {
            key: keep(&format!("spot.{family}")),
            family: keep(family),
            pct,
            provenance: prov(&r)?,
        });
    }

    let mut fargate: Vec<FargateRow> = Vec::new();
    for r in here("fargate_prices.csv")? {
        let platform = FargatePlatform::ALL
            .into_iter()
            .find(|p| p.key() == r.get("platform"))
            .ok_or_else(|| r.error("platform must be linux_x86|linux_arm|windows_x86"))?;
        let tier = FargateTier::ALL
            .into_iter()
            .find(|t| t.key() == r.get("tier"))
            .ok_or_else(|| r.error("tier must be on_demand|spot"))?;
        if fargate
            .iter()
            .any(|f| f.platform == platform && f.tier == tier)
        {
            return Err(r.error("duplicate (region, platform, tier)"));
        }
        let windows = platform == FargatePlatform::WindowsX86;
        let license = match (r.get("os_license_usd_per_vcpu_hour").is_empty(), windows) {
            (true, false) => None,
            (false, true) => Some(r.positive("os_license_usd_per_vcpu_hour")?),
            _ => return Err(r.error("os licence rate is required for windows_x86 and only there")),
        };
        fargate.push(FargateRow {
            platform,
            tier,
            vcpu_hour: r.positive("usd_per_vcpu_hour")?,
            gb_hour: r.positive("usd_per_gb_hour")?,
            os_license_vcpu_hour: license,
            provenance: prov(&r)?,
        });
    }

    let fees = fees(tables, code)?;

    let mut not_offered = Vec::new();
    for r in here("ec2_not_offered.csv")? {
        let family = r.get("family");
        if !family_known(family) {
            return Err(r.error(format!("family {family} is not in {}", catalog::FILE)));
        }
        let priced = types
            .iter()
            .zip(&ec2)
            .any(|(t, p)| t.family() == family && p.is_some());
        if priced {
            return Err(r.error("family is listed as not offered but has prices in that region"));
        }
        prov(&r)?;
        not_offered.push(keep(family));
    }
    Ok(RegionBook {
        ec2,
        spot,
        fargate,
        fees,
        not_offered,
    })
}

#[cfg(test)]
mod tests;
