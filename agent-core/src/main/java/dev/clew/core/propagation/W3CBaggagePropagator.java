package dev.clew.core.propagation;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;

/**
 * W3C Baggage: the {@code baggage} header, {@code key=value;property;k=v, ...}. Values are
 * percent-encoded UTF-8. An invalid list member (bad key, value, escape or property) is skipped alone;
 * the limits of {@link BaggageBudget} apply to what is read and what is written (a member that would
 * pass one is left out whole). Several {@code baggage} headers are combined (one budget for all);
 * extracted entries are added to the baggage the context already has.
 */
public final class W3CBaggagePropagator implements TextMapPropagator {
  public static final W3CBaggagePropagator INSTANCE = new W3CBaggagePropagator();
  public static final String BAGGAGE = "baggage";
  private static final Collection<String> FIELDS = Collections.singletonList(BAGGAGE);
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    Baggage baggage = context.get(Baggage.KEY);
    if (baggage == null || baggage.isEmpty() || carrier == null) {
      return;
    }
    String header = encode(baggage);
    if (!header.isEmpty()) {
      setter.set(carrier, BAGGAGE, header);
    }
  }

  /** The header value for {@code baggage}, within the limits; entries with a key that is not a token are left out. */
  static String encode(Baggage baggage) {
    StringBuilder sb = new StringBuilder();
    StringBuilder member = new StringBuilder();
    BaggageBudget budget = new BaggageBudget();
    for (int i = 0; i < baggage.size() && !budget.isFull(); i++) {
      String key = baggage.key(i);
      if (!isToken(key, 0, key.length())) {
        continue;
      }
      member.setLength(0);
      member.append(key).append('=');
      appendEncoded(member, baggage.value(i));
      String meta = baggage.metadata(i);
      if (!meta.isEmpty() && validProperties(meta)) {
        member.append(';').append(meta);
      }
      // header bytes: all ASCII after encoding, plus the comma before every member but the first
      boolean first = budget.members() == 0;
      if (!budget.take(member.length() + (first ? 0 : 1))) {
        continue;
      }
      if (!first) {
        sb.append(',');
      }
      sb.append(member);
    }
    return sb.toString();
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (carrier == null) {
      return context;
    }
    try {
      Iterator<String> headers = getter.getAll(carrier, BAGGAGE);
      if (headers == null || !headers.hasNext()) {
        return context;
      }
      Baggage.Builder b = Baggage.builder();
      BaggageBudget budget = new BaggageBudget();
      while (headers.hasNext() && !budget.isFull()) {
        String h = headers.next();
        if (h != null) {
          parse(h, b, budget);
        }
      }
      if (b.size() == 0) {
        return context;
      }
      return Baggage.fromContext(context).merge(b.build()).storeIn(context);
    } catch (RuntimeException e) {
      return context;
    }
  }

  /** Adds the valid members of one header value to {@code out}, within the budget. */
  static void parse(String header, Baggage.Builder out, BaggageBudget budget) {
    int n = header.length();
    int start = 0;
    while (start <= n && !budget.isFull()) {
      int end = header.indexOf(',', start);
      if (end < 0) {
        end = n;
      }
      parseMember(header, start, end, out, budget);
      start = end + 1;
    }
  }

  private static void parseMember(String h, int from, int to, Baggage.Builder out, BaggageBudget budget) {
    int b = skipOws(h, from, to);
    int e = trimOwsEnd(h, b, to);
    if (b == e) {
      return; // empty member
    }
    int length = e - b + (budget.members() > 0 ? 1 : 0);
    if (length > BaggageBudget.MAX_BYTES - budget.bytes()) {
      return; // checked before decoding: an oversized member costs no work
    }
    int semi = h.indexOf(';', b);
    int valueEnd = semi < 0 || semi > e ? e : semi;
    int eq = h.indexOf('=', b);
    if (eq < 0 || eq >= valueEnd) {
      return;
    }
    int keyEnd = trimOwsEnd(h, b, eq);
    if (!isToken(h, b, keyEnd)) {
      return;
    }
    int vb = skipOws(h, eq + 1, valueEnd);
    int ve = trimOwsEnd(h, vb, valueEnd);
    String value = decode(h, vb, ve);
    if (value == null) {
      return;
    }
    String metadata = "";
    if (valueEnd < e) {
      metadata = normalizeProperties(h, valueEnd + 1, e);
      if (metadata == null) {
        return;
      }
    }
    if (budget.take(length)) {
      out.put(h.substring(b, keyEnd), value, metadata);
    }
  }

  /** The properties with OWS removed, e.g. {@code p1;k=v}; null when one is invalid. */
  private static String normalizeProperties(String h, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int start = from;
    while (start <= to) {
      int end = h.indexOf(';', start);
      if (end < 0 || end > to) {
        end = to;
      }
      int b = skipOws(h, start, end);
      int e = trimOwsEnd(h, b, end);
      if (b < e) {
        int eq = h.indexOf('=', b);
        if (eq < 0 || eq >= e) {
          if (!isToken(h, b, e)) {
            return null;
          }
          appendProperty(sb, h, b, e);
        } else {
          int ke = trimOwsEnd(h, b, eq);
          int vb = skipOws(h, eq + 1, e);
          if (!isToken(h, b, ke) || !isValueOctets(h, vb, e)) {
            return null;
          }
          if (sb.length() > 0) {
            sb.append(';');
          }
          sb.append(h, b, ke).append('=').append(h, vb, e);
        }
      }
      start = end + 1;
    }
    return sb.toString();
  }

  private static void appendProperty(StringBuilder sb, String h, int b, int e) {
    if (sb.length() > 0) {
      sb.append(';');
    }
    sb.append(h, b, e);
  }

  private static boolean validProperties(String meta) {
    String n = normalizeProperties(meta, 0, meta.length());
    return n != null && n.indexOf(',') < 0;
  }

  /** Percent-decodes a value of baggage octets as UTF-8 (malformed UTF-8 becomes U+FFFD); null when invalid. */
  static String decode(String h, int from, int to) {
    if (!isValueOctets(h, from, to)) {
      return null;
    }
    int pct = h.indexOf('%', from);
    if (pct < 0 || pct >= to) {
      return h.substring(from, to);
    }
    byte[] buf = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = h.charAt(i);
      if (c == '%') {
        if (i + 2 >= to) {
          return null;
        }
        int hi = Character.digit(h.charAt(i + 1), 16);
        int lo = Character.digit(h.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        buf[n++] = (byte) (hi << 4 | lo);
        i += 2;
      } else {
        buf[n++] = (byte) c;
      }
    }
    return new String(buf, 0, n, StandardCharsets.UTF_8);
  }

  /** Percent-encodes the UTF-8 bytes of {@code v} that are not baggage octets, and {@code %} itself. */
  static void appendEncoded(StringBuilder sb, String v) {
    boolean plain = true;
    for (int i = 0; i < v.length() && plain; i++) {
      char c = v.charAt(i);
      plain = c != '%' && isValueOctet(c);
    }
    if (plain) {
      sb.append(v);
      return;
    }
    for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && c != '%' && isValueOctet((char) c)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }

  private static boolean isValueOctets(String h, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isValueOctet(h.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** baggage-octet: US-ASCII except controls, whitespace, DQUOTE, comma, semicolon and backslash. */
  private static boolean isValueOctet(char c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b)
        || (c >= 0x5d && c <= 0x7e);
  }

  /** An RFC 7230 token: at least one tchar. */
  static boolean isToken(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int skipOws(String s, int from, int to) {
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    return from;
  }

  private static int trimOwsEnd(String s, int from, int to) {
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return to;
  }
}
