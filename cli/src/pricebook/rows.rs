//! Turning the figures read into rows of the book's files, merging them
//! into the base book, and the report of what changed.

use std::collections::BTreeMap;

use csv::StringRecord;

use super::book::{Counts, Table};
use super::collect::{Collected, Found};
use super::price;
use super::rules::{Fee, Item, Part};

/// Provenance of a figure read as it is.
struct Provenance {
    source: String,
    as_of: String,
    derived: &'static str,
    note: String,
}

impl Provenance {
    fn of(found: &Found, c: &Collected) -> Provenance {
        let meta = c.metas.get(found.meta);
        Provenance {
            source: meta.map(|m| m.source()).unwrap_or_default(),
            as_of: meta.map(|m| m.as_of.clone()).unwrap_or_default(),
            derived: "false",
            note: String::new(),
        }
    }

    fn fields(&self) -> [(&'static str, &str); 5] {
        [
            ("source", &self.source),
            ("as_of", &self.as_of),
            ("confidence", "high"),
            ("derived", self.derived),
            ("note", &self.note),
        ]
    }
}

/// The output book's files and the report.
pub fn book(
    base: &[(String, String)],
    c: &Collected,
) -> Result<(Vec<(String, String)>, String), String> {
    let mut out = Vec::new();
    let mut report = String::new();
    for (name, text) in base {
        let merged = match name.as_str() {
            "ec2_prices.csv" => Some(ec2(Table::parse(name, text)?, c)),
            "fargate_prices.csv" => Some(fargate(Table::parse(name, text)?, c)?),
            "fees.csv" => Some(fees(Table::parse(name, text)?, c, &mut report)?),
            "instance_types.csv" => Some(catalog(Table::parse(name, text)?, c)),
            _ => None,
        };
        let text = match merged {
            Some((table, counts)) => {
                report.push_str(&line(name, &counts));
                table.text()?
            }
            None if name == "SOURCES.md" => format!("{text}{}", sources_section(c)),
            None => text.clone(),
        };
        out.push((name.clone(), text));
    }
    Ok((out, report))
}

/// `ec2_prices.csv: 3 imported, 1418 kept from the base book (2 of them …)`.
fn line(name: &str, counts: &Counts) -> String {
    let mut line = format!(
        "{name}: {} imported, {} kept from the base book, {} base rows with no counterpart in the given files",
        counts.imported,
        counts.kept,
        counts.missing.len()
    );
    if !counts.missing.is_empty() {
        let shown: Vec<&str> = counts.missing.iter().take(8).map(String::as_str).collect();
        let more = counts.missing.len().saturating_sub(shown.len());
        line.push_str(&format!(" ({}", shown.join(", ")));
        if more > 0 {
            line.push_str(&format!(", {more} more"));
        }
        line.push(')');
    }
    line.push('\n');
    line
}

fn covered(c: &Collected, code: &str, region: &str) -> bool {
    if region == "all" {
        return c.covered.iter().any(|(k, _)| k == code);
    }
    c.covered.iter().any(|(k, r)| k == code && *r == region)
}

fn ec2(mut t: Table, c: &Collected) -> (Table, Counts) {
    let new = c
        .figures
        .iter()
        .filter_map(|((item, region), found)| {
            let Item::Ec2 { instance_type } = item else {
                return None;
            };
            let p = Provenance::of(found, c);
            let mut fields = vec![
                ("instance_type", instance_type.as_str()),
                ("region", *region),
                ("usd_per_hour", found.price.as_str()),
            ];
            fields.extend(p.fields());
            Some(t.row(&fields))
        })
        .collect();
    let counts = t.merge(
        &["instance_type", "region"],
        new,
        |_, _| false,
        |t, r| covered(c, "AmazonEC2", t.get(r, "region")),
    );
    (t, counts)
}

fn fargate(mut t: Table, c: &Collected) -> Result<(Table, Counts), String> {
    let mut rates: BTreeMap<(&str, &str, &str), BTreeMap<Part, &Found>> = BTreeMap::new();
    for ((item, region), found) in &c.figures {
        if let Item::Fargate {
            platform,
            tier,
            part,
        } = item
        {
            rates
                .entry((region, platform, tier))
                .or_default()
                .insert(*part, found);
        }
    }
    let mut new = Vec::new();
    for ((region, platform, tier), parts) in &rates {
        let windows = *platform == "windows_x86";
        let needed = [Part::Vcpu, Part::Gb]
            .into_iter()
            .chain(windows.then_some(Part::License));
        let first = parts.values().next().copied();
        for part in needed {
            if !parts.contains_key(&part) {
                let at = first
                    .and_then(|f| c.metas.get(f.meta).map(|m| (m.file.as_str(), f.line)))
                    .unwrap_or(("?", 0));
                return Err(format!(
                    "{}: line {}: Fargate {platform} {tier} in {region} has no {part:?} price in the given files",
                    at.0, at.1
                ));
            }
        }
        let price = |part| parts.get(&part).map_or("", |f| f.price.as_str());
        let Some(vcpu) = parts.get(&Part::Vcpu) else {
            continue;
        };
        let p = Provenance::of(vcpu, c);
        let mut fields = vec![
            ("region", *region),
            ("platform", *platform),
            ("tier", *tier),
            ("usd_per_vcpu_hour", price(Part::Vcpu)),
            ("usd_per_gb_hour", price(Part::Gb)),
            ("os_license_usd_per_vcpu_hour", price(Part::License)),
        ];
        fields.extend(p.fields());
        new.push(t.row(&fields));
    }
    let counts = t.merge(
        &["region", "platform", "tier"],
        new,
        |_, _| false,
        |t, r| covered(c, "AmazonECS", t.get(r, "region")),
    );
    Ok((t, counts))
}

/// The book key of a fee, the offer it comes from, and the book value of
/// the price AWS lists (`None`: not a row of its own).
fn fee_value(
    fee: Fee,
    price: &str,
    standard: Option<&str>,
) -> Result<Option<(&'static str, String, String)>, String> {
    Ok(Some(match fee {
        Fee::EksStandard => (
            "fee.eks_cluster_standard_hour",
            price.to_string(),
            String::new(),
        ),
        Fee::EksExtendedSurcharge => {
            let Some(standard) = standard else {
                return Ok(None);
            };
            (
                "fee.eks_cluster_extended_hour",
                price::add(standard, price)?,
                format!("perCluster {standard} + extendedSupport surcharge {price} (the book holds the total)"),
            )
        }
        Fee::LambdaX86 => (
            "fee.lambda_gb_second_x86",
            price.to_string(),
            "first tier".to_string(),
        ),
        Fee::LambdaArm => (
            "fee.lambda_gb_second_arm",
            price.to_string(),
            "first tier".to_string(),
        ),
        Fee::LambdaRequest => (
            "fee.lambda_per_million_requests",
            price::times_million(price)?,
            format!("AWS lists {price} per request"),
        ),
        Fee::AlbHour => ("fee.alb_hour", price.to_string(), String::new()),
        Fee::AlbLcu => ("fee.alb_lcu_hour", price.to_string(), String::new()),
        Fee::FargateEphemeral => (
            "fee.fargate_ephemeral_gb_hour",
            price.to_string(),
            String::new(),
        ),
    }))
}

/// The offer a fee key is read from.
fn fee_offer(key: &str) -> Option<&'static str> {
    let offers = [
        ("fee.eks_cluster_", "AmazonEKS"),
        ("fee.lambda_", "AWSLambda"),
        ("fee.alb_", "AWSELB"),
        ("fee.fargate_ephemeral", "AmazonECS"),
    ];
    offers
        .iter()
        .find(|(prefix, _)| key.starts_with(prefix))
        .map(|(_, offer)| *offer)
}

