#!/usr/bin/env bash
# The real Keycloak 26.5.6 with Devolve's development realm (dev/keycloak/devolve-realm.json).
#
#   dev/keycloak.sh start          download once (into the local Maven repository), start, wait for the realm
#   dev/keycloak.sh stop           stop the Keycloak this script started on KEYCLOAK_PORT
#   dev/keycloak.sh status         says whether the realm answers
#   dev/keycloak.sh token USER     prints an access token of a demo user (password grant, client devolve-cli)
#
# Environment: KEYCLOAK_PORT (default 8180), DEVOLVE_HOME (default ~/.devolve: where Keycloak is unpacked
# and where its log and pid live), KEYCLOAK_WAIT_SECONDS (default 240).
# Keycloak listens on 127.0.0.1 only, with --hostname fixed so that every token carries the same issuer.
# Its database is in memory (dev-mem): each start imports the realm afresh. Development only.
set -euo pipefail

KEYCLOAK_VERSION=26.5.6
PORT="${KEYCLOAK_PORT:-8180}"
HOME_DIR="${DEVOLVE_HOME:-$HOME/.devolve}"
KC_DIR="$HOME_DIR/keycloak-$KEYCLOAK_VERSION"
RUN_DIR="$HOME_DIR/run"
PID_FILE="$RUN_DIR/keycloak-$PORT.pid"
LOG_FILE="$RUN_DIR/keycloak-$PORT.log"
REALM_FILE="$(cd "$(dirname "$0")" && pwd)/keycloak/devolve-realm.json"
BASE_URL="http://127.0.0.1:$PORT"
REALM_URL="$BASE_URL/realms/devolve"
WAIT="${KEYCLOAK_WAIT_SECONDS:-240}"

say() { echo "keycloak: $*" >&2; }

realm_answers() {
  curl -fsS -o /dev/null --max-time 3 "$REALM_URL/.well-known/openid-configuration" 2>/dev/null
}

install() {
  if [ -x "$KC_DIR/bin/kc.sh" ]; then return; fi
  local repo zip
  repo="$(mvn -B -q -Dstyle.color=never help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null \
    | sed -E 's/\x1b\[[0-9;]*m//g' | tail -n 1 || true)"
  repo="${repo:-$HOME/.m2/repository}"
  zip="$repo/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [ ! -f "$zip" ]; then
    say "downloading Keycloak $KEYCLOAK_VERSION from Maven Central (once, about 165 MB)"
    mvn -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -Dtransitive=false >&2
  fi
  say "unpacking into $KC_DIR"
  mkdir -p "$HOME_DIR"
  local tmp
  tmp="$(mktemp -d "$HOME_DIR/keycloak-unpack.XXXXXX")"
  if command -v unzip > /dev/null; then unzip -q "$zip" -d "$tmp"; else (cd "$tmp" && jar xf "$zip"); fi
  chmod +x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/"*.sh
  if [ ! -x "$KC_DIR/bin/kc.sh" ]; then mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_DIR"; fi
  rm -rf "$tmp"
}

start() {
  if realm_answers; then
    say "already running at $REALM_URL"
    return
  fi
  install
  mkdir -p "$RUN_DIR" "$KC_DIR/data/import"
  cp "$REALM_FILE" "$KC_DIR/data/import/devolve-realm.json"
  say "starting on $BASE_URL (log: $LOG_FILE)"
  (
    cd "$KC_DIR"
    KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin-dev}" \
    nohup bin/kc.sh start-dev --http-port="$PORT" --http-host=127.0.0.1 --hostname="$BASE_URL" \
      --db=dev-mem --import-realm --health-enabled=false --metrics-enabled=false \
      --http-management-port="$((PORT + 1000))" \
      > "$LOG_FILE" 2>&1 < /dev/null &
    echo $! > "$PID_FILE"
  )
  local waited=0
  until realm_answers; do
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      say "Keycloak exited; the end of its log:"; tail -n 30 "$LOG_FILE" >&2; exit 1
    fi
    if [ "$waited" -ge "$WAIT" ]; then
      say "the realm did not answer within ${WAIT}s; the end of the log:"; tail -n 30 "$LOG_FILE" >&2; exit 1
    fi
    sleep 2; waited=$((waited + 2))
  done
  say "realm devolve ready at $REALM_URL after ${waited}s"
}

stop() {
  if [ ! -f "$PID_FILE" ]; then say "not started by this script on port $PORT"; return; fi
  local pid; pid="$(cat "$PID_FILE")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    say "stopped (pid $pid)"
  fi
  rm -f "$PID_FILE"
}

token() {
  local user="${1:?usage: keycloak.sh token USER [PASSWORD]}" password="${2:-${1}-dev}"
  curl -fsS "$REALM_URL/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=devolve-cli -d scope=openid \
    --data-urlencode "username=$user" --data-urlencode "password=$password" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if realm_answers; then echo "running at $REALM_URL"; else echo "not running on port $PORT"; exit 3; fi ;;
  token) shift; token "$@" ;;
  *) echo "usage: $0 start|stop|status|token USER [PASSWORD]" >&2; exit 2 ;;
esac
