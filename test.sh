#!/usr/bin/env bash
# Runs every test of OpenAlmaty.FrontOffice. Does its own set-up: installs what the tests need
# when it is missing (Debian's Chromium for the browser tests), then tests the whole solution.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null; then
  echo "test.sh: the .NET 10 SDK is needed (dotnet on PATH)." >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: installing Debian's Chromium for the browser tests"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test OpenAlmaty.FrontOffice.sln --configuration Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole suite (dotnet test prints one block per test project).
count() { awk -v word="$1" '$1 == word":" && $2 ~ /^[0-9]+$/ {s += $2} END {print s + 0}' "$log"; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
# The names of failed tests again at the end, where a CI log that keeps only its tail still shows them.
if [ "$failed" -gt 0 ]; then
  echo "failed tests:"
  grep -E -A3 '^[[:space:]]+Failed [[:alnum:]_]+(\.[[:alnum:]_]+){2,}' "$log" | cut -c1-300 || true
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
