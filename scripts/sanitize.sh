#!/usr/bin/env bash
# Builds newsdedup and its tests with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-asan/ and runs the whole test suite there. Any finding (memory error, leak, undefined
# behaviour) aborts the process, so the test it happens in fails.
# GCC at -O1 with line tables (-g1): quick to build, fast enough for the end-to-end tests,
# with file and line in every report; NDEBUG is left undefined so that library checks
# (simdjson's development checks, for one) stay on.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DNEWSDEDUP_SANITIZE=ON -DNEWSDEDUP_BENCH=OFF >/dev/null
ninja -C build-asan
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
