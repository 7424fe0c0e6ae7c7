#!/usr/bin/env bash
# Our reference broker and mosquitto, side by side in one run, on loopback only: QoS 0 and QoS 1 fan-in and fan-out
# (messages/s, latency percentiles), the brokers' resident memory at 10,000 idle connections, and their resident
# memory during and after a 60 s flood.
#
# Usage (from anywhere):  bench/broker-vs-mosquitto.sh
# Knobs (environment):    MESSAGES FANOUT_MESSAGES PUBLISHERS SUBSCRIBERS IDLE WINDOW WARMUP PAYLOAD TIMEOUT
#                         FLOOD_SECONDS PORT_OURS PORT_MOSQUITTO OURS_JAVA_OPTS MOSQUITTO
# Our broker runs through reference-broker/bin/mqttkit-broker, i.e. with its documented memory settings;
# OURS_JAVA_OPTS adds JVM options after them (MQTTKIT_BROKER_JAVA_OPTS), e.g. OURS_JAVA_OPTS=-Xmx1g. For the memory
# figures a third process runs the same jar with plain "java -jar" (the JVM's own defaults), on PORT_OURS_JVM.
# Builds the jars it needs if they are missing. Every run is bounded by a message count and TIMEOUT seconds.
# The table goes to stdout and to bench/target/broker-vs-mosquitto.md.
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${MESSAGES:-100000}          # fan-in: messages received by the one subscriber
FANOUT_MESSAGES=${FANOUT_MESSAGES:-5000} # fan-out: messages published, each delivered to every subscriber
PUBLISHERS=${PUBLISHERS:-10}
SUBSCRIBERS=${SUBSCRIBERS:-20}
IDLE=${IDLE:-10000}
WINDOW=${WINDOW:-200}
WARMUP=${WARMUP:-20000}
PAYLOAD=${PAYLOAD:-64}
TIMEOUT=${TIMEOUT:-120}
FLOOD_SECONDS=${FLOOD_SECONDS:-60}
PORT_OURS=${PORT_OURS:-18883}
PORT_MOSQUITTO=${PORT_MOSQUITTO:-18884}
PORT_OURS_JVM=${PORT_OURS_JVM:-18885}
MOSQUITTO=${MOSQUITTO:-/usr/sbin/mosquitto}
OURS_JAVA_OPTS=${OURS_JAVA_OPTS:-}

BENCH_JAR=bench/target/benchmarks.jar
BROKER_JAR=reference-broker/target/mqttkit-reference-broker-0.1.0-SNAPSHOT-all.jar
if [[ ! -f $BENCH_JAR || ! -f $BROKER_JAR ]]; then
  mvn -q -pl bench,reference-broker -am package -DskipTests
fi
command -v "$MOSQUITTO" >/dev/null || { echo "mosquitto not found at $MOSQUITTO (apt-get install mosquitto)" >&2; exit 2; }

# 10,000 connections need 10,000 descriptors in the load generator and in each broker.
ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < IDLE + 1000 )); then
  echo "ulimit -n is $(ulimit -n): too low for $IDLE connections" >&2; exit 2
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for_port() { # bounded: 20 s
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "nothing listening on 127.0.0.1:$1" >&2; return 1
}

start_brokers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
  printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_queued_messages 1000000\nmax_inflight_messages 20\n' \
    "$PORT_MOSQUITTO" > "$work/mosquitto.conf"
  "$MOSQUITTO" -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
  MOSQUITTO_PID=$!; pids+=("$MOSQUITTO_PID")
  printf 'listener %s\nmax_queued_messages 1000000\nmax_inflight_messages 20\nmax_connections 0\n' \
    "$PORT_OURS" > "$work/ours.conf"
  MQTTKIT_BROKER_JAVA_OPTS=$OURS_JAVA_OPTS MQTTKIT_BROKER_JAR=$BROKER_JAR \
    reference-broker/bin/mqttkit-broker -c "$work/ours.conf" > "$work/ours.log" 2>&1 &
  OURS_PID=$!; pids+=("$OURS_PID")
  printf 'listener %s\nmax_queued_messages 1000000\nmax_inflight_messages 20\nmax_connections 0\n' \
    "$PORT_OURS_JVM" > "$work/ours-jvm.conf"
  java -jar "$BROKER_JAR" -c "$work/ours-jvm.conf" > "$work/ours-jvm.log" 2>&1 &
  OURS_JVM_PID=$!; pids+=("$OURS_JVM_PID")
  wait_for_port "$PORT_MOSQUITTO"
  wait_for_port "$PORT_OURS"
  wait_for_port "$PORT_OURS_JVM"
}

