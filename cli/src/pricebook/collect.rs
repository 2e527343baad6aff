//! Reading the given files into figures: one price per (item, region),
//! a second different price for the same one being an error.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::instances::{self, Limits};
use super::offer::{self, Meta};
use super::price;
use super::rules::{self, Item};

/// Where a figure was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The price, normalised (`price::normalise`).
    pub price: String,
    /// Index into `Collected::metas`.
    pub meta: usize,
    /// Line in that file.
    pub line: u64,
}

/// Everything read from the given files.
pub struct Collected {
    /// The catalog's instance types (prices for others are not kept).
    catalog: HashSet<String>,
    /// One entry per offer file read.
    pub metas: Vec<Meta>,
    /// The figures, by item and region code.
    pub figures: BTreeMap<(Item, &'static str), Found>,
    /// (OfferCode, region) pairs some file had rows for.
    pub covered: BTreeSet<(String, &'static str)>,
    /// Catalog limits by instance type, with the file they came from.
    pub limits: BTreeMap<String, (Limits, String)>,
    /// The describe-instance-types files read.
    pub json_files: Vec<String>,
}

impl Collected {
    /// Nothing read yet; `catalog` lists the book's instance types.
    pub fn new(catalog: HashSet<String>) -> Collected {
        Collected {
            catalog,
            metas: Vec::new(),
            figures: BTreeMap::new(),
            covered: BTreeSet::new(),
            limits: BTreeMap::new(),
            json_files: Vec::new(),
        }
    }

    /// Reads one file: describe-instance-types JSON when it opens with `{`,
    /// else an offer file.
    pub fn read(&mut self, path: &Path) -> Result<(), String> {
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
        let mut input = BufReader::new(file);
        let head = input.fill_buf().map_err(|e| format!("{name}: {e}"))?;
        let first = head.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            let mut text = String::new();
            input
                .read_to_string(&mut text)
                .map_err(|e| format!("{name}: {e}"))?;
            return self.read_json(&name, &text);
        }
        self.read_offer(&name, input)
    }

    fn read_offer(&mut self, name: &str, input: impl Read) -> Result<(), String> {
        let meta_index = self.metas.len();
        let catalog = &self.catalog;
        let figures = &mut self.figures;
        let covered = &mut self.covered;
        let metas = &self.metas;
        let meta = offer::read(name, input, rules::needed, |meta, row| {
            let Some(region) = rules::region(row) else {
                return Ok(());
            };
            covered.insert((meta.code.clone(), region));
            let Some(item) = rules::item(&meta.code, row) else {
                return Ok(());
            };
            if let Item::Ec2 { instance_type } = &item {
                if !catalog.contains(instance_type) {
                    return Ok(());
                }
            }
            let price = price::normalise(row.text("PricePerUnit"))
                .map_err(|e| offer::at(name, row.line, e))?;
            let found = Found {
                price,
                meta: meta_index,
                line: row.line,
            };
            match figures.get(&(item.clone(), region)) {
                Some(old) if old.price != found.price => {
                    let other = metas.get(old.meta).map_or(name, |m| m.file.as_str());
                    Err(offer::at(
                        name,
                        row.line,
                        format!(
                            "{item:?} in {region} is {} here but {} at {other} line {}",
                            found.price, old.price, old.line
                        ),
                    ))
                }
                Some(_) => Ok(()),
                None => {
                    figures.insert((item, region), found);
                    Ok(())
                }
            }
        })?;
        self.metas.push(meta);
        Ok(())
    }

    fn read_json(&mut self, name: &str, text: &str) -> Result<(), String> {
        for (instance_type, limits) in instances::read(name, text)? {
            if !self.catalog.contains(&instance_type) {
                continue;
            }
            match self.limits.get(&instance_type) {
                Some((old, file)) if *old != limits => {
                    return Err(format!(
                        "{name}: {instance_type} differs from its entry in {file}"
                    ))
                }
                Some(_) => {}
                None => {
                    self.limits
                        .insert(instance_type, (limits, name.to_string()));
                }
            }
        }
        self.json_files.push(name.to_string());
        Ok(())
    }
}
