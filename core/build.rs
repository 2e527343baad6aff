//! Compiles the price book in `data/*.csv` into `$OUT_DIR/pricebook_data.rs`.
//!
//! The CSV files are read and checked here, at build time, so the wasm bundle
//! carries only `static` arrays of plain structs and no parser. Any malformed
//! row (wrong column count, a number that does not parse, NaN, a negative or
//! zero price, an unknown key, a duplicate) stops the build with the file,
//! line and reason. EC2 prices and Spot savings are compiled to small
//! integers indexed by instance type, family and region (they are most of the
//! book); every provenance sits once in `PROVENANCES`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

#[path = "build/csv.rs"]
mod csv;
#[path = "build/perf.rs"]
mod perf;

use csv::*;
use perf::perf;

/// The provenance columns every data file ends with.
const PROV: [&str; 5] = ["source", "as_of", "confidence", "derived", "note"];

/// Region codes in the order of `crate::region::REGIONS`, the column order of
/// the EC2 and Spot tables (`rows.rs` checks the two lists agree when it compiles).
const REGION_CODES: [&str; 12] = [
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "ca-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-central-1",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "sa-east-1",
];

/// Decimal places of the integer EC2 prices: millionths of a USD.
const EC2_PLACES: usize = 6;
/// 10 to the power `EC2_PLACES`; the lookup divides by it.
const EC2_PER_USD: f64 = 1e6;

/// Fee keys in `fees.csv`, with the `Fee` variant each one backs.
const FEES: [(&str, &str); 15] = [
    ("fee.eks_cluster_standard_hour", "EksClusterStandardHour"),
    ("fee.eks_cluster_extended_hour", "EksClusterExtendedHour"),
    ("fee.eks_auto_mode_pct", "EksAutoModePctOfOnDemand"),
    (
        "fee.ecs_managed_instances_pct",
        "EcsManagedInstancesPctOfOnDemand",
    ),
    ("fee.alb_hour", "AlbHour"),
    ("fee.alb_lcu_hour", "AlbLcuHour"),
    ("fee.app_runner_vcpu_hour", "AppRunnerVcpuHour"),
    ("fee.app_runner_gb_hour", "AppRunnerGbHour"),
    (
        "fee.app_runner_provisioned_gb_hour",
        "AppRunnerProvisionedGbHour",
    ),
    (
        "fee.app_runner_auto_deploy_month",
        "AppRunnerAutoDeployMonth",
    ),
    ("fee.lambda_gb_second_x86", "LambdaGbSecondX86"),
    ("fee.lambda_gb_second_arm", "LambdaGbSecondArm"),
    (
        "fee.lambda_per_million_requests",
        "LambdaPerMillionRequests",
    ),
    ("fee.fargate_ephemeral_gb_hour", "FargateEphemeralGbHour"),
    ("fee.gp3_gb_month", "Gp3GbMonth"),
];

/// Limit keys in `limits.csv`, with the `Limit` variant each one backs.
const LIMITS: [(&str, &str); 14] = [
    ("limit.fargate_ephemeral_free_gb", "FargateEphemeralFreeGb"),
    ("limit.fargate_ephemeral_max_gb", "FargateEphemeralMaxGb"),
    (
        "limit.eks_fargate_pod_overhead_mib",
        "EksFargatePodOverheadMib",
    ),
    ("limit.fargate_windows_min_vcpu", "FargateWindowsMinVcpu"),
    ("limit.express_services_per_alb", "ExpressServicesPerAlb"),
    ("limit.lambda_min_memory_mib", "LambdaMinMemoryMib"),
    ("limit.lambda_max_memory_mib", "LambdaMaxMemoryMib"),
    (
        "limit.lambda_max_duration_seconds",
        "LambdaMaxDurationSeconds",
    ),
    (
        "limit.eks_kube_reserved_memory_base_mib",
        "EksKubeReservedMemoryBaseMib",
    ),
    (
        "limit.eks_kube_reserved_memory_per_pod_mib",
        "EksKubeReservedMemoryPerPodMib",
    ),
    ("limit.eks_eviction_hard_mib", "EksEvictionHardMib"),
    ("limit.eks_system_pods_per_node", "EksSystemPodsPerNode"),
    ("limit.ecs_cpu_units_per_vcpu", "EcsCpuUnitsPerVcpu"),
    ("limit.k8s_millicores_per_vcpu", "K8sMillicoresPerVcpu"),
];

