#!/usr/bin/env bash
# Builds the release wasm into www/pkg (wasm-pack, --target web), never downloading anything on its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
wasm_env wasm-pack build --release --mode force --target web --out-dir www/pkg --out-name storylines --no-pack >&2
rm -f www/pkg/.gitignore
