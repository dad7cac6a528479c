#!/usr/bin/env bash
# Builds the benchmarks and runs them briefly (JMH, one fork, -prof gc), then prints ns/op, bytes/op and
# clew-to-OpenTelemetry-SDK ratios. Longer runs: JMH_ARGS="-f 2 -wi 5 -i 10" benchmarks/run.sh
# Pick benchmarks with a regex as first argument, e.g. benchmarks/run.sh Encode
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
mvn -B -q ${MVN_ARGS:-} package dependency:build-classpath -pl benchmarks -am -DskipTests \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime
cp="$here/target/classes:$(cat "$here/target/benchmark.classpath")"
result="$here/target/jmh-result.json"
java -cp "$cp" org.openjdk.jmh.Main ${1:-} -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc \
  -rf json -rff "$result" ${JMH_ARGS:-} > "$here/target/jmh-output.txt"
python3 - "$result" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    cls, name = r["benchmark"].rsplit(".", 2)[1:]
    score, unit = r["primaryMetric"]["score"], r["primaryMetric"]["scoreUnit"]
    ns = score * {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6}[unit]
    alloc = r["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    err = r["primaryMetric"].get("scoreError", 0) * ns / score if score else 0
    rows[name] = (ns, alloc, err, cls)
print("%-24s %14s %14s %14s %14s" % ("benchmark", "ns/op", "+-", "bytes/op", "per span (ns, B)"))
for name, (ns, alloc, err, cls) in rows.items():
    per = "%8.0f %6.0f" % (ns / 512, alloc / 512) if cls == "EncodeBenchmark" else ""
    print("%-24s %14.0f %14.0f %14.0f %s" % (name, ns, err, alloc, per))
print()
print("clew / OpenTelemetry SDK (lower is better; goal <= 0.5)")
for clew, otel in [("clewProtobuf", "otelProtobuf"), ("clewProtobuf", "otelProtobufImmutable"),
                   ("clewJson", "otelJson"), ("clewStartEnd", "otelStartEnd"),
                   ("clewStartEndBatch", "otelStartEndBatch")]:
    if clew in rows and otel in rows:
        print("  %-17s vs %-22s time %.3f   allocation %.4f" % (
            clew, otel, rows[clew][0] / rows[otel][0], rows[clew][1] / rows[otel][1] if rows[otel][1] else float("nan")))
PY