/// Valid Fargate vCPU sizes and the memory range (GiB) each allows.
const FARGATE_RANGES: [(f64, f64, f64); 7] = [
    (0.25, 0.5, 2.0),
    (0.5, 1.0, 4.0),
    (1.0, 2.0, 8.0),
    (2.0, 4.0, 16.0),
    (4.0, 8.0, 30.0),
    (8.0, 16.0, 60.0),
    (16.0, 32.0, 120.0),
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed={}", dir.display());
    // The web build fetches the source texts when it shows them; the
    // native build (CLI, tests) carries them.
    let lazy_texts = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let mut out = Gen {
        lazy_texts,
        ..Gen::default()
    };
    out.instance_types_and_ec2(&dir);
    out.spot(&dir);
    out.fargate(&dir);
    out.sizes(&dir, "fargate_sizes.csv", "FARGATE_SIZES", true);
    out.sizes(&dir, "app_runner_sizes.csv", "APP_RUNNER_SIZES", false);
    out.fees(&dir);
    out.limits(&dir);
    out.cpu_tiers(&dir);
    perf(&dir, lazy_texts);
    let newest = out
        .newest
        .clone()
        .unwrap_or_else(|| fail("data", 0, "no dated row"));
    writeln!(
        out.code,
        "pub(crate) const NEWEST_AS_OF: &str = {newest:?};"
    )
    .unwrap();
    let (sources_name, sources_text) = out.sources_file();
    writeln!(
        out.code,
        "/// The file the web app fetches the source texts from.\npub const SOURCES_FILE: &str = {sources_name:?};\n\n/// Whether this build carries the source texts itself.\npub(crate) const TEXTS_INSIDE: bool = {};\n",
        !lazy_texts
    )
    .unwrap();
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("sources.txt"), sources_text).unwrap();
    let dest = Path::new(&out_dir).join("pricebook_data.rs");
    let text = format!(
        "// @generated by core/build.rs from core/data/*.csv. Do not edit.\n\n{}{}",
        out.provenances(),
        out.code
    );
    std::fs::write(dest, text).unwrap();
    let catalog = format!(
        "// @generated by core/build.rs from core/data/*.csv. Do not edit.\n\n{}",
        out.catalog_code
    );
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalog_data.rs");
    std::fs::write(dest, catalog).unwrap();
}

/// The generated Rust source, built up as the files are read.
#[derive(Default)]
struct Gen {
    /// `Provenance` literals in `PROVENANCES` order.
    provs: Vec<String>,
    code: String,
    prov_ids: BTreeMap<String, usize>,
    newest: Option<String>,
    catalog: BTreeMap<String, String>,
    /// Instance type names in catalog order (price rows refer to them by index).
    order: Vec<String>,
    /// Their vCPUs, in the same order.
    vcpus: Vec<u32>,
    /// The catalog's generated code (`vocab::catalog`): the instance types.
    catalog_code: String,
    /// The web build: source texts go to the sources file, and figures
    /// whose provenance differs only in its texts share one entry.
    lazy_texts: bool,
    /// `(region or all, rate key) -> (source, note)`, for the sources file.
    texts: BTreeMap<(String, String), (String, String)>,
}

type Row = BTreeMap<String, String>;

impl Gen {
    /// Checks a row's provenance columns; returns the `Provenance` literal.
    fn check(&mut self, t: &Table, line: usize, r: &Row) -> String {
        let conf = match r["confidence"].as_str() {
            "high" => "High",
            "medium" => "Medium",
            "low" => "Low",
            other => fail(
                &t.file,
                line,
                &format!("confidence {other:?} is not high|medium|low"),
            ),
        };
        let derived = boolean(t, line, &r["derived"]);
        if derived && r["note"].trim().is_empty() {
            fail(
                &t.file,
                line,
                "a derived figure needs a note saying how it was derived",
            );
        }
        let as_of = r["as_of"].as_str();
        if !valid_date(as_of) {
            fail(
                &t.file,
                line,
                "as_of must be YYYY-MM-DD, YYYY-MM, YYYY or undated",
            );
        }
        if as_of.len() == 10 && self.newest.as_deref().is_none_or(|n| as_of > n) {
            self.newest = Some(as_of.to_string());
        }
        if r["source"].trim().is_empty() {
            fail(&t.file, line, "source is empty");
        }
        format!(
            "as_of: {as_of:?}, confidence: Confidence::{conf}, derived: {derived}, \u{0}{:?}\u{0}{:?}",
            r["source"], r["note"]
        )
    }

