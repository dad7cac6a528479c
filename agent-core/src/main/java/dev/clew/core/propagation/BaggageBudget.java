package dev.clew.core.propagation;

/**
 * The W3C Baggage limits, shared by every propagator that carries baggage (W3C {@code baggage}, Jaeger
 * {@code uberctx-*} and {@code jaeger-baggage}; B3 carries none), on extraction and on injection: at most
 * {@value #MAX_MEMBERS} members and {@value #MAX_BYTES} bytes, counted as the format puts them on the wire.
 * A member that would pass a limit is left out whole; smaller ones after it may still fit. One budget per
 * carrier read or written, so a peer can never make the next hop receive more than this.
 */
final class BaggageBudget {
  static final int MAX_MEMBERS = 180;
  static final int MAX_BYTES = 8192;

  private int members;
  private int bytes;

  /** Takes room for one member of {@code memberBytes}; false (and nothing taken) when it does not fit. */
  boolean take(int memberBytes) {
    if (members >= MAX_MEMBERS || memberBytes > MAX_BYTES - bytes) {
      return false;
    }
    members++;
    bytes += memberBytes;
    return true;
  }

  /** No further member can fit. */
  boolean isFull() {
    return members >= MAX_MEMBERS || bytes >= MAX_BYTES;
  }

  int members() {
    return members;
  }

  int bytes() {
    return bytes;
  }
}
