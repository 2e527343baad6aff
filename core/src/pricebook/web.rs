//! The web app's form of the book: the same figures as the book directory,
//! in lines the page reads with `split` and the crate's decimal reader.
//!
//! A book directory is CSV tables with named columns, read and checked by
//! [`super::book`]. The page does not need their generality: `berth
//! book-files` writes, from a book that passed every check, one shared
//! file and one file per region in this form, and the page reads those
//! (and checks each is the file written: its name is after its content).
//! Reading them needs no CSV reader and no rules, which keeps the page
//! small; a test writes every region of the embedded book and reads it
//! back to the same figures.
//!
//! Each line is a record: a tag, then tab-separated fields. `P` lines are
//! the file's provenances, numbered from 0 in order; the other records
//! end with the number of theirs.
//!
//! A provenance's texts (source and note: half of a file, compressed) are
//! not in these files but in one words file for the whole book, `source
//! <TAB> note` per line, which `P` lines name by line number. Only the
//! Data panel and the sources of the Decide panel's reasons show them, so
//! the page fetches the words after its first render
//! ([`crate::provenance::install_words`]).
//!
//! | tag | fields |
//! |---|---|
//! | `P` | as_of (empty when the line before's), confidence (`high`…), derived (`0`/`1`), the line of the words file as the step from the line before's |
//! | `T` | instance type, arch (`x86_64`/`arm64`), vCPU, memory GiB, ENIs, IPv4 per ENI, trunking, branch ENIs, EKS max pods, burstable, GPUs — a field after the name empty when it is the line before's, the name `.size` when the family is |
//! | `Z` | Fargate size: vCPU, memory GiB |
//! | `A` | App Runner size: vCPU, memory GiB |
//! | `L` | limit key, value, unit, provenance |
//! | `C` | kube-reserved CPU tier key, from core, to core (empty: no end), percent, provenance |
//! | `F` | fee key, value, unit, provenance |
//! | `E` | EC2 instance type, USD per hour, provenance — each field empty when it follows from the line before: the type the next in the catalog, the price `=` the previous one's scaled by vCPU (exactly, as the reader computes it), the provenance the same (most of a region's prices: AWS prices sizes of a family linearly) |
//! | `K` | commitment rate key without its `commit.`, percent saved, provenance |
//! | `S` | Spot family, percent saved, provenance |
//! | `G` | Fargate platform, tier, vCPU-hour, GB-hour, licence vCPU-hour (empty on Linux), provenance |

use super::figures::{
    CommitRow, CpuTierRow, FargateRow, FeeRow, LimitRow, RegionBook, Shared, SpotRow,
};
use super::{FargatePlatform, FargateTier, Fee, Limit, Provenance, TaskSize};
use crate::catalog::{InstanceType, InstanceTypeId};
use crate::decimal::{parse_f64, shortest};
use crate::provenance::{self, keep, Confidence};
use crate::units::Arch;

/// The words file being written: each distinct (source, note) once, in
/// the order the files first name them.
#[derive(Default)]
pub(crate) struct Words(Vec<(&'static str, &'static str)>);

impl Words {
    fn line_of(&mut self, p: &Provenance) -> usize {
        let texts = (p.source(), p.note());
        if let Some(i) = self.0.iter().position(|w| *w == texts) {
            return i;
        }
        self.0.push(texts);
        self.0.len() - 1
    }

    /// The words file's text.
    pub(crate) fn text(&self) -> String {
        self.0.iter().map(|(s, n)| format!("{s}\t{n}\n")).collect()
    }
}

/// The lines of one file as they are written.
#[derive(Default)]
struct Writer {
    provs: Vec<&'static Provenance>,
    body: String,
}

impl Writer {
    /// The number of `p` in this file, listing it the first time.
    fn prov(&mut self, p: &'static Provenance) -> usize {
        if let Some(i) = self.provs.iter().position(|q| **q == *p) {
            return i;
        }
        self.provs.push(p);
        self.provs.len() - 1
    }

    /// Adds a record; its provenance, if any, goes last.
    fn line(&mut self, tag: &str, fields: &[String], prov: Option<&'static Provenance>) {
        let mut fields = fields.to_vec();
        fields.extend(prov.map(|p| self.prov(p).to_string()));
        self.body.push_str(tag);
        for f in fields {
            self.body.push('\t');
            self.body.push_str(&f);
        }
        self.body.push('\n');
    }

