#!/usr/bin/env bash
# bench/compare.sh: teramotc lint against conftest v0.71.1 running the same
# built-in policies over the same specs' `teramotc inspect` JSON, side by
# side in one run, with interleaved repetitions and medians.
#
#   bench/compare.sh                 # N=2000 specs, RUNS=3, COLD_RUNS=21
#   N=500 RUNS=3 bench/compare.sh    # quicker
#
# Environment: N, RUNS, COLD_RUNS, WORK (scratch directory, default a new
# temporary one), XDG_CACHE_HOME (conftest is installed under
# ${XDG_CACHE_HOME:-$HOME/.cache}/teramotc/conftest), KEEP=1 keeps WORK.
# Prints one line per target with the medians behind it and PASS or FAIL;
# exits 1 when a target fails.
set -euo pipefail

N=${N:-2000}
RUNS=${RUNS:-3}
COLD_RUNS=${COLD_RUNS:-21}
CONFTEST_VERSION=v0.71.1
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/teramotc
CONFTEST=$CACHE/conftest/bin/conftest
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/teramotc-bench.XXXXXX")}
cleanup() { [ "${KEEP:-}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
log() { echo "== $*" >&2; }

# 1. conftest, installed once into the cache.
if ! go version -m "$CONFTEST" 2>/dev/null | grep -q "conftest[[:space:]]*$CONFTEST_VERSION"; then
	log "installing conftest $CONFTEST_VERSION into $CACHE/conftest/bin"
	(cd "$WORK" && GOBIN=$CACHE/conftest/bin GOFLAGS= go install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION")
fi

# 2. teramotc, the specs, their inspect JSON, the policies without tests.
log "building teramotc"
(cd "$ROOT" && go build -o "$WORK/teramotc" ./cmd/teramotc && go build -o "$WORK/gen" ./bench/gen && go build -o "$WORK/measure" ./bench/measure)
TMC=$WORK/teramotc
log "generating $N specs"
rm -rf "$WORK/specs" "$WORK/json" "$WORK/policy"
"$WORK/gen" -n "$N" -o "$WORK/specs"
mkdir -p "$WORK/json" "$WORK/policy"
log "writing their inspect JSON"
# shellcheck disable=SC2016
find "$WORK/specs" -mindepth 1 -maxdepth 1 -type d -print0 | sort -z |
	xargs -0 -P "$(nproc)" -n 20 sh -c 'out=$1; shift; for d; do "$0" inspect "$d" > "$out/$(basename "$d").json" || exit 255; done' "$TMC" "$WORK/json"
(cd "$ROOT/pkg/rules/policies" && find . -name '*.rego' ! -name '*_test.rego' -exec cp --parents {} "$WORK/policy" \;)
SPECS=("$WORK"/specs/spec*)
JSONS=("$WORK"/json/spec*.json)
ONE_SPEC=$ROOT/examples/setup-guide-role
"$TMC" inspect "$ONE_SPEC" > "$WORK/one.json"

POLICY=(--no-color --all-namespaces -p "$WORK/policy")
# 3. Sanity, on the first 100 specs: both tools evaluate the rules and report
# findings (teramotc applies suppressions and drops duplicates of validate's
# findings, so its count is lower).
tmc_findings=$("$TMC" lint -f json --no-fail "${SPECS[@]:0:100}" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["issues"]))')
conftest_failures=$("$CONFTEST" test "${POLICY[@]}" -o json "${JSONS[@]:0:100}" |
	python3 -c 'import json,sys; print(sum(len(r.get("failures") or []) for r in json.load(sys.stdin)))' || true)
log "findings over the first 100 specs: teramotc $tmc_findings, conftest $conftest_failures failures"
if [ "${conftest_failures:-0}" -eq 0 ] || [ "$tmc_findings" -eq 0 ]; then
	echo "compare.sh: a tool reported no findings; the comparison would be meaningless" >&2
	exit 1
fi

# measure NAME COMMAND...: one run, appends "wall cpu maxrss_kb" to $WORK/NAME.time.
measure() { local name=$1; shift; "$WORK/measure" "$WORK/$name.time" "$@"; }
# median FILE COLUMN
median() { awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
rm -f "$WORK"/*.time

log "timing $RUNS interleaved runs over $N specs"
for ((i = 0; i < RUNS; i++)); do
	measure lint_all "$TMC" lint -f compact --no-fail "${SPECS[@]}"
	measure conftest_all "$CONFTEST" test "${POLICY[@]}" "${JSONS[@]}"
done
log "timing $COLD_RUNS interleaved cold runs on $ONE_SPEC"
for ((i = 0; i < COLD_RUNS; i++)); do
	measure lint_one "$TMC" lint -f compact --no-fail "$ONE_SPEC"
	measure conftest_one "$CONFTEST" test "${POLICY[@]}" "$WORK/one.json"
	measure start_one "$TMC" version
done

# verdict prints PASS or FAIL; it runs in $(...), a subshell, so the exit
# status is worked out again at the end.
verdict() { if awk "BEGIN {exit !($1)}"; then echo PASS; else echo FAIL; fi; }
la=$(median "$WORK/lint_all.time" 1) ca=$(median "$WORK/conftest_all.time" 1)
lac=$(median "$WORK/lint_all.time" 2) cac=$(median "$WORK/conftest_all.time" 2)
rss=$(median "$WORK/lint_all.time" 3) crss=$(median "$WORK/conftest_all.time" 3)
lo=$(median "$WORK/lint_one.time" 1) co=$(median "$WORK/conftest_one.time" 1)
loc=$(median "$WORK/lint_one.time" 2) coc=$(median "$WORK/conftest_one.time" 2)
so=$(median "$WORK/start_one.time" 1)
ratio=$(awk "BEGIN {printf \"%.3f\", $la/$ca}")
cratio=$(awk "BEGIN {printf \"%.3f\", $lac/$cac}")
oratio=$(awk "BEGIN {printf \"%.3f\", $lo/$co}")
peak=$(sort -g -k3 "$WORK/lint_all.time" | tail -1 | awk '{print $3}')

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $(go version | cut -d' ' -f3); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "specs: $N (first 100: $tmc_findings teramotc findings, $conftest_failures conftest failures); runs: $RUNS x $N specs, $COLD_RUNS cold"
printf '%-44s %10s %10s %8s  %s\n' "target" "teramotc" "conftest" "ratio" "verdict"
printf '%-44s %9ss %9ss %8s  %s (<= 0.5)\n' "lint $N specs, wall (median)" "$la" "$ca" "$ratio" "$(verdict "$ratio <= 0.5")"
printf '%-44s %9ss %9ss %8s  %s\n' "lint $N specs, user+sys CPU (median)" "$lac" "$cac" "$cratio" "(info)"
printf '%-44s %8sMB %8sMB %8s  %s (<= 100 MB)\n' "peak RSS of the $N-spec run (max of runs)" "$((peak / 1024))" "$((crss / 1024))" "-" "$(verdict "$peak <= 102400")"
printf '%-44s %8sms %8sms %8s  %s (<= 20 ms)\n' "cold lint of one spec, wall (median)" "$(awk "BEGIN {print $lo*1000}")" "$(awk "BEGIN {print $co*1000}")" "-" "$(verdict "$lo <= 0.020")"
printf '%-44s %8sms %8sms %8s  %s (<= 1.0)\n' "cold lint vs conftest cold run, wall" "$(awk "BEGIN {print $lo*1000}")" "$(awk "BEGIN {print $co*1000}")" "$oratio" "$(verdict "$oratio <= 1.0")"
printf '%-44s %8sms %8sms %8s  %s\n' "cold lint of one spec, user+sys CPU" "$(awk "BEGIN {print $loc*1000}")" "$(awk "BEGIN {print $coc*1000}")" "-" "(info)"
printf '%-44s %8sms %10s %8s  %s\n' "process start (teramotc version), wall" "$(awk "BEGIN {print $so*1000}")" "-" "-" "(info: the floor of any command)"
[ "${KEEP:-}" = 1 ] && echo "kept $WORK"
fail=0
for target in "$ratio <= 0.5" "$peak <= 102400" "$lo <= 0.020" "$oratio <= 1.0"; do
	awk "BEGIN {exit !($target)}" || fail=1
done
exit $fail
