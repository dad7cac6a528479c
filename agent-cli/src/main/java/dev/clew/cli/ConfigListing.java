package dev.clew.cli;

import dev.clew.core.config.Config;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code config} command's table: every key the agent's components asked for, sorted, with the value
 * in effect and the default; then keys that are set but that no component asked for (often a typo).
 * Secrets are masked ({@link Config#shown}): header values, user info and sensitive query parameters.
 */
final class ConfigListing {
  /** Shown for a key without a value, or without a default. */
  static final String NONE = "-";

  private ConfigListing() {}

  static void print(Config config, PrintStream out) {
    List<Config.Option> options = config.options();
    int keyWidth = 3;
    int valueWidth = 5;
    for (Config.Option o : options) {
      keyWidth = Math.max(keyWidth, o.key.length());
      valueWidth = Math.max(valueWidth, Math.min(40, value(config, o.key).length()));
    }
    out.println(pad("KEY", keyWidth) + "  " + pad("VALUE", valueWidth) + "  DEFAULT");
    Set<String> asked = new HashSet<>();
    for (Config.Option o : options) {
      asked.add(Config.normalize(o.key));
      out.println(pad(o.key, keyWidth) + "  " + pad(value(config, o.key), valueWidth) + "  "
          + (o.defaultValue.isEmpty() ? NONE : config.shown(o.key, o.defaultValue)));
    }
    List<String> unknown = new ArrayList<>();
    for (String k : config.setKeys()) {
      if (!asked.contains(k) && !Config.isInternal(k)) {
        unknown.add(config.spelling(k));
      }
    }
    if (!unknown.isEmpty()) {
      unknown.sort(null);
      out.println();
      out.println("set, but no clew component reads them (misspelled, or meant for another tool?):");
      for (String k : unknown) {
        out.println("  " + k + " = " + config.shown(k, config.peek(k)));
      }
    }
    out.println();
    out.println(options.size() + " keys. Set them as -Dkey=value, as environment variables (OTEL_SERVICE_NAME for "
        + "otel.service.name), or in the file named by otel.javaagent.configuration-file.");
  }

  private static String value(Config config, String key) {
    String v = config.peek(key);
    return v == null || v.isEmpty() ? NONE : config.shown(key, v);
  }

  private static String pad(String s, int width) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < width) {
      sb.append(' ');
    }
    return sb.toString();
  }
}
