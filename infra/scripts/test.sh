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

say "Integration and end-to-end tests (real Postgres, real Kafka)"
# --forceExit: kafkajs keeps sockets alive for a moment after disconnect; the suites close
# everything they open, this only stops Jest waiting for the OS to reap them.
npx jest --selectProjects integration e2e --runInBand --ci --forceExit
