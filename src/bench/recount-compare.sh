#!/usr/bin/env bash
# Side by side in one run: an earlier recount jar, this build's recount jar and jackson-core alone tokenizing the
# same document (src/bench/JacksonFloor.java, the floor under any jackson-core reader), alternating, N rounds
# (default 7); prints each one's median wall time and CPU time (user + sys) and checks that every jar prints the same
# result byte for byte. More earlier jars may follow ROUNDS; DOC=FILE recounts another document (a small one shows
# start-up costs: java src/bench/GenerateTallyDocument.java 100 > target/bench-100.json). Run after `mvn -B package`
# and src/bench/recount-1m.sh (which writes the document):
#   git worktree add /tmp/devolve-old 3da6d85 && (cd /tmp/devolve-old && mvn -B -q -Dui.skip -DskipTests package)
#   bash src/bench/recount-compare.sh /tmp/devolve-old/target/devolve-recount.jar
set -euo pipefail
cd "$(dirname "$0")/../.."
old=${1:?usage: recount-compare.sh OLD_RECOUNT_JAR [ROUNDS [MORE_OLD_JARS...]]}
rounds=${2:-7}
more=("${@:3}")
jar=target/devolve-recount.jar
doc=${DOC:-target/bench-1m.json}
[ -f "$jar" ] && [ -f "$doc" ] || { echo "run src/bench/recount-1m.sh first" >&2; exit 1; }
javac -d target/bench-classes -cp "$jar" src/bench/JacksonFloor.java
out=target/bench-compare
mkdir -p "$out"
rm -f "$out"/more-*.json
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  /usr/bin/time -o "$out/t" -f "%e %U %S" java -jar "$old" "$doc" > "$out/old.json"
  echo "earlier $(cat "$out/t")"
  for i in "${!more[@]}"; do
    /usr/bin/time -o "$out/t" -f "%e %U %S" java -jar "${more[$i]}" "$doc" > "$out/more-$i.json"
    echo "${more[$i]} $(cat "$out/t")"
  done
  /usr/bin/time -o "$out/t" -f "%e %U %S" java -jar "$jar" "$doc" > "$out/new.json"
  echo "this $(cat "$out/t")"
  /usr/bin/time -o "$out/t" -f "%e %U %S" java -cp "$jar:target/bench-classes" JacksonFloor "$doc" > /dev/null
  echo "jackson-core-alone $(cat "$out/t")"
done | python3 -c '
import statistics, sys
wall, cpu = {}, {}
for line in sys.stdin:
    name, elapsed, user, system = line.split()
    wall.setdefault(name, []).append(round(float(elapsed) * 1000))
    cpu.setdefault(name, []).append(round((float(user) + float(system)) * 1000))
for name in wall:
    print(f"{name:19} wall median {statistics.median(wall[name]):6.0f} ms {wall[name]}; CPU median {statistics.median(cpu[name]):6.0f} ms")
'
for f in "$out"/old.json "$out"/more-*.json; do
  [ -f "$f" ] || continue
  cmp -s "$f" "$out/new.json" || { echo "the results differ ($f)" >&2; exit 1; }
done
echo "every jar prints the same result, byte for byte"
