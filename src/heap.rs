//! The page's memory allocator: power-of-two size classes, one free list
//! per class, memory taken from the WebAssembly `memory.grow` instruction.
//!
//! Rust's default allocator on wasm32 is dlmalloc, about 5 KB of the page's
//! code. Berth's heap is small and its allocation pattern repetitive (each
//! render builds and drops the same shapes), which suits the simplest
//! allocator that never searches: a request is rounded up to a power of two,
//! served from that class's free list, or else cut from fresh memory; a freed
//! block goes back on its class's list. Both are O(1). The price is up to 2×
//! memory for sizes just above a power of two, and memory that one class
//! frees is not lent to another; the page's heap stays a few MiB.
//!
//! Every block of class `c` (2^c bytes) is aligned to 2^c (capped at one
//! 64 KiB page), so any alignment up to the block size holds. Alignment
//! padding is not wasted: it is split into smaller aligned blocks that go on
//! their own lists. The logic is generic over where pages come from, so the
//! tests run it natively over a buffer.

use std::alloc::Layout;

/// Smallest block: room for the free-list link.
const MIN_CLASS: u32 = 3;
/// Largest block: 2 GiB, half of wasm32's address space.
const CLASSES: usize = 32;
/// A WebAssembly page.
pub const PAGE: usize = 64 * 1024;

/// Hands out memory in whole pages: `grow(pages)` returns the address where
/// the new pages start, or `None` when no more memory can be had.
pub trait Pages {
    fn grow(&mut self, pages: usize) -> Option<usize>;
}

/// The allocator's state. Not thread-safe: the page has one thread.
pub struct Heap<P> {
    /// Head of each class's free list (0 = empty); a free block's first word
    /// is the address of the next.
    free: [usize; CLASSES],
    /// Fresh memory not yet cut into blocks: `next..end`.
    next: usize,
    end: usize,
    pages: P,
}

/// The class that serves `layout`: log2 of the block size.
fn class(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    let class = usize::BITS - (size - 1).leading_zeros();
    (class < CLASSES as u32).then_some(class as usize)
}

impl<P: Pages> Heap<P> {
    pub const fn new(pages: P) -> Self {
        Heap {
            free: [0; CLASSES],
            next: 0,
            end: 0,
            pages,
        }
    }

    /// A block for `layout`, or null when memory is exhausted.
    ///
    /// # Safety
    /// The caller owns the block until it passes it to [`Heap::dealloc`] with
    /// the same layout.
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout) else {
            return std::ptr::null_mut();
        };
        if layout.align() > PAGE {
            return std::ptr::null_mut();
        }
        match self.pop(class) {
            Some(block) => block as *mut u8,
            None => self.cut(class),
        }
    }

    /// Returns a block to its class's free list.
    ///
    /// # Safety
    /// `ptr` came from [`Heap::alloc`] with the same `layout` and is not used again.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        if let Some(class) = class(layout) {
            self.push(class, ptr as usize);
        }
    }

    /// Resizes in place when the class stays the same, else moves.
    ///
    /// # Safety
    /// As [`Heap::dealloc`] for `ptr` and `layout`; `new_size`, rounded up to
    /// `layout.align()`, must not overflow `isize`.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return std::ptr::null_mut();
        };
        if class(new_layout) == class(layout) {
            return ptr;
        }
        // SAFETY: as the caller promised; the blocks are distinct.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            moved
        }
    }

    /// Puts the block at `block` on the free list of `class`. The block is
    /// at least one word, aligned, and belongs to the heap from now on.
    fn push(&mut self, class: usize, block: usize) {
        if let Some(head) = self.free.get_mut(class) {
            // SAFETY: the heap owns the block; its first word becomes the link.
            unsafe { *(block as *mut usize) = *head };
            *head = block;
        }
    }

    /// Takes a block off the free list of `class`.
    fn pop(&mut self, class: usize) -> Option<usize> {
        let head = self.free.get_mut(class)?;
        let block = *head;
        if block == 0 {
            return None;
        }
        // SAFETY: a free block's first word holds the next free block.
        *head = unsafe { *(block as *const usize) };
        Some(block)
    }

    /// Cuts a fresh block of `class` from unused memory, growing it if needed.
    fn cut(&mut self, class: usize) -> *mut u8 {
        let size = 1usize << class;
        let align = size.min(PAGE);
        if self.next.next_multiple_of(align) + size > self.end {
            let pages = size.div_ceil(PAGE) + 1;
            let Some(start) = self.pages.grow(pages) else {
                return std::ptr::null_mut();
            };
            if start != self.end {
                // Not contiguous with what was left: keep the leftover.
                self.spill(self.end);
                self.next = start;
            }
            self.end = start + pages * PAGE;
        }
        self.spill(self.next.next_multiple_of(align));
        let block = self.next;
        self.next += size;
        block as *mut u8
    }

    /// Moves `next` up to `to`, putting the memory in between on the free
    /// lists as the largest aligned blocks that fit.
    fn spill(&mut self, to: usize) {
        while self.next + (1 << MIN_CLASS) <= to {
            let fits = usize::BITS - 1 - (to - self.next).leading_zeros();
            let aligned = self.next.trailing_zeros();
            let class = fits.min(aligned).min(CLASSES as u32 - 1) as usize;
            self.push(class, self.next);
            self.next += 1 << class;
        }
        self.next = to.max(self.next);
    }
}

/// Pages from the wasm32 `memory.grow` instruction.
#[cfg(target_arch = "wasm32")]
pub struct WasmPages;

#[cfg(target_arch = "wasm32")]
impl Pages for WasmPages {
    fn grow(&mut self, pages: usize) -> Option<usize> {
        let before = core::arch::wasm32::memory_grow(0, pages);
        (before != usize::MAX).then(|| before * PAGE)
    }
}

/// The global allocator of the web app (registered in `main.rs`).
#[cfg(target_arch = "wasm32")]
pub struct PageHeap(std::cell::UnsafeCell<Heap<WasmPages>>);

#[cfg(target_arch = "wasm32")]
impl PageHeap {
    pub const fn new() -> Self {
        PageHeap(std::cell::UnsafeCell::new(Heap::new(WasmPages)))
    }
}

#[cfg(target_arch = "wasm32")]
impl Default for PageHeap {
    fn default() -> Self {
        Self::new()
    }
}

// SAFETY: the web app runs on one thread (wasm32 without atomics), so the
// heap is never touched from two places at once.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for PageHeap {}

// SAFETY: `Heap` hands out distinct blocks of at least the layout's size and
// alignment, and the single thread makes the `UnsafeCell` access exclusive.
#[cfg(target_arch = "wasm32")]
unsafe impl std::alloc::GlobalAlloc for PageHeap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { (*self.0.get()).alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { (*self.0.get()).dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { (*self.0.get()).realloc(ptr, layout, new_size) }
    }
}

#[cfg(test)]
mod tests;
