# Berth: the commands a newcomer types. `make serve` and `make test` run the
# setup first, so a fresh machine needs nothing else.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
WASM := --target wasm32-unknown-unknown

.PHONY: setup serve dist test lint unit wasm-test e2e size bench fuzz clean

setup:
	@scripts/setup

# The release wasm is built by a pinned toolchain that rebuilds std for size
# and compiles every panic to a trap (a trap shows the crash page, see
# src/browser/crash.rs). Both are unstable options, enabled for this one
# build with RUSTC_BOOTSTRAP; pinning the toolchain keeps them from changing
# under us.
# Together they take ~24 KB gzip off the page. scripts/setup installs the
# toolchain with its std source and fetches std's crates for offline builds.
RELEASE_TOOLCHAIN := $(shell sed -n 's/^RELEASE_TOOLCHAIN=//p' scripts/setup)
RELEASE_ENV := RUSTUP_TOOLCHAIN=$(RELEASE_TOOLCHAIN) RUSTC_BOOTSTRAP=1 \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

## dist: the release bundle, static files for any CDN, in dist/ (BOOK=DIR:
## on the price book in DIR instead of core/data/)
dist: setup
	$(RELEASE_ENV) trunk build --release --offline
	# Two more rounds of wasm-opt after Trunk's -Oz: flattening and
	# re-looping the control flow lets -Oz fold more (-1.3 KB gzip, measured;
	# --converge or -O4 instead gained less), then dropping arguments no
	# caller varies and -Oz until nothing changes (-0.35 KB more, measured
	# 2026-12-02). shrink-glue renames the file after.
	for w in dist/*_bg.wasm; do 	  wasm-opt --flatten --rereloop -Oz --flatten --rereloop -Oz "$$w" -o "$$w" \
	  && wasm-opt --dae-optimizing -Oz --converge "$$w" -o "$$w"; done
	# The price book's files for the page: the embedded book, or BOOK=DIR.
	cargo run -q -p berth-cli -- $(if $(BOOK),--book $(BOOK)) book-files dist
	# The default link's first screen, rendered by the App from those
	# files, so the answer paints before the wasm loads.
	cargo run -q -p berth --example prerender -- dist
	scripts/shrink-glue dist
	# The on-demand module (imports, exports, every region, compare) and
	# the page's loader for it: not part of the first load.
	$(RELEASE_ENV) scripts/tools-build dist
	scripts/bundle-css dist
	scripts/csp-hash dist/index.html
	scripts/sw-build dist
	terser dist/sw.js --compress --mangle -o dist/sw.js

## serve: build the release bundle and serve it on http://127.0.0.1:$(PORT)/
serve: dist
	@echo "Berth is being served on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## test: everything CI checks, in the order that fails fastest
test: setup lint unit wasm-test dist e2e size

lint:
	scripts/palette-check
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy $(WASM) -p berth --all-targets -- -D warnings
	cargo clippy $(WASM) -p berth-core --lib -- -D warnings

unit:
	cargo test --workspace

wasm-test:
	cargo test $(WASM) -p berth --test web

e2e:
	cargo test -p berth --test e2e -- --ignored --nocapture

size:
	scripts/size-report

## bench: speed and size budgets, printed as tables
bench: dist
	# The startup benchmark's yardstick: an empty Yew app, built as Berth is.
	cd bench/empty-yew && $(RELEASE_ENV) trunk build --release --offline --dist ../../target/empty-yew
	cargo bench -p berth-core --bench breakeven --bench simulate
	cargo bench -p berth-import --bench import
	cargo test -p berth --test render_bench -- --ignored --nocapture
	scripts/size-report

## fuzz: coverage-guided fuzzing of the link decoder and of every engine on
## what it decodes, FUZZ_SECONDS per target (default 60); prints cases run
## and any crash. Installs nightly and cargo-fuzz first if missing.
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/setup-fuzz
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

clean:
	cargo clean
	rm -rf dist
