#!/usr/bin/env bash
# Builds the release wasm into www/pkg (wasm-pack, --target web), never downloading anything on its own.
# Then builds the second module, the same engine with HTML extraction (feature "html", dom_smoothie), into
# www/pkg-html; the page's worker loads it only when an HTML article is added (see docs/ARCHITECTURE.md).
# Last, www/dist: the minified build a host page or the npm package uses (scripts/build-dist.mjs).
# STORYLINES_NO_HTML=1 skips the second module (it adds about 40–70 s to a build on two cores).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
# Skip the build when nothing that goes into the wasm (src/, and data/ through include_str!) changed since the last one (wasm-opt alone takes a minute).
stamp_of() { cat Cargo.toml Cargo.lock scripts/env.sh $(find src data -type f | sort) | sha256sum | cut -d' ' -f1; }
main_stamp="$(stamp_of)"
if [ -f www/pkg/storylines_bg.wasm ] && [ "$(cat www/pkg/.build-stamp 2>/dev/null)" = "$main_stamp" ]; then
  echo "www/pkg is up to date" >&2
else
  wasm_size_env wasm-pack build --release --mode force --target web --out-dir www/pkg --out-name storylines --no-pack >&2
  rm -f www/pkg/.gitignore
  # A second wasm-opt pass with --low-memory-unused: rustc links the stack first (data starts at 1 MiB), so the
  # low 1 KiB of memory is the bottom of the stack, reached only just before a stack overflow traps; binaryen may
  # then fold address arithmetic into load/store offsets. Measured 2026-11-25: -3.5 KB gzipped (as a flag in
  # wasm-pack's own pass it made the module larger, hence this separate pass).
  node_modules/.bin/wasm-opt www/pkg/storylines_bg.wasm -o www/pkg/storylines_bg.opt.wasm --low-memory-unused -Oz \
    --converge --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int
  mv www/pkg/storylines_bg.opt.wasm www/pkg/storylines_bg.wasm
  echo "$main_stamp" > www/pkg/.build-stamp
fi
if [ -z "${STORYLINES_NO_HTML:-}" ] && [ -f www/pkg-html/storylines_html_bg.wasm ] \
  && [ "$(cat www/pkg-html/.build-stamp 2>/dev/null)" = "$main_stamp" ]; then
  echo "www/pkg-html is up to date" >&2
elif [ -z "${STORYLINES_NO_HTML:-}" ]; then
  wasm_env wasm-pack build --release --mode force --target web --out-dir www/pkg-html --out-name storylines_html \
    --no-pack -- --features html >&2
  rm -f www/pkg-html/.gitignore
  echo "$main_stamp" > www/pkg-html/.build-stamp
fi
# The sentence-embedding table (issue 19), a separate asset beside the page so that `npm start` serves it from the
# page's own origin (never part of the wasm or of the size budget); the page is to fetch it after its first render.
cp data/embeddings.bin www/embeddings.bin
# The minified element, worker, core API, stylesheet and wasm a host downloads (www/dist; esbuild, < 1 s).
node scripts/build-dist.mjs
# The single self-contained HTML file, www/dist/storylines.html (scripts/build-single.mjs, a second or two).
node scripts/build-single.mjs
