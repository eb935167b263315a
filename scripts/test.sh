#!/usr/bin/env bash
# One command from a fresh Debian machine: install dependencies, build, and run every test
# (GoogleTest unit tests and the end-to-end tests on the fixtures in tests/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
