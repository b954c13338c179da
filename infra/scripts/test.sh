#!/usr/bin/env bash
# npm test: every test. Unit tests, then each service against real Postgres and Kafka, then the
# whole system end to end through the gateway. Starts Kafka if none is running, and stops it
# again at the end if it started it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_tools
ensure_debian_packages
install_dependencies
build
say "Lint and type-check the tests"
npx eslint --max-warnings=0 .
npx tsc -p tsconfig.spec.json
say "Unit tests"
npx jest --selectProjects unit --ci

ensure_postgres
started_kafka=false
if ! bash infra/scripts/kafka.sh status >/dev/null 2>&1; then started_kafka=true; fi
cleanup() { if $started_kafka; then bash infra/scripts/kafka.sh stop || true; fi; }
trap cleanup EXIT
bash infra/scripts/kafka.sh start

# --forceExit: kafkajs keeps sockets alive for a moment after disconnect; the suites close
# everything they open, this only stops Jest waiting for the OS to reap them.
jest_ci=(npx jest --runInBand --ci --forceExit)
test_db="${TEST_DATABASE_URL:-$(node -p 'const u = new URL(process.env.DATABASE_URL); u.pathname = "/gonghui_test"; u.href')}"
shards="${TEST_SHARDS:-2}"

say "Integration tests in $shards shards side by side (real Postgres, real Kafka)"
# Much of an integration suite's time is waiting (consumer groups joining, events arriving), so
# two shards use two cores better than one. Each shard has its own database and, through the
# global setup, its own topic prefix and consumer groups: neither sees the other's rows or events.
# The suite that kills the broker would break the other shard, so it runs alone afterwards.
shard_pids=()
for i in $(seq 1 "$shards"); do
  ( TEST_DATABASE_URL="${test_db}_s$i" "${jest_ci[@]}" --selectProjects integration --shard="$i/$shards" \
      --testPathIgnorePatterns broker-outage 2>&1 | sed -u "s/^/[shard $i] /" ) &
  shard_pids+=($!)
done
failed=0
for pid in "${shard_pids[@]}"; do wait "$pid" || failed=1; done
(( failed == 0 )) || { echo "integration tests failed (see the [shard N] lines above)" >&2; exit 1; }
TEST_DATABASE_URL="$test_db" "${jest_ci[@]}" --selectProjects integration -- broker-outage

say "End-to-end tests in two lanes side by side: the whole system through the gateway, and the console in Chromium"
# Each suite starts the whole system on ports of its own and logs to .local/test-logs/<suite>/, and
# each lane has its own test database and topic prefix, so the lanes never see each other's work.
# Lane 1 takes the suites matching this pattern; lane 2 every other suite, so none is ever left out.
# The pattern splits the browser suites (the longest) between the lanes.
lane1='console-aid|walkthrough|observability'
( TEST_DATABASE_URL="${test_db}_e1" "${jest_ci[@]}" --selectProjects e2e --testPathPatterns "$lane1" 2>&1 | sed -u "s/^/[e2e 1] /" ) &
lane_pids=($!)
( TEST_DATABASE_URL="${test_db}_e2" "${jest_ci[@]}" --selectProjects e2e --testPathIgnorePatterns "$lane1" 2>&1 | sed -u "s/^/[e2e 2] /" ) &
lane_pids+=($!)
failed=0
for pid in "${lane_pids[@]}"; do wait "$pid" || failed=1; done
(( failed == 0 )) || { echo "end-to-end tests failed (see the [e2e N] lines above)" >&2; exit 1; }
