#!/usr/bin/env bash
# npm run package: the npm package packages/storylines as a tarball in target/npm/ (npm pack). Its dist/ is
# the minified build (scripts/build-dist.mjs) plus the types: wasm-pack's generated .d.ts (as engine.d.ts)
# and the hand-written ones in packages/storylines/types/. Needs the wasm (npm run build) first.
# Prints the tarball's path on stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pkg=packages/storylines
[ -f www/pkg/storylines_bg.wasm ] || { echo "package: no wasm in www/pkg; run npm run build first" >&2; exit 1; }
node scripts/build-dist.mjs "$pkg/dist" 2>/dev/null
cp www/pkg/storylines.d.ts "$pkg/dist/engine.d.ts"
cp "$pkg"/types/*.d.ts "$pkg/dist/"
mkdir -p target/npm
name="$(cd "$pkg" && npm pack --pack-destination ../../target/npm --silent 2>/dev/null | tail -1)"
echo "$(pwd)/target/npm/$name"
