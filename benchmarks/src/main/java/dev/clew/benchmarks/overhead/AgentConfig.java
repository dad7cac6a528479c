package dev.clew.benchmarks.overhead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One way to run an application: without an agent, with clew, or with the OpenTelemetry Java agent. Both
 * agents sample everything (their default) and export OTLP/HTTP protobuf to the benchmark's sink with
 * their default batching; the OpenTelemetry agent's metric and log exporters are off, since clew exports
 * traces only.
 */
enum AgentConfig {
  NONE("none", "no agent"),
  CLEW("clew", "clew"),
  OTEL("otel", "OpenTelemetry agent");

  final String key;
  final String label;

  AgentConfig(String key, String label) {
    this.key = key;
    this.label = label;
  }

  static AgentConfig byKey(String key) {
    for (AgentConfig c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown configuration '" + key + "' (none, clew, otel)");
  }

  /** JVM options for this configuration. */
  List<String> jvmArgs(Options o, String sinkEndpoint, String serviceName) {
    List<String> args = new ArrayList<>();
    switch (this) {
      case NONE:
        break;
      case CLEW:
        args.add("-javaagent:" + o.clewJar);
        args.add("-Dotel.service.name=" + serviceName);
        args.add("-Dotel.exporter.otlp.endpoint=" + sinkEndpoint);
        args.addAll(o.clewArgs);
        break;
      case OTEL:
        args.add("-javaagent:" + o.otelJar);
        args.add("-Dotel.service.name=" + serviceName);
        args.add("-Dotel.exporter.otlp.endpoint=" + sinkEndpoint);
        args.add("-Dotel.exporter.otlp.protocol=http/protobuf");
        args.add("-Dotel.metrics.exporter=none");
        args.add("-Dotel.logs.exporter=none");
        args.addAll(o.otelArgs);
        break;
      default:
        throw new AssertionError(this);
    }
    return args;
  }

  /** The agent jar, or null without an agent. */
  Path jar(Options o) {
    switch (this) {
      case CLEW:
        return o.clewJar;
      case OTEL:
        return o.otelJar;
      default:
        return null;
    }
  }
}
