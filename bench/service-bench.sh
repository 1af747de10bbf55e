#!/usr/bin/env bash
# The service benchmarks (issues 4 and 14), on this machine, with the service and PostgreSQL on it:
#   1. ballots cast on one proposal over HTTP with real Keycloak tokens by an open-loop client (bench/BallotLoad.java,
#      fixed arrival rates, latency from the intended send time, HdrHistogram), once per mode of BENCH_MODES (group
#      commit "off": one transaction per ballot, as before issue 14; "on"), each against pgbench running the
#      one-transaction-per-ballot raw SQL on the same database, same clients, same duration;
#   2. closing a proposal with N ballots over HTTP, against a raw SELECT ... GROUP BY over the same rows.
# Needs psql and pgbench (Debian: postgresql-15 or postgresql-client-15), Java 17, Maven.
# Environment: BENCH_CLIENTS (64: connections at most in flight), BENCH_RATES (500,1000,2000,3000 ballots/s offered),
# BENCH_MODES ("off on"), BENCH_SECONDS (30), BENCH_USERS (64), BENCH_CLOSE_BALLOTS (1000000),
# BENCH_PORT (18090), BENCH_MANAGEMENT_PORT (19091), BENCH_PG_PORT (55432), KEYCLOAK_PORT (8180), BENCH_SKIP_BUILD,
# BENCH_PARTS ("ballots close": which benchmarks to run), BENCH_CLOSE_WARMUP_BALLOTS (200000; 0: the close is timed
# on a cold service).
# Figures go to target/bench/*.txt and to the terminal; record them in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS="${BENCH_CLIENTS:-64}"; RATES="${BENCH_RATES:-500,1000,2000,3000}"; MODES="${BENCH_MODES:-off on}"; SECONDS_="${BENCH_SECONDS:-30}"; USERS="${BENCH_USERS:-64}"
BALLOTS="${BENCH_CLOSE_BALLOTS:-1000000}"; WARMUP_BALLOTS="${BENCH_CLOSE_WARMUP_BALLOTS:-200000}"
PORT="${BENCH_PORT:-18090}"; MGMT="${BENCH_MANAGEMENT_PORT:-19091}"; PGPORT="${BENCH_PG_PORT:-55432}"
export KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KC="http://127.0.0.1:$KEYCLOAK_PORT"; API="http://127.0.0.1:$PORT"
OUT=target/bench; mkdir -p "$OUT"
PGBIN="$(dirname "$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -n 1)")"
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)