fn fees(mut t: Table, c: &Collected, report: &mut String) -> Result<(Table, Counts), String> {
    // key → region → (value, provenance)
    let mut by_key: BTreeMap<&str, BTreeMap<&str, (String, Provenance)>> = BTreeMap::new();
    for ((item, region), found) in &c.figures {
        let Item::Fee(fee) = item else { continue };
        let standard = c
            .figures
            .get(&(Item::Fee(Fee::EksStandard), *region))
            .map(|f| f.price.as_str());
        let price = found.price.as_str();
        let Some((key, value, note)) = fee_value(*fee, price, standard)
            .map_err(|e| format!("{}: line {}: {e}", file_of(found, c), found.line))?
        else {
            continue;
        };
        let mut p = Provenance::of(found, c);
        if *fee == Fee::EksExtendedSurcharge {
            p.derived = "true";
        }
        p.note = note;
        by_key.entry(key).or_default().insert(region, (value, p));
    }
    let unit_of = |t: &Table, key: &str| {
        t.rows
            .iter()
            .find(|r| t.get(r, "key") == key)
            .map(|r| t.get(r, "unit").to_string())
            .unwrap_or_default()
    };
    let all_keys: Vec<String> = t
        .rows
        .iter()
        .filter(|r| t.get(r, "region") == "all")
        .map(|r| t.get(r, "key").to_string())
        .collect();
    let mut per_region_now = Vec::new();
    let mut new = Vec::new();
    for (key, regions) in &by_key {
        let unit = unit_of(&t, key);
        let mut rows: Vec<(&str, &(String, Provenance))> =
            regions.iter().map(|(r, v)| (*r, v)).collect();
        let one_value = rows
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.1 .0 == b.1 .0));
        if all_keys.iter().any(|k| k == key) {
            if one_value {
                // The base book holds one figure for every region; the files
                // agree in every region they cover, so it stays one figure.
                let read: Vec<&str> = rows.iter().map(|(r, _)| *r).collect();
                if let Some((_, (value, p))) = rows.first() {
                    let same = format!("same in every region read ({})", read.join(", "));
                    let note = if p.note.is_empty() {
                        same
                    } else {
                        format!("{}; {same}", p.note)
                    };
                    let p = Provenance {
                        source: p.source.clone(),
                        as_of: p.as_of.clone(),
                        derived: p.derived,
                        note,
                    };
                    let mut fields = vec![
                        ("key", *key),
                        ("region", "all"),
                        ("value", value.as_str()),
                        ("unit", unit.as_str()),
                    ];
                    fields.extend(p.fields());
                    new.push(t.row(&fields));
                }
                rows.clear();
            } else {
                per_region_now.push(key.to_string());
                report.push_str(&format!(
                    "fees.csv: {key} was one figure for all regions; the files give it per region, so it is now per region (and absent elsewhere)\n"
                ));
            }
        }
        for (region, (value, p)) in rows {
            let mut fields = vec![
                ("key", *key),
                ("region", region),
                ("value", value.as_str()),
                ("unit", unit.as_str()),
            ];
            fields.extend(p.fields());
            new.push(t.row(&fields));
        }
    }
    let counts = t.merge(
        &["key", "region"],
        new,
        |t, r| t.get(r, "region") == "all" && per_region_now.iter().any(|k| k == t.get(r, "key")),
        |t, r| fee_offer(t.get(r, "key")).is_some_and(|o| covered(c, o, t.get(r, "region"))),
    );
    Ok((t, counts))
}

