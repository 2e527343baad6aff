//! The allocator run natively over a buffer: random workloads check that live
//! blocks never overlap, keep their contents and alignment, and that freed
//! memory is reused rather than grown.

use std::alloc::{alloc_zeroed, dealloc, Layout};
use std::collections::BTreeMap;

use super::{Heap, Pages, PAGE};

/// Pages cut from one page-aligned buffer, up to `limit` pages.
struct Buffer {
    base: *mut u8,
    limit: usize,
    used: usize,
}

impl Buffer {
    fn new(limit: usize) -> Buffer {
        let layout = Layout::from_size_align(limit * PAGE, PAGE).unwrap();
        // SAFETY: the layout is non-zero; freed in Drop.
        let base = unsafe { alloc_zeroed(layout) };
        assert!(!base.is_null());
        // Start one page in, as a wasm module's heap starts after its data.
        Buffer {
            base,
            limit,
            used: 1,
        }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        let layout = Layout::from_size_align(self.limit * PAGE, PAGE).unwrap();
        // SAFETY: allocated in `new` with this layout.
        unsafe { dealloc(self.base, layout) }
    }
}

impl Pages for &mut Buffer {
    fn grow(&mut self, pages: usize) -> Option<usize> {
        if self.used + pages > self.limit {
            return None;
        }
        let start = self.base as usize + self.used * PAGE;
        self.used += pages;
        Some(start)
    }
}

/// xorshift64*: a fixed, dependency-free stream of test choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A live block: where, its layout, and the byte it was filled with.
struct Live {
    layout: Layout,
    fill: u8,
}

fn fill(ptr: *mut u8, len: usize, byte: u8) {
    // SAFETY: the block is live and at least `len` bytes.
    unsafe { std::ptr::write_bytes(ptr, byte, len) }
}

fn holds(ptr: *mut u8, len: usize, byte: u8) -> bool {
    // SAFETY: as in `fill`.
    unsafe { std::slice::from_raw_parts(ptr, len) }
        .iter()
        .all(|&b| b == byte)
}

/// A random size, mostly small like the app's, sometimes large.
fn size(rng: &mut Rng) -> usize {
    match rng.below(10) {
        0 => rng.below(200_000) as usize,
        1..=3 => rng.below(2_000) as usize,
        _ => rng.below(100) as usize,
    }
}

fn align(rng: &mut Rng) -> usize {
    match rng.below(20) {
        0 => 1 << rng.below(17), // up to a page
        1..=4 => 1,
        _ => 8,
    }
}

/// Checks that `[ptr, ptr+len)` overlaps no live block.
fn assert_disjoint(live: &BTreeMap<usize, Live>, ptr: usize, len: usize) {
    let len = len.max(1);
    if let Some((&start, block)) = live.range(..=ptr).next_back() {
        assert!(
            start + block.layout.size().max(1) <= ptr,
            "{ptr:#x} inside block at {start:#x}"
        );
    }
    if let Some((&start, _)) = live.range(ptr..).next() {
        assert!(
            ptr + len <= start,
            "{ptr:#x}+{len} runs into block at {start:#x}"
        );
    }
}

