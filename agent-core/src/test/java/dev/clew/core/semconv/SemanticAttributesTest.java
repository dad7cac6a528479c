package dev.clew.core.semconv;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every attribute name is written through a constant: no main source of the core or a module spells one out. */
class SemanticAttributesTest {
  private static final Pattern LITERAL = Pattern.compile("\"([a-z_]+(?:\\.[a-z_]+)+\\.?)\"");

  @Test
  void namesAreUniqueAndLookLikeSemanticConventions() throws Exception {
    Map<String, String> byValue = new HashMap<>();
    for (Map.Entry<String, String> c : constants().entrySet()) {
      assertTrue(c.getValue().matches("[a-z_]+(\\.[a-z_]+)+\\.?"), c.getKey() + " = " + c.getValue());
      String before = byValue.put(c.getValue(), c.getKey());
      assertNull(before, c.getValue() + " is both " + before + " and " + c.getKey());
    }
  }

  @Test
  void noMainSourceSpellsOutAnAttributeName() throws Exception {
    Path repository = Paths.get(System.getProperty("basedir", "")).toAbsolutePath().getParent();
    List<Path> roots = new ArrayList<>();
    roots.add(repository.resolve("agent-core/src/main/java"));
    try (Stream<Path> modules = Files.list(repository.resolve("instrumentations"))) {
      modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
    }
    assertTrue(roots.size() > 5, "found the instrumentation modules under " + repository);
    Map<String, String> names = new HashMap<>();
    constants().forEach((constant, value) -> names.put(value, constant));
    List<String> found = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          if (!f.endsWith("SemanticAttributes.java")) {
            literals(f, names, found);
          }
        }
      }
    }
    assertTrue(found.isEmpty(), "use the SemanticAttributes constant instead:\n  " + String.join("\n  ", found));
  }

  private static void literals(Path file, Map<String, String> names, List<String> found) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
        continue; // comments may name an attribute
      }
      Matcher m = LITERAL.matcher(line);
      while (m.find()) {
        String constant = names.get(m.group(1));
        if (constant != null) {
          found.add(file.getFileName() + ":" + (i + 1) + " \"" + m.group(1) + "\" -> " + constant);
        }
      }
    }
  }

  private static Map<String, String> constants() throws IllegalAccessException {
    Map<String, String> out = new HashMap<>();
    for (Field f : SemanticAttributes.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        out.put(f.getName(), (String) f.get(null));
      }
    }
    assertTrue(out.size() > 50, "constants read: " + out.size());
    return out;
  }
}
