#!/usr/bin/env bash
# Fuzzes every parser reachable from JavaScript and the core Dialer's event sequences with
# cargo-fuzz (libFuzzer), one target at a time, niced (the machines are shared):
#   bash scripts/fuzz.sh                        # every target, FUZZ_SECONDS (default 20) each
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh dialer config   # chosen targets, 10 minutes each
# cargo-fuzz needs nightly Rust (only for this; the product builds on stable). cargo-fuzz itself
# is installed, pinned, when missing. Targets and what they check: fuzz/README.md; figures:
# RELIABILITY.md. Working corpora grow in fuzz/corpus/ (not committed); the seeds in fuzz/seeds/
# are, and the dial strings come from tests/data/emergency_vectors.tsv.
# Exit status: 0 every target ran clean; 1 a target crashed (the input is in fuzz/artifacts/,
# with the commands to reproduce and minimise it); 3 nightly Rust is missing (nothing ran).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
SECONDS_EACH=${FUZZ_SECONDS:-20}
ALL=(dial recipients template config episode tab_message call_event dialer)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL[@]}")

log() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

if ! cargo +nightly --version >/dev/null 2>&1; then
  log "NOT RUN: nightly Rust is not installed (cargo-fuzz needs it): rustup toolchain install nightly"
  exit 3
fi
if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  log "cargo install cargo-fuzz $CARGO_FUZZ_VERSION (about a minute, once)"
  cargo install -q --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

# Seeds for the dial strings: each distinct dial string of the engine's test vectors, with its
# first region (REGION<TAB>PREFIX<TAB>DIAL, the prefix left to the target).
if [ ! -d fuzz/corpus/dial ] || [ -z "$(ls -A fuzz/corpus/dial)" ]; then
  mkdir -p fuzz/corpus/dial
  awk -F'\t' -v dir=fuzz/corpus/dial '!/^#/ && !seen[$2]++ {
      f = sprintf("%s/vector-%05d", dir, NR); printf "%s\t\t%s", $1, $2 > f; close(f) }' \
    tests/data/emergency_vectors.tsv
fi

# -s none: no AddressSanitizer. The core has no `unsafe`; overflow checks and debug assertions
# are on (cargo-fuzz's default), and without ASan each target runs several times faster.
log "building the targets (nightly $(cargo +nightly --version | cut -d' ' -f2))"
nice -n 10 cargo +nightly fuzz build -s none >/dev/null

summary=$(mktemp)
printf 'target\tseconds\texecs\texec/s\tcov\tft\tcorpus\tresult\n' >"$summary"
status=0
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  seeds=()
  [ -d "fuzz/seeds/$t" ] && seeds=("fuzz/seeds/$t")
  dict=()
  case $t in
    dial) dict=(-dict=fuzz/dicts/dial.dict) ;;
    config | episode | tab_message | call_event) dict=(-dict=fuzz/dicts/json.dict) ;;
  esac
  out="fuzz/artifacts/$t.log"
  mkdir -p fuzz/artifacts
  log "$t: ${SECONDS_EACH}s"
  rc=0
  nice -n 10 cargo +nightly fuzz run -s none "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
    -max_total_time="$SECONDS_EACH" -timeout=10 -print_final_stats=1 "${dict[@]}" \
    >"$out" 2>&1 || rc=$?
  last=$(grep -E '^#[0-9]+' "$out" | tail -1 || true)
  field() { sed -nE "s/.* $1: ([^ ]+).*/\1/p" <<<"$last"; }
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$out" | tail -1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$out" | tail -1)
  if [ "$rc" = 0 ]; then result=clean; else result="CRASH (exit $rc)"; status=1; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$SECONDS_EACH" "${execs:-?}" "${rate:-?}" \
    "$(field cov)" "$(field ft)" "$(field corp)" "$result" >>"$summary"
  if [ "$rc" != 0 ]; then
    grep -A2 -E "panicked|left:|right:|Test unit written|cargo fuzz (run|tmin)|ParseDictionary|^error" "$out" | head -20 || true
    log "$t crashed: full output in $out"
    break
  fi
done
awk -F'\t' '{ printf "%-12s %7s %11s %7s %6s %7s %11s  %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$summary"
cp "$summary" fuzz/artifacts/last-run.tsv
rm -f "$summary"
exit "$status"
