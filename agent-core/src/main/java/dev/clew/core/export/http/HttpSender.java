package dev.clew.core.export.http;

import dev.clew.core.config.Redactor;
import dev.clew.core.export.ExportBuffer;
import dev.clew.core.log.AgentLog;
import dev.clew.core.util.AgentVersion;
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
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs export bodies over HTTP(S) with {@link HttpURLConnection} (Java 8, no dependency), shared by
 * the OTLP and Zipkin exporters. Optional gzip, extra headers (never logged, they may carry tokens),
 * connect/read timeouts and a custom trust store. One attempt per {@link #send}: whether and when to try
 * again is the batch processor's business (it keeps the batch while its queue has room); the result says
 * whether the failure may heal (connection errors, timeouts, HTTP 429/502/503/504) and what
 * {@code Retry-After} asked. Failures are logged at most once per kind per minute. Called from the export
 * worker only.
 */
public final class HttpSender {
  private static final int MAX_RESPONSE_BYTES = 64 * 1024;
  private static final byte[] EMPTY = new byte[0];
  private static final String USER_AGENT = "clew/" + AgentVersion.VERSION;

  /** How one send ended; the body is that of the response (empty on connection failure). */
  public static final class Result {
    public final boolean success;
    public final int status; // -1 when no response arrived
    public final byte[] body;
    public final String contentType;
    /** The failure may heal by itself: trying the same body later makes sense. */
    public final boolean retryable;
    /** What {@code Retry-After} asked for, or -1. */
    public final long retryAfterMillis;

    Result(boolean success, int status, byte[] body, String contentType, boolean retryable, long retryAfterMillis) {
      this.success = success;
      this.status = status;
      this.body = body;
      this.contentType = contentType;
      this.retryable = retryable;
      this.retryAfterMillis = retryAfterMillis;
    }

    static Result noResponse(boolean retryable) {
      return new Result(false, -1, EMPTY, null, retryable, -1);
    }
  }

  /** Everything that shapes the requests of one exporter. */
  public static final class Settings {
    final URL url;
    final Map<String, String> headers;
    final boolean gzip;
    final int timeoutMillis;
    final SSLSocketFactory sslSocketFactory;
    final String displayUrl;

    /**
     * @param timeoutMillis connect and read timeout of one attempt
     * @param budgetMillis  the most one attempt may take ({@code otel.bsp.export.timeout}): caps the timeout
     */
    public Settings(URL url, Map<String, String> headers, boolean gzip, int timeoutMillis,
        SSLSocketFactory sslSocketFactory, long budgetMillis) {
      this.url = url;
      this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      this.gzip = gzip;
      this.timeoutMillis = (int) Math.max(1, Math.min(timeoutMillis, budgetMillis));
      this.sslSocketFactory = sslSocketFactory;
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
  private volatile boolean closed;
  // reused from one send to the next (one export worker calls this sender): the compressed body, and the
  // buffer responses are read through
  private final ExportBuffer compressed = new ExportBuffer();
  private final byte[] readBuffer = new byte[4096];

  public HttpSender(String exporterName, Settings settings) {
    this.exporterName = exporterName;
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  /** 429 (too many requests), 502, 503, 504: the backend may take the same request later. */
  public static boolean isRetryableStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** Sends the body once; never throws. */
  public Result send(byte[] body, String contentType) {
    return send(body, body.length, contentType);
  }

  /**
   * Sends {@code body[0, length)} once; never throws. The array is not kept: the caller may reuse it as soon as
   * this returns.
   */
  public Result send(byte[] body, int length, String contentType) {
    if (closed) {
      return Result.noResponse(false);
    }
    byte[] payload = body;
    int payloadLength = length;
    if (settings.gzip) {
      try {
        gzip(body, length);
      } catch (IOException e) {
        return Result.noResponse(false); // in-memory gzip does not fail
      }
      payload = compressed.array();
      payloadLength = compressed.size();
    }
    try {
      Response resp = post(payload, payloadLength, contentType, settings.timeoutMillis);
      if (resp.status >= 200 && resp.status < 300) {
        return new Result(true, resp.status, resp.body, resp.contentType, false, -1);
      }
      String failure = "HTTP " + resp.status + bodySnippet(resp.body, resp.contentType);
      boolean retryable = isRetryableStatus(resp.status);
      warn("http-" + resp.status, failure + (retryable ? retryNote(resp.retryAfterMillis) : "; not retried"));
      return new Result(false, resp.status, resp.body, resp.contentType, retryable,
          retryable ? resp.retryAfterMillis : -1);
    } catch (SSLException e) {
      // a certificate or protocol mismatch does not heal by itself
      warn("tls", e + "; not retried (check the certificate setting of this exporter)");
      return Result.noResponse(false);
    } catch (SocketTimeoutException e) {
      warn("timeout", "no answer within " + settings.timeoutMillis + " ms (" + e.getMessage() + ")" + retryNote(-1));
      return Result.noResponse(true);
    } catch (IOException | RuntimeException e) {
      warn("connect", e + retryNote(-1));
      return Result.noResponse(true);
    }
  }

  private static String retryNote(long retryAfterMillis) {
    return "; the spans are kept and sent again " + (retryAfterMillis >= 0 ? "after the " + retryAfterMillis
        + " ms the backend asked for (Retry-After)" : "with backoff") + " while the queue has room";
  }

  /** Refuses further sends: an attempt in progress finishes within its timeout. */
  public void shutdown() {
    closed = true;
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

  private Response post(byte[] payload, int length, String contentType, int timeoutMillis) throws IOException {
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
      conn.setFixedLengthStreamingMode(length);
      conn.setRequestProperty("Content-Type", contentType);
      conn.setRequestProperty("User-Agent", USER_AGENT);
      if (settings.gzip) {
        conn.setRequestProperty("Content-Encoding", "gzip");
      }
      for (Map.Entry<String, String> h : settings.headers.entrySet()) {
        conn.setRequestProperty(h.getKey(), h.getValue());
      }
      try (OutputStream out = conn.getOutputStream()) {
        out.write(payload, 0, length);
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

  /**
   * Reads the whole body (so the connection can be reused), keeping at most 64 KiB; an empty body (the usual
   * OTLP success) allocates nothing.
   */
  private byte[] readBounded(InputStream in) throws IOException {
    if (in == null) {
      return EMPTY;
    }
    try (InputStream s = in) {
      byte[] buf = readBuffer;
      ByteArrayOutputStream out = null;
      int n;
      while ((n = s.read(buf)) >= 0) {
        if (n > 0 && (out == null || out.size() < MAX_RESPONSE_BYTES)) {
          if (out == null) {
            out = new ByteArrayOutputStream(Math.min(n, MAX_RESPONSE_BYTES));
          }
          out.write(buf, 0, Math.min(n, MAX_RESPONSE_BYTES - out.size()));
        }
      }
      return out == null ? EMPTY : out.toByteArray();
    }
  }

  private void gzip(byte[] body, int length) throws IOException {
    compressed.reset();
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
      gz.write(body, 0, length);
    }
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

  private void warn(String kind, String message) {
    AgentLog.warnThrottled("export-" + exporterName + "-" + kind,
        "exporter " + exporterName + ": sending spans to " + settings.displayUrl + " failed: " + message);
  }
}
