#!/usr/bin/env bash
# The whole suite on SQLite and, when PostgreSQL answers, on PostgreSQL too.
# KPCS_REQUIRE_POSTGRES=1 makes PostgreSQL mandatory; KPCS_REQUIRE_BROWSER=1 makes the browser tests mandatory.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export KPCS_TEST_POSTGRES_URL="${KPCS_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export DJANGO_ALLOW_ASYNC_UNSAFE=true  # Playwright's sync API runs an event loop in the test thread
unset KPCS_DATABASE_URL

# Tools the suite needs from Debian: Chromium for the browser tests, gettext to check the catalogues.
want=()
[ -x /usr/bin/chromium ] || want+=(chromium fonts-dejavu-core)
command -v xgettext >/dev/null || want+=(gettext)
if [ ${#want[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing from Debian: ${want[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}") >/dev/null
  else
    echo "NOTE: cannot install ${want[*]} (not root or no apt-get); the tests that need them will skip."
  fi
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "${KPCS_REQUIRE_BROWSER:-0}" = 1 ]; then echo "Chromium is required but missing" >&2; exit 1; fi
  echo "NOTE: /usr/bin/chromium is missing: browser tests will be SKIPPED."
fi

pg_up() {
  $BIN/python - <<'PY'
import os, sys
import psycopg
try:
    psycopg.connect(os.environ["KPCS_TEST_POSTGRES_URL"], connect_timeout=3).close()
except Exception as exc:
    print(f"PostgreSQL not reachable: {exc}", file=sys.stderr)
    sys.exit(1)
PY
}

mkdir -p test-artifacts
echo "== pytest on SQLite =="
$BIN/pytest -n 2 --dist loadgroup -q -p no:cacheprovider "$@"

if pg_up; then
  echo "== pytest on PostgreSQL ($KPCS_TEST_POSTGRES_URL) =="
  KPCS_DATABASE_URL="$KPCS_TEST_POSTGRES_URL" $BIN/pytest -n 2 --dist loadgroup -q -p no:cacheprovider "$@"
elif [ "${KPCS_REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "PostgreSQL is required (KPCS_REQUIRE_POSTGRES=1) but does not answer" >&2
  exit 1
else
  echo "NOTE: PostgreSQL does not answer at $KPCS_TEST_POSTGRES_URL: the PostgreSQL run is SKIPPED."
fi
