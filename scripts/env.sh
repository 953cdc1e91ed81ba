# Sourced by the other scripts: puts the tools that setup.sh installed first on PATH and, on route B,
# Debian's compilers. Usage: source scripts/env.sh
_here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_cache="${STORYLINES_CACHE:-$HOME/.cache/storylines}"
_wb="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$_here/Cargo.lock")"
export PATH="$_here/node_modules/.bin:$_cache/wasm-bindgen-cli-$_wb/bin:$_cache/wasm-pack-0.15.1/bin:$PATH"
if [ "$(cat "$_cache/route" 2>/dev/null)" = B ]; then
  export PATH="$_cache/route-b-bin:$PATH"
  # Only for wasm commands: see wasm_env.
  wasm_env() { RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@"; }
else
  wasm_env() { "$@"; }
fi
export CHROME_BIN=/usr/bin/chromium
