#!/usr/bin/env bash
# Start-up added by clew and by the OpenTelemetry Java agent 2.22.0, side by side, on three applications:
#   hello   a trivial main (the agent's own premain cost)
#   servlet the demo's pricing service: embedded Tomcat 11, H2 over JDBC (a small servlet app)
#   spring  benchmarks/apps/spring-jpa: Spring Boot 4, Spring MVC, JPA/Hibernate, HikariCP, H2 (~15k classes)
# Time is from the JVM's launch to its first HTTP 200 (hello: to its exit). Configurations run interleaved,
# ROUNDS times, in a rotating order; the table shows medians, min-max, the process CPU time up to that point
# (less sensitive to a busy machine than wall time) and the classes loaded. Every agent samples 100% and
# exports OTLP/HTTP protobuf to a local sink.
# Usage: benchmarks/startup.sh [ROUNDS] [APP...]     (default: 5 rounds, all three apps)
#   CLEW_JAR=/path/clew-agent.jar measures that jar instead of the one the build made;
#   CLEW_BASELINE=/path/other-clew-agent.jar adds that jar as a fourth configuration ("clew baseline"),
#   to compare a change with the agent before it.
# Build first: mvn -B -q -DskipTests package -pl agent-shadow,demo,benchmarks/apps/spring-jpa -am
set -euo pipefail
rounds="${1:-5}"
shift || true
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(hello servlet spring)
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/benchmarks/target/startup"
mkdir -p "$work/classes"
clew="${CLEW_JAR:-$root/agent-shadow/target/clew-agent.jar}"
spring="$root/benchmarks/apps/spring-jpa/target/spring-jpa-app.jar"
demo_cp="$root/demo/target/clew-demo.jar:$root/demo/target/lib/*"
for f in "$clew" "$spring" "$root/demo/target/clew-demo.jar"; do
  [ -f "$f" ] || { echo "missing $f; build first:" \
    "mvn -B -q -DskipTests package -pl agent-shadow,demo,benchmarks/apps/spring-jpa -am" >&2; exit 1; }
done
otel="$work/opentelemetry-javaagent.jar"
if [ ! -f "$otel" ]; then
  mvn -B -q dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:2.22.0 \
    -DoutputDirectory="$work" -Dmdep.stripVersion=true >/dev/null 2>&1 || true
fi
configs=(none clew)
baseline="${CLEW_BASELINE:-}"
[ -n "$baseline" ] && configs+=(baseline)
[ -f "$otel" ] && configs+=(otel)

cat > "$work/Hello.java" <<'JAVA'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
JAVA
# the OTLP sink: answers every export with 200 and an empty ExportTraceServiceResponse
cat > "$work/Sink.java" <<'JAVA'
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

public class Sink {
  public static void main(String[] args) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    s.createContext("/", x -> {
      x.getRequestBody().readAllBytes();
      x.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    s.start();
    System.out.println(s.getAddress().getPort());
  }
}
JAVA
javac -d "$work/classes" "$work/Hello.java" "$work/Sink.java"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
java -cp "$work/classes" Sink > "$work/sink.port" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/sink.port" ] && break; sleep 0.1; done
sink="http://127.0.0.1:$(cat "$work/sink.port")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
agent_args() { # config, service name
  case "$1" in
    none) ;;
    clew) echo "-javaagent:$clew -Dotel.service.name=$2 -Dotel.exporter.otlp.endpoint=$sink" ;;
    baseline) echo "-javaagent:$baseline -Dotel.service.name=$2 -Dotel.exporter.otlp.endpoint=$sink" ;;
    otel) echo "-javaagent:$otel -Dotel.service.name=$2 -Dotel.exporter.otlp.endpoint=$sink" \
      "-Dotel.exporter.otlp.protocol=http/protobuf -Dotel.metrics.exporter=none -Dotel.logs.exporter=none" ;;
  esac
}
cpu_ms() { # utime + stime of a process, in ms
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat" 2>/dev/null || echo 0
}
classes_loaded() { jstat -class "$1" 2>/dev/null | awk 'NR==2 {print $1}' || true; }