#[test]
fn random_workloads_keep_blocks_apart_aligned_and_intact() {
    for seed in 1..=8u64 {
        let mut buffer = Buffer::new(4096);
        let mut heap = Heap::new(&mut buffer);
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut live: BTreeMap<usize, Live> = BTreeMap::new();
        for step in 0..20_000u32 {
            let choice = rng.below(10);
            if choice < 5 || live.is_empty() {
                let layout = Layout::from_size_align(size(&mut rng), align(&mut rng)).unwrap();
                // SAFETY: freed below with the same layout.
                let ptr = unsafe { heap.alloc(layout) };
                assert!(!ptr.is_null(), "seed {seed} step {step}: out of memory");
                assert_eq!(ptr as usize % layout.align(), 0, "alignment {layout:?}");
                assert_disjoint(&live, ptr as usize, layout.size());
                let byte = (step % 251) as u8 + 1;
                fill(ptr, layout.size(), byte);
                live.insert(ptr as usize, Live { layout, fill: byte });
            } else {
                let nth = rng.below(live.len() as u64) as usize;
                let (&at, _) = live.iter().nth(nth).unwrap();
                let block = live.remove(&at).unwrap();
                let ptr = at as *mut u8;
                assert!(
                    holds(ptr, block.layout.size(), block.fill),
                    "block at {at:#x} was overwritten"
                );
                if choice < 8 {
                    // SAFETY: allocated above with this layout.
                    unsafe { heap.dealloc(ptr, block.layout) };
                } else {
                    let new_size = size(&mut rng);
                    // SAFETY: as above; the old pointer is not used again.
                    let moved = unsafe { heap.realloc(ptr, block.layout, new_size) };
                    assert!(!moved.is_null());
                    let kept = block.layout.size().min(new_size);
                    assert!(holds(moved, kept, block.fill), "realloc lost the contents");
                    let layout = Layout::from_size_align(new_size, block.layout.align()).unwrap();
                    assert_eq!(moved as usize % layout.align(), 0);
                    assert_disjoint(&live, moved as usize, new_size);
                    fill(moved, new_size, block.fill);
                    live.insert(
                        moved as usize,
                        Live {
                            layout,
                            fill: block.fill,
                        },
                    );
                }
            }
        }
        for (at, block) in &live {
            assert!(holds(*at as *mut u8, block.layout.size(), block.fill));
        }
    }
}

#[test]
fn a_freed_block_is_reused_and_a_repeated_workload_stops_growing() {
    let mut buffer = Buffer::new(1024);
    let mut heap = Heap::new(&mut buffer);
    let layout = Layout::from_size_align(100, 8).unwrap();
    // SAFETY: each block is freed once with its layout.
    unsafe {
        let first = heap.alloc(layout);
        heap.dealloc(first, layout);
        assert_eq!(heap.alloc(layout), first, "same class, same block");
        heap.dealloc(first, layout);
    }
    // A render-like round: many small blocks and a large one, all freed.
    let round = |heap: &mut Heap<&mut Buffer>| {
        let mut rng = Rng(42);
        let blocks: Vec<_> = (0..2_000)
            .map(|_| {
                let layout = Layout::from_size_align(size(&mut rng), 8).unwrap();
                // SAFETY: freed just below.
                (unsafe { heap.alloc(layout) }, layout)
            })
            .collect();
        for (ptr, layout) in blocks {
            assert!(!ptr.is_null());
            // SAFETY: allocated above with this layout.
            unsafe { heap.dealloc(ptr, layout) };
        }
    };
    round(&mut heap);
    let after_one = heap.pages.used;
    for _ in 0..20 {
        round(&mut heap);
    }
    assert_eq!(
        heap.pages.used, after_one,
        "the same workload grew the heap again"
    );
}

#[test]
fn alignment_padding_becomes_smaller_blocks() {
    let mut buffer = Buffer::new(64);
    let mut heap = Heap::new(&mut buffer);
    let small = Layout::from_size_align(8, 8).unwrap();
    let page_aligned = Layout::from_size_align(4096, 4096).unwrap();
    // SAFETY: never freed; the buffer outlives the heap's use.
    unsafe {
        let a = heap.alloc(small);
        let big = heap.alloc(page_aligned);
        assert_eq!(big as usize % 4096, 0);
        // The 4088 bytes between `a` and `big` became one block of each
        // class from 8 to 2048 bytes, which serve the next requests.
        for class in 3..12 {
            let p = heap.alloc(Layout::from_size_align(1 << class, 8).unwrap());
            assert!(
                (p as usize) > a as usize && (p as usize) < big as usize,
                "class {class}"
            );
        }
    }
    assert_eq!(heap.pages.used, 1 + 2, "one growth served everything");
}

#[test]
fn exhaustion_and_impossible_requests_return_null() {
    let mut buffer = Buffer::new(4);
    let mut heap = Heap::new(&mut buffer);
    // SAFETY: null results are not used.
    unsafe {
        assert!(heap
            .alloc(Layout::from_size_align(1 << 20, 8).unwrap())
            .is_null());
        assert!(heap
            .alloc(Layout::from_size_align(8, 2 * PAGE).unwrap())
            .is_null());
        assert!(heap
            .alloc(Layout::from_size_align(usize::MAX / 4, 8).unwrap())
            .is_null());
        // Memory is still there for what fits.
        assert!(!heap
            .alloc(Layout::from_size_align(1000, 8).unwrap())
            .is_null());
    }
}
