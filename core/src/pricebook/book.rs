//! The book at run time: read from its files, checked, and kept for the
//! life of the program.
//!
//! A book is a directory of CSV tables (`core/data/` is the one Berth
//! embeds; `berth pricebook import` writes others), read and checked here:
//! every rule a table must keep is stated once, in this file. The native
//! build reads its embedded book the first time a figure is asked for,
//! unless [`install_dir`] installed another first. The web app does not
//! read the directory: `berth book-files` writes, from a checked book, one
//! *shared* file (catalog, sizes, limits, fees that hold everywhere) and
//! one file per region in the form of [`super::web`], which the page
//! fetches and [`install_shared`] / [`install_region`] read.

use std::sync::OnceLock;

use super::figures::{
    CommitRow, CpuTierRow, FargateRow, FeeRow, LimitRow, RegionBook, Shared, SpotRow,
};
use super::{FargatePlatform, FargateTier, Fee, Limit, TaskSize};
use crate::catalog;
use crate::provenance::{self, keep, Provenance, COLUMNS as PROV};
use crate::region::{RegionId, REGIONS};
use crate::table::{ensure, Table, TableError, CHECKED};

/// A table of a book: its file name, its columns before the provenance
/// ones, and whether its rows are per region (the `region` column).
struct Kind {
    file: &'static str,
    columns: &'static [&'static str],
    per_region: bool,
}

/// Every table of a book.
const KINDS: [Kind; 11] = [
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
        file: "commitment_rates.csv",
        columns: &[
            "plan",
            "covers",
            "term_years",
            "payment",
            "region",
            "pct_saved",
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
const FARGATE_RANGES: [(f64, f64, f64); 8] = [
    (0.25, 0.5, 2.0),
    (0.5, 1.0, 4.0),
    (1.0, 2.0, 8.0),
    (2.0, 4.0, 16.0),
    (4.0, 8.0, 30.0),
    (8.0, 16.0, 60.0),
    (16.0, 32.0, 120.0),
    (32.0, 60.0, 244.0),
];

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
    registry().is_some()
}

fn registry() -> Option<&'static Registry> {
    #[cfg(not(target_arch = "wasm32"))]
    if BOOK.get().is_none() {
        // A test reads the embedded book and fails on any fault in it.
        let _ = install_dir(&embedded());
    }
    BOOK.get()
}

/// The book this build embeds, as `(file, text)` pairs (`core/data/`
/// whole: its tables, `SOURCES.md`, and the performance matrix the build
/// compiles): the native
/// build's book. The web app fetches its book instead and never calls this,
/// so the files stay out of the page (the in-browser tests call it).
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
        "commitment_rates.csv",
        "SOURCES.md",
        "performance.csv"
    )
}

/// A book read from its tables and checked, not yet in use.
pub struct Book {
    shared: Shared,
    regions: Vec<(RegionId, RegionBook)>,
    catalog: Vec<catalog::InstanceType>,
}

impl Book {
    /// Reads and checks a whole book directory, given as `(file, text)`
    /// pairs (other files, such as `SOURCES.md`, are ignored). Every table
    /// must be there.
    pub fn read(files: &[(String, String)]) -> Result<Book, TableError> {
        let tables = tables(files.iter().map(|(f, t)| (f.as_str(), t.as_str())))?;
        for row in per_region_rows(&tables) {
            let code = row.get("region");
            if code != ALL && RegionId::from_code(code).is_none() {
                return Err(row.error(format!("\"{code}\" is not a region Berth knows")));
            }
        }
        let catalog = catalog_of(&tables)?;
        let families: Vec<&str> = catalog.iter().map(|t| t.family()).collect();
        let shared = read_shared(&tables, &families)?;
        let mut regions = Vec::new();
        for r in RegionId::all() {
            regions.push((r, read_region(&tables, r, &catalog)?));
        }
        Ok(Book {
            shared,
            regions,
            catalog,
        })
    }