    /// Returns the index in `PROVENANCES` of a row's provenance, adding it
    /// once; `keys` are the rate keys the row backs (their texts go to the
    /// sources file).
    fn prov_id(&mut self, t: &Table, line: usize, r: &Row, keys: &[String]) -> u16 {
        let body = self.check(t, line, r);
        let region = r.get("region").map_or("all", String::as_str);
        for key in keys {
            let text = (r["source"].clone(), r["note"].clone());
            self.texts.insert((region.to_string(), key.clone()), text);
        }
        let body = if self.lazy_texts {
            let fields = body.split('\u{0}').next().unwrap_or_default();
            format!("{fields}\u{0}\"\"\u{0}\"\"")
        } else {
            body
        };
        let next = self.provs.len();
        let id = *self.prov_ids.entry(body.clone()).or_insert(next);
        if id == next {
            self.provs.push(body);
        }
        u16::try_from(id).unwrap_or_else(|_| fail(&t.file, line, "more than 65536 provenances"))
    }

    /// Returns a reference to a row's provenance in `PROVENANCES`.
    fn prov(&mut self, t: &Table, line: usize, r: &Row, keys: &[String]) -> String {
        format!("&PROVENANCES[{}]", self.prov_id(t, line, r, keys))
    }

    /// The `PROVENANCES` array. In the web build (`lazy_texts`) its texts
    /// are empty ([`Gen::prov_id`] left them to the sources file, which the
    /// page fetches when it shows them: see `pricebook::sources`); the
    /// native build keeps them in place.
    fn provenances(&self) -> String {
        let items: String = self
            .provs
            .iter()
            .enumerate()
            .map(|(id, p)| {
                let mut parts = p.split('\u{0}');
                let (fields, source, note) = (
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                );
                format!("    Provenance {{ id: {id}, {fields} source: {source}, note: {note} }},\n")
            })
            .collect();
        format!(
            "pub(crate) static PROVENANCES: [Provenance; {}] = [\n{items}];\n\n",
            self.provs.len()
        )
    }

    /// The sources file: one line per rate, `region<TAB>key<TAB>source<TAB>
    /// note` (region `all` for figures that hold everywhere), sorted, with
    /// `\\`, tab and newline escaped; and the name it is served under,
    /// after its content (so a long-cached name never holds two contents).
    fn sources_file(&self) -> (String, String) {
        let esc = |t: &str| {
            t.replace('\\', "\\\\")
                .replace('\t', "\\t")
                .replace('\n', "\\n")
        };
        let text: String = self
            .texts
            .iter()
            .map(|((region, key), (source, note))| {
                format!("{region}\t{key}\t{}\t{}\n", esc(source), esc(note))
            })
            .collect();
        // FNV-1a, 64 bits: a content name, not a security hash.
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        (format!("sources-{hash:016x}.txt"), text)
    }

