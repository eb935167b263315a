#!/usr/bin/env bash
# Whole-run benchmark: MB/s and peak memory of `newsdedup run` with 1 and 2 threads (best and
# median of three runs each), with each stage's time and rate (input MB over the stage's
# seconds), next to the floors of reading the input once (read + UTF-8 validation, and
# newsdedup's document reader alone: build/newsdedup_floor).
#   usage: bench/run.sh [CORPUS.jsonl] [BINARY]
# Without a corpus, generates the syndication set (3000 stories, seed 1) with
# ../shared/bench/syndicate.py when that is present.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-}
binary=$(realpath "${2:-$root/build/newsdedup}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -z $corpus ]]; then
  shared=$root/../shared
  [[ -d $shared/bench ]] || { echo "no corpus given and ../shared is absent" >&2; exit 2; }
  corpus=/tmp/newsdedup-bench/syn/docs.jsonl
  [[ -s $corpus ]] || python3 "$shared/bench/syndicate.py" --reuters "$shared/data/reuters21578" \
      --out /tmp/newsdedup-bench/syn --stories 3000 --seed 1 >/dev/null
fi
bytes=$(stat -c %s "$corpus")
mb=$(python3 -c "print(f'{$bytes/1e6:.1f}')")
cat "$corpus" >/dev/null  # warm the page cache so every run reads from memory
floor=$(dirname "$binary")/newsdedup_floor
if [[ -x $floor ]]; then
  "$floor" "$corpus" | sed 's/^/floor: /'
else
  start=$(date +%s.%N); cat "$corpus" >/dev/null; end=$(date +%s.%N)
  python3 -c "print(f'floor (read once, cat): {$bytes/1e6/max($end-$start,1e-6):.0f} MB/s')"
fi
# Three runs per thread count, as a shared virtual machine's speed drifts between identical runs:
# the best is reported with its stages, and the median beside it.
for threads in 1 2; do
  for run in 1 2 3; do
    rm -rf "$work/out$threads"
    /usr/bin/time -f '%e %M' -o "$work/time$run" "$binary" run "$corpus" -o "$work/out$threads" --threads "$threads" >/dev/null
    cp "$work/out$threads/report.json" "$work/report$run.json"
  done
  python3 - "$work" "$threads" "$mb" <<'PY'
import json, statistics, sys
work, threads, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
runs = []
for run in (1, 2, 3):
    secs, kib = open(f"{work}/time{run}").read().split()
    runs.append((float(secs), int(kib), json.load(open(f"{work}/report{run}.json"))))
secs, kib, report = min(runs, key=lambda r: r[0])
median = statistics.median(r[0] for r in runs)
peak = max(r[1] for r in runs)
# Each stage's rate: the whole input's megabytes over the stage's seconds.
stages = ", ".join(f"{k} {v:.2f}s = {mb / max(v, 1e-3):.0f} MB/s" for k, v in report["seconds"].items()
                   if k != "total" and v > 0)
print(f"threads {threads}: {mb} MB in {secs:.2f}s = {mb / max(secs, 1e-3):.1f} MB/s best of 3 "
      f"(median {median:.2f}s = {mb / max(median, 1e-3):.1f} MB/s), peak {peak // 1024} MiB ({stages})")
PY
done
