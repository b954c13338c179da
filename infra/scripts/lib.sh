# Shared by up.sh and test.sh: dependencies, build, Postgres. Sourced, not run.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/gonghui}"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

require_tools() {
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  ((node_major >= 20)) || { echo "Node.js 20 or newer is needed" >&2; exit 1; }
  command -v java >/dev/null || { echo "Java 17+ is needed (Kafka runs on it)" >&2; exit 1; }
}

# Debian packages the system needs beyond Node and Java: Chromium for the console's browser tests
# and a CJK font so Chinese renders in screenshots and PDFs. Installed once, when missing, with
# apt-get (as root, or through sudo); elsewhere it says what to install and goes on.
DEBIAN_PACKAGES=(chromium fonts-noto-cjk)
ensure_debian_packages() {
  local missing=() pkg
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  local sudo=(); ((EUID == 0)) || sudo=(sudo -n)
  if command -v apt-get >/dev/null; then
    say "Installing Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && return 0
  fi
  echo "Please install: ${missing[*]} (the console's browser tests and Chinese PDFs need them)" >&2
  return 1
}

# npm ci when node_modules is missing or older than the lock file.
install_dependencies() {
  local stamp=node_modules/.gonghui-lock
  local want; want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    say "Installing dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
  fi
}

build() {
  say "Building (tsc -b)"
  npx tsc -b tsconfig.build.json
  # The staff console: its API types are generated from the services just built, so a drift between
  # console and API fails here (console/scripts/openapi.mjs, then tsc, then vite build).
  say "Building the console (console/dist, served by the gateway at /)"
  npm run build -w console --silent
}

# Postgres from DATABASE_URL; on a machine with a local cluster that is stopped, start it.
ensure_postgres() {
  local host port
  host="$(node -p "new URL(process.env.DATABASE_URL).hostname")"
  port="$(node -p "new URL(process.env.DATABASE_URL).port || 5432")"
  if command -v pg_isready >/dev/null && ! pg_isready -q -h "$host" -p "$port"; then
    if command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]]; then
      say "Starting the local PostgreSQL cluster"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    fi
    for _ in $(seq 1 30); do pg_isready -q -h "$host" -p "$port" && return 0; sleep 1; done
    echo "PostgreSQL is not reachable at $host:$port (DATABASE_URL)" >&2
    exit 1
  fi
}

# The agency sandbox (infra/agency-sandbox/server.mjs): a FAKE of other agencies' check APIs for the
# demo, so aid's agency checks have something to ask. Started in the background on
# AGENCY_SANDBOX_PORT (3090); the aid service is pointed at it unless AID_AGENCY_*_URL are set.
start_agency_sandbox() {
  local port="${AGENCY_SANDBOX_PORT:-3090}" pidfile=.local/agency-sandbox.pid
  stop_agency_sandbox
  mkdir -p .local/logs
  nohup node infra/agency-sandbox/server.mjs --port "$port" >>.local/logs/agency-sandbox.log 2>&1 &
  echo $! >"$pidfile"
  local base="http://127.0.0.1:$port"
  export AID_AGENCY_PUBLIC_SECURITY_URL="${AID_AGENCY_PUBLIC_SECURITY_URL:-$base/public-security}"
  export AID_AGENCY_CIVIL_AFFAIRS_URL="${AID_AGENCY_CIVIL_AFFAIRS_URL:-$base/civil-affairs}"
  export AID_AGENCY_MEDICAL_SECURITY_URL="${AID_AGENCY_MEDICAL_SECURITY_URL:-$base/medical-security}"
  export AID_AGENCY_REAL_ESTATE_URL="${AID_AGENCY_REAL_ESTATE_URL:-$base/real-estate-registry}"
  export AID_AGENCY_VEHICLE_URL="${AID_AGENCY_VEHICLE_URL:-$base/vehicle-administration}"
  for _ in $(seq 1 20); do curl -fs "$base/health" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "the agency sandbox did not start (see .local/logs/agency-sandbox.log); agency checks will record failures" >&2
}

stop_agency_sandbox() {
  local pidfile=.local/agency-sandbox.pid
  if [[ -f "$pidfile" ]]; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  fi
}
