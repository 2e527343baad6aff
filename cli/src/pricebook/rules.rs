//! Which rows of an offer file are a book figure, and which figure.
//!
//! An offer file prices one product many ways (operating system, tenancy,
//! pre-installed software, reservations, capacity reservations, Spot, free
//! allowances, other usage types). Each rule here keeps the one row AWS
//! bills for the plain case and names the figure it is; every other row is
//! ignored. Usage types are compared without their region prefix
//! (`USE2-BoxUsage:m5.large` is `BoxUsage:m5.large`; us-east-1 has none).

use berth_core::region::REGIONS;

use super::offer::Row;

/// The offers the importer reads, by `OfferCode`.
pub const OFFERS: [&str; 5] = ["AmazonEC2", "AmazonECS", "AmazonEKS", "AWSLambda", "AWSELB"];

/// A Fargate price part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// USD per vCPU-hour.
    Vcpu,
    /// USD per GB-hour.
    Gb,
    /// Windows OS licence, USD per vCPU-hour.
    License,
}

/// What one kept row prices. Prices are AWS's text, not yet normalised.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// An EC2 instance type, USD per instance-hour.
    Ec2 { instance_type: String },
    /// A part of a Fargate rate; platform and tier are the book's ids.
    Fargate {
        platform: &'static str,
        tier: &'static str,
        part: Part,
    },
    /// A fee of fees.csv, in the unit AWS prices it (see `Fee`).
    Fee(Fee),
}

/// A fee as AWS prices it; the book's key and unit can differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fee {
    /// fee.eks_cluster_standard_hour.
    EksStandard,
    /// The extended-support surcharge; the book's
    /// fee.eks_cluster_extended_hour is standard + surcharge.
    EksExtendedSurcharge,
    /// fee.lambda_gb_second_x86 (first tier).
    LambdaX86,
    /// fee.lambda_gb_second_arm (first tier).
    LambdaArm,
    /// Per request (x86); the book stores USD per million requests.
    LambdaRequest,
    /// fee.alb_hour.
    AlbHour,
    /// fee.alb_lcu_hour.
    AlbLcu,
    /// fee.fargate_ephemeral_gb_hour.
    FargateEphemeral,
}

/// The header columns an offer's rules read (each entry: alternatives),
/// or why the offer is not one the importer reads.
pub fn needed(code: &str) -> Result<&'static [&'static [&'static str]], String> {
    const REGION: &[&str] = &["Region Code", "Location"];
    const BASE: [&[&str]; 4] = [&["TermType"], &["PricePerUnit"], &["usageType"], REGION];
    const EC2: &[&[&str]] = &[
        BASE[0],
        BASE[1],
        BASE[2],
        BASE[3],
        &["Unit"],
        &["Product Family"],
        &["Instance Type"],
        &["Operating System"],
        &["Tenancy"],
        &["Pre Installed S/W"],
        &["CapacityStatus"],
    ];
    const ELB: &[&[&str]] = &[BASE[0], BASE[1], BASE[2], BASE[3], &["Product Family"]];
    match code {
        "AmazonEC2" => Ok(EC2),
        "AWSELB" => Ok(ELB),
        "AmazonECS" | "AmazonEKS" | "AWSLambda" => Ok(&BASE),
        other => Err(format!(
            "unknown OfferCode {other:?} (the importer reads {})",
            OFFERS.join(", ")
        )),
    }
}

/// The region code of a row ("Region Code", else the "Location" name),
/// `None` for a region Berth does not know.
pub fn region(row: &Row) -> Option<&'static str> {
    if let Some(code) = row.get("Region Code").filter(|c| !c.is_empty()) {
        return REGIONS.iter().find(|r| r.code == code).map(|r| r.code);
    }
    let location = row.text("Location");
    // The price list still writes "EU (…)" and "Sao Paulo" where the
    // console (and `REGIONS`) says "Europe (…)" and "São Paulo".
    let location = location
        .replace("EU (", "Europe (")
        .replace("Sao Paulo", "São Paulo");
    REGIONS.iter().find(|r| r.name == location).map(|r| r.code)
}

/// The figure a row of offer `code` is, or `None` when the row is not one.
pub fn item(code: &str, row: &Row) -> Option<Item> {
    if row.text("TermType") != "OnDemand" || !matches!(row.text("Currency"), "" | "USD") {
        return None;
    }
    match code {
        "AmazonEC2" => ec2(row).or_else(|| alb(row)),
        "AmazonECS" => fargate(row),
        "AmazonEKS" => eks(row),
        "AWSLambda" => lambda(row),
        "AWSELB" => alb(row),
        _ => None,
    }
}