    fn finish(self, words: &mut Words) -> String {
        let mut out = String::new();
        let mut before = ["", "", "", ""].map(String::from);
        for p in self.provs {
            let line = i64::try_from(words.line_of(p)).unwrap_or(i64::MAX);
            let last: i64 = before[3].parse().unwrap_or(0);
            let fields = [
                p.as_of.to_string(),
                p.confidence.key().to_string(),
                if p.derived { "1" } else { "0" }.to_string(),
                line.to_string(),
            ];
            out.push('P');
            for (k, f) in fields.iter().enumerate() {
                out.push('\t');
                // A date as the line before's is left empty; the words
                // line is written as the step from the line before's.
                match k {
                    3 => out.push_str(&(line - last).to_string()),
                    0 if before.first() == Some(f) => {}
                    _ => out.push_str(f),
                }
            }
            out.push('\n');
            before = fields;
        }
        out + &self.body
    }
}

fn num(v: f64) -> String {
    shortest(v)
}

fn flag(b: bool) -> String {
    String::from(if b { "1" } else { "0" })
}

/// The shared file: catalog, sizes, limits, tiers, fees for all regions.
pub(crate) fn write_shared(types: &[InstanceType], shared: &Shared, words: &mut Words) -> String {
    let mut w = Writer::default();
    let mut before: Vec<String> = Vec::new();
    for t in types {
        let arch = match t.arch {
            Arch::X86 => "x86_64",
            Arch::Arm => "arm64",
        };
        let fields = [
            t.name().to_string(),
            arch.to_string(),
            t.vcpu.to_string(),
            num(t.memory_gib),
            t.max_enis.to_string(),
            t.ipv4_per_eni.to_string(),
            flag(t.trunking),
            t.branch_enis.to_string(),
            t.eks_max_pods.to_string(),
            flag(t.burstable),
            t.gpus.to_string(),
        ];
        let mut shown = fields.clone();
        if let (Some(b), Some(name)) = (before.first(), shown.first_mut()) {
            if let Some((fam, size)) = name.split_once('.') {
                if b.split_once('.').is_some_and(|(bf, _)| bf == fam) {
                    *name = format!(".{size}");
                }
            }
        }
        for (k, text) in shown.iter_mut().enumerate().skip(1) {
            if before.get(k) == Some(text) {
                text.clear();
            }
        }
        w.line("T", &shown, None);
        before = fields.to_vec();
    }
    for (tag, sizes) in [
        ("Z", &shared.fargate_sizes),
        ("A", &shared.app_runner_sizes),
    ] {
        for s in sizes {
            w.line(tag, &[num(s.vcpu), num(s.memory_gib)], None);
        }
    }
    for l in &shared.limits {
        w.line(
            "L",
            &[l.key.into(), num(l.value), l.unit.into()],
            Some(l.provenance),
        );
    }
    for c in &shared.cpu_tiers {
        let to = c.to_core.map(num).unwrap_or_default();
        let fields = [c.key.into(), num(c.from_core), to, num(c.pct)];
        w.line("C", &fields, Some(c.provenance));
    }
    write_fees(&mut w, &shared.fees, &shared.commits);
    w.finish(words)
}

fn write_fees(w: &mut Writer, fees: &[FeeRow], commits: &[CommitRow]) {
    for f in fees {
        let fields = [f.fee.key().into(), num(f.value), f.unit.into()];
        w.line("F", &fields, Some(f.provenance));
    }
    for c in commits {
        let key = c.key.strip_prefix("commit.").unwrap_or(c.key);
        w.line("K", &[key.into(), num(c.pct)], Some(c.provenance));
    }
}

/// One region's file.
pub(crate) fn write_region(types: &[InstanceType], book: &RegionBook, words: &mut Words) -> String {
    let mut w = Writer::default();
    let mut last: Option<(usize, f64, &'static Provenance)> = None;
    for (i, (t, price)) in types.iter().zip(&book.ec2).enumerate() {
        let Some((usd, p)) = *price else { continue };
        let next = last.filter(|l| l.0 + 1 == i);
        let name = if next.is_some() { "" } else { t.name() };
        let scaled = next.zip(i.checked_sub(1).and_then(|j| types.get(j)));
        let value = match scaled {
            Some((l, before)) if scaled_price(l.1, before.vcpu, t.vcpu) == usd => "=".to_string(),
            _ => num(usd),
        };
        let prov = match last {
            Some(l) if std::ptr::eq(l.2, p) || *l.2 == *p => String::new(),
            _ => w.prov(p).to_string(),
        };
        w.line("E", &[name.into(), value, prov], None);
        last = Some((i, usd, p));
    }
    for s in &book.spot {
        w.line("S", &[s.family.into(), num(s.pct)], Some(s.provenance));
    }
    for g in &book.fargate {
        let lic = g.os_license_vcpu_hour.map(num).unwrap_or_default();
        let fields = [
            g.platform.key().into(),
            g.tier.key().into(),
            num(g.vcpu_hour),
            num(g.gb_hour),
            lic,
        ];
        w.line("G", &fields, Some(g.provenance));
    }
    write_fees(&mut w, &book.fees, &book.commits);
    w.finish(words)
}

/// A record being read: its fields in order, and the file's provenances.
struct Fields<'a> {
    parts: std::str::Split<'a, char>,
    provs: &'a [&'static Provenance],
}

