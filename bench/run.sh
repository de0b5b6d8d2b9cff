#!/usr/bin/env bash
# Measures the queue server on this machine (loopback only) and prints a table for
# docs/performance.md: the throughput and latency table (about two minutes), a simulated day of
# the hall (about a minute), and a year of history with its report (about two minutes).
# Not part of the test suite: speed is measured, never asserted.
#   --soak       also twelve simulated hours at the day's load (about a minute more), RSS and
#                open handles every simulated hour
#   --only-day   skip the throughput table (the day, the year, and the soak if asked)
#   --no-year    skip the year of history and its report
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/OpenAlmaty.FrontOffice.Server -c Release -v quiet -nologo
dotnet run --project bench/OpenAlmaty.FrontOffice.Bench -c Release -- \
  src/OpenAlmaty.FrontOffice.Server/bin/Release/net10.0/OpenAlmaty.FrontOffice.Server.dll "$@"
