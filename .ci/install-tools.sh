#!/usr/bin/env bash
# Install what the quality gates (pytest -m quality) need on a fresh Debian machine:
#   - Debian's chromium (axe via Python playwright, Lighthouse): browsers downloaded
#     by playwright/puppeteer are not reachable from CI, Debian's package is.
#   - jing (RELAX NG validation of the Atom feeds).
#   - rsync (`invoke publish`; its tests publish to a local folder).
#   - a Java runtime >= 17 for vnu.jar and jing (only installed when missing).
#   - the pinned npm devDependencies (vnu-jar, axe-core, lighthouse; decap-cms and
#     decap-server for `invoke cms`, the editors' form) from package-lock.json.
# Fails loudly on the first error.
set -euo pipefail

cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

packages=(chromium jing rsync)

java_major() {
    java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1
}
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
    packages+=(default-jre-headless)
fi

echo "install-tools: apt-get install ${packages[*]}"
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${packages[@]}"

for tool in node npm java jing rsync /usr/bin/chromium; do
    command -v "$tool" >/dev/null 2>&1 || { echo "install-tools: $tool is missing" >&2; exit 1; }
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 18 ]; then
    echo "install-tools: Node >= 18.16 is required by lighthouse 12 (found $(node -v))" >&2
    exit 1
fi

# --ignore-scripts: vnu-jar's postinstall downloads a Java runtime from GitHub,
# which we neither need (Debian's Java is used) nor can reach.
echo "install-tools: npm ci"
npm ci --ignore-scripts --no-audit --no-fund

test -f node_modules/vnu-jar/build/dist/vnu.jar
test -f node_modules/axe-core/axe.min.js
test -x node_modules/.bin/lighthouse
test -f node_modules/decap-cms/dist/decap-cms.js
test -f node_modules/decap-server/dist/index.js

java -version 2>&1 | head -n1
jing 2>&1 | head -n1 || true
/usr/bin/chromium --version
echo "install-tools: lighthouse $(node_modules/.bin/lighthouse --version)"
echo "install-tools: done"
