#!/usr/bin/env bash
# Start-up benchmark (issue 14 item 4), on this machine:
#   1. the packaged service, from `java -jar` to readiness 200, median of BENCH_RUNS (3) starts, on a database
#      already initialised and migrated: (a) the embedded PostgreSQL on a kept data directory, as `./devolve run`
#      starts it; (b) an external PostgreSQL already running, as a replica in production starts;
#   2. `./devolve run` when nothing changed, from the command to its banner (service ready and Keycloak's realm
#      answering): (a) with Keycloak already running, (b) with Keycloak started by it.
# Prints each start's figure, the medians, the machine and the load. Run it under the heavy lock; it builds once
# (through ./devolve run) when target/ holds no build of the current sources.
# Environment: BENCH_RUNS (3), BENCH_PORT (18290), BENCH_MANAGEMENT_PORT (19291), BENCH_PG_PORT (55632),
# KEYCLOAK_PORT (8380), BENCH_PARTS ("service run": which parts to run), BENCH_JAVA_OPTS (for the service starts:
# e.g. -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa), BENCH_KEEP (keep the logs in /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${BENCH_RUNS:-3}"
PORT="${BENCH_PORT:-18290}"; MGMT="${BENCH_MANAGEMENT_PORT:-19291}"; PGPORT="${BENCH_PG_PORT:-55632}"
export KEYCLOAK_PORT="${KEYCLOAK_PORT:-8380}"
KC="http://127.0.0.1:$KEYCLOAK_PORT"
PARTS="${BENCH_PARTS:-service run}"
WORK="$(mktemp -d /tmp/devolve-start-bench.XXXXXX)"
PGBIN="$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -n 1)")"
APP=""; RUN=""; PG_STARTED=""; AS=()
cleanup() {
  if [ -n "$APP" ]; then kill "$APP" 2> /dev/null || true; wait "$APP" 2> /dev/null || true; fi
  if [ -n "$RUN" ]; then kill -TERM "$RUN" 2> /dev/null || true; wait "$RUN" 2> /dev/null || true; fi
  if [ -n "$PG_STARTED" ]; then "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop > /dev/null 2>&1 || true; fi
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The service from `java -jar` to readiness 200; its own figure ("started in") from its log, for comparison.
start_service() { # $1: log file; the rest: -D options
  local log="$1"; shift
  local t0; t0="$(now_ms)"
  java -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.port="$MGMT" \
    -Dquarkus.management.host=127.0.0.1 -Ddevolve.keycloak.url="$KC" -Ddevolve.keycloak.allow-http=true \
    -Ddevolve.ledger.pseudonym-secret=bench-only -Ddevolve.webhooks.secret-key=YmVuY2gtb25seS13ZWJob29rLWtleS1ub3QtcHJvZCE= ${BENCH_JAVA_OPTS:-} "$@" -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  APP=$!
  until curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$MGMT/q/health/ready" 2> /dev/null; do
    kill -0 "$APP" 2> /dev/null || { echo "the service did not start:" >&2; tail -n 20 "$log" >&2; exit 1; }
    sleep 0.02
  done
  local t1; t1="$(now_ms)"
  kill "$APP"; wait "$APP" 2> /dev/null || true; APP=""
  echo $((t1 - t0))
}

quarkus_says() { grep -o 'started in [0-9.]*s' "$1" | head -1; }

if [[ " $PARTS " == *" run "* ]]; then
  # make sure the build is the current one (./devolve run builds when it is not), so that later runs skip it
  echo "== ./devolve run once, to build what changed and initialise its database"
  DEVOLVE_HOME="$WORK/home" DEVOLVE_PORT="$PORT" DEVOLVE_MANAGEMENT_PORT="$MGMT" ./devolve run > "$WORK/first-run.log" 2>&1 &
  RUN=$!
  until grep -qs 'Devolve is running at' "$WORK/first-run.log"; do
    kill -0 "$RUN" 2> /dev/null || { echo "./devolve run failed:" >&2; tail -n 30 "$WORK/first-run.log" >&2; exit 1; }
    sleep 0.5
  done
  kill -TERM "$RUN"; wait "$RUN" 2> /dev/null || true; RUN=""
fi

machine
if [[ " $PARTS " == *" service "* ]]; then
  echo "== the service, java -jar to ready, embedded PostgreSQL on an initialised data directory"
  # initialised (and migrated) by a first start, not counted
  start_service "$WORK/embedded-0.log" -Ddevolve.database.embedded.enabled=true \
    -Ddevolve.database.embedded.data-dir="$WORK/embedded-pg" > /dev/null
  for i in $(seq 1 "$RUNS"); do
    ms="$(start_service "$WORK/embedded-$i.log" -Ddevolve.database.embedded.enabled=true \
      -Ddevolve.database.embedded.data-dir="$WORK/embedded-pg")"
    echo "$ms" >> "$WORK/embedded.ms"
    echo "  start $i: $ms ms to ready (Quarkus: $(quarkus_says "$WORK/embedded-$i.log"))"
  done
  echo "  median: $(median < "$WORK/embedded.ms") ms"

  echo "== the service, java -jar to ready, external PostgreSQL already running and migrated"
  mkdir -p "$WORK/pg" "$WORK/pg-run"
  if [ "$(id -u)" = 0 ]; then chmod 755 "$WORK"; chown postgres "$WORK/pg" "$WORK/pg-run"; AS=(runuser -u postgres --); fi
  "${AS[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust > /dev/null
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k $WORK/pg-run -c listen_addresses=127.0.0.1" \
    -l "$WORK/pg-run/pg.log" -w start > /dev/null
  PG_STARTED=1
  EXTERNAL=(-Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
    -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password=postgres)
  start_service "$WORK/external-0.log" "${EXTERNAL[@]}" > /dev/null
  for i in $(seq 1 "$RUNS"); do
    ms="$(start_service "$WORK/external-$i.log" "${EXTERNAL[@]}")"
    echo "$ms" >> "$WORK/external.ms"
    echo "  start $i: $ms ms to ready (Quarkus: $(quarkus_says "$WORK/external-$i.log"))"
  done
  echo "  median: $(median < "$WORK/external.ms") ms"
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop > /dev/null; PG_STARTED=""
fi

# ./devolve run from the command to its banner; $1: "running" (Keycloak left running) or "stopped"
devolve_run() {
  local log="$WORK/run-$1-$2.log"
  local t0; t0="$(now_ms)"
  DEVOLVE_HOME="$WORK/home" DEVOLVE_PORT="$PORT" DEVOLVE_MANAGEMENT_PORT="$MGMT" ./devolve run > "$log" 2>&1 &
  RUN=$!
  until grep -qs 'Devolve is running at' "$log"; do
    kill -0 "$RUN" 2> /dev/null || { echo "./devolve run failed:" >&2; tail -n 30 "$log" >&2; exit 1; }
    sleep 0.05
  done
  local t1; t1="$(now_ms)"
  grep -q 'nothing changed since the last build' "$log" || { echo "./devolve run built: not a start with nothing changed" >&2; exit 1; }
  kill -TERM "$RUN"; wait "$RUN" 2> /dev/null || true; RUN=""
  echo $((t1 - t0))
}

if [[ " $PARTS " == *" run "* ]]; then
  KC_OURS=""
  if ! dev/keycloak.sh status > /dev/null 2>&1; then dev/keycloak.sh start; KC_OURS=1; fi
  echo "== ./devolve run, nothing changed, Keycloak already running"
  for i in $(seq 1 "$RUNS"); do
    ms="$(devolve_run running "$i")"; echo "$ms" >> "$WORK/run-running.ms"; echo "  run $i: $ms ms to the banner"
  done
  echo "  median: $(median < "$WORK/run-running.ms") ms"
  [ -z "$KC_OURS" ] || dev/keycloak.sh stop
  if dev/keycloak.sh status > /dev/null 2>&1; then
    echo "== ./devolve run, nothing changed, Keycloak not running: skipped (a Keycloak not started here answers on $KC)"
  else
    echo "== ./devolve run, nothing changed, Keycloak started by it (in parallel with the service)"
    for i in $(seq 1 "$RUNS"); do
      ms="$(devolve_run stopped "$i")"; echo "$ms" >> "$WORK/run-stopped.ms"; echo "  run $i: $ms ms to the banner"
    done
    echo "  median: $(median < "$WORK/run-stopped.ms") ms"
  fi
fi
machine