/// The usage type without its region prefix (`USE2-`, `EU-`, `APN1-`):
/// an all-capitals-and-digits word before the first dash.
pub fn usage<'a>(row: &Row<'a>) -> &'a str {
    let usage = row.text("usageType");
    match usage.split_once('-') {
        Some((head, rest))
            if !head.is_empty()
                && head
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) =>
        {
            rest
        }
        _ => usage,
    }
}

/// A plain Linux instance: on-demand, shared tenancy, nothing pre-installed,
/// no licence, capacity actually used (not an idle or allocated capacity
/// reservation), billed per hour as `BoxUsage` (not dedicated or host usage).
fn ec2(row: &Row) -> Option<Item> {
    let instance_type = row.text("Instance Type");
    let plain = row.text("Product Family") == "Compute Instance"
        && row.text("Operating System") == "Linux"
        && row.text("Tenancy") == "Shared"
        && row.text("Pre Installed S/W") == "NA"
        && row.text("CapacityStatus") == "Used"
        && row
            .get("License Model")
            .is_none_or(|m| m == "No License required")
        && row.text("Unit") == "Hrs"
        && usage(row).strip_prefix("BoxUsage:") == Some(instance_type);
    plain.then(|| Item::Ec2 {
        instance_type: instance_type.to_string(),
    })
}

/// Fargate rates by usage type: x86 and Arm, on-demand and Spot, Windows
/// (vCPU, memory, OS licence) and ephemeral storage above the free 20 GB.
fn fargate(row: &Row) -> Option<Item> {
    let usage = usage(row);
    if usage == "Fargate-EphemeralStorage-GB-Hours" {
        return Some(Item::Fee(Fee::FargateEphemeral));
    }
    let (tier, rest) = match usage.strip_prefix("SpotUsage-") {
        Some(rest) => ("spot", rest),
        None => ("on_demand", usage),
    };
    let (platform, part) = match rest {
        "Fargate-vCPU-Hours:perCPU" => ("linux_x86", Part::Vcpu),
        "Fargate-GB-Hours" => ("linux_x86", Part::Gb),
        "Fargate-ARM-vCPU-Hours:perCPU" => ("linux_arm", Part::Vcpu),
        "Fargate-ARM-GB-Hours" => ("linux_arm", Part::Gb),
        "Fargate-Windows-vCPU-Hours:perCPU" => ("windows_x86", Part::Vcpu),
        "Fargate-Windows-GB-Hours" => ("windows_x86", Part::Gb),
        "Fargate-Windows-OS-Hours:perCPU" => ("windows_x86", Part::License),
        _ => return None,
    };
    Some(Item::Fargate {
        platform,
        tier,
        part,
    })
}

/// The EKS cluster-hour and the extended-support surcharge.
fn eks(row: &Row) -> Option<Item> {
    match usage(row) {
        "AmazonEKS-Hours:perCluster" => Some(Item::Fee(Fee::EksStandard)),
        "AmazonEKS-Hours:extendedSupport" => Some(Item::Fee(Fee::EksExtendedSurcharge)),
        _ => None,
    }
}

/// Lambda duration (first tier, x86 and Arm) and requests. Later tiers
/// start above 0; `StartingRange` is absent in some layouts (one tier).
fn lambda(row: &Row) -> Option<Item> {
    if !matches!(row.text("StartingRange"), "" | "0") {
        return None;
    }
    match usage(row) {
        "Lambda-GB-Second" => Some(Item::Fee(Fee::LambdaX86)),
        "Lambda-GB-Second-ARM" => Some(Item::Fee(Fee::LambdaArm)),
        "Request" => Some(Item::Fee(Fee::LambdaRequest)),
        _ => None,
    }
}

/// The Application Load Balancer hour and LCU-hour (not the network or
/// gateway load balancers, which share the usage types, nor Outposts).
fn alb(row: &Row) -> Option<Item> {
    if row.text("Product Family") != "Load Balancer-Application" {
        return None;
    }
    match usage(row) {
        "LoadBalancerUsage" => Some(Item::Fee(Fee::AlbHour)),
        "LCUUsage" => Some(Item::Fee(Fee::AlbLcu)),
        _ => None,
    }
}
