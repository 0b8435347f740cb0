#!/usr/bin/env bash
# Runs the whole test suite, first installing what the tests need when it is missing:
# Debian's Chromium (browser tests) and the Node packages in package.json (axe-core, SignalR client).
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Knowledge".
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's Chromium for the browser tests…"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ ! -f node_modules/axe-core/axe.min.js ]; then
    echo "Installing Node packages…"
    npm ci --no-audit --no-fund --loglevel=error
fi

rm -rf TestResults
dotnet build HrcCommunity.sln --nologo -v quiet
dotnet test HrcCommunity.Tests --no-build --nologo \
    --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" \
    --results-directory TestResults --blame-hang-timeout 10m "$@"
