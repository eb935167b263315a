#!/usr/bin/env bash
# Whole-run benchmark: MB/s and peak memory of `newsdedup run` with 1 and 2 threads, with each
# stage's time and rate (input MB over the stage's seconds), next to the floors of reading the
# input once (read + UTF-8 validation, and newsdedup's document reader alone:
# build/newsdedup_floor).
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
for threads in 1 2; do
  /usr/bin/time -f '%e %M' -o "$work/time" "$binary" run "$corpus" -o "$work/out$threads" --threads "$threads" >/dev/null
  read -r secs kib <"$work/time"
  python3 - "$work/out$threads/report.json" "$secs" "$kib" "$threads" "$mb" <<'PY'
import json, sys
report, secs, kib, threads, mb = json.load(open(sys.argv[1])), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5])
# Each stage's rate: the whole input's megabytes over the stage's seconds.
stages = ", ".join(f"{k} {v:.2f}s = {mb / max(v, 1e-3):.0f} MB/s" for k, v in report["seconds"].items()
                   if k != "total" and v > 0)
print(f"threads {threads}: {mb} MB in {secs:.2f}s = {mb / max(secs, 1e-3):.1f} MB/s, peak {kib // 1024} MiB ({stages})")
PY
done
