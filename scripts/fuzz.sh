#!/usr/bin/env bash
# npm run fuzz -- [SECONDS] [TARGET…]: runs each cargo-fuzz target (libFuzzer) for SECONDS (default 60).
# Needs a nightly toolchain (rustup's `nightly`; else RUSTC_BOOTSTRAP=1 on stable) and cargo-fuzz, which this
# script installs into ~/.cache/storylines/ once. New corpus entries go to fuzz/corpus-new/TARGET (not committed);
# crashes go to fuzz/artifacts/TARGET: copy each into fuzz/regressions/TARGET/ with a fix, so that
# tests/fuzz_corpus.rs replays it in `npm test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
secs=${1:-60}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(parse_text parse_markdown parse_manifest export_many diff_pair)
cache="${STORYLINES_CACHE:-$HOME/.cache/storylines}"
fuzzbin="$cache/cargo-fuzz-0.13.2/bin"
if [ ! -x "$fuzzbin/cargo-fuzz" ]; then
  timeout 900 cargo install cargo-fuzz --version 0.13.2 --locked --root "$cache/cargo-fuzz-0.13.2" >&2
fi
export PATH="$fuzzbin:$PATH"
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then tc=(+nightly); else tc=(); export RUSTC_BOOTSTRAP=1; fi
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus-new/$t"
  echo "=== fuzzing $t for ${secs}s"
  cargo "${tc[@]}" fuzz run "$t" "fuzz/corpus-new/$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -print_final_stats=1 -timeout=60 -report_slow_units=1 2>&1 \
    | grep -E '^#[0-9]+.*(DONE|pulse)|stat::|SUMMARY|ERROR|panicked|Test unit written|Slowest unit|slow-unit|timeout' || true
done
