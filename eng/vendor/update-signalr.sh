#!/usr/bin/env bash
# Vendors the official SignalR browser client (npm package @microsoft/signalr) into the console's static files.
# The console has no JavaScript build step, so the one file it needs is committed; run this to update it.
#   eng/vendor/update-signalr.sh            latest version
#   eng/vendor/update-signalr.sh 10.0.11    a given version
set -euo pipefail

version="${1:-latest}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
target="$repo/bot/TipBot.Web/wwwroot/lib/signalr"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@microsoft/signalr@$version" >/dev/null && tar xzf microsoft-signalr-*.tgz)
resolved="$(node -p "require('$work/package/package.json').version")"
license="$(node -p "require('$work/package/package.json').license")"
if [ "$license" != "MIT" ]; then
    echo "error: @microsoft/signalr $resolved is licensed '$license', not MIT: check it before vendoring" >&2
    exit 1
fi

mkdir -p "$target"
# The source map stays out: the comment that names it only matters with the browser's developer tools open.
cp "$work/package/dist/browser/signalr.min.js" "$target/signalr.min.js"
sed -i "s/^@microsoft\/signalr [0-9][0-9A-Za-z.-]*/@microsoft\/signalr $resolved/" "$target/README.md"
echo "Vendored @microsoft/signalr $resolved into ${target#"$repo"/}"
