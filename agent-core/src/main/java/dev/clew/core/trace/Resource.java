package dev.clew.core.trace;

import dev.clew.core.config.Config;
import dev.clew.core.AgentVersion;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.Map;

/** The process a span comes from: service.name, host, process, runtime and telemetry.sdk attributes. */
public final class Resource {
  private final Attributes attributes;

  public Resource(Attributes attributes) {
    this.attributes = attributes;
  }

  public Attributes attributes() {
    return attributes;
  }

  public String serviceName() {
    Object v = attributes.get("service.name");
    return v == null ? "unknown_service:java" : v.toString();
  }

  /**
   * Detected attributes, then {@code otel.resource.attributes}, then {@code otel.service.name};
   * later ones win. Without any service name the OpenTelemetry default {@code unknown_service:java}.
   */
  public static Resource fromConfig(Config config) {
    Attributes a = Attributes.unlimited();
    a.put("service.name", "unknown_service:java");
    a.put("telemetry.sdk.name", "clew");
    a.put("telemetry.sdk.language", "java");
    a.put("telemetry.sdk.version", AgentVersion.VERSION);
    a.put("host.name", hostName());
    a.put("process.pid", pid());
    a.put("process.runtime.name", System.getProperty("java.runtime.name", "unknown"));
    a.put("process.runtime.version", System.getProperty("java.runtime.version", "unknown"));
    a.put("process.runtime.description", System.getProperty("java.vm.vendor", "") + " "
        + System.getProperty("java.vm.name", "") + " " + System.getProperty("java.vm.version", ""));
    a.put("os.type", osType());
    for (Map.Entry<String, String> e : config.getMap("otel.resource.attributes").entrySet()) {
      a.put(e.getKey(), decode(e.getValue()));
    }
    // the listed default; a service.name in otel.resource.attributes comes before it
    config.declare("otel.service.name", "unknown_service:java");
    String service = config.getString("otel.service.name", null);
    if (service != null) {
      a.put("service.name", service);
    }
    return new Resource(a);
  }

  private static String decode(String v) {
    try {
      return java.net.URLDecoder.decode(v.replace("+", "%2B"), "UTF-8");
    } catch (Exception e) {
      return v;
    }
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isEmpty()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }

  private static long pid() {
    String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host on every JVM we support
    int at = name.indexOf('@');
    try {
      return Long.parseLong(at > 0 ? name.substring(0, at) : name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String osType() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("linux")) {
      return "linux";
    }
    if (os.contains("mac")) {
      return "darwin";
    }
    if (os.contains("windows")) {
      return "windows";
    }
    return os.isEmpty() ? "unknown" : os.replace(' ', '_');
  }
}
