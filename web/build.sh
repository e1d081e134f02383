#!/usr/bin/env bash
# Builds invitesim's page into web/dist/ (index.html, invitesim_web.js,
# invitesim_web_bg.wasm): a static folder to serve anywhere, e.g.
#   python3 -m http.server -d web/dist
# Installs what it needs when missing: the wasm32 target, wasm-bindgen-cli at the
# version Cargo.lock pins (its generated JS must match the crate), and binaryen's
# wasm-opt from npm (web/package.json).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
    echo "installing wasm-bindgen-cli $want (Cargo.lock's wasm-bindgen; found '${have:-none}')" >&2
    # Not --locked: its lockfile names a crate version the registry may lack.
    cargo install wasm-bindgen-cli --version "$want"
fi
if [ ! -x web/node_modules/.bin/wasm-opt ]; then
    (cd web && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

cargo build -p invitesim-web --target wasm32-unknown-unknown --profile web
rm -rf web/dist
mkdir -p web/dist
wasm-bindgen --target web --no-typescript --out-dir web/dist \
    target/wasm32-unknown-unknown/web/invitesim_web.wasm
# The features Rust's wasm32 target uses by default; wasm-opt must be told.
web/node_modules/.bin/wasm-opt -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o web/dist/invitesim_web_bg.wasm web/dist/invitesim_web_bg.wasm
cp web/index.html web/dist/

wasm=web/dist/invitesim_web_bg.wasm
echo "web/dist: $(wc -c < "$wasm") bytes of wasm, $(gzip -9 -c "$wasm" | wc -c) gzipped"