impl<'a> Fields<'a> {
    fn text(&mut self) -> Result<&'a str, ()> {
        self.parts.next().ok_or(())
    }
    fn num(&mut self) -> Result<f64, ()> {
        parse_f64(self.text()?).filter(|v| v.is_finite()).ok_or(())
    }
    fn opt(&mut self) -> Result<Option<f64>, ()> {
        match self.text()? {
            "" => Ok(None),
            s => parse_f64(s).map(Some).ok_or(()),
        }
    }
    fn prov(&mut self) -> Result<&'static Provenance, ()> {
        let i: usize = self.text()?.parse().map_err(|_| ())?;
        self.provs.get(i).copied().ok_or(())
    }
}

/// What one file holds; either kind of file fills its part.
#[derive(Default)]
struct Read {
    types: Vec<InstanceType>,
    shared: Shared,
    region: RegionBook,
    /// The last `E` line's type, price and provenance (the next may
    /// follow from them).
    last_e: Option<(usize, f64, &'static Provenance)>,
    /// The last `T` line's fields, as read.
    last_t: Vec<String>,
}

/// A price scaled from the size before by vCPU: the writer's test and the
/// reader's figure, one expression.
fn scaled_price(before_usd: f64, before_vcpu: u32, vcpu: u32) -> f64 {
    before_usd * f64::from(vcpu) / f64::from(before_vcpu.max(1))
}

/// Reads a web file; `Err` names the line that cannot be read (the name
/// check has passed, so only a file of another format gets here).
fn read(file: &str, text: &str, types: &[InstanceType]) -> Result<Read, String> {
    let mut provs: Vec<&'static Provenance> = Vec::new();
    let mut out = Read::default();
    for (n, line) in text.lines().enumerate() {
        let bad = || format!("{file} line {}: not a price-book record", n + 1);
        let mut parts = line.split('\t');
        let tag = parts.next().unwrap_or_default();
        if tag == "P" {
            let prov = read_prov(parts, provs.last().copied()).ok_or_else(bad)?;
            provs.push(prov);
            continue;
        }
        let mut f = Fields {
            parts,
            provs: &provs,
        };
        record(tag, &mut f, &mut out, types).map_err(|()| bad())?;
    }
    Ok(out)
}

/// Reads a `P` line: an empty date is `before`'s, the words line is the
/// step from `before`'s.
fn read_prov(
    mut parts: std::str::Split<'_, char>,
    before: Option<&'static Provenance>,
) -> Option<&'static Provenance> {
    let as_of = match parts.next()? {
        "" => before?.as_of,
        text => text,
    };
    let confidence = match parts.next()? {
        "high" => Confidence::High,
        "medium" => Confidence::Medium,
        _ => Confidence::Low,
    };
    let derived = parts.next()? == "1";
    let step: i64 = parts.next()?.parse().ok()?;
    let last = before.map_or(0, |b| i64::from(b.words));
    let words = u32::try_from(last + step).ok()?;
    Some(provenance::kept_words(as_of, confidence, derived, words))
}

