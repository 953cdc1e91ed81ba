#!/usr/bin/env bash
# Writes the engine's outputs on a fixed set of inputs into a folder, for a byte-for-byte comparison of two
# builds (a restructuring or a speed-up must not change them):
#   bash scripts/outputs.sh path/to/storylines OUT_DIR  …then…  diff -r OUT_A OUT_B (or cmp each file)
# Inputs: the bundled sample (with its manifest), each fixture under tests/data, and the generated corpus of
# 1,000 articles as one export and as JSON Lines stories.
set -euo pipefail
bin=$(realpath "$1"); out=$2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"; out=$(realpath "$out")
cd "$here"
"$bin" export --manifest www/articles/manifest.json www/articles > "$out/bundle.json"
for f in tests/data/*.txt tests/data/*.md tests/data/*.html; do
  "$bin" export "$f" > "$out/fixture-$(basename "$f").json" 2>/dev/null || echo "exit $?" > "$out/fixture-$(basename "$f").json"
done
"$bin" diff www/articles/000_dff4c5a8cacb7654.txt www/articles/001_859eea7cc5a2a7d3.txt > "$out/diff-000-001.json"
gen=$(mktemp -d)
node scripts/bench/generate.mjs 1000 --out "$gen/articles" --stories-jsonl "$gen/stories.jsonl" > /dev/null
"$bin" export "$gen/articles" > "$out/generated-1000.json"
"$bin" jsonl < "$gen/stories.jsonl" > "$out/generated-1000.jsonl"
rm -rf "$gen"
(cd "$out" && sha256sum -- * > SHA256SUMS)
