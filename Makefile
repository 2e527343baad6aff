# Berth: the commands a newcomer types. `make serve` and `make test` run the
# setup first, so a fresh machine needs nothing else.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
WASM := --target wasm32-unknown-unknown

.PHONY: setup serve dist test lint unit wasm-test e2e size bench fuzz clean

setup:
	@scripts/setup

## dist: the release bundle, static files for any CDN, in dist/
dist: setup
	trunk build --release --offline
	scripts/csp-hash dist/index.html
	scripts/sw-build dist

## serve: build the release bundle and serve it on http://127.0.0.1:$(PORT)/
serve: dist
	@echo "Berth is being served on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## test: everything CI checks, in the order that fails fastest
test: setup lint unit wasm-test dist e2e size

lint:
	scripts/contrast-check
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
	cargo bench -p berth-core --bench breakeven --bench simulate
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
