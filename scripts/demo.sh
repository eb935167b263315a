#!/usr/bin/env bash
# One command from a fresh Debian machine: install dependencies, build, and de-duplicate the
# sample corpus shipped in examples/sample into sample-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh >/dev/null
build/newsdedup run examples/sample -o sample-out --force
echo
echo "audit (one line per input document):"
python3 - <<'PY'
import json
for line in open("sample-out/audit.jsonl", encoding="utf-8"):
    d = json.loads(line)
    extra = f" duplicate_of={d['duplicate_of']} similarity={d['similarity']} containment={d['containment']}" if "duplicate_of" in d else ""
    print(f"  {d['id']:<28} {d['status']:<16} cluster={d['cluster']}{extra} removed_lines={len(d['removed'])}")
PY
