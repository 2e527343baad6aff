//! Entry point of the Berth web app: mounts [`berth::App`] on the page body.

/// The allocator: talc, as its WebAssembly guide sets it up for a
/// single-threaded page (memory from `memory.grow`, freed chunks coalesced
/// and reused). README, "Size and speed", has its size against the
/// alternatives measured.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    berth::start();
}
