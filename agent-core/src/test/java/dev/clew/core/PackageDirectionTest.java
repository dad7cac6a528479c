package dev.clew.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's packages import downward only (docs/architecture.md, "Package layers"): a class may refer to
 * its own package family ({@code export} and {@code export.otlp} are one family) and to families of lower
 * layers, never to its own layer's other families nor upward. Read from the compiled classes' constant
 * pools, so a fully qualified name in code counts as much as an import.
 */
class PackageDirectionTest {
  /**
   * Lowest first. Keep in step with docs/architecture.md. "" is dev.clew.core itself (start-up); the command
   * line (agent-cli, {@code dev.clew.cli}) sits above the whole core, outside these layers.
   */
  static final List<List<String>> LAYERS = List.of(
      List.of("util", "log", "semconv"),
      List.of("config"),
      List.of("context"),
      List.of("trace"),
      List.of("baggage", "sampling"),
      List.of("propagation"),
      List.of("export"),
      List.of("instrument"),
      List.of(""));

  private static final Pattern CORE_TYPE = Pattern.compile("dev/clew/core/((?:[a-z0-9_]+/)*)[A-Za-z0-9_$]+");

  @Test
  void everyCorePackageImportsDownwardOnly() throws Exception {
    Map<String, Set<String>> references = references(classesDirectory());
    assertTrue(references.size() > 100, "read the core's classes: " + references.size());
    assertTrue(references.get("dev.clew.core.trace.TracerProvider").contains("dev.clew.core.context.Context"),
        "the constant pool reader sees references");
    List<String> violations = violations(references);
    assertTrue(violations.isEmpty(), "upward or sideways references in agent-core:\n  "
        + String.join("\n  ", violations));
  }

  @Test
  void theRuleCatchesUpwardSidewaysAndUnknownReferences() {
    Map<String, Set<String>> refs = new TreeMap<>();
    refs.put("dev.clew.core.context.Context", Set.of("dev.clew.core.trace.Span", "dev.clew.core.log.AgentLog"));
    refs.put("dev.clew.core.sampling.X", Set.of("dev.clew.core.baggage.Baggage"));
    refs.put("dev.clew.core.export.otlp.Y", Set.of("dev.clew.core.export.SpanExporter"));
    refs.put("dev.clew.core.gadgets.Z", Set.of("dev.clew.core.log.AgentLog"));
    assertEquals(List.of(
        "dev.clew.core.context.Context -> dev.clew.core.trace.Span (context may use: util, log, semconv, config)",
        "dev.clew.core.gadgets.Z: package family 'gadgets' has no layer; add it to LAYERS and docs/architecture.md",
        "dev.clew.core.sampling.X -> dev.clew.core.baggage.Baggage (sampling may use: util, log, semconv, config,"
            + " context, trace)"),
        violations(refs));
  }

  static List<String> violations(Map<String, Set<String>> references) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : references.entrySet()) {
      String from = family(e.getKey());
      int fromLayer = layerOf(from);
      if (fromLayer < 0) {
        out.add(e.getKey() + ": package family '" + from + "' has no layer; add it to LAYERS and docs/architecture.md");
        continue;
      }
      for (String target : new TreeSet<>(e.getValue())) {
        String to = family(target);
        if (!to.equals(from) && layerOf(to) >= fromLayer) {
          out.add(e.getKey() + " -> " + target + " (" + (from.isEmpty() ? "dev.clew.core" : from) + " may use: "
              + String.join(", ", below(fromLayer)) + ")");
        }
      }
    }
    return out;
  }

  private static List<String> below(int layer) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < layer; i++) {
      out.addAll(LAYERS.get(i));
    }
    return out;
  }

  private static int layerOf(String family) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(family)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code dev.clew.core.export.otlp.X} → {@code export}; {@code dev.clew.core.AgentStarter} → "". */
  private static String family(String className) {
    String rest = className.substring("dev.clew.core.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? "" : rest.substring(0, dot);
  }

  private static Path classesDirectory() throws Exception {
    Path root = Paths.get(AgentStarter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(Files.isDirectory(root.resolve("dev/clew/core")), "agent-core's classes as a directory: " + root);
    return root;
  }

  /** Class name → the core classes its constant pool names (string literals excluded). */
  static Map<String, Set<String>> references(Path classes) throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes.resolve("dev/clew/core"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(f).toString().replace('\\', '/').replaceAll("\\.class$", "");
        String outer = name.replaceAll("\\$.*", "").replace('/', '.');
        Set<String> refs = out.computeIfAbsent(outer, k -> new TreeSet<>());
        try (InputStream in = Files.newInputStream(f)) {
          for (String utf8 : constantPoolNames(in)) {
            Matcher m = CORE_TYPE.matcher(utf8);
            while (m.find()) {
              refs.add(m.group().replaceAll("\\$.*", "").replace('/', '.'));
            }
          }
        }
      }
    }
    return out;
  }

  /** The UTF-8 entries of a class file's constant pool, minus those that are only string literals. */
  private static List<String> constantPoolNames(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    BitSet literals = new BitSet(count);
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 8 -> literals.set(in.readUnsignedShort());
        case 7, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipNBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++; // takes two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (utf8[i] != null && !literals.get(i)) {
        names.add(utf8[i]);
      }
    }
    return names;
  }
}
