#!/usr/bin/env bash
# The tests, from a fresh Debian/Ubuntu machine: installs what is missing, then runs the unit, integration and
# packaged-application tests (they start their own private servers on free ports).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
./mvnw -B verify
