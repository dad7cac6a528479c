#!/usr/bin/env bash
# Class data sharing with the agent: start-up of a trivial main and of a larger application (a few thousand
# JDK and application classes), without the agent, with clew defining its bootstrap classes in the bootstrap
# loader (the default), and with clew appending its jar to the bootstrap class path (the old way, which makes
# the JVM stop sharing the platform and application loaders' classes). Each with the JDK's default CDS archive
# and with an application CDS archive made without the agent. Median wall time of N runs, and how many
# classes came from a shared archive in one run.
# Usage: benchmarks/startup-cds.sh [runs]   (build the agent first: mvn -B -q -DskipTests package -pl agent-shadow -am)
#   CLEW_ENABLED=false benchmarks/startup-cds.sh 9: the agent only places its bootstrap classes and stops
#   (otel.javaagent.enabled=false), which leaves out the ~2 s of Byte Buddy that otherwise hides the difference
set -euo pipefail
runs="${1:-9}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/benchmarks/target/startup-cds"
clew="$root/agent-shadow/target/clew-agent.jar"
[ -f "$clew" ] || { echo "build the agent first: mvn -B -q -DskipTests package -pl agent-shadow -am" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/src/app" "$work/classes"

# the trivial main, and a larger one: 2,000 application classes and every class of a few JDK modules
cat > "$work/src/Hello.java" <<'JAVA'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
JAVA
for i in $(seq 0 1999); do
  printf 'package app;\npublic class C%d { public int v() { return %d; } }\n' "$i" "$i" > "$work/src/app/C$i.java"
done
cat > "$work/src/Larger.java" <<'JAVA'
import java.net.URI;
import java.nio.file.*;
import java.util.stream.*;

public class Larger {
  public static void main(String[] args) throws Exception {
    int n = 0;
    for (int i = 0; i < 2000; i++) {
      n += ((Number) Class.forName("app.C" + i).getMethod("v").invoke(Class.forName("app.C" + i)
          .getDeclaredConstructor().newInstance())).intValue() >= 0 ? 1 : 0;
    }
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    for (String module : new String[] {"java.base", "java.sql", "java.xml", "java.logging", "java.net.http"}) {
      try (Stream<Path> files = Files.walk(jrt.getPath("modules", module))) {
        for (Path p : (Iterable<Path>) files::iterator) {
          String s = p.toString();
          if (s.endsWith(".class") && !s.endsWith("module-info.class") && (s.contains("/java/") || s.contains("/javax/"))) {
            String name = s.substring(("/modules/" + module + "/").length(), s.length() - 6).replace('/', '.');
            try {
              Class.forName(name, false, Larger.class.getClassLoader());
              n++;
            } catch (Throwable ignored) {
              // not loadable from here
            }
          }
        }
      }
    }
    System.out.println(n + " classes");
  }
}
JAVA
javac -d "$work/classes" -sourcepath "$work/src" "$work/src/Hello.java" "$work/src/Larger.java" "$work"/src/app/*.java
(cd "$work/classes" && jar cf "$work/app.jar" .)
for main in Hello Larger; do # application CDS archives (static), made without the agent
  java -Xshare:off -XX:DumpLoadedClassList="$work/$main.classlist" -cp "$work/app.jar" $main >/dev/null
  java -Xshare:dump -XX:SharedClassListFile="$work/$main.classlist" -XX:SharedArchiveFile="$work/$main.jsa" \
    -cp "$work/app.jar" >/dev/null 2>&1
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
agent_args() {
  case "$1" in
    none) ;;
    define) echo "-javaagent:$clew -Dotel.traces.exporter=none -Dotel.javaagent.enabled=${CLEW_ENABLED:-true}" ;;
    append) echo "-javaagent:$clew -Dotel.traces.exporter=none -Dotel.javaagent.enabled=${CLEW_ENABLED:-true} -Dclew.testing.bootstrap-append=true" ;;
  esac
}
cds_args() { [ "$1" = default ] || echo "-XX:SharedArchiveFile=$work/$2.jsa"; }
shared() { # classes loaded from a shared archive, and all classes loaded, in one run
  # shellcheck disable=SC2046
  java $(cds_args "$2" "$1") $(agent_args "$3") -Xlog:class+load -cp "$work/app.jar" "$1" 2>/dev/null \
    | awk '/class,load/ {all++} /shared objects file/ {s++} END {printf "%d/%d", s, all}'
}

printf '%-7s %-12s %-8s %8s %18s\n' main archive agent "ms" "shared/loaded"
for main in Hello Larger; do
  for cds in default app; do
    declare -A times=()
    for _ in $(seq "$runs"); do # interleaved, so load on the machine hits every variant alike
      for agent in none define append; do
        s=$(date +%s%N)
        # shellcheck disable=SC2046
        java $(cds_args "$cds" "$main") $(agent_args "$agent") -cp "$work/app.jar" "$main" >/dev/null 2>&1
        e=$(date +%s%N)
        times[$agent]+="$(( (e - s) / 1000000 )) "
      done
    done
    for agent in none define append; do
      printf '%-7s %-12s %-8s %8s %18s\n' "$main" "$cds" "$agent" \
        "$(tr ' ' '\n' <<< "${times[$agent]}" | grep . | median)" "$(shared "$main" "$cds" "$agent")"
    done
    unset times
  done
done
echo "(median of $runs runs, agent enabled: ${CLEW_ENABLED:-true}, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1))"