# one run: prints "wall_ms cpu_ms classes"
run_hello() {
  local s e cpu TIMEFORMAT='%3U %3S'
  s=$(date +%s%N)
  # shellcheck disable=SC2046
  cpu=$( { time java $(agent_args "$1" hello) -Xlog:class+load=info:file="$work/hello-classes.log" \
    -cp "$work/classes" Hello >/dev/null 2>&1; } 2>&1 | awk '{print int(($1 + $2) * 1000)}')
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $cpu $(grep -c 'class,load' "$work/hello-classes.log" || true)"
}
run_server() { # config, name, url path, then the java command line after the agent arguments
  local config=$1 name=$2 path=$3; shift 3
  local port s e pid code=000 wall cpu classes
  port=$(free_port)
  s=$(date +%s%N)
  # shellcheck disable=SC2046
  java $(agent_args "$config" "$name") "${@//PORT/$port}" >"$work/$name-$config.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port$path" || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  e=$(date +%s%N)
  cpu=$(cpu_ms "$pid")
  classes=$(classes_loaded "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$code" != 200 ]; then
    echo "$name with $config never answered 200; its log: $work/$name-$config.log" >&2
    exit 1
  fi
  wall=$(( (e - s) / 1000000 ))
  echo "$wall $cpu ${classes:--}"
}
run() { # app, config
  case "$1" in
    hello) run_hello "$2" ;;
    servlet) run_server "$2" servlet /prices/TEA-01 -Xmx256m -cp "$demo_cp" com.example.shop.PricingService PORT ;;
    spring) run_server "$2" spring /owners/1 -Xmx512m -jar "$spring" --server.port=PORT ;;
  esac
}

results="$work/results.txt"
: > "$results"
for r in $(seq "$rounds"); do
  n=${#configs[@]}
  for app in "${apps[@]}"; do
    for i in $(seq 0 $((n - 1))); do
      config=${configs[$(( (i + r) % n ))]}
      line=$(run "$app" "$config")
      echo "$app $config $line" >> "$results"
      echo "round $r/$rounds: $app $config $line" >&2
    done
  done
done

signed() { if [ "$1" -ge 0 ]; then echo "+$1"; else echo "$1"; fi; }
stat_of() { # app config column -> "median min max"
  awk -v a="$1" -v c="$2" -v k="$3" '$1 == a && $2 == c && $k != "-" {print $k}' "$results" | sort -n |
    awk '{v[NR]=$1} END {if (NR == 0) print "- - -"; else print v[int((NR+1)/2)], v[1], v[NR]}'
}
echo
echo "| app | configuration | start-up to first 200 (median, min-max) | added | CPU until then | added CPU | classes loaded |"
echo "|---|---|---|---|---|---|---|"
for app in "${apps[@]}"; do
  read -r base _ _ <<<"$(stat_of "$app" none 3)"
  read -r base_cpu _ _ <<<"$(stat_of "$app" none 4)"
  declare -A added=() added_cpu=()
  for config in "${configs[@]}"; do
    read -r med lo hi <<<"$(stat_of "$app" "$config" 3)"
    read -r cpu _ _ <<<"$(stat_of "$app" "$config" 4)"
    read -r cls _ _ <<<"$(stat_of "$app" "$config" 5)"
    label=$config
    [ "$config" = none ] && label="no agent"
    [ "$config" = otel ] && label="OpenTelemetry agent 2.22.0"
    [ "$config" = baseline ] && label="clew baseline ($(basename "$baseline"))"
    add="-"; addcpu="-"
    if [ "$config" != none ]; then
      add="$(signed $((med - base))) ms"; added[$config]=$((med - base))
      [ "$cpu" != "-" ] && [ "$base_cpu" != "-" ] && addcpu="$(signed $((cpu - base_cpu))) ms"
      added_cpu[$config]=$((cpu - base_cpu))
    fi
    cpu_cell="-"; [ "$cpu" != "-" ] && cpu_cell="$cpu ms"
    echo "| $app | $label | $med ms ($lo-$hi) | $add | $cpu_cell | $addcpu | $cls |"
  done
  if [ -n "${added[otel]:-}" ]; then
    ratio() { awk -v c="$1" -v o="$2" 'BEGIN {if (o > 0) printf "%.2f", c / o; else print "-"}'; }
    echo "| $app | clew added / OpenTelemetry added | | $(ratio "${added[clew]}" "${added[otel]}") | |" \
      "$(ratio "${added_cpu[clew]}" "${added_cpu[otel]}") | |"
  fi
  unset added added_cpu
done
echo
echo "jar sizes: clew $(stat -c %s "$clew") bytes$([ -n "$baseline" ] && echo ", baseline $(stat -c %s "$baseline") bytes")$([ -f "$otel" ] && echo ", OpenTelemetry agent $(stat -c %s "$otel") bytes")"
echo "($rounds interleaved rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d))"
