#!/usr/bin/env bash
# The whole-agent overhead benchmark: the servlet app and the Spring Boot JPA app (benchmarks/apps), each run
# without an agent, with clew and with the OpenTelemetry Java agent in interleaved rounds, under the same load,
# every agent exporting OTLP/HTTP protobuf to a local sink. Prints a Markdown table (medians, spread, ratios).
#   benchmarks/overhead.sh            full mode: 3 rounds (about 20 minutes on 2 cores)
#   benchmarks/overhead.sh --quick    one short round, for iterating
#   benchmarks/overhead.sh --apps=servlet-jdbc --configs=none,clew --profile=cpu    (see --help)
# Needs only a JDK 17+ and Maven. Results: benchmarks/target/overhead/ (overhead.md, runs.csv, logs/).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
otel_version=2.22.0
work="$root/benchmarks/target/overhead"
mkdir -p "$work"
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q ${MVN_ARGS:-} -DskipTests package dependency:build-classpath \
    -pl agent-shadow,benchmarks,benchmarks/apps/servlet-jdbc,benchmarks/apps/spring-jpa -am \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime
fi
otel="$work/opentelemetry-javaagent-$otel_version.jar"
if [ ! -f "$otel" ]; then
  mvn -B -q ${MVN_ARGS:-} dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$otel_version \
    -DoutputDirectory="$work"
fi
cp="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/benchmark.classpath")"
exec java -cp "$cp" dev.clew.benchmarks.overhead.OverheadBenchmark --root="$root" \
  --clew-jar="$root/agent-shadow/target/clew-agent.jar" --otel-jar="$otel" "$@"