    /// The regions with any figure of their own.
    pub fn regions(&self) -> impl Iterator<Item = RegionId> + '_ {
        self.regions
            .iter()
            .filter(|(_, b)| b.ec2.iter().any(Option::is_some) || !b.fargate.is_empty())
            .map(|(r, _)| *r)
    }

    /// The web app's files (`super::web`), as `(stem, text)`: `shared`
    /// (the catalog, sizes, limits, tiers and the fees that hold
    /// everywhere), one per region the book prices (by code), and `words`
    /// (the provenances' texts, which the others name by line).
    pub fn web_files(&self) -> Vec<(String, String)> {
        let mut words = super::web::Words::default();
        let mut out = vec![(
            "shared".to_string(),
            super::web::write_shared(&self.catalog, &self.shared, &mut words),
        )];
        for (r, book) in &self.regions {
            if self.regions().any(|x| x == *r) {
                let text = super::web::write_region(&self.catalog, book, &mut words);
                out.push((r.code().to_string(), text));
            }
        }
        out.push(("words".to_string(), words.text()));
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

/// Reads the web app's shared file (`file` is its served name) and puts
/// it in use; the regions follow with [`install_region`].
pub fn install_shared(file: &str, text: &str) -> Result<(), String> {
    check_name(file, text)?;
    let (types, shared) = super::web::read_shared(file, text)?;
    catalog::install(types)?;
    set(Registry {
        shared,
        regions: REGIONS.iter().map(|_| OnceLock::new()).collect(),
    })
}

/// Reads one region's file of the web app (`file` is its served name)
/// and puts it in use. Needs the shared file first (prices name catalog
/// types).
pub fn install_region(region: RegionId, file: &str, text: &str) -> Result<(), String> {
    let book = BOOK.get().ok_or("the shared file is not read yet")?;
    check_name(file, text)?;
    if !file.starts_with(&format!("{}.", region.code())) {
        return Err(format!("{file} is not the file of {}", region.code()));
    }
    let read = super::web::read_region(file, text, catalog::types())?;
    if let Some(slot) = book.regions.get(region.index()) {
        // A second read of the same region keeps the first.
        let _ = slot.set(read);
    }
    Ok(())
}

/// Reads the web app's words file (`file` is its served name): the texts
/// of the provenances the other files name by line.
pub fn install_words(file: &str, text: &str) -> Result<(), String> {
    check_name(file, text)?;
    crate::provenance::install_words(text)
}

/// The name a web file is served under: `<stem>.<hash of its content>.csv`
/// (`shared`, or the region code), so a long-cached name never holds two
/// contents and the page can tell a damaged download.
pub fn file_name(stem: &str, text: &str) -> String {
    // 32 bits of the 64-bit hash: enough to tell a damaged download or a
    // new build's file, and the names are listed in the page and the
    // service worker (every hex digit there is a byte of the first load).
    let h = crate::table::content_hash(text);
    format!("{stem}.{:08x}.csv", (h ^ (h >> 32)) as u32)
}

/// Refuses a web file whose content is not the one its name was made from
/// (a truncated or damaged download; the page reads only files written by
/// `berth book-files`, which checked every rule).
fn check_name(file: &str, text: &str) -> Result<(), String> {
    let stem = file.split('.').next().unwrap_or_default();
    if file_name(stem, text) == file {
        Ok(())
    } else {
        Err(format!("{file} arrived damaged or incomplete"))
    }
}

fn set(registry: Registry) -> Result<(), String> {
    BOOK.set(registry)
        .map_err(|_| "a price book is already in use".to_string())
}

/// The tables of a directory, each kind once, in [`KINDS`] order.
fn tables<'a>(
    files: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> Result<Vec<Table>, TableError> {
    KINDS
        .iter()
        .map(|kind| {
            let (name, text) = files
                .clone()
                .find(|(f, _)| *f == kind.file)
                .ok_or_else(|| TableError {
                    file: kind.file.to_string(),
                    line: 0,
                    reason: "missing from the book".to_string(),
                })?;
            Table::parse(name, text, 1, &columns(kind))
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

fn read_shared(tables: &[Table], families: &[&str]) -> Result<Shared, TableError> {
    let prov = provenance::read;
    let sizes = |file: &str, fargate: bool| -> Result<Vec<TaskSize>, TableError> {
        let t = find(tables, file)?;
        let (mut out, mut last) = (Vec::new(), (0.0, 0.0));
        for r in t.rows() {
            let (vcpu, gib) = (r.positive("vcpu")?, r.positive("memory_gib")?);
            ensure!(
                r.positive("cpu_units")? == vcpu * 1024.0
                    && r.positive("memory_mib")? == gib * 1024.0,
                r,
                "cpu_units must be vcpu x 1024 and memory_mib memory_gib x 1024"
            );
            ensure!(
                (vcpu, gib) > last,
                r,
                "rows must be sorted by (vcpu, memory_gib) without duplicates"
            );
            last = (vcpu, gib);
            let valid = || {
                FARGATE_RANGES
                    .iter()
                    .any(|&(v, lo, hi)| v == vcpu && (lo..=hi).contains(&gib))
            };
            ensure!(
                !fargate || valid(),
                r,
                "not a valid Fargate vCPU / memory combination"
            );
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
        if let Some(slot) = limits.get_mut(i) {
            ensure!(slot.is_none(), r, "duplicate limit");
            *slot = Some(row);
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
        ensure!(
            Some(from) == expect_from,
            r,
            "tiers must start at core 0 and follow each other without gaps"
        );
        let to = match r.get("to_core") {
            "" => None,
            _ => Some(r.positive("to_core")?).filter(|&v| v > from),
        };
        ensure!(
            to.is_some() || r.get("to_core").is_empty(),
            r,
            "to_core must be above from_core"
        );
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
    if CHECKED && expect_from.is_some() {
        return Err(t.error(0, "the last tier must have an empty to_core"));
    }
    let fees = fees(tables, ALL)?;
    let commits = commits(tables, ALL, families)?;
    if CHECKED {
        for key in super::commit_keys() {
            if !commits.iter().any(|c| c.key == key) {
                let t = find(tables, "commitment_rates.csv")?;
                return Err(t.error(0, format!("no `all` row for {key}: every region needs one")));
            }
        }
    }
    Ok(Shared {
        fargate_sizes,
        app_runner_sizes,
        limits,
        cpu_tiers,
        fees,
        commits,
    })
}

/// The commitment savings of `region` (or of all regions, [`ALL`]): per
/// plan, what it covers (`ec2`, `fargate`, `lambda`, or one EC2 family),
/// term and payment.
fn commits(
    tables: &[Table],
    region: &str,
    families: &[&str],
) -> Result<Vec<CommitRow>, TableError> {
    let t = find(tables, "commitment_rates.csv")?;
    let mut out: Vec<CommitRow> = Vec::new();
    for r in t.rows().filter(|r| r.get("region") == region) {
        let (plan, covers) = (r.get("plan"), r.get("covers"));
        ensure!(
            super::commit_fits(plan, covers, families.contains(&covers)),
            r,
            "plan must be compute (covering ec2, fargate or lambda) or ec2 or ri (covering ec2 or one EC2 family)"
        );
        let term = r.get("term_years");
        ensure!(term == "1" || term == "3", r, "term_years must be 1 or 3");
        let payment = r.get("payment");
        ensure!(
            ["none", "partial", "all"].contains(&payment),
            r,
            "payment must be none, partial or all"
        );
        let pct = r.positive("pct_saved")?;
        ensure!(pct < 100.0, r, "pct_saved must be below 100");
        let key = super::commit_key(plan, covers, term, payment);
        ensure!(!out.iter().any(|c| c.key == key), r, "duplicate row");
        out.push(CommitRow {
            key: keep(&key),
            pct,
            provenance: provenance::read(&r)?,
        });
    }
    Ok(out)
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
        let scope = r.get("region");
        if CHECKED {
            match units.iter().find(|(f, _)| *f == fee) {
                Some((_, u)) => {
                    ensure!(*u == r.get("unit"), r, "a fee has one unit in every region")
                }
                None => units.push((fee, r.get("unit"))),
            }
            let clash = scopes
                .iter()
                .any(|&(f, s)| f == fee && (s == scope || s == ALL || scope == ALL));
            ensure!(
                !clash,
                r,
                "duplicate fee for this region (an `all` row may not be mixed with regional rows)"
            );
            scopes.push((fee, scope));
        }
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
        if let Some(slot) = ec2.get_mut(i) {
            ensure!(slot.is_none(), r, "duplicate (instance_type, region)");
            *slot = Some((price, prov(&r)?));
        }
    }

    let mut spot: Vec<SpotRow> = Vec::new();
    for r in here("spot_savings.csv")? {
        let family = r.get("family");
        ensure!(
            family_known(family),
            r,
            "family {family} is not in {}",
            catalog::FILE
        );
        ensure!(
            !spot.iter().any(|s| s.family == family),
            r,
            "duplicate (family, region)"
        );
        let pct = r.positive("pct_saved")?;
        ensure!(
            pct < 100.0 && pct.fract() == 0.0,
            r,
            "pct_saved must be a whole number below 100"
        );
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
        ensure!(
            !fargate
                .iter()
                .any(|f| f.platform == platform && f.tier == tier),
            r,
            "duplicate (region, platform, tier)"
        );
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
    let families: Vec<&str> = types.iter().map(|t| t.family()).collect();
    let commits = commits(tables, code, &families)?;

    // Only the checks and the completeness tests read this list.
    let mut not_offered = Vec::new();
    for r in here("ec2_not_offered.csv")?.into_iter().filter(|_| CHECKED) {
        let family = r.get("family");
        ensure!(
            family_known(family),
            r,
            "family {family} is not in {}",
            catalog::FILE
        );
        let priced = types
            .iter()
            .zip(&ec2)
            .any(|(t, p)| t.family() == family && p.is_some());
        ensure!(
            !priced,
            r,
            "family is listed as not offered but has prices in that region"
        );
        prov(&r)?;
        not_offered.push(keep(family));
    }
    Ok(RegionBook {
        ec2,
        spot,
        fargate,
        fees,
        commits,
        not_offered,
    })
}

#[cfg(test)]
mod tests;
