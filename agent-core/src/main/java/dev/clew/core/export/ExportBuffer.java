package dev.clew.core.export;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte sink kept by one exporter from batch to batch, so encoding and compressing a batch
 * allocate nothing once it has grown to the usual batch size. Not thread-safe and, unlike
 * {@link java.io.ByteArrayOutputStream}, not synchronized: one export worker owns it. Its bytes are valid
 * until the next {@link #reset()}: nothing may keep them (a retried batch is encoded again from its spans).
 */
public final class ExportBuffer extends OutputStream {
  /** Past this capacity the array is replaced by a small one at the next reset: a huge batch does not pin memory. */
  static final int KEEP_LIMIT = 4 * 1024 * 1024;
  private static final int INITIAL = 8 * 1024;

  private byte[] buf = new byte[INITIAL];
  private int size;

  /** Empties the buffer for the next body, dropping an exceptionally large array. */
  public void reset() {
    size = 0;
    if (buf.length > KEEP_LIMIT) {
      buf = new byte[INITIAL];
    }
  }

  /** Makes room for {@code more} bytes after the current content and returns the array to write them into. */
  public byte[] reserve(int more) {
    int needed = size + more;
    if (needed < 0) {
      throw new OutOfMemoryError("export body over 2 GB");
    }
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(needed, Math.min(Integer.MAX_VALUE - 8, buf.length * 2)));
    }
    return buf;
  }

  /** Counts {@code n} bytes written into the array {@link #reserve} returned. */
  public void advance(int n) {
    size += n;
  }

  @Override
  public void write(int b) {
    reserve(1)[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    System.arraycopy(b, off, reserve(len), size, len);
    size += len;
  }

  /** The backing array: bytes {@code [0, size())} are the content. */
  public byte[] array() {
    return buf;
  }

  public int size() {
    return size;
  }

  /** A copy of the content, for callers that keep it. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
