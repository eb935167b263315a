#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ (clang++-14, AddressSanitizer and UndefinedBehaviorSanitizer)
# into build-fuzz/ and runs each for a bounded time.
#
#   scripts/fuzz.sh [TARGET...]      targets: the names of fuzz/*_fuzzer.cpp (default: all)
#   FUZZ_SECONDS=25                  time per target
#   FUZZ_CXX=clang++-14              compiler
#
# Seeds: fuzz/corpus/TARGET/ and fuzz/regressions/TARGET/ (plus tests/fixtures for the text and
# cleaner targets); what a run adds stays in build-fuzz/corpus/TARGET/ for the next run. Logs go
# to build-fuzz/logs/. A crash, leak or timeout stops the script with exit status 1 and leaves
# its reproducer in build-fuzz/artifacts/TARGET/; once fixed, copy it into
# fuzz/regressions/TARGET/ so that the normal test build replays it (ctest -R fuzz_regressions).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-25}
cxx=${FUZZ_CXX:-clang++-14}

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
  -DNEWSDEDUP_FUZZ=ON >/dev/null
ninja -C build-fuzz

targets=("$@")
if ((${#targets[@]} == 0)); then
  for source in fuzz/*_fuzzer.cpp; do
    targets+=("$(basename "$source" _fuzzer.cpp)")
  done
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [[ -z ${ASAN_SYMBOLIZER_PATH:-} && -x /usr/lib/llvm-14/bin/llvm-symbolizer ]]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer  # file and line in reports
fi
mkdir -p build-fuzz/logs
status=0
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  artifacts=build-fuzz/artifacts/$target
  log=build-fuzz/logs/$target.log
  mkdir -p "$corpus" "$artifacts"
  seeds=("fuzz/corpus/$target")
  if [[ -d fuzz/regressions/$target ]]; then seeds+=("fuzz/regressions/$target"); fi
  if [[ $target == text || $target == cleaner ]]; then seeds+=(tests/fixtures); fi
  # -timeout: an input that takes longer is a finding (a run must not hang on any input).
  if "build-fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    runs=$(grep -oE 'number_of_executed_units: *[0-9]+' "$log" | grep -o '[0-9]*$' || echo "?")
    rate=$(grep -oE 'average_exec_per_sec: *[0-9]+' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz $target: ${seconds} s, $runs runs ($rate/s), corpus $(ls "$corpus" | wc -l) inputs, no failure"
  else
    status=1
    echo "fuzz $target: FAILED; reproducer in $artifacts/ ; last lines of $log:"
    tail -n 40 "$log"
  fi
done
exit $status