    fn instance_types_and_ec2(&mut self, dir: &Path) {
        let cols = [
            "instance_type",
            "family",
            "arch",
            "vcpu",
            "memory_gib",
            "max_enis",
            "ipv4_per_eni",
        ];
        let more = ["trunking", "branch_enis", "eks_max_pods", "burstable"];
        let all: Vec<&str> = cols.iter().chain(more.iter()).copied().collect();
        let t = Table::read(dir, "instance_types.csv", &all);
        // The catalog goes to its own file, read by the vocabulary layer.
        let book_code = std::mem::take(&mut self.code);
        let mut items = String::new();
        for (line, r) in &t.rows {
            let (name, family) = (&r["instance_type"], &r["family"]);
            if !name.starts_with(&format!("{family}.")) {
                fail(&t.file, *line, "instance_type must start with its family");
            }
            if self.catalog.insert(name.clone(), family.clone()).is_some() {
                fail(&t.file, *line, "duplicate instance type");
            }
            self.order.push(name.clone());
            self.vcpus.push(whole(&t, *line, &r["vcpu"]));
            let arch = match r["arch"].as_str() {
                "x86_64" => "Arch::X86",
                "arm64" => "Arch::Arm",
                _ => fail(&t.file, *line, "arch must be x86_64 or arm64"),
            };
            // Instance specs carry no provenance in the API; the columns are only checked.
            let _ = self.check(&t, *line, r);
            let u = |c: &str| whole(&t, *line, &r[c]);
            writeln!(items, "    InstanceType {{ id: InstanceTypeId({}), key: \"ec2.{name}\", arch: {arch}, vcpu: {}, memory_gib: {:?}, max_enis: {}, ipv4_per_eni: {}, trunking: {}, branch_enis: {}, eks_max_pods: {}, burstable: {} }},",
                self.order.len() - 1, u("vcpu"), positive(&t, *line, &r["memory_gib"]), u("max_enis"), u("ipv4_per_eni"),
                boolean(&t, *line, &r["trunking"]), u("branch_enis"), u("eks_max_pods"), boolean(&t, *line, &r["burstable"])).unwrap();
        }
        self.array("INSTANCE_TYPES", "InstanceType", t.rows.len(), &items);
        self.catalog_code = std::mem::replace(&mut self.code, book_code);

        let t = Table::read(
            dir,
            "ec2_prices.csv",
            &["instance_type", "region", "usd_per_hour"],
        );
        // Dense tables, one run of catalog types per region; price 0 is "none".
        let types = self.order.len();
        let cells = REGION_CODES.len() * types;
        let (mut price, mut prov, mut seen) = (vec![0; cells], vec![0; cells], BTreeSet::new());
        for (line, r) in &t.rows {
            let name = &r["instance_type"];
            if !self.catalog.contains_key(name) {
                fail(
                    &t.file,
                    *line,
                    &format!("{name} is not in instance_types.csv"),
                );
            }
            let g = region_index(&t, *line, &r["region"]);
            if !seen.insert((name.clone(), g)) {
                fail(&t.file, *line, "duplicate (instance_type, region)");
            }
            let it = self
                .order
                .iter()
                .position(|n| n == name)
                .unwrap_or_default();
            let cell = g * types + it;
            price[cell] = micros(&t, *line, &r["usd_per_hour"]);
            prov[cell] = self.prov_id(&t, *line, r, &[format!("ec2.{name}")]);
        }
        let codes: String = REGION_CODES.iter().map(|c| format!("{c:?}, ")).collect();
        let n = REGION_CODES.len();
        writeln!(
            self.code,
            "pub(crate) const REGION_CODES: [&str; {n}] = [{codes}];\n"
        )
        .unwrap();
        writeln!(
            self.code,
            "pub(crate) const EC2_PER_USD: f64 = {EC2_PER_USD:?};\n"
        )
        .unwrap();
        // A price that is exactly the previous size's scaled by vCPU (most
        // are: m5.xlarge is twice m5.large) is written as LINEAR, which the
        // lookup turns back into the same integer: the table compresses to
        // less than half (1.6 KB gzip off the page), and no figure changes.
        let mut encoded = price.clone();
        for g in 0..REGION_CODES.len() {
            for it in 1..types {
                let (cell, prev) = (g * types + it, g * types + it - 1);
                let same_family =
                    self.catalog[&self.order[it]] == self.catalog[&self.order[it - 1]];
                let (p, q) = (u64::from(price[cell]), u64::from(price[prev]));
                let (v, w) = (u64::from(self.vcpus[it]), u64::from(self.vcpus[it - 1]));
                if same_family && p != 0 && q != 0 && w != 0 && q * v % w == 0 && q * v / w == p {
                    encoded[cell] = u32::MAX;
                }
            }
        }
        writeln!(
            self.code,
            "/// An EC2 cell that is the previous type's price scaled by vCPU.\npub(crate) const LINEAR: u32 = u32::MAX;\n"
        )
        .unwrap();
        self.matrix("EC2_PRICE", "u32", &encoded, types);
        self.matrix("EC2_PROV", "u16", &prov, types);

        let t = Table::read(dir, "ec2_not_offered.csv", &["family", "region"]);
        let mut items = String::new();
        for (line, r) in &t.rows {
            if !self.catalog.values().any(|f| f == &r["family"]) {
                fail(&t.file, *line, "family is not in instance_types.csv");
            }
            let (region, g) = (&r["region"], region_index(&t, *line, &r["region"]));
            if seen
                .iter()
                .any(|(n, s)| *s == g && self.catalog[n] == r["family"])
            {
                fail(
                    &t.file,
                    *line,
                    "family is listed as not offered but has prices in that region",
                );
            }
            writeln!(items, "    ({:?}, {region:?}),", r["family"]).unwrap();
        }
        // Only the completeness tests read this list.
        self.code.push_str("#[cfg(test)]\n");
        self.array("EC2_NOT_OFFERED", "(&str, &str)", t.rows.len(), &items);
    }

