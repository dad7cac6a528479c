package dev.clew.core.export;

/**
 * How one export attempt ended: delivered (or deliberately discarded), failed for good (the batch is
 * counted as failed), or failed in a way that may heal (the backend is down, overloaded or slow), in which
 * case the batch processor keeps the batch and tries it again later, after {@code Retry-After} when the
 * backend said so.
 */
public final class ExportResult {
  public static final ExportResult SUCCESS = new ExportResult(true, false, -1);
  public static final ExportResult FAILURE = new ExportResult(false, false, -1);
  private static final ExportResult RETRYABLE = new ExportResult(false, true, -1);

  private final boolean success;
  private final boolean retryable;
  private final long retryAfterMillis;

  private ExportResult(boolean success, boolean retryable, long retryAfterMillis) {
    this.success = success;
    this.retryable = retryable;
    this.retryAfterMillis = retryAfterMillis;
  }

  /** A failure worth retrying; {@code retryAfterMillis} is what the backend asked for, or -1. */
  public static ExportResult retryable(long retryAfterMillis) {
    return retryAfterMillis < 0 ? RETRYABLE : new ExportResult(false, true, retryAfterMillis);
  }

  public static ExportResult of(boolean success) {
    return success ? SUCCESS : FAILURE;
  }

  public boolean isSuccess() {
    return success;
  }

  public boolean isRetryable() {
    return retryable;
  }

  /** The wait the backend asked for ({@code Retry-After}), or -1 for the processor's own backoff. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  @Override
  public String toString() {
    return success ? "success" : retryable ? "retryable failure" + (retryAfterMillis >= 0 ? " (retry after "
        + retryAfterMillis + " ms)" : "") : "failure";
  }
}
