package dev.clew.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that nothing listens on, held while this is open: a socket bound to the port but not
 * listening makes connections to it fail with "connection refused", and keeps the port from being handed to
 * anyone who asks for a free one. A port found free and let go (a closed {@code ServerSocket(0)}) is not held:
 * on a shared machine any process may get it before the test connects or its server starts.
 */
public final class ClosedPort implements AutoCloseable {
  private final Socket socket;

  private ClosedPort(Socket socket) {
    this.socket = socket;
  }

  /** A free port that stays closed: nobody can listen on it. */
  public static ClosedPort open() {
    return bind(0, false);
  }

  /**
   * A free port for a server that is told its number (a child JVM, a config file): free ports are not handed
   * out as it, but the server can bind it (SO_REUSEADDR, as Java's server sockets use). Close this once the
   * server listens.
   */
  public static ClosedPort reserve() {
    return bind(0, true);
  }

  /**
   * Keeps {@code port}, whose server has just stopped, closed until {@link #close}. Its accepted connections
   * may still be open or in TIME_WAIT, so the port is bound with SO_REUSEADDR.
   */
  public static ClosedPort hold(int port) {
    return bind(port, true);
  }

  private static ClosedPort bind(int port, boolean reuseAddress) {
    Socket s = new Socket();
    try {
      s.setReuseAddress(reuseAddress);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return new ClosedPort(s);
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("cannot hold port " + port, e);
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Lets the port go. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
