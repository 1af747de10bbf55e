#!/usr/bin/env bash
# End-to-end recount benchmark: a 1,000,000-ballot SINGLE_CHOICE tally document (30% delegating, SQRT,
# secret breakdown), recounted by the recount jar three times. Run after `mvn -B package`:
#   bash src/bench/recount-1m.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/devolve-recount.jar
doc=target/bench-1m.json
[ -f "$jar" ] || { echo "build first: mvn -B package" >&2; exit 1; }
[ -f "$doc" ] || java src/bench/GenerateTallyDocument.java 1000000 > "$doc"
echo "document: $(du -h "$doc" | cut -f1), $(grep -c '"voter"' "$doc") ballots"
for run in 1 2 3; do
  start=$(date +%s%N)
  java -jar "$jar" "$doc" > target/bench-1m-result.json
  end=$(date +%s%N)
  echo "run $run: $(( (end - start) / 1000000 )) ms"
done
