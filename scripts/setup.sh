#!/usr/bin/env bash
# Installs everything storylines needs to build, serve and test, idempotently and without hanging:
#   - a wasm32 standard library (rustup's target, or Debian's rustc-web with build-std as the fallback),
#   - wasm-bindgen-cli (exactly the version in Cargo.lock) and wasm-pack, into ~/.cache/storylines/ keyed by
#     version so that a fresh clone reuses them,
#   - Debian's chromium and chromium-driver (for wasm-pack's browser tests and Playwright),
#   - the npm dev-dependencies (npm ci), which bring wasm-opt (npm "binaryen"), eslint and playwright-core.
# A second run does nothing and takes seconds. Every network step is bounded by `timeout`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
cache="${STORYLINES_CACHE:-$HOME/.cache/storylines}"
mkdir -p "$cache"
log() { printf 'setup: %s\n' "$*" >&2; }
t0=$(date +%s)

# 1. Rust and a wasm32 standard library.
command -v cargo >/dev/null || { log "cargo is missing: install Rust with rustup (https://rustup.rs) and run again"; exit 1; }
has_wasm_std() {
  local dir
  dir="$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null)" || return 1
  compgen -G "$dir/libstd-*.rlib" >/dev/null
}
route=A
if ! has_wasm_std; then
  if command -v rustup >/dev/null; then
    log "adding rustup target wasm32-unknown-unknown (bounded to 60 s)"
    timeout 60 rustup target add wasm32-unknown-unknown >&2 || log "rustup target add failed or timed out"
  fi
  if ! has_wasm_std; then
    route=B
    log "falling back to Debian's rustc-web with build-std"
    if ! dpkg -s rustc-web cargo-web rust-web-src lld-22 >/dev/null 2>&1; then
      sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo -n"
      DEBIAN_FRONTEND=noninteractive timeout 300 $sudo_cmd apt-get install -y --no-install-recommends \
        rustc-web cargo-web rust-web-src rust-web-llvm lld-22 >&2
    fi
    mkdir -p "$cache/route-b-bin"
    for t in cargo rustc rustdoc; do ln -sf "/usr/bin/$t" "$cache/route-b-bin/$t"; done
  fi
fi
echo "$route" > "$cache/route"
# The standard library's sources, for the page's size build (scripts/env.sh wasm_size_env); route B has them
# in rust-web-src. Without them the build still works, only larger.
if [ "$route" = A ] && command -v rustup >/dev/null \
  && [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  log "adding rustup component rust-src (bounded to 120 s)"
  timeout 120 rustup component add rust-src >&2 || log "rustup component add rust-src failed or timed out: the wasm will be larger"
fi

# 2. wasm-bindgen-cli at the lockfile's version, and wasm-pack.
wb_version="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)"
install_tool() { # crate version binary extra-args...
  local crate=$1 version=$2 bin=$3; shift 3
  local root="$cache/$crate-$version"
  if [ ! -x "$root/bin/$bin" ]; then
    log "installing $crate $version into $root (a few minutes, once per machine)"
    timeout 1200 cargo install "$crate" --version "$version" --root "$root" "$@" >&2
  fi
}
install_tool wasm-bindgen-cli "$wb_version" wasm-bindgen
install_tool wasm-pack 0.15.1 wasm-pack --locked

# 3. Chromium and its driver (Debian's; never a browser downloaded by a test tool).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if command -v apt-get >/dev/null; then
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo -n"
    log "installing chromium and chromium-driver"
    DEBIAN_FRONTEND=noninteractive timeout 600 $sudo_cmd apt-get install -y chromium chromium-driver >&2 || {
      DEBIAN_FRONTEND=noninteractive timeout 120 $sudo_cmd apt-get update >&2
      DEBIAN_FRONTEND=noninteractive timeout 600 $sudo_cmd apt-get install -y chromium chromium-driver >&2
    }
  else
    log "chromium and chromedriver are needed on PATH for the browser tests"
  fi
fi

# 4. npm dev-dependencies, reinstalled only when package-lock.json changed.
stamp="node_modules/.storylines-lock-hash"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  log "npm ci"
  timeout 600 npm ci --no-audit --no-fund >&2
  echo "$lock_hash" > "$stamp"
fi
log "ready (route $route, $(( $(date +%s) - t0 )) s)"
