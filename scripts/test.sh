#!/usr/bin/env bash
# npm test: the one command that equals CI. Runs setup if needed, then each layer in turn, stopping at the
# first red one: format, lints (native and wasm32), docs, JS lint and type check, native tests, wasm tests in
# Node, wasm tests in headless Chromium, browser end-to-end tests. The last line counts tests, not layers.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed (setup)"; exit 1; }
source scripts/env.sh
logdir="$(mktemp -d)"
passed=0
failed=0
t_all=$(date +%s)

# Adds the counts a layer's log reports (cargo/wasm-bindgen "test result:" lines; node's "ℹ pass N").
count() {
  local log=$1 p f
  p=$(grep -aE '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1/' | awk '{s+=$1} END {print s+0}')
  f=$(grep -aE '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\2/' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  p=$(grep -aE '^ℹ pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
  f=$(grep -aE '^ℹ fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}

layer() {
  local name=$1; shift
  local log="$logdir/$(echo "$name" | tr ' /' '__').log" t0=$(date +%s)
  printf '\n=== %s\n' "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  count "$log"
  printf '=== %s: %s in %ss\n' "$name" "$([ "$rc" = 0 ] && echo ok || echo FAILED)" "$(( $(date +%s) - t0 ))"
  if [ "$rc" != 0 ]; then
    [ "$(grep -acE '^test result:|^ℹ fail' "$log")" = 0 ] && failed=$((failed + 1))
    echo "stopped at layer \"$name\" after $(( $(date +%s) - t_all ))s"
    echo "$passed passed, $failed failed"
    exit 1
  fi
}

layer "build release wasm" bash scripts/build.sh
layer "cargo fmt --check" cargo fmt --check
layer "cargo clippy (native)" cargo clippy --all-targets -- -D warnings
layer "cargo clippy (wasm32)" wasm_env cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
layer "cargo doc" env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib -q
layer "js lint and type check" npm run --silent lint:js
layer "cargo test (native)" cargo test
layer "wasm-pack test --node" wasm_env wasm-pack test --mode no-install --node -- --test wasm_contract
layer "wasm-pack test --headless --chrome" wasm_env wasm-pack test --mode no-install --headless --chrome -- --test wasm_browser
layer "browser end-to-end" node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
echo
echo "all layers green in $(( $(date +%s) - t_all ))s; screenshots in test-results/"
echo "$passed passed, $failed failed"
