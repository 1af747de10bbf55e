#!/usr/bin/env bash
# Side by side in one run: the recount jar end to end, and jackson-core alone tokenizing the same document in a
# fresh JVM (the floor under any jackson-core reader), alternating, three times. Run after `mvn -B package`
# and src/bench/recount-1m.sh (which writes the document):
#   bash src/bench/recount-floor.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/devolve-recount.jar
doc=target/bench-1m.json
[ -f "$jar" ] && [ -f "$doc" ] || { echo "run src/bench/recount-1m.sh first" >&2; exit 1; }
javac -d target/bench-classes -cp "$jar" src/bench/JacksonFloor.java
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2 3; do
  start=$(date +%s%N)
  java -jar "$jar" "$doc" > /dev/null
  end=$(date +%s%N)
  recount=$(( (end - start) / 1000000 ))
  start=$(date +%s%N)
  inner=$(java -cp "$jar:target/bench-classes" JacksonFloor "$doc")
  end=$(date +%s%N)
  echo "run $run: recount jar $recount ms; jackson-core alone $(( (end - start) / 1000000 )) ms ($inner)"
done