    fn spot(&mut self, dir: &Path) {
        let t = Table::read(dir, "spot_savings.csv", &["family", "region", "pct_saved"]);
        let (mut items, mut seen, mut families) = (String::new(), BTreeSet::new(), Vec::new());
        for (line, r) in &t.rows {
            let family = &r["family"];
            if !self.catalog.values().any(|f| f == family) {
                fail(&t.file, *line, "family is not in instance_types.csv");
            }
            let g = region_index(&t, *line, &r["region"]);
            if !seen.insert((family.clone(), g)) {
                fail(&t.file, *line, "duplicate (family, region)");
            }
            let pct = positive(&t, *line, &r["pct_saved"]);
            if pct >= 100.0 {
                fail(&t.file, *line, "pct_saved must be below 100");
            }
            // Stored as a u8, which holds a whole number below 100 exactly.
            if pct.fract() != 0.0 {
                fail(&t.file, *line, "pct_saved must be a whole number");
            }
            let pct = pct as u8;
            let f = families
                .iter()
                .position(|x| x == family)
                .unwrap_or_else(|| {
                    families.push(family.clone());
                    families.len() - 1
                });
            let p = self.prov_id(&t, *line, r, &[format!("spot.{family}")]);
            writeln!(
                items,
                "    SpotRow {{ family: {f}, region: {g}, pct: {pct}, prov: {p} }},"
            )
            .unwrap();
        }
        if families.len() > 256 {
            fail(&t.file, 0, "more than 256 families");
        }
        let keys: String = families.iter().map(|f| format!("    {f:?},\n")).collect();
        self.array("SPOT_FAMILIES", "&str", families.len(), &keys);
        let keys: String = families
            .iter()
            .map(|f| format!("    \"spot.{f}\",\n"))
            .collect();
        self.array("SPOT_KEYS", "&str", families.len(), &keys);
        self.array("SPOT_SAVINGS", "SpotRow", t.rows.len(), &items);
    }

    fn fargate(&mut self, dir: &Path) {
        let cols = [
            "region",
            "platform",
            "tier",
            "usd_per_vcpu_hour",
            "usd_per_gb_hour",
            "os_license_usd_per_vcpu_hour",
        ];
        let t = Table::read(dir, "fargate_prices.csv", &cols);
        let (mut items, mut seen) = (String::new(), BTreeSet::new());
        for (line, r) in &t.rows {
            let region = region(&t, *line, &r["region"], false);
            let (plat, tier) = (r["platform"].as_str(), r["tier"].as_str());
            let plat_v = match plat {
                "linux_x86" => "LinuxX86",
                "linux_arm" => "LinuxArm",
                "windows_x86" => "WindowsX86",
                _ => fail(
                    &t.file,
                    *line,
                    "platform must be linux_x86|linux_arm|windows_x86",
                ),
            };
            let tier_v = match tier {
                "on_demand" => "OnDemand",
                "spot" => "Spot",
                _ => fail(&t.file, *line, "tier must be on_demand|spot"),
            };
            if !seen.insert((region.to_string(), plat, tier)) {
                fail(&t.file, *line, "duplicate (region, platform, tier)");
            }
            let lic = r["os_license_usd_per_vcpu_hour"].as_str();
            let lic = match (lic.is_empty(), plat == "windows_x86") {
                (true, false) => "None".to_string(),
                (false, true) => format!("Some({:?})", positive(&t, *line, lic)),
                _ => fail(
                    &t.file,
                    *line,
                    "os licence rate is required for windows_x86 and only there",
                ),
            };
            let mut keys = vec![
                format!("fargate.{plat}.{tier}.vcpu_hour"),
                format!("fargate.{plat}.{tier}.gb_hour"),
            ];
            if plat == "windows_x86" {
                keys.push(format!("fargate.{plat}.{tier}.os_license_vcpu_hour"));
            }
            let p = self.prov(&t, *line, r, &keys);
            writeln!(items, "    FargateRow {{ region: {region:?}, platform: FargatePlatform::{plat_v}, tier: FargateTier::{tier_v}, vcpu_hour: {:?}, gb_hour: {:?}, os_license_vcpu_hour: {lic}, provenance: {p} }},",
                positive(&t, *line, &r["usd_per_vcpu_hour"]), positive(&t, *line, &r["usd_per_gb_hour"])).unwrap();
        }
        self.array("FARGATE_PRICES", "FargateRow", t.rows.len(), &items);
    }

