#!/usr/bin/env bash
# Checks the editor page in a real browser: starts a throwaway local stack (--memory, free port), drops
# both seeds and an empty file into its inbox, loads the page in headless Chromium, and writes
#   <out>-list.png     the newest-articles view with the rejected file
#   <out>-article.png  one article with its tags
#   <out>.html         the DOM after the script ran
# then fails unless the rendered DOM shows a stored article's title and the rejection.
#
# Usage: local/check-page.sh [OUT_PREFIX]   (default .scratch/editor-page)
# Needs Chromium: apt-get install -y chromium   (or set CHROMIUM=/path/to/chrome)
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT=${1:-.scratch/editor-page}
SEEDS=${SEEDS:-../shared/seeds}
[ -x "$CHROMIUM" ] || { echo "check-page: no Chromium at $CHROMIUM (apt-get install -y chromium)" >&2; exit 2; }
mkdir -p "$(dirname "$OUT")"

root=$(mktemp -d)
mkdir -p "$root/inbox"
AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true NODE_OPTIONS=--openssl-legacy-provider \
  node --import tsx local/start.ts --memory --port 0 --data "$root/data" --inbox "$root/inbox" >"$root/stack.log" 2>&1 &
pid=$!
cleanup() {
  kill -INT "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

url=''
for _ in $(seq 1 150); do
  url=$(sed -n 's/.*ready at \(http:[^ ]*\).*/\1/p' "$root/stack.log")
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$root/stack.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { echo "check-page: the stack did not get ready" >&2; cat "$root/stack.log" >&2; exit 1; }

cp "$SEEDS"/*.txt "$root/inbox/"
: >"$root/inbox/empty.txt"
count() { curl -sf "$url/articles?limit=100" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items.length))'; }
for _ in $(seq 1 100); do
  [ "$(count)" -ge 2 ] && curl -sf "$url/rejections" | grep -q empty_file && break
  sleep 0.1
done
first=$(curl -sf "$url/articles?limit=1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const a=JSON.parse(s).items[0];console.log(a.id+"\t"+a.title)})')
id=${first%%$'\t'*}
title=${first#*$'\t'}

chrome() {
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$root/chrome" --window-size=1280,1000 --virtual-time-budget=5000 "$@" 2>/dev/null
}
chrome --screenshot="$OUT-list.png" "$url/"
chrome --screenshot="$OUT-article.png" "$url/#id=$id"
chrome --dump-dom "$url/#id=$id" >"$OUT.html"

ok=1
grep -qF "$title" "$OUT.html" || { echo "check-page: the article title is not on the page" >&2; ok=0; }
grep -q 'empty_file' "$OUT.html" || { echo "check-page: the rejected file is not on the page" >&2; ok=0; }
grep -q '<h2>' "$OUT.html" || { echo "check-page: the article view did not render" >&2; ok=0; }
[ "$ok" = 1 ] || exit 1
echo "check-page: ok ($url) -> $OUT-list.png, $OUT-article.png, $OUT.html"