fn record(tag: &str, f: &mut Fields<'_>, out: &mut Read, types: &[InstanceType]) -> Result<(), ()> {
    let types = if out.types.is_empty() {
        types
    } else {
        &out.types
    };
    match tag {
        "T" => {
            // Fields left empty are the line before's (`out.last_t`).
            let mut texts: Vec<String> = Vec::with_capacity(11);
            for k in 0..11 {
                let t = f.text()?;
                let before = out.last_t.get(k).map_or("", String::as_str);
                texts.push(match (k, t) {
                    (0, name) if name.starts_with('.') => {
                        let fam = before.split_once('.').ok_or(())?.0;
                        format!("{fam}{name}")
                    }
                    (1.., "") => before.to_string(),
                    _ => t.to_string(),
                });
            }
            let text = |k: usize| texts.get(k).map_or("", String::as_str);
            let whole = |k: usize| -> Result<u32, ()> { text(k).parse().map_err(|_| ()) };
            let name = text(0);
            let id = u16::try_from(out.types.len()).map_err(|_| ())?;
            out.types.push(InstanceType {
                id: InstanceTypeId::from_index(id),
                // One per type of a catalog read once: not worth a search.
                key: Box::leak(format!("ec2.{name}").into_boxed_str()),
                arch: if text(1) == "arm64" {
                    Arch::Arm
                } else {
                    Arch::X86
                },
                vcpu: whole(2)?,
                memory_gib: parse_f64(text(3)).filter(|v| v.is_finite()).ok_or(())?,
                max_enis: whole(4)?,
                ipv4_per_eni: whole(5)?,
                trunking: text(6) == "1",
                branch_enis: whole(7)?,
                eks_max_pods: whole(8)?,
                burstable: text(9) == "1",
                gpus: whole(10)?,
            });
            out.last_t = texts;
        }
        "Z" | "A" => {
            let size = TaskSize {
                vcpu: f.num()?,
                memory_gib: f.num()?,
            };
            let sizes = match tag {
                "Z" => &mut out.shared.fargate_sizes,
                _ => &mut out.shared.app_runner_sizes,
            };
            sizes.push(size);
        }
        "L" => {
            // In `Limit::ALL` order, as the lookup indexes them.
            let key = f.text()?;
            let next = Limit::ALL.get(out.shared.limits.len()).ok_or(())?;
            if next.key() != key {
                return Err(());
            }
            out.shared.limits.push(LimitRow {
                key: keep(key),
                value: f.num()?,
                unit: keep(f.text()?),
                provenance: f.prov()?,
            });
        }
        "C" => out.shared.cpu_tiers.push(CpuTierRow {
            key: keep(f.text()?),
            from_core: f.num()?,
            to_core: f.opt()?,
            pct: f.num()?,
            provenance: f.prov()?,
        }),
        "F" => {
            let key = f.text()?;
            let fee = Fee::ALL.into_iter().find(|x| x.key() == key).ok_or(())?;
            let row = FeeRow {
                fee,
                value: f.num()?,
                unit: keep(f.text()?),
                provenance: f.prov()?,
            };
            // The shared file's fees hold everywhere; a region's, there.
            match out.types.is_empty() {
                true => out.region.fees.push(row),
                false => out.shared.fees.push(row),
            }
        }
        "K" => {
            let row = CommitRow {
                key: keep(&format!("commit.{}", f.text()?)),
                pct: f.num()?,
                provenance: f.prov()?,
            };
            match out.types.is_empty() {
                true => out.region.commits.push(row),
                false => out.shared.commits.push(row),
            }
        }
        "E" => {
            let name = f.text()?;
            let last = out.last_e;
            let i = match (name, last) {
                ("", Some(l)) => l.0 + 1,
                _ => types.iter().position(|t| t.name() == name).ok_or(())?,
            };
            let usd = match (f.text()?, last) {
                ("=", Some(l)) => {
                    let before = types.get(i.checked_sub(1).ok_or(())?).ok_or(())?;
                    let t = types.get(i).ok_or(())?;
                    scaled_price(l.1, before.vcpu, t.vcpu)
                }
                (text, _) => parse_f64(text).filter(|v| v.is_finite()).ok_or(())?,
            };
            let prov = match (f.parts.clone().next(), last) {
                (Some(""), Some(l)) => l.2,
                _ => f.prov()?,
            };
            if out.region.ec2.len() < types.len() {
                out.region.ec2.resize(types.len(), None);
            }
            let cell = out.region.ec2.get_mut(i).ok_or(())?;
            *cell = Some((usd, prov));
            out.last_e = Some((i, usd, prov));
        }
        "S" => {
            let family = keep(f.text()?);
            out.region.spot.push(SpotRow {
                key: keep(&format!("spot.{family}")),
                family,
                pct: f.num()?,
                provenance: f.prov()?,
            });
        }
        "G" => {
            let platform = f.text()?;
            let platform = FargatePlatform::ALL
                .into_iter()
                .find(|p| p.key() == platform)
                .ok_or(())?;
            let tier = f.text()?;
            let tier = FargateTier::ALL
                .into_iter()
                .find(|t| t.key() == tier)
                .ok_or(())?;
            out.region.fargate.push(FargateRow {
                platform,
                tier,
                vcpu_hour: f.num()?,
                gb_hour: f.num()?,
                os_license_vcpu_hour: f.opt()?,
                provenance: f.prov()?,
            });
        }
        _ => return Err(()),
    }
    Ok(())
}

/// Reads the shared file: the catalog and what regions share.
pub(crate) fn read_shared(file: &str, text: &str) -> Result<(Vec<InstanceType>, Shared), String> {
    let read = read(file, text, &[])?;
    let complete = !read.types.is_empty() && read.shared.limits.len() == Limit::ALL.len();
    if !complete {
        return Err(format!("{file} is not the price book's shared file"));
    }
    Ok((read.types, read.shared))
}

/// Reads one region's file against the catalog `types`.
pub(crate) fn read_region(
    file: &str,
    text: &str,
    types: &[InstanceType],
) -> Result<RegionBook, String> {
    let mut read = read(file, text, types)?;
    if !read.types.is_empty() {
        return Err(format!("{file} is not a region's price-book file"));
    }
    read.region.ec2.resize(types.len(), None);
    Ok(read.region)
}

#[cfg(test)]
mod tests;
