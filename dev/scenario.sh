#!/usr/bin/env bash
# Runs the whole decision (DecisionScenarioIT: alice sets up a circle, bob proposes, stakes, a challenge,
# a delegation, votes, the close, and the recount of the export by target/devolve-recount.jar) against the
# service that `./devolve run` started, instead of a service of its own.
#   dev/scenario.sh            # DEVOLVE_PORT (8080) and KEYCLOAK_PORT (8180) as for ./devolve run
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${DEVOLVE_PORT:-8080}"
export KEYCLOAK_URL="http://127.0.0.1:${KEYCLOAK_PORT:-8180}"
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/config.json" || { echo "start Devolve first: ./devolve run" >&2; exit 1; }
exec mvn -B -ntp verify -Dui.skip -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DecisionScenarioIT \
  -Dquarkus.http.test-host=localhost -Dquarkus.http.test-port="$PORT"