    fn sizes(&mut self, dir: &Path, file: &str, name: &str, fargate_rules: bool) {
        let t = Table::read(
            dir,
            file,
            &["vcpu", "cpu_units", "memory_gib", "memory_mib"],
        );
        let (mut items, mut last) = (String::new(), (0.0, 0.0));
        for (line, r) in &t.rows {
            let vcpu = positive(&t, *line, &r["vcpu"]);
            let gib = positive(&t, *line, &r["memory_gib"]);
            if positive(&t, *line, &r["cpu_units"]) != vcpu * 1024.0
                || positive(&t, *line, &r["memory_mib"]) != gib * 1024.0
            {
                fail(
                    &t.file,
                    *line,
                    "cpu_units must be vcpu x 1024 and memory_mib memory_gib x 1024",
                );
            }
            if (vcpu, gib) <= last {
                fail(
                    &t.file,
                    *line,
                    "rows must be sorted by (vcpu, memory_gib) without duplicates",
                );
            }
            last = (vcpu, gib);
            let ok = FARGATE_RANGES
                .iter()
                .any(|&(v, lo, hi)| v == vcpu && (lo..=hi).contains(&gib));
            if fargate_rules && !ok {
                fail(
                    &t.file,
                    *line,
                    "not a valid Fargate vCPU / memory combination",
                );
            }
            let _ = self.check(&t, *line, r);
            writeln!(
                items,
                "    TaskSize {{ vcpu: {vcpu:?}, memory_gib: {gib:?} }},"
            )
            .unwrap();
        }
        self.array(name, "TaskSize", t.rows.len(), &items);
    }

    fn fees(&mut self, dir: &Path) {
        let t = Table::read(dir, "fees.csv", &["key", "region", "value", "unit"]);
        let (mut items, mut seen) = (String::new(), BTreeMap::<String, BTreeSet<String>>::new());
        let mut units = BTreeMap::<String, String>::new();
        for (line, r) in &t.rows {
            let key = &r["key"];
            let Some((_, variant)) = FEES.iter().find(|(k, _)| k == key) else {
                fail(&t.file, *line, &format!("unknown fee key {key}"));
            };
            // One unit per fee: it is the fee's, not the row's.
            let unit = units
                .entry(key.clone())
                .or_insert_with(|| r["unit"].clone());
            if *unit != r["unit"] {
                fail(&t.file, *line, "a fee has one unit in every region");
            }
            let region = region(&t, *line, &r["region"], true);
            let regions = seen.entry(key.clone()).or_default();
            if regions.contains(region)
                || regions.contains("all")
                || (region == "all" && !regions.is_empty())
            {
                fail(&t.file, *line, "duplicate fee for this region (an `all` row may not be mixed with regional rows)");
            }
            regions.insert(region.to_string());
            let p = self.prov_id(&t, *line, r, std::slice::from_ref(key));
            let g = if region == "all" {
                "ALL_REGIONS".to_string()
            } else {
                region_index(&t, *line, region).to_string()
            };
            writeln!(
                items,
                "    FeeRow {{ fee: Fee::{variant}, region: {g}, prov: {p}, value: {:?} }},",
                positive(&t, *line, &r["value"])
            )
            .unwrap();
        }
        self.array("FEES", "FeeRow", t.rows.len(), &items);
        let arms: String = FEES
            .iter()
            .map(|(k, v)| format!("            Fee::{v} => {k:?},\n"))
            .collect();
        let unit_arms: String = FEES
            .iter()
            .map(|(k, v)| {
                format!(
                    "            Fee::{v} => {:?},\n",
                    units.get(*k).map_or("", String::as_str)
                )
            })
            .collect();
        writeln!(self.code, "impl Fee {{\n    /// The stable key of this fee, e.g. `fee.alb_hour`.\n    pub fn key(self) -> &'static str {{\n        match self {{\n{arms}        }}\n    }}\n\n    /// What the fee's figure counts.\n    pub fn unit(self) -> &'static str {{\n        match self {{\n{unit_arms}        }}\n    }}\n}}\n").unwrap();
    }

