package dev.clew.it.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys and defaults of the README's configuration tables (the {@code ## Configuration} section), as the
 * README writes them: {@code `a` (or `b`)} is a key and its alias with one default; {@code `p.{x,y}`} is two
 * keys; {@code `a`, `b`} with {@code `1`, `2`} pairs keys and defaults; {@code <name>} stands for each name
 * the meaning column lists; {@code –} is no default. A default cell that does not pair up is the default of
 * every key of its row, as written without the backticks.
 */
final class ReadmeConfigTables {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern BRACES = Pattern.compile("^(.*)\\{([^}]+)}(.*)$");

  private ReadmeConfigTables() {}

  /** Key to default ({@code -} for none), in README order. */
  static Map<String, String> read(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    int start = lines.indexOf("## Configuration");
    if (start < 0) {
      throw new IllegalStateException("no '## Configuration' section in " + readme);
    }
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      String line = lines.get(i).trim();
      if (!line.startsWith("| `")) {
        continue; // prose, headers, separator rows
      }
      String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
      List<String> rowKeys = keys(cells[0], cells.length > 2 ? cells[2] : "");
      List<String> defaults = codes(cells[1]);
      String whole = cells[1].trim().replace("`", "").replace("–", "-");
      for (int k = 0; k < rowKeys.size(); k++) {
        String d = rowKeys.size() > 1 && defaults.size() == rowKeys.size() ? defaults.get(k) : whole;
        if (keys.put(rowKeys.get(k), d) != null) {
          throw new IllegalStateException(rowKeys.get(k) + " is in the README twice");
        }
      }
    }
    return keys;
  }

  private static List<String> keys(String cell, String meaning) {
    List<String> out = new ArrayList<>();
    for (String key : codes(cell)) {
      if (key.contains("<name>")) {
        for (String name : codes(meaning)) {
          out.add(key.replace("<name>", name));
        }
        continue;
      }
      Matcher m = BRACES.matcher(key);
      if (m.matches()) {
        for (String part : m.group(2).split(",")) {
          out.add(m.group(1) + part.trim() + m.group(3));
        }
      } else {
        out.add(key);
      }
    }
    return out;
  }

  private static List<String> codes(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
