#!/usr/bin/env bash
# Runs the whole test suite, first installing what the tests need when it is missing:
# Debian's Chromium (browser tests), Debian's aiosmtpd (SMTP tests), Debian's python3-icalendar (calendar
# tests), Debian's postgresql (the throwaway cluster of the PostgreSQL tests), Debian's redis-server (two-instance
# tests), Debian's nginx (deploy/nginx.conf in front of two instances) and the Node packages in package.json (axe-core, SignalR client).
# Then runs the domain suite (trait Category=Database) a second time on PostgreSQL (HRC_TEST_DATABASE=PostgreSql).
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Knowledge"; with arguments the
# PostgreSQL pass is skipped (the filter belongs to the first run).
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
APT_UPDATED=""
apt_install() {
    [ -n "$APT_UPDATED" ] || { $SUDO apt-get update -qq; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's Chromium for the browser tests…"
    apt_install chromium
fi

if ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then
    echo "Installing Debian's aiosmtpd, the SMTP server of the email tests…"
    apt_install python3-aiosmtpd
fi

if ! /usr/bin/python3 -c "import icalendar" 2>/dev/null; then
    echo "Installing Debian's python3-icalendar, the second parser of the calendar tests…"
    apt_install python3-icalendar
fi

if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
    echo "Installing Debian's PostgreSQL for the PostgreSQL tests…"
    apt_install postgresql
fi

if [ ! -x /usr/bin/redis-server ]; then
    echo "Installing Debian's redis-server for the two-instance tests…"
    apt_install redis-server
fi

if [ ! -x /usr/sbin/nginx ]; then
    echo "Installing Debian's nginx for the proxy tests…"
    apt_install nginx
fi

if [ ! -f node_modules/axe-core/axe.min.js ]; then
    echo "Installing Node packages…"
    npm ci --no-audit --no-fund --loglevel=error
fi

rm -rf TestResults
dotnet build HrcCommunity.sln --nologo -v quiet
status=0
dotnet test HrcCommunity.Tests --no-build --nologo \
    --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" \
    --results-directory TestResults --blame-hang-timeout 10m "$@" || status=$?
if [ "$#" -eq 0 ]; then
    echo "The domain suite again, on PostgreSQL…"
    HRC_TEST_DATABASE=PostgreSql dotnet test HrcCommunity.Tests --no-build --nologo \
        --filter "Category=Database&Category!=SqliteOnly" \
        --logger "trx;LogFileName=results-postgresql.trx" --logger "console;verbosity=minimal" \
        --results-directory TestResults --blame-hang-timeout 10m || status=$?
fi
exit $status
