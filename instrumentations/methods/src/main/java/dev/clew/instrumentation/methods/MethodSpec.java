package dev.clew.instrumentation.methods;

import dev.clew.core.log.AgentLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code Class[m1,m2];Other[*]} into class name to method names; a bare class means all methods. */
final class MethodSpec {
  private MethodSpec() {}

  static Map<String, List<String>> parse(String spec) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (spec == null) {
      return out;
    }
    for (String entry : spec.split(";")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int open = e.indexOf('[');
      String className;
      List<String> methods = new ArrayList<>();
      if (open < 0) {
        className = e;
        methods.add("*");
      } else {
        int close = e.lastIndexOf(']');
        if (close < open) {
          AgentLog.warn("invalid method tracing entry '" + e + "' (expected Class[method,...]); skipped");
          continue;
        }
        className = e.substring(0, open).trim();
        for (String m : e.substring(open + 1, close).split(",")) {
          if (!m.trim().isEmpty()) {
            methods.add(m.trim());
          }
        }
      }
      if (className.isEmpty() || methods.isEmpty()) {
        AgentLog.warn("invalid method tracing entry '" + e + "' (expected Class[method,...]); skipped");
        continue;
      }
      out.computeIfAbsent(className, k -> new ArrayList<>()).addAll(methods);
    }
    for (Map.Entry<String, List<String>> e : out.entrySet()) {
      e.setValue(Collections.unmodifiableList(e.getValue()));
    }
    return out;
  }
}
