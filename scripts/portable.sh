#!/usr/bin/env bash
# Builds newsdedup and its tests as for a machine without SSE2 (__SSE2__ undefined, so every
# kernel takes the byte-at-a-time path kept for other machines) into build-portable/ and runs
# the whole test suite there: the outputs must not depend on which path ran.
# -O1 with line tables: quick to build; the paths are checked, not timed.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-portable -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DCMAKE_CXX_FLAGS="-U__SSE2__" -DNEWSDEDUP_BENCH=OFF >/dev/null
ninja -C build-portable
ctest --test-dir build-portable --output-on-failure -j "$(nproc)"
