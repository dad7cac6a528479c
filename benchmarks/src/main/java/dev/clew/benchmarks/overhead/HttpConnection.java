package dev.clew.benchmarks.overhead;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends the same {@code GET} again and again and reads the
 * answers (Content-Length or chunked bodies). Hand-written over a socket so the load generator spends
 * as little CPU as possible on the 2 cores it shares with the application it measures.
 */
final class HttpConnection implements Closeable {
  private final String host;
  private final int port;
  private final int connectTimeoutMillis;
  private final byte[] request;
  private final byte[] line = new byte[8192];
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  HttpConnection(String host, int port, String path, int connectTimeoutMillis) {
    this.host = host;
    this.port = port;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ':' + port
        + "\r\nUser-Agent: clew-overhead-benchmark\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends the request and reads the whole response; returns its status code. Reconnects as needed. */
  int get() throws IOException {
    if (socket == null) {
      connect();
    }
    out.write(request);
    out.flush();
    int n = readLine();
    if (n < 12 || line[0] != 'H' || line[8] != ' ') {
      throw new IOException("not an HTTP response: " + new String(line, 0, n, StandardCharsets.US_ASCII));
    }
    int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    long contentLength = -1;
    boolean chunked = false;
    boolean close = false;
    while ((n = readLine()) > 0) {
      if (startsWithIgnoreCase(n, "content-length:")) {
        contentLength = Long.parseLong(value(n, "content-length:".length()));
      } else if (startsWithIgnoreCase(n, "transfer-encoding:")) {
        chunked = value(n, "transfer-encoding:".length()).equalsIgnoreCase("chunked");
      } else if (startsWithIgnoreCase(n, "connection:")) {
        close = value(n, "connection:".length()).equalsIgnoreCase("close");
      }
    }
    if (chunked) {
      long size;
      while ((size = Long.parseLong(value(readLine(), 0).split(";", 2)[0].trim(), 16)) > 0) {
        skip(size);
        readLine();
      }
      while (readLine() > 0) {
        // trailers
      }
    } else if (contentLength >= 0) {
      skip(contentLength);
    } else {
      close = true;
      while (in.read(line) >= 0) {
        // body until the server closes
      }
    }
    if (close) {
      close();
    }
    return status;
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      s.setSoTimeout(60_000);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16384);
    out = s.getOutputStream();
  }

  /** Reads one line without its CR LF into {@link #line}; returns its length. */
  private int readLine() throws IOException {
    int n = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (b == '\n') {
        return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
      }
      if (n == line.length) {
        throw new IOException("header line longer than " + line.length + " bytes");
      }
      line[n++] = (byte) b;
    }
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      int r = in.read(line, 0, (int) Math.min(left, line.length));
      if (r < 0) {
        throw new EOFException("body shorter than announced");
      }
      left -= r;
    }
  }

  private boolean startsWithIgnoreCase(int length, String prefix) {
    if (length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase((char) line[i]) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String value(int length, int from) {
    return new String(line, from, length - from, StandardCharsets.US_ASCII).trim();
  }

  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