[ -n "${BENCH_SKIP_BUILD:-}" ] || mvn -B -ntp package -DskipTests
HDR="${HDR_JAR:-$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar}"
[ -f "$HDR" ] || mvn -B -q dependency:get -Dartifact=org.hdrhistogram:HdrHistogram:2.2.2
KC_STARTED=
dev/keycloak.sh status > /dev/null 2>&1 || { dev/keycloak.sh start; KC_STARTED=1; }
APP=
stop_service() { [ -z "$APP" ] || { kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; APP=; }; }
trap 'stop_service; [ -z "$KC_STARTED" ] || dev/keycloak.sh stop' EXIT
start_service() { # $1: group commit, true or false
java -Xms1g -Xmx2g ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.port="$MGMT" \
  -Ddevolve.database.embedded.enabled=true -Ddevolve.database.embedded.data-dir= -Ddevolve.database.embedded.port="$PGPORT" \
  -Ddevolve.keycloak.url="$KC" -Ddevolve.keycloak.allow-http=true -Ddevolve.rate-limits.enabled=false \
  -Ddevolve.ballots.group-commit="$1" \
  -Ddevolve.ledger.pseudonym-secret=bench-only -Ddevolve.webhooks.secret-key=YmVuY2gtb25seS13ZWJob29rLWtleS1ub3QtcHJvZCE= -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
APP=$!
until curl -fsS -o /dev/null "http://127.0.0.1:$MGMT/q/health/ready"; do
  kill -0 $APP 2>/dev/null || { echo "the service did not start:"; tail -n 20 "$OUT/service.log"; exit 1; }
  sleep 1
done
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

PARTS="${BENCH_PARTS:-ballots close}"
[[ " $PARTS " == *" ballots "* ]] || MODES=on
for MODE in $MODES; do
GC=$([ "$MODE" = on ] && echo true || echo false)
stop_service; start_service "$GC"
if [[ " $PARTS " == *" ballots "* ]]; then
mkdir -p "$OUT/$MODE"
echo "== ballots over HTTP, group commit $MODE (open loop at $RATES/s, at most $CLIENTS in flight, ${SECONDS_}s each, $USERS voters)"
java -cp "$HDR" bench/BallotLoad.java --api "$API" --keycloak "$KC" --users "$USERS" --clients "$CLIENTS" \
  --seconds "$SECONDS_" --warmup "${BENCH_WARMUP:-10}" --rates "$RATES" --histograms "$OUT/$MODE" | tee "$OUT/ballots-http-$MODE.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
SPARE=$(sed -n 's/^pgbench_proposal=//p' "$OUT/ballots-http-$MODE.txt")
"${PSQL[@]}" -c "drop table if exists bench_ctx, bench_voters;
  create table bench_ctx as select '$SPARE'::uuid as proposal;
  create table bench_voters as select (row_number() over (order by member_id)) - 1 as k, member_id as member
    from stake where proposal_id = '$SPARE';"
echo "== the same transaction in raw SQL, one per ballot (pgbench, $CLIENTS clients, ${SECONDS_}s)"
"$PGBIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -M prepared -c "$CLIENTS" -j 2 -T "$SECONDS_" \
  -D voters="$USERS" -f bench/ballot-transaction.sql postgres | tee "$OUT/ballots-pgbench-$MODE.txt"
PG_RATE=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/ballots-pgbench-$MODE.txt")
sed -n 's/.*ballots_per_second=\([0-9.]*\).*/\1/p' "$OUT/ballots-http-$MODE.txt" | sort -n | tail -n 1 | \
  { read BEST; echo "group commit $MODE: best ballots/s $BEST, pgbench $PG_RATE tps, http/pgbench = $(awk "BEGIN { printf \"%.2f\", $BEST / $PG_RATE }")x"; } \
  | tee -a "$OUT/ballots-http-$MODE.txt"
fi
done
[[ " $PARTS " == *" close "* ]] || exit 0

echo "== closing a proposal with $BALLOTS ballots"
TOKEN=$(dev/keycloak.sh token bob)
BOB=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$API/api/v1/me" | sed -E 's/.*"id":"([^"]+)".*/\1/')
if [ "$WARMUP_BALLOTS" -gt 0 ]; then
  # the baseline's GROUP BY runs three times before it is timed; the service's close path gets one warm-up
  # close too (a smaller proposal), so that both are measured warm. The cold figure of that first close is printed.
  "${PSQL[@]}" -v bob="$BOB" -v n="$WARMUP_BALLOTS" -f bench/close-setup.sql > "$OUT/close-warmup-setup.txt"
  WARM=$(sed -n 's/^proposal=//p' "$OUT/close-warmup-setup.txt")
  WARM_S=$(curl -fsS -o /dev/null -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{"phase":"CLOSED"}' "$API/api/v1/proposals/$WARM/phase")
  echo "warm-up close of $WARMUP_BALLOTS ballots (cold service): $(awk "BEGIN { printf \"%.0f\", $WARM_S * 1000 }") ms"
fi
"${PSQL[@]}" -v bob="$BOB" -v n="$BALLOTS" -f bench/close-setup.sql | tee "$OUT/close-setup.txt"
PROPOSAL=$(sed -n 's/^proposal=//p' "$OUT/close-setup.txt")
for i in 1 2 3; do "${PSQL[@]}" -f bench/close-groupby.sql > /dev/null; done
GROUPBY_MS=$( { for i in 1 2 3 4 5; do "${PSQL[@]}" -c '\timing on' -f bench/close-groupby.sql | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'; done; } | sort -n | sed -n 3p)
TOKEN=$(dev/keycloak.sh token bob)
CLOSE_S=$(curl -fsS -o "$OUT/close-response.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"phase":"CLOSED"}' "$API/api/v1/proposals/$PROPOSAL/phase")
CLOSE_MS=$(awk "BEGIN { printf \"%.0f\", $CLOSE_S * 1000 }")
{ echo "group_by_median_ms=$GROUPBY_MS"; echo "close_ms=$CLOSE_MS";
  echo "close/group_by = $(awk "BEGIN { printf \"%.2f\", $CLOSE_MS / $GROUPBY_MS }")x"; } | tee "$OUT/close.txt"
grep -o '"outcome":"[A-Z_]*"' "$OUT/close-response.json" | head -1
grep 'Counted proposal' "$OUT/service.log" | tail -n 1 | sed 's/.*Counted/Counted/' | tee -a "$OUT/close.txt"
