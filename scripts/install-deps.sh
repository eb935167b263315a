#!/usr/bin/env bash
# Installs what newsdedup needs to build and test, from Debian's packages only: the compiler
# and libraries; zstd(1) for the end-to-end tests; clang 14 with its runtime libraries
# (libFuzzer, sanitizers) and llvm-symbolizer for scripts/fuzz.sh.
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config python3 time zstd
          libsimdjson-dev libxxhash-dev libzstd-dev zlib1g-dev libutf8proc-dev libcli11-dev
          libtbb-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
          clang-14 libclang-rt-14-dev llvm-14)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "installing: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo=sudo; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
