//! Catalog limits from `aws ec2 describe-instance-types --output json`:
//! vCPU, memory, ENIs and IPv4 addresses per ENI, and the EKS max-pods
//! figure that follows from them, for types already in the catalog.

use serde::Deserialize;

/// The output of `describe-instance-types` (one page; pass every page).
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Output {
    instance_types: Vec<Info>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Info {
    instance_type: String,
    v_cpu_info: VCpu,
    memory_info: Memory,
    network_info: Network,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct VCpu {
    default_v_cpus: u32,
}

#[derive(Deserialize)]
struct Memory {
    #[serde(rename = "SizeInMiB")]
    size_in_mib: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Network {
    maximum_network_interfaces: u32,
    ipv4_addresses_per_interface: u32,
}

/// The catalog figures of one instance type, as the book writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Default vCPUs.
    pub vcpu: String,
    /// Memory in GiB (MiB / 1024).
    pub memory_gib: String,
    /// Maximum network interfaces.
    pub max_enis: String,
    /// IPv4 addresses per interface.
    pub ipv4_per_eni: String,
    /// ENIs × (IPv4 per ENI − 1) + 2 (the VPC CNI's formula, as
    /// eni-max-pods.txt computes it).
    pub eks_max_pods: String,
}

/// (instance type, limits) for every type of a describe-instance-types
/// file; a syntax error or a missing field names the file and line.
pub fn read(file: &str, text: &str) -> Result<Vec<(String, Limits)>, String> {
    let output: Output = serde_json::from_str(text).map_err(|e| {
        format!(
            "{file}: line {}: not describe-instance-types JSON: {e}",
            e.line()
        )
    })?;
    output
        .instance_types
        .into_iter()
        .map(|t| {
            let n = &t.network_info;
            if n.ipv4_addresses_per_interface == 0 || n.maximum_network_interfaces == 0 {
                return Err(format!(
                    "{file}: {} has no network interfaces or addresses",
                    t.instance_type
                ));
            }
            let pods = u64::from(n.maximum_network_interfaces)
                * (u64::from(n.ipv4_addresses_per_interface) - 1)
                + 2;
            // MiB / 1024 is exact in f64 and prints without a trailing ".0".
            let gib = t.memory_info.size_in_mib as f64 / 1024.0;
            let limits = Limits {
                vcpu: t.v_cpu_info.default_v_cpus.to_string(),
                memory_gib: gib.to_string(),
                max_enis: n.maximum_network_interfaces.to_string(),
                ipv4_per_eni: n.ipv4_addresses_per_interface.to_string(),
                eks_max_pods: pods.to_string(),
            };
            Ok((t.instance_type, limits))
        })
        .collect()
}
