#!/usr/bin/env bash
# bench/apply_moto.sh: time `teramotc apply` of 1 bucket and of 20
# independent buckets against a local moto_server, interleaved, with fresh
# bucket names every run, and print the ratio of the medians (target <= 3).
#   RUNS=3 bench/apply_moto.sh
set -euo pipefail
RUNS=${RUNS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/teramotc-apply.XXXXXX")
command -v moto_server >/dev/null || { echo "apply_moto.sh: moto_server is not on PATH" >&2; exit 1; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
moto_server -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO=$!
trap 'kill $MOTO 2>/dev/null; rm -rf "$WORK"' EXIT
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL=http://127.0.0.1:$PORT
for _ in $(seq 50); do curl -s "$AWS_ENDPOINT_URL" >/dev/null && break; sleep 0.2; done
(cd "$ROOT" && go build -o "$WORK/teramotc" ./cmd/teramotc && go build -o "$WORK/measure" ./bench/measure)

# spec DIR COUNT RUN: COUNT buckets with names unique to RUN.
spec() {
	mkdir -p "$1"
	for ((b = 0; b < $2; b++)); do
		printf 'bucket "b%d" {\n  name   = "tmc-bench-%s-%d-%d"\n  region = "us-east-1"\n}\n\n' "$b" "$3" "$2" "$b"
	done >"$1/main.hcl"
}
for ((i = 0; i < RUNS; i++)); do
	for n in 1 20; do
		spec "$WORK/s$n-$i" "$n" "$i"
		"$WORK/measure" "$WORK/apply$n.time" "$WORK/teramotc" apply -auto-approve -skip-lint ${APPLY_FLAGS:-} "$WORK/s$n-$i"
	done
done
# Each apply must have converged: a second plan of the last 20-bucket spec is empty.
"$WORK/teramotc" plan -detailed-exitcode "$WORK/s20-$((RUNS - 1))" >/dev/null || { echo "apply_moto.sh: the 20-bucket spec did not converge" >&2; exit 1; }
median() { awk '{print $1}' "$1" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
one=$(median "$WORK/apply1.time") twenty=$(median "$WORK/apply20.time")
ratio=$(awk "BEGIN {printf \"%.2f\", $twenty/$one}")
verdict=$(awk "BEGIN {print ($ratio <= 3) ? \"PASS\" : \"FAIL\"}")
printf 'apply against moto, wall (median of %d): 1 bucket %ss, 20 buckets %ss, ratio %s  %s (<= 3)\n' "$RUNS" "$one" "$twenty" "$ratio" "$verdict"
[ "$verdict" = PASS ]
