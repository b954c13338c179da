#!/usr/bin/env bash
# npm start: the whole system on this machine, with a demo federation.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_tools
ensure_debian_packages
install_dependencies
build
ensure_postgres
say "Kafka"
bash infra/scripts/kafka.sh start
say "Database: roles, schemas, migrations"
node infra/dist/cli.js provision
say "Topics"
node infra/dist/cli.js topics
say "Agency sandbox (fake agencies for aid's agency checks)"
start_agency_sandbox
say "Starting the services (logs in .local/logs)"
node infra/dist/cli.js start
say "Seeding the demo federation"
node infra/dist/cli.js seed

cat <<MSG

Gonghui is running.
  Staff console     http://127.0.0.1:3000/   (工会工作台: log in below)
  API gateway       http://127.0.0.1:3000   (health: /health)
  API documentation http://127.0.0.1:3000/api/docs
  Event catalogue   http://127.0.0.1:3000/api/v1/events/asyncapi
  Kafka             127.0.0.1:9092           (topics gonghui.*)
  Agency sandbox    http://127.0.0.1:${AGENCY_SANDBOX_PORT:-3090}   (FAKE agencies answering aid's agency checks; demo only)
  Log in            admin / Gonghui@2026     (federation administrator)
                    yubei.officer / Gonghui@2026 (a district officer: sees 渝北区 only)
  Logs              .local/logs/<service>.log
  Stop              npm stop
MSG
