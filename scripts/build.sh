#!/usr/bin/env bash
# Builds the release wasm into www/pkg (wasm-pack, --target web), never downloading anything on its own.
# Then builds the second module, the same engine with HTML extraction (feature "html", dom_smoothie), into
# www/pkg-html; the page's worker loads it only when an HTML article is added (see docs/ARCHITECTURE.md).
# STORYLINES_NO_HTML=1 skips the second module (it adds about 40–70 s to a build on two cores).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
wasm_env wasm-pack build --release --mode force --target web --out-dir www/pkg --out-name storylines --no-pack >&2
rm -f www/pkg/.gitignore
if [ -z "${STORYLINES_NO_HTML:-}" ]; then
  wasm_env wasm-pack build --release --mode force --target web --out-dir www/pkg-html --out-name storylines_html \
    --no-pack -- --features html >&2
  rm -f www/pkg-html/.gitignore
fi
