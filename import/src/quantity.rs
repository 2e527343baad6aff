//! The size notations of the files the importer reads, each read exactly as
//! its own tool reads it:
//! - Kubernetes quantities (`250m`, `0.5`, `512Mi`, `1Gi`, `1500M`, `1e9`,
//!   `Ki`, `k`): a number and a binary (`Ki`…`Ei`), decimal (`n` `u` `m`
//!   `k` `M` `G` `T` `P` `E`) or exponent (`e3`) suffix; a bare memory
//!   figure is bytes.
//! - Compose byte values (`512M`, `1gb`, `100k`, `2048b`): the unit is
//!   binary whatever its case, so `512M` is 512 MiB.
//! - ECS task sizes: CPU units (`1024`) or `1 vCPU`; memory MiB (`2048`)
//!   or `2 GB` (AWS's GB, a GiB).
//!
//! Written here rather than taken from a crate: the Kubernetes crates that
//! parse quantities bring the whole API schema, and the grammar is a dozen
//! lines (it is the `resource.Quantity` grammar of the Kubernetes API).

/// Bytes in a MiB.
pub const MIB: f64 = 1024.0 * 1024.0;
/// Bytes in a GiB.
pub const GIB: f64 = 1024.0 * MIB;
/// ECS CPU units in one vCPU.
pub const ECS_UNITS_PER_VCPU: f64 = 1024.0;

/// A Kubernetes quantity in base units (cores, bytes); `None` for text
/// that is not one.
pub fn kube(text: &str) -> Option<f64> {
    let t = text.trim();
    let split = t
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | '+' | '-')))
        .map_or(t.len(), |(i, _)| i);
    let (number, suffix) = t.split_at(split);
    let value: f64 = number.parse().ok().filter(|v: &f64| v.is_finite())?;
    let scale = match suffix {
        "" => 1.0,
        "Ki" => 1024f64,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "Ei" => 1024f64.powi(6),
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        exp => {
            let digits = exp.strip_prefix(['e', 'E'])?;
            let power: i32 = digits.parse().ok()?;
            10f64.powi(power)
        }
    };
    Some(value * scale).filter(|v| v.is_finite() && *v >= 0.0)
}

/// A compose byte value in bytes: a number and `b`, `k`, `kb`, `m`, `mb`,
/// `g` or `gb` (any case, all binary); a bare number is bytes.
pub fn compose_bytes(text: &str) -> Option<f64> {
    let t = text.trim().to_ascii_lowercase();
    let split = t
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(t.len(), |(i, _)| i);
    let (number, unit) = t.split_at(split);
    let value: f64 = number.parse().ok().filter(|v: &f64| v.is_finite())?;
    let scale = match unit.trim() {
        "" | "b" => 1.0,
        "k" | "kb" => 1024f64,
        "m" | "mb" => 1024f64.powi(2),
        "g" | "gb" => 1024f64.powi(3),
        _ => return None,
    };
    Some(value * scale)
}

/// A plain non-negative decimal (`0.5`, `2`).
pub fn plain(text: &str) -> Option<f64> {
    text.trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite() && *v >= 0.0)
}

/// An ECS CPU figure in vCPU: units (`256`) or `0.25 vCPU`.
pub fn ecs_vcpu(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    match lower.strip_suffix("vcpu") {
        Some(n) => plain(n),
        None => plain(t).map(|units| units / ECS_UNITS_PER_VCPU),
    }
}

/// An ECS memory figure in GiB: MiB (`2048`) or `2 GB` / `2GB`.
pub fn ecs_memory_gib(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    match lower.strip_suffix("gb") {
        Some(n) => plain(n),
        None => plain(t).map(|mib| mib * MIB / GIB),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() <= b.abs() * 1e-12)
    }

    #[test]
    fn kubernetes_notations_read_as_the_api_reads_them() {
        assert!(close(kube("250m"), 0.25));
        assert!(close(kube("0.5"), 0.5));
        assert!(close(kube("2"), 2.0));
        assert!(close(kube("512Mi"), 512.0 * MIB));
        assert!(close(kube("1Gi"), GIB));
        assert!(close(kube("1500M"), 1.5e9));
        assert!(close(kube("1e9"), 1e9));
        assert!(close(kube("1E3"), 1e3));
        assert!(close(kube("64Ki"), 65536.0));
        assert!(close(kube("100k"), 1e5));
        assert!(close(kube("1000000n"), 1e-3));
    }

    #[test]
    fn text_that_is_no_quantity_is_refused() {
        for bad in ["", "Gi", "1 Gi", "one", "1GB", "1.5.2", "-1", "1ei", "1e"] {
            assert_eq!(kube(bad), None, "{bad}");
        }
    }

    #[test]
    fn compose_units_are_binary_in_any_case() {
        assert!(close(compose_bytes("512M"), 512.0 * MIB));
        assert!(close(compose_bytes("512m"), 512.0 * MIB));
        assert!(close(compose_bytes("1gb"), GIB));
        assert!(close(compose_bytes("2048"), 2048.0));
        assert_eq!(compose_bytes("1Gi"), None);
    }

    #[test]
    fn ecs_sizes_take_units_or_words() {
        assert!(close(ecs_vcpu("256"), 0.25));
        assert!(close(ecs_vcpu("1 vCPU"), 1.0));
        assert!(close(ecs_vcpu("0.5 vcpu"), 0.5));
        assert!(close(ecs_memory_gib("2048"), 2.0));
        assert!(close(ecs_memory_gib("3 GB"), 3.0));
        assert!(close(ecs_memory_gib("3GB"), 3.0));
        assert_eq!(ecs_vcpu("a lot"), None);
    }
}