# label port pid of each broker whose memory is measured
memory_subjects() {
  echo "ours $PORT_OURS $OURS_PID"
  echo "ours-java-jar $PORT_OURS_JVM $OURS_JVM_PID"
  echo "mosquitto $PORT_MOSQUITTO $MOSQUITTO_PID"
}

rows=()
load() { # label port args...: one table row, or the INCOMPLETE line
  local label=$1 port=$2; shift 2
  local out
  out=$(java -cp "$BENCH_JAR" dev.mqttkit.bench.load.LoadGen --label "$label" --port "$port" \
        --timeout "$TIMEOUT" "$@" 2>&1) || true
  echo "$out" >&2
  rows+=("$out")
}

start_brokers
common=(--window "$WINDOW" --warmup "$WARMUP" --payload "$PAYLOAD")
i=0
for scenario in "fan-in 0" "fan-in 1" "fan-out 0" "fan-out 1"; do
  read -r shape qos <<< "$scenario"
  if [[ $shape == fan-in ]]; then args=(--clients "$PUBLISHERS" --messages "$MESSAGES");
  else args=(--clients "$SUBSCRIBERS" --messages "$FANOUT_MESSAGES"); fi
  # Alternate who goes first, so that drifting load from other work on the machine favours neither.
  if (( i++ % 2 == 0 )); then order=(ours mosquitto); else order=(mosquitto ours); fi
  for broker in "${order[@]}"; do
    if [[ $broker == ours ]]; then port=$PORT_OURS; else port=$PORT_MOSQUITTO; fi
    load "$broker" "$port" --scenario "$shape" --qos "$qos" "${args[@]}" "${common[@]}"
  done
done

# Memory on fresh processes, so that neither carries the heap or buffers of the runs above.
start_brokers
idle_rows=()
while read -r broker port pid; do
  out=$(java -cp "$BENCH_JAR" dev.mqttkit.bench.load.LoadGen --label "$broker" --port "$port" --pid "$pid" \
        --scenario idle --clients "$IDLE" --timeout "$TIMEOUT" 2>&1 < /dev/null) || true
  echo "$out" >&2
  idle_rows+=("$out")
done < <(memory_subjects)

# A 60 s flood on fresh processes: QoS 1, 10 publishers to 10 subscribers (every message to all ten), 256-byte
# payloads, back-to-back runs with fresh connections; RSS sampled every 250 ms.
start_brokers
flood_rows=()
while read -r broker port pid; do
  out=$(java -cp "$BENCH_JAR" dev.mqttkit.bench.load.LoadGen --label "$broker" --port "$port" --pid "$pid" \
        --scenario flood --seconds "$FLOOD_SECONDS" --timeout "$TIMEOUT" 2>&1 < /dev/null) || true
  echo "$out" >&2
  flood_rows+=("$out")
done < <(memory_subjects)
ours_memory=$(grep -o 'max heap [^)]*' "$work/ours.log" | head -1 || true)
jvm_memory=$(grep -o 'max heap [^)]*' "$work/ours-jvm.log" | head -1 || true)

mkdir -p bench/target
{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg);"
  echo "$("$MOSQUITTO" -h 2>/dev/null | head -1 || true), $(java -version 2>&1 | head -1)."
  echo "ours: bin/mqttkit-broker, ${ours_memory:-?}; ours-java-jar: java -jar, ${jvm_memory:-?}."
  echo
  echo "| broker | scenario | clients | delivered | msgs/s | p50 ms | p99 ms | max ms |"
  echo "|---|---|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "| broker | connections | held (PINGREQ answered) | RSS before | RSS at $IDLE | RSS per connection | time to connect |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${idle_rows[@]}"
  echo
  echo "| broker | flood | delivered | msgs/s | RSS before | RSS peak | RSS at end |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${flood_rows[@]}"
} | tee bench/target/broker-vs-mosquitto.md
