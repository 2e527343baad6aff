//! Entry point of the Berth web app: mounts [`berth::App`] on the page body.

/// Berth's own allocator, smaller than the default (see `berth::heap`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: berth::heap::PageHeap = berth::heap::PageHeap::new();

fn main() {
    berth::start();
}
