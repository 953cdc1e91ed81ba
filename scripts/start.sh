#!/usr/bin/env bash
# npm start: setup if needed, build the release wasm, serve www/ on http://127.0.0.1:8080 (PORT overrides).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs --port "${PORT:-8080}"
