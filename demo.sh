#!/usr/bin/env bash
# One command: build the agent and the demo shop, run the shop and its pricing service with
# -javaagent:clew-agent.jar (spans to files), send a few requests, stop, and show the traces.
# Needs only JDK 17+ and Maven. Options: --no-build (reuse the last build), --color / --no-color.
set -euo pipefail
cd "$(dirname "$0")"

build=1
view_opts=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --color|--no-color) view_opts+=("$a") ;;
    *) echo "usage: ./demo.sh [--no-build] [--color|--no-color]" >&2; exit 2 ;;
  esac
done

AGENT=agent-shadow/target/clew-agent.jar
if [ "$build" = 1 ] || [ ! -f "$AGENT" ] || [ ! -f demo/target/clew-demo.jar ]; then
  echo "==> building the agent and the demo (mvn package, tests skipped)"
  mvn -q -B -DskipTests package -pl demo,agent-shadow -am
fi

JAVA=java
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; fi
RUN=demo/target/run
rm -rf "$RUN"
mkdir -p "$RUN"
CP="demo/target/clew-demo.jar:demo/target/lib/*"
JVM=(-Xshare:auto -XX:TieredStopAtLevel=1 -Xmx256m)
# spans go to one file per service; no OTLP (nothing else needs to run)
traced() { # service-name, then the main class and its arguments
  local service=$1; shift
  "$JAVA" "${JVM[@]}" -javaagent:"$AGENT" -Dotel.service.name="$service" \
    -Dotel.traces.exporter=file -Dclew.exporter.file.path="$RUN/$service-spans.jsonl" \
    -Dotel.bsp.schedule.delay=200 -cp "$CP" "$@" >"$RUN/$service.log" 2>&1 &
}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
await_port() { # service-name -> prints the port once the service listens
  for _ in $(seq 1 300); do
    if [ -s "$RUN/$1.port" ]; then cat "$RUN/$1.port"; return 0; fi
    sleep 0.2
  done
  echo "$1 did not start; its log:" >&2; cat "$RUN/$1.log" >&2; return 1
}

echo "==> starting the pricing and shop services with -javaagent:$AGENT"
traced pricing com.example.shop.PricingService 0 "$RUN/pricing.port"; pids+=($!)
pricing_port=$(await_port pricing)
traced shop com.example.shop.ShopService "http://127.0.0.1:$pricing_port" 0 "$RUN/shop.port"; pids+=($!)
shop_port=$(await_port shop)

echo "==> sending requests to the shop"
"$JAVA" -cp "$CP" com.example.shop.Driver "http://127.0.0.1:$shop_port"

echo "==> stopping the services (the agent flushes its spans at exit)"
for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
pids=()

echo "==> java -jar $AGENT view $RUN/shop-spans.jsonl $RUN/pricing-spans.jsonl"
echo
"$JAVA" -jar "$AGENT" view ${view_opts[@]+"${view_opts[@]}"} "$RUN/shop-spans.jsonl" "$RUN/pricing-spans.jsonl"
echo
"$JAVA" -jar "$AGENT" html "$RUN/shop-spans.jsonl" "$RUN/pricing-spans.jsonl" "$RUN/traces.html"
echo "Open $RUN/traces.html in a browser (no network needed); logs of the services are in $RUN/."
