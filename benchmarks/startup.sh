#!/usr/bin/env bash
# Start-up time added to a trivial main: median wall time of N runs without an agent, with clew, and
# (when it can be fetched from Maven Central) with the OpenTelemetry Java agent, plus the jar sizes.
# Usage: benchmarks/startup.sh [runs]   (build the agent first: mvn -B -q -DskipTests package -pl agent-shadow -am)
set -euo pipefail
runs="${1:-9}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/benchmarks/target/startup"
mkdir -p "$work/classes"
clew="$root/agent-shadow/target/clew-agent.jar"
[ -f "$clew" ] || { echo "build the agent first: mvn -B -q -DskipTests package -pl agent-shadow -am" >&2; exit 1; }
cat > "$work/Hello.java" <<'JAVA'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
JAVA
javac -d "$work/classes" "$work/Hello.java"
otel="$work/opentelemetry-javaagent.jar"
if [ ! -f "$otel" ]; then
  mvn -B -q dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:2.22.0 \
    -DoutputDirectory="$work" -Dmdep.stripVersion=true >/dev/null 2>&1 || true
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # label, then java arguments
  local label="$1"; shift
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    java "$@" -cp "$work/classes" Hello >/dev/null 2>&1
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | median
}

base=$(measure none)
with_clew=$(measure clew -javaagent:"$clew" -Dotel.traces.exporter=none)
printf '%-28s %8s %10s %10s\n' "" "ms" "added ms" "jar bytes"
printf '%-28s %8s %10s %10s\n' "no agent" "$base" "-" "-"
printf '%-28s %8s %10s %10s\n' "clew" "$with_clew" "$((with_clew - base))" "$(stat -c %s "$clew")"
if [ -f "$otel" ]; then
  with_otel=$(measure otel -javaagent:"$otel" -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none)
  printf '%-28s %8s %10s %10s\n' "OpenTelemetry agent 2.22.0" "$with_otel" "$((with_otel - base))" "$(stat -c %s "$otel")"
fi
echo "(median of $runs runs, $(nproc) cores, $(java -version 2>&1 | head -1))"