fn file_of<'a>(found: &Found, c: &'a Collected) -> &'a str {
    c.metas.get(found.meta).map_or("?", |m| m.file.as_str())
}

fn catalog(mut t: Table, c: &Collected) -> (Table, Counts) {
    let new: Vec<StringRecord> = t
        .rows
        .iter()
        .filter_map(|row| {
            let (l, file) = c.limits.get(t.get(row, "instance_type"))?;
            let source = format!("aws ec2 describe-instance-types output {file}");
            let note = format!(
                "eks_max_pods = ENIs x (IPv4 per ENI - 1) + 2; arch, trunking, branch_enis, burstable kept from the base book ({})",
                t.get(row, "source")
            );
            Some(t.with(
                row,
                &[
                    ("vcpu", &l.vcpu),
                    ("memory_gib", &l.memory_gib),
                    ("max_enis", &l.max_enis),
                    ("ipv4_per_eni", &l.ipv4_per_eni),
                    ("eks_max_pods", &l.eks_max_pods),
                    ("source", &source),
                    ("as_of", "undated"),
                    ("confidence", "high"),
                    ("derived", "false"),
                    ("note", &note),
                ],
            ))
        })
        .collect();
    let any_json = !c.json_files.is_empty();
    let counts = t.merge(&["instance_type"], new, |_, _| false, |_, _| any_json);
    (t, counts)
}

/// A section for SOURCES.md naming the files read.
fn sources_section(c: &Collected) -> String {
    if c.metas.is_empty() && c.json_files.is_empty() {
        return String::new();
    }
    let mut s = String::from(
        "\n## Imported by `berth pricebook import`\n\nRows whose `source` names an AWS Price List offer file were read from these files (OnDemand, USD; EC2: Linux, shared tenancy, no pre-installed software, capacity used, BoxUsage):\n\n| file | offer | version | published |\n|---|---|---|---|\n",
    );
    for m in &c.metas {
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            m.file, m.code, m.version, m.as_of
        ));
    }
    for f in &c.json_files {
        s.push_str(&format!(
            "| {f} | aws ec2 describe-instance-types | | undated |\n"
        ));
    }
    s
}
