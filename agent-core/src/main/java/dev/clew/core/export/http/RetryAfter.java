package dev.clew.core.export.http;

import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/** Parses an HTTP {@code Retry-After} header: delay seconds or an HTTP date. */
final class RetryAfter {
  private RetryAfter() {}

  /** Milliseconds to wait, or -1 when absent or unreadable. */
  static long parseMillis(String value, long nowMillis) {
    if (value == null) {
      return -1;
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return -1;
    }
    if (Character.isDigit(v.charAt(0))) {
      try {
        return Math.max(0, Long.parseLong(v)) * 1000;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    SimpleDateFormat f = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US);
    f.setTimeZone(TimeZone.getTimeZone("GMT"));
    Date d = f.parse(v, new ParsePosition(0));
    return d == null ? -1 : Math.max(0, d.getTime() - nowMillis);
  }
}
