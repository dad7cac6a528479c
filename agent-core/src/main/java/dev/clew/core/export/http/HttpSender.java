package dev.clew.core.export.http;

import dev.clew.core.AgentVersion;
import dev.clew.core.config.Redactor;
import dev.clew.core.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs export bodies over HTTP(S) with {@link HttpURLConnection} (Java 8, no dependency), shared by
 * the OTLP and Zipkin exporters. Optional gzip, extra headers (never logged, they may carry tokens),
 * connect/read timeouts, a custom trust store, and retries per {@link RetryPolicy} within a time budget.
 * Failures are logged at most once per kind per minute. Called from the export worker only.
 */
public final class HttpSender {
  private static final int MAX_RESPONSE_BYTES = 64 * 1024;

  /** How one send ended; the body is that of the final response (empty on connection failure). */
  public static final class Result {
    public final boolean success;
    public final int status; // -1 when no response arrived
    public final byte[] body;
    public final String contentType;

    Result(boolean success, int status, byte[] body, String contentType) {
      this.success = success;
      this.status = status;
      this.body = body;
      this.contentType = contentType;
    }
  }

  /** Everything that shapes the requests of one exporter. */
  public static final class Settings {
    final URL url;
    final Map<String, String> headers;
    final boolean gzip;
    final int timeoutMillis;
    final SSLSocketFactory sslSocketFactory;
    final RetryPolicy retry;
    final long budgetMillis;
    final String displayUrl;

    /**
     * @param timeoutMillis connect and read timeout of one attempt
     * @param budgetMillis  the most one {@link #send} may take, retries and waits included
     */
    public Settings(URL url, Map<String, String> headers, boolean gzip, int timeoutMillis,
        SSLSocketFactory sslSocketFactory, RetryPolicy retry, long budgetMillis) {
      this.url = url;
      this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      this.gzip = gzip;
      this.timeoutMillis = Math.max(1, timeoutMillis);
      this.sslSocketFactory = sslSocketFactory;
      this.retry = retry;
      this.budgetMillis = Math.max(1, budgetMillis);
      // for logs: user info and query may hold credentials
      this.displayUrl = url.getProtocol() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
          + url.getPath();
    }

    public URL url() {
      return url;
    }

    /** The URL without user info or query, safe to log. */
    public String displayUrl() {
      return displayUrl;
    }

    public boolean gzip() {
      return gzip;
    }

    public int timeoutMillis() {
      return timeoutMillis;
    }

    /** The header names only: values may be secrets. */
    public java.util.Set<String> headerNames() {
      return headers.keySet();
    }
  }

  private final String exporterName;
  private final Settings settings;
  private final Object sleepLock = new Object();
  private volatile boolean closed;

