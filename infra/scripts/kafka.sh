#!/usr/bin/env bash
# A single-node KRaft Apache Kafka 3.9.1 broker for development and tests, fetched from Maven
# Central. Usage: kafka.sh start|stop|kill|status|wait
#   start   reuse a broker already on 127.0.0.1:9092, or fetch, format and start one (waits until ready)
#   stop    graceful shutdown (SIGTERM, then SIGKILL after 30 s)
#   kill    SIGKILL at once: for tests that prove nothing is lost when the broker dies
# KAFKA_BROKERS pointing elsewhere means an external cluster: nothing is started.
# KAFKA_DIR (default <repo>/.local/kafka) holds the jars, config, data and logs.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA_DIR="${KAFKA_DIR:-$REPO_ROOT/.local/kafka}"
KAFKA_VERSION=3.9.1
HOST=127.0.0.1
PORT=9092
CONTROLLER_PORT=9093
LIB="$KAFKA_DIR/lib"
CONFIG="$KAFKA_DIR/config/server.properties"
DATA="$KAFKA_DIR/data"
LOGS="$KAFKA_DIR/logs"
PID_FILE="$KAFKA_DIR/kafka.pid"

log() { echo "[kafka] $*" >&2; }

external_cluster() {
  local brokers="${KAFKA_BROKERS:-$HOST:$PORT}"
  [[ "$brokers" != "$HOST:$PORT" && "$brokers" != "localhost:$PORT" ]]
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

pid_alive() { [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

fetch() {
  if [[ ! -f "$LIB/kafka_2.13-$KAFKA_VERSION.jar" ]]; then
    command -v mvn >/dev/null || { log "Maven (mvn) is needed to fetch Kafka from Maven Central"; exit 1; }
    log "fetching Kafka $KAFKA_VERSION from Maven Central into $LIB"
    mkdir -p "$LIB"
    mvn -q -B -f "$REPO_ROOT/infra/kafka/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$LIB" >&2
  fi
}

write_config() {
  mkdir -p "$(dirname "$CONFIG")" "$DATA" "$LOGS"
  cat >"$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA
num.partitions=3
auto.create.topics.enable=false
delete.topic.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
num.recovery.threads.per.data.dir=2
log.retention.hours=168
PROPS
}

java_cmd() {
  exec java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOGS" -Dlog4j.configuration="file:$REPO_ROOT/infra/kafka/log4j.properties" \
    -cp "$LIB/*" "$@"
}

format_storage() {
  if [[ ! -f "$DATA/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java_cmd kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    log "formatting storage (cluster $cluster_id)"
    (java_cmd kafka.tools.StorageTool format -t "$cluster_id" -c "$CONFIG") >"$LOGS/format.out" 2>&1 ||
      { cat "$LOGS/format.out" >&2; exit 1; }
  fi
}

wait_ready() {
  local deadline=$((SECONDS + ${1:-90}))
  local marker_from="${2:-0}"
  while ((SECONDS < deadline)); do
    if port_open "$PORT"; then
      # The port opens a moment before the broker serves requests; the startup line says it does.
      if [[ ! -f "$LOGS/server.log" ]] || tail -c +"$((marker_from + 1))" "$LOGS/server.log" 2>/dev/null | grep -q "Kafka Server started"; then
        return 0
      fi
    fi
    if [[ -f "$PID_FILE" ]] && ! pid_alive; then
      log "the broker exited during startup"; tail -n 40 "$LOGS/server.out" "$LOGS/server.log" >&2 2>/dev/null || true; return 1
    fi
    sleep 0.3
  done
  log "not ready after ${1:-90}s"; tail -n 40 "$LOGS/server.log" >&2 2>/dev/null || true
  return 1
}

start() {
  if external_cluster; then log "KAFKA_BROKERS=$KAFKA_BROKERS: using that cluster, starting nothing"; return 0; fi
  if port_open "$PORT"; then
    if pid_alive; then wait_ready 90; fi
    log "a broker is already listening on $HOST:$PORT: reusing it"; return 0
  fi
  command -v java >/dev/null || { log "Java 17+ is needed to run Kafka"; exit 1; }
  fetch
  write_config
  format_storage
  local marker=0
  [[ -f "$LOGS/server.log" ]] && marker=$(stat -c %s "$LOGS/server.log")
  local started=$SECONDS
  setsid nohup bash -c "$(declare -f java_cmd); LIB='$LIB' LOGS='$LOGS' REPO_ROOT='$REPO_ROOT' java_cmd kafka.Kafka '$CONFIG'" \
    >"$LOGS/server.out" 2>&1 </dev/null 9>&- &  # 9>&-: the broker must not inherit (and hold) the start lock
  echo $! >"$PID_FILE"
  wait_ready 90 "$marker"
  log "ready on $HOST:$PORT after $((SECONDS - started))s (data in $DATA)"
}

stop() {
  if ! pid_alive; then log "not running"; rm -f "$PID_FILE"; return 0; fi
  local pid; pid="$(cat "$PID_FILE")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
  kill -0 "$pid" 2>/dev/null && { log "did not stop in 30s: killing"; kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$PID_FILE"
  log "stopped"
}

kill_now() {
  if ! pid_alive; then log "not running"; return 0; fi
  local pid; pid="$(cat "$PID_FILE")"
  kill -KILL "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do port_open "$PORT" || break; sleep 0.1; done
  rm -f "$PID_FILE"
  log "killed (SIGKILL)"
}

case "${1:-}" in
  # One start at a time: two starting together (parallel test shards, a test restarting the
  # broker) would both find the port closed and launch two brokers on one data directory.
  start) mkdir -p "$KAFKA_DIR"; exec 9>"$KAFKA_DIR/start.lock"; flock 9; start ;;
  stop) stop ;;
  kill) kill_now ;;
  wait) wait_ready 90 ;;
  status) if port_open "$PORT"; then echo running; else echo stopped; exit 1; fi ;;
  *) echo "usage: $0 start|stop|kill|status|wait" >&2; exit 2 ;;
esac
