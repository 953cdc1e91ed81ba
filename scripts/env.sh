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

# The page's wasm (scripts/build.sh and build-bench.sh; never native builds or the wasm tests): the standard
# library rebuilt with the engine (build-std), panics that trap at once with no message or location (the core
# never panics; a panic in wasm was a trap already, only its text is gone), and `{:?}` formatting compiled away
# (no output of the engine goes through Debug; tests check the exports equal the native ones). Measured on
# 2026-12-07: −15.7 KB of gzipped wasm (docs/PERFORMANCE.md "Size"). It needs the standard library's sources
# (rustup's rust-src component, which setup.sh adds, or route B's rust-web-src); without them the build is the
# plain one and the size test reports the difference. Its own target directory, so that switching between
# these flags and the tests' never rebuilds the other's dependencies. `opt-level` "z" here: the release profile's
# 3 is for the native CLI (opt-level "s" costs +42 KB and 3 +97 KB of gzipped wasm, docs/PERFORMANCE.md "Scale").
wasm_size_env() {
  if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
    CARGO_TARGET_DIR="$_here/target/wasm-size" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
      RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" "$@"
  else
    echo "note: the standard library's sources are missing (rustup component add rust-src): building the plain wasm, larger than the size build" >&2
    CARGO_PROFILE_RELEASE_OPT_LEVEL=z wasm_env "$@"
  fi
}
