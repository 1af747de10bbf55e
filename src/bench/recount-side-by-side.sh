#!/usr/bin/env bash
# Several recount jars on the 1M-ballot document, side by side in one run: ROUNDS rounds (default 9), each jar once
# per round in the order given, so that a noisy machine's load falls on all of them alike; prints each jar's median
# and sorted wall times, and checks that all of them print the same result byte for byte. Run after
# src/bench/recount-1m.sh (which writes the document); earlier jars are built from a worktree, e.g.
#   git worktree add /tmp/devolve-old 3da6d85 && (cd /tmp/devolve-old && mvn -B -q -Dui.skip -DskipTests package)
#   bash src/bench/recount-side-by-side.sh 11 /tmp/devolve-old/target/devolve-recount.jar target/devolve-recount.jar
# DOC=FILE recounts another document instead (a small one shows start-up costs:
#   java src/bench/GenerateTallyDocument.java 100 > target/bench-100.json).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:?usage: recount-side-by-side.sh ROUNDS JAR...}
shift
[ $# -ge 1 ] || { echo "usage: recount-side-by-side.sh ROUNDS JAR..." >&2; exit 1; }
doc=${DOC:-target/bench-1m.json}
[ -f "$doc" ] || { echo "no $doc: run src/bench/recount-1m.sh first" >&2; exit 1; }
out=target/bench-side-by-side
mkdir -p "$out"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  i=0
  for jar in "$@"; do
    start=$(date +%s%N)
    java -jar "$jar" "$doc" > "$out/$i.json"
    end=$(date +%s%N)
    echo "$i $(( (end - start) / 1000000 ))"
    i=$((i + 1))
  done
done | python3 -c '
import statistics, sys
jars = sys.argv[1:]
wall = {}
for line in sys.stdin:
    i, ms = line.split()
    wall.setdefault(int(i), []).append(int(ms))
for i, jar in enumerate(jars):
    print(f"{jar}: median {statistics.median(wall[i]):.0f} ms {sorted(wall[i])}")
' "$@"
for i in $(seq 1 $(($# - 1))); do
  cmp -s "$out/0.json" "$out/$i.json" || { echo "jar $((i + 1)) prints another result" >&2; exit 1; }
done
echo "every jar prints the same result, byte for byte"
