package dev.clew.core.propagation;

import dev.clew.core.trace.TraceState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Parses W3C {@code tracestate} header values (several headers are combined in order). Empty and
 * whitespace-only members are skipped. A member that is invalid (key or value syntax), a duplicate
 * key, or more than 32 members make the whole value invalid: it is dropped (the W3C test suite's
 * expectation), never propagated in part. A valid list longer than {@value #MAX_LENGTH} characters (what
 * Level 1 asks every vendor to propagate) is cut by whole members, as the spec says: members longer than
 * {@value #LONG_MEMBER} characters go first, then members from the end; so what is injected stays bounded.
 */
final class TraceStateParser {
  static final int MAX_LENGTH = 512;
  static final int LONG_MEMBER = 128;

  private TraceStateParser() {}

  /** The combined trace state; an invalid list as a whole yields an empty state, as the spec allows. */
  static TraceState parse(Iterator<String> headers) {
    List<String> kv = null;
    while (headers.hasNext()) {
      String h = headers.next();
      if (h == null) {
        continue;
      }
      int from = 0;
      int n = h.length();
      while (from <= n) {
        int comma = h.indexOf(',', from);
        int to = comma < 0 ? n : comma;
        int b = from;
        int e = to;
        while (b < e && (h.charAt(b) == ' ' || h.charAt(b) == '\t')) {
          b++;
        }
        while (e > b && (h.charAt(e - 1) == ' ' || h.charAt(e - 1) == '\t')) {
          e--;
        }
        from = to + 1;
        if (b == e) {
          continue; // empty and whitespace-only members are allowed and skipped
        }
        int eq = h.indexOf('=', b);
        if (eq <= b || eq >= e) {
          return TraceState.EMPTY;
        }
        String key = h.substring(b, eq);
        String value = h.substring(eq + 1, e);
        if (kv == null) {
          kv = new ArrayList<>(4);
        }
        if (!validKey(key) || !validValue(value) || contains(kv, key) || kv.size() >= 2 * TraceState.MAX_ENTRIES) {
          return TraceState.EMPTY;
        }
        kv.add(key);
        kv.add(value);
      }
    }
    return kv == null ? TraceState.EMPTY : TraceState.ofValidated(bounded(kv));
  }

  /** {@code kv} cut to at most {@value #MAX_LENGTH} header characters by whole members. */
  static List<String> bounded(List<String> kv) {
    int length = headerLength(kv);
    for (int i = kv.size() - 2; i >= 0 && length > MAX_LENGTH; i -= 2) {
      int member = kv.get(i).length() + 1 + kv.get(i + 1).length();
      if (member > LONG_MEMBER) {
        length -= member + (kv.size() > 2 ? 1 : 0);
        kv.remove(i + 1);
        kv.remove(i);
      }
    }
    while (length > MAX_LENGTH) {
      int last = kv.size() - 2;
      length -= kv.get(last).length() + 1 + kv.get(last + 1).length() + (kv.size() > 2 ? 1 : 0);
      kv.remove(last + 1);
      kv.remove(last);
    }
    return kv;
  }

  private static int headerLength(List<String> kv) {
    int n = kv.isEmpty() ? 0 : kv.size() / 2 - 1; // commas
    for (String s : kv) {
      n += s.length();
    }
    return n + kv.size() / 2; // the '=' of each member
  }

  private static boolean contains(List<String> kv, String key) {
    for (int i = 0; i < kv.size(); i += 2) {
      if (kv.get(i).equals(key)) {
        return true;
      }
    }
    return false;
  }

  static boolean validKey(String key) {
    int at = key.indexOf('@');
    if (at < 0) {
      return key.length() <= 256 && simpleKey(key, true);
    }
    String tenant = key.substring(0, at);
    String system = key.substring(at + 1);
    return tenant.length() >= 1 && tenant.length() <= 241 && system.length() >= 1 && system.length() <= 14
        && simpleKey(tenant, false) && simpleKey(system, true);
  }

  private static boolean simpleKey(String k, boolean mustStartWithLetter) {
    if (k.isEmpty()) {
      return false;
    }
    char first = k.charAt(0);
    if (!(first >= 'a' && first <= 'z') && (mustStartWithLetter || !(first >= '0' && first <= '9'))) {
      return false;
    }
    for (int i = 1; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '*' || c == '/')) {
        return false;
      }
    }
    return true;
  }

  static boolean validValue(String v) {
    if (v.isEmpty() || v.length() > 256) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
        return false;
      }
    }
    return v.charAt(v.length() - 1) != ' ';
  }
}