    fn limits(&mut self, dir: &Path) {
        let t = Table::read(dir, "limits.csv", &["key", "value", "unit"]);
        let mut rows = BTreeMap::new();
        for (line, r) in &t.rows {
            let Some((_, variant)) = LIMITS.iter().find(|(k, _)| *k == r["key"]) else {
                fail(&t.file, *line, &format!("unknown limit key {}", r["key"]));
            };
            let p = self.prov(&t, *line, r, std::slice::from_ref(&r["key"]));
            let body = format!(
                "LimitRow {{ key: {:?}, value: {:?}, unit: {:?}, provenance: {p} }}",
                r["key"],
                positive(&t, *line, &r["value"]),
                r["unit"]
            );
            if rows.insert(*variant, body).is_some() {
                fail(&t.file, *line, "duplicate limit");
            }
        }
        let mut arms = String::new();
        for (i, (_, variant)) in LIMITS.iter().enumerate() {
            let body = rows
                .get(variant)
                .unwrap_or_else(|| fail(&t.file, 0, &format!("no row for Limit::{variant}")));
            writeln!(self.code, "static LIMIT_{i}: LimitRow = {body};").unwrap();
            writeln!(arms, "        Limit::{variant} => &LIMIT_{i},").unwrap();
        }
        writeln!(self.code, "pub(crate) fn limit_row(limit: Limit) -> &'static LimitRow {{\n    match limit {{\n{arms}    }}\n}}\n").unwrap();
    }

    fn cpu_tiers(&mut self, dir: &Path) {
        let t = Table::read(
            dir,
            "eks_cpu_reserved_tiers.csv",
            &["tier", "from_core", "to_core", "pct_of_core"],
        );
        let (mut items, mut expect_from) = (String::new(), Some(0.0));
        for (line, r) in &t.rows {
            let from = number(&t, *line, &r["from_core"]);
            if Some(from) != expect_from {
                fail(
                    &t.file,
                    *line,
                    "tiers must start at core 0 and follow each other without gaps",
                );
            }
            let to = match r["to_core"].as_str() {
                "" => None,
                s => Some(positive(&t, *line, s)).filter(|&v| v > from),
            };
            if to.is_none() && !r["to_core"].is_empty() {
                fail(&t.file, *line, "to_core must be above from_core");
            }
            expect_from = to;
            let p = self.prov(
                &t,
                *line,
                r,
                &[format!(
                    "limit.eks_kube_reserved_cpu_pct.core_{}",
                    r["tier"]
                )],
            );
            let key = format!("limit.eks_kube_reserved_cpu_pct.core_{}", r["tier"]);
            writeln!(items, "    CpuTierRow {{ key: {key:?}, from_core: {from:?}, to_core: {to:?}, pct: {:?}, provenance: {p} }},", positive(&t, *line, &r["pct_of_core"])).unwrap();
        }
        if expect_from.is_some() {
            fail(&t.file, 0, "the last tier must have an empty to_core");
        }
        self.array("CPU_TIERS", "CpuTierRow", t.rows.len(), &items);
    }

    /// A dense table, `width` cells a line.
    fn matrix<T: std::fmt::Display>(&mut self, name: &str, ty: &str, cells: &[T], width: usize) {
        let items: String = cells
            .chunks(width)
            .map(|row| {
                let row: Vec<String> = row.iter().map(|c| c.to_string()).collect();
                format!("    {},\n", row.join(", "))
            })
            .collect();
        self.array(name, ty, cells.len(), &items);
    }

    fn array(&mut self, name: &str, ty: &str, len: usize, items: &str) {
        writeln!(
            self.code,
            "pub(crate) static {name}: [{ty}; {len}] = [\n{items}];\n"
        )
        .unwrap();
    }
}
