#!/usr/bin/env bash
# Builds the benchmark's wasm: the release engine plus the single-stage entry points of the `bench` feature,
# into target/bench-pkg (the page's module in www/pkg does not carry them). Used by `npm run bench`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
wasm_size_env wasm-pack build --release --mode force --target web --out-dir target/bench-pkg --out-name storylines \
  --no-pack -- --features bench >&2
