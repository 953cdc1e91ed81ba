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
# The features of each module: the page's engine takes the embedding table (issue 19), the HTML module too.
main_features=embeddings
html_features=html,embeddings
stamp_of() { { echo "$main_features $html_features"; cat Cargo.toml Cargo.lock scripts/env.sh $(find src data -type f | sort); } | sha256sum | cut -d' ' -f1; }
main_stamp="$(stamp_of)"
if [ -f www/pkg/storylines_bg.wasm ] && [ "$(cat www/pkg/.build-stamp 2>/dev/null)" = "$main_stamp" ]; then
  echo "www/pkg is up to date" >&2
else
  # The feature "embeddings" gives the page's engine `Corpus.setEmbeddings`; the table itself is a separate asset
  # (www/embeddings.bin below) that the worker fetches after the first render (docs/PERFORMANCE.md: its weight).
  wasm_size_env wasm-pack build --release --mode force --target web --out-dir www/pkg --out-name storylines --no-pack \
    -- --features "$main_features" >&2
  rm -f www/pkg/.gitignore
  # A second wasm-opt pass with --low-memory-unused: rustc links the stack first (data starts at 1 MiB), so the
  # low 1 KiB of memory is the bottom of the stack, reached only just before a stack overflow traps; binaryen may
  # then fold address arithmetic into load/store offsets. Measured 2026-11-25: -3.5 KB gzipped (as a flag in
  # wasm-pack's own pass it made the module larger, hence this separate pass).
  # -O3 like the first pass (Cargo.toml's wasm-pack metadata): smaller gzipped and faster than -Oz here.
  node_modules/.bin/wasm-opt www/pkg/storylines_bg.wasm -o www/pkg/storylines_bg.opt.wasm --low-memory-unused -O3 \
    --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int
  mv www/pkg/storylines_bg.opt.wasm www/pkg/storylines_bg.wasm
  echo "$main_stamp" > www/pkg/.build-stamp
fi
if [ -z "${STORYLINES_NO_HTML:-}" ] && [ -f www/pkg-html/storylines_html_bg.wasm ] \
  && [ "$(cat www/pkg-html/.build-stamp 2>/dev/null)" = "$main_stamp" ]; then
  echo "www/pkg-html is up to date" >&2
elif [ -z "${STORYLINES_NO_HTML:-}" ]; then
  CARGO_PROFILE_RELEASE_OPT_LEVEL=z wasm_env wasm-pack build --release --mode force --target web --out-dir www/pkg-html --out-name storylines_html \
    --no-pack -- --features "$html_features" >&2
  rm -f www/pkg-html/.gitignore
  echo "$main_stamp" > www/pkg-html/.build-stamp
fi
# The sentence-embedding table (issue 19), a separate asset beside the page so that `npm start` serves it from the
# page's own origin (never part of the wasm or of the size budget); the page is to fetch it after its first render.
cp data/embeddings.bin www/embeddings.bin
# The precomputed model of the bundled articles the page draws before its worker is ready (issue 21): the page's
# own wasm run in Node on www/articles with the table (scripts/build-sample.mjs, about a second).
node scripts/build-sample.mjs
# The minified element, worker, core API, stylesheet and wasm a host downloads (www/dist; esbuild, < 1 s).
node scripts/build-dist.mjs
# The single self-contained HTML file, www/dist/storylines.html (scripts/build-single.mjs, a second or two).
node scripts/build-single.mjs
