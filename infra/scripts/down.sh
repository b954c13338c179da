#!/usr/bin/env bash
# npm stop: stop the services and the local Kafka broker (Postgres is left as it was).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
[[ -f infra/dist/cli.js ]] && node infra/dist/cli.js stop
source infra/scripts/lib.sh && stop_agency_sandbox
bash infra/scripts/kafka.sh stop
