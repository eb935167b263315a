#!/usr/bin/env bash
# One command from a fresh Debian machine: install dependencies, then
#   1. build (Release) and run every test: GoogleTest unit tests, the end-to-end tests on the
#      fixtures in tests/, and the replay of every fuzz seed and regression in fuzz/;
#   2. the same suite built with AddressSanitizer and UndefinedBehaviorSanitizer (scripts/sanitize.sh);
#   3. the same suite built without the SSE2 kernels, on the paths kept for other machines
#      (scripts/portable.sh);
#   4. each libFuzzer target for FUZZ_SECONDS (default 20) seconds (scripts/fuzz.sh).
# Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo; echo "== $* ($(date +%T))"; }
step "dependencies"
scripts/install-deps.sh
step "build and test"
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
step "sanitizers: build and test"
scripts/sanitize.sh
step "without SSE2: build and test"
scripts/portable.sh
step "fuzz, ${FUZZ_SECONDS:=20} s per target"
FUZZ_SECONDS=$FUZZ_SECONDS scripts/fuzz.sh
step "all passed"