  public HttpSender(String exporterName, Settings settings) {
    this.exporterName = exporterName;
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  /** Sends the body, retrying as the policy allows; never throws. */
  public Result send(byte[] body, String contentType) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.budgetMillis);
    byte[] payload;
    try {
      payload = settings.gzip ? gzip(body) : body;
    } catch (IOException e) {
      return new Result(false, -1, new byte[0], null); // in-memory gzip does not fail
    }
    RetryPolicy retry = settings.retry;
    for (int attempt = 1; ; attempt++) {
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      Result r;
      String failureKind;
      String failure;
      long retryAfterMillis = -1;
      try {
        Response resp = post(payload, contentType, (int) Math.max(1, Math.min(settings.timeoutMillis, remaining)));
        if (resp.status >= 200 && resp.status < 300) {
          return new Result(true, resp.status, resp.body, resp.contentType);
        }
        r = new Result(false, resp.status, resp.body, resp.contentType);
        failureKind = "http-" + resp.status;
        failure = "HTTP " + resp.status + bodySnippet(resp.body, resp.contentType);
        if (!RetryPolicy.isRetryableStatus(resp.status)) {
          warn(failureKind, failure + "; not retried");
          return r;
        }
        retryAfterMillis = resp.retryAfterMillis;
      } catch (SSLException e) {
        // a certificate or protocol mismatch does not heal by itself
        warn("tls", e + "; not retried (check the certificate setting of this exporter)");
        return new Result(false, -1, new byte[0], null);
      } catch (SocketTimeoutException e) {
        r = new Result(false, -1, new byte[0], null);
        failureKind = "timeout";
        failure = "no answer within " + settings.timeoutMillis + " ms (" + e.getMessage() + ")";
      } catch (IOException | RuntimeException e) {
        r = new Result(false, -1, new byte[0], null);
        failureKind = "connect";
        failure = e.toString();
      }
      if (attempt >= retry.maxAttempts || closed) {
        warn(failureKind, failure + "; gave up after " + attempt + " attempt(s)");
        return r;
      }
      long wait = retryAfterMillis >= 0 ? retryAfterMillis : retry.backoffMillis(attempt);
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (wait >= left) {
        warn(failureKind, failure + "; gave up after " + attempt + " attempt(s), the export time budget of "
            + settings.budgetMillis + " ms would be exceeded");
        return r;
      }
      // said at once (a backend that is down should show at the first failure), then once a minute per kind
      warn(failureKind, failure + "; retrying in " + wait + " ms (attempt " + attempt + " of " + retry.maxAttempts
          + ")");
      if (!sleep(wait)) {
        warn(failureKind, failure + "; gave up at shutdown");
        return r;
      }
    }
  }

  /** Stops retrying: a send in progress finishes its current attempt and returns. */
  public void shutdown() {
    closed = true;
    synchronized (sleepLock) {
      sleepLock.notifyAll();
    }
  }

  private static final class Response {
    final int status;
    final byte[] body;
    final String contentType;
    final long retryAfterMillis;

    Response(int status, byte[] body, String contentType, long retryAfterMillis) {
      this.status = status;
      this.body = body;
      this.contentType = contentType;
      this.retryAfterMillis = retryAfterMillis;
    }
  }

  private Response post(byte[] payload, String contentType, int timeoutMillis) throws IOException {
    HttpURLConnection conn = (HttpURLConnection) settings.url.openConnection();
    try {
      if (settings.sslSocketFactory != null && conn instanceof HttpsURLConnection) {
        ((HttpsURLConnection) conn).setSSLSocketFactory(settings.sslSocketFactory);
      }
      conn.setConnectTimeout(timeoutMillis);
      conn.setReadTimeout(timeoutMillis);
      conn.setRequestMethod("POST");
      conn.setDoOutput(true);
      conn.setUseCaches(false);
      conn.setInstanceFollowRedirects(false);
      conn.setFixedLengthStreamingMode(payload.length);
      conn.setRequestProperty("Content-Type", contentType);
      conn.setRequestProperty("User-Agent", "clew/" + AgentVersion.VERSION);
      if (settings.gzip) {
        conn.setRequestProperty("Content-Encoding", "gzip");
      }
      for (Map.Entry<String, String> h : settings.headers.entrySet()) {
        conn.setRequestProperty(h.getKey(), h.getValue());
      }
      try (OutputStream out = conn.getOutputStream()) {
        out.write(payload);
      }
      int status = conn.getResponseCode();
      InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
      byte[] body = readBounded(in);
      return new Response(status, body, conn.getContentType(),
          RetryAfter.parseMillis(conn.getHeaderField("Retry-After"), System.currentTimeMillis()));
    } catch (IOException e) {
      conn.disconnect(); // a broken connection must not go back to the keep-alive cache
      throw e;
    }
  }

  /** Reads the whole body (so the connection can be reused), keeping at most 64 KiB. */
  private static byte[] readBounded(InputStream in) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    try (InputStream s = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      int n;
      while ((n = s.read(buf)) >= 0) {
        if (out.size() < MAX_RESPONSE_BYTES) {
          out.write(buf, 0, Math.min(n, MAX_RESPONSE_BYTES - out.size()));
        }
      }
      return out.toByteArray();
    }
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    }
    return out.toByteArray();
  }

  /**
   * A short, single-line, sanitized excerpt of an error body for the log ({@link Redactor#excerpt}): a
   * backend's or a proxy's body may echo anything, credentials included. HTML pages say nothing useful in a
   * log line and are left out.
   */
  private static String bodySnippet(byte[] body, String contentType) {
    if (body.length == 0 || contentType == null) {
      return "";
    }
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    if (type.contains("html")) {
      return " (an HTML page, not shown)";
    }
    if (!(type.startsWith("text/") || type.contains("json"))) {
      return "";
    }
    String text = new String(body, 0, Math.min(body.length, 1024), java.nio.charset.StandardCharsets.UTF_8);
    String excerpt = Redactor.DEFAULT.excerpt(text);
    return excerpt.isEmpty() ? "" : ": " + excerpt;
  }

  private boolean sleep(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (sleepLock) {
      while (!closed) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) {
          return true;
        }
        try {
          sleepLock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }

  private void warn(String kind, String message) {
    AgentLog.warnThrottled("export-" + exporterName + "-" + kind,
        "exporter " + exporterName + ": sending spans to " + settings.displayUrl + " failed: " + message);
  }
}
