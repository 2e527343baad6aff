//! Tests of `pack` (in their own file: test code may unwrap).

use super::*;

const M5_LARGE_ECS: Bin = Bin {
    cpu: 2048.0,
    mem: 7782.4,
    slots: 9,
};

fn d(cpu: f64, mem: f64, count: u64) -> Demand {
    Demand { cpu, mem, count }
}

#[test]
fn identical_tasks_fill_instances_in_order() {
    // 0.25 vCPU / 0.5 GiB on m5.large: CPU allows 8, memory 15, ENIs 9 → 8.
    let p = pack(M5_LARGE_ECS, &[d(256.0, 512.0, 1000)]).unwrap();
    assert_eq!(p.instances, 125);
    assert_eq!(p.max_tasks_per_instance, 8);
}

#[test]
fn slots_limit_small_tasks() {
    let bin = Bin {
        slots: 2,
        ..M5_LARGE_ECS
    };
    assert_eq!(pack(bin, &[d(128.0, 256.0, 10)]).unwrap().instances, 5);
}

#[test]
fn memory_heavy_tasks_are_placed_first() {
    // 8 vCPU / 15.2 GiB: 4 × (2 vCPU, 0.5 GiB) and 4 × (0.25 vCPU, 8 GiB).
    // CPU-first ordering needs 5 instances; dominant share needs 4.
    let bin = Bin {
        cpu: 8192.0,
        mem: 15_564.8,
        slots: 100,
    };
    let p = pack(bin, &[d(2048.0, 512.0, 4), d(256.0, 8192.0, 4)]).unwrap();
    assert_eq!(p.instances, 4);
}

#[test]
fn smaller_tasks_backfill_the_gaps_left_by_larger_ones() {
    // 3 × 1.5 vCPU leave 0.5 vCPU on each of 3 instances: 6 × 0.25 fit there.
    let p = pack(M5_LARGE_ECS, &[d(256.0, 256.0, 6), d(1536.0, 1024.0, 3)]).unwrap();
    assert_eq!(p.instances, 3);
}

#[test]
fn a_task_larger_than_the_instance_is_reported() {
    assert_eq!(
        pack(M5_LARGE_ECS, &[d(256.0, 256.0, 1), d(4096.0, 1024.0, 1)]),
        Err(1)
    );
}

#[test]
fn partial_runs_split_correctly() {
    // 5 instances with 1 slot left each; 2 more tasks use 2 of them.
    let bin = Bin {
        cpu: 1000.0,
        mem: 1000.0,
        slots: 3,
    };
    let p = pack(bin, &[d(500.0, 100.0, 5), d(100.0, 100.0, 2)]).unwrap();
    assert_eq!(p.instances, 3);
    let p = pack(bin, &[d(400.0, 100.0, 10), d(100.0, 100.0, 2)]).unwrap();
    // 2 big per instance → 5 instances, each with 200 CPU and 1 slot left.
    assert_eq!(p.instances, 5);
    assert_eq!(p.max_tasks_per_instance, 3);
}

#[test]
fn a_million_tasks_pack_without_iterating_them() {
    let p = pack(M5_LARGE_ECS, &[d(256.0, 512.0, 1_000_000)]).unwrap();
    assert_eq!(p.instances, 125_000);
}

/// Reference: place tasks one at a time, first fit, decreasing.
fn naive(bin: Bin, demands: &[Demand]) -> u64 {
    let mut tasks: Vec<(f64, f64)> = demands
        .iter()
        .flat_map(|d| std::iter::repeat_n((d.cpu, d.mem), d.count as usize))
        .collect();
    let share = |t: &(f64, f64)| (t.0 / bin.cpu).max(t.1 / bin.mem);
    tasks.sort_by(|a, b| {
        share(b)
            .total_cmp(&share(a))
            .then(b.0.total_cmp(&a.0))
            .then(b.1.total_cmp(&a.1))
    });
    let mut bins: Vec<(f64, f64, u64)> = Vec::new();
    for (c, m) in tasks {
        match bins
            .iter_mut()
            .find(|b| b.0 + EPS >= c && b.1 + EPS >= m && b.2 >= 1)
        {
            Some(b) => *b = (b.0 - c, b.1 - m, b.2 - 1),
            None => bins.push((bin.cpu - c, bin.mem - m, bin.slots - 1)),
        }
    }
    bins.len() as u64
}

proptest::proptest! {
    #[test]
    fn grouped_packing_equals_one_by_one_first_fit(
        groups in proptest::collection::vec((1u32..9, 1u32..9, 0u64..30), 1..5),
        slots in 1u64..12,
    ) {
        let bin = Bin { cpu: 2048.0, mem: 8192.0, slots };
        let demands: Vec<Demand> =
            groups.iter().map(|&(c, m, n)| d(c as f64 * 256.0, m as f64 * 512.0, n)).collect();
        let packed = pack(bin, &demands).unwrap();
        proptest::prop_assert_eq!(packed.instances, naive(bin, &demands));
        // No instance is ever over-committed, and every task is placed.
        for &(_, cpu, mem, tasks) in &packed.groups {
            proptest::prop_assert!(cpu <= bin.cpu + EPS && mem <= bin.mem + EPS && tasks <= bin.slots);
        }
        let placed: u64 = packed.groups.iter().map(|g| g.0 * g.3).sum();
        proptest::prop_assert_eq!(placed, demands.iter().map(|d| d.count).sum::<u64>());
    }
}
