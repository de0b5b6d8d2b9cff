#!/usr/bin/env bash
# Measures the queue server on this machine (loopback only, about a minute) and prints a table
# for docs/performance.md. Not part of the test suite: speed is measured, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/OpenAlmaty.FrontOffice.Server -c Release -v quiet -nologo
dotnet run --project bench/OpenAlmaty.FrontOffice.Bench -c Release -- \
  src/OpenAlmaty.FrontOffice.Server/bin/Release/net10.0/OpenAlmaty.FrontOffice.Server.dll
