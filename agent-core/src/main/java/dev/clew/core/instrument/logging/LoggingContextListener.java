package dev.clew.core.instrument.logging;

import dev.clew.core.config.Config;
import dev.clew.core.context.Context;
import dev.clew.core.context.ContextStorage;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;

/**
 * Keeps a logging library's per-thread map (SLF4J's MDC, Log4j's ThreadContext) in step with the
 * current span: when a span becomes current its trace id, span id and trace flags are put there, and
 * when the scope closes the previous span's ids are put back, or the keys removed if there is none, so
 * a pooled thread never keeps ids after its task. A logging module subclasses this with the library's
 * put/remove and {@link #register()}s it once, when the library's map class initialises: without a
 * logging library no listener exists and a context change costs nothing here.
 *
 * <p>The key names are those of the OpenTelemetry agent: {@code otel.instrumentation.common.logging.trace-id}
 * (default {@code trace_id}), {@code .span-id} ({@code span_id}) and {@code .trace-flags} ({@code trace_flags}).
 */
public abstract class LoggingContextListener implements ContextStorage.Listener {
  private static volatile String traceIdKey = "trace_id";
  private static volatile String spanIdKey = "span_id";
  private static volatile String traceFlagsKey = "trace_flags";

  /** Reads the key names; called by the logging modules when the agent starts. */
  public static void configure(Config config) {
    traceIdKey = config.getString("otel.instrumentation.common.logging.trace-id", "trace_id");
    spanIdKey = config.getString("otel.instrumentation.common.logging.span-id", "span_id");
    traceFlagsKey = config.getString("otel.instrumentation.common.logging.trace-flags", "trace_flags");
  }

  public static String traceIdKey() {
    return traceIdKey;
  }

  public static String spanIdKey() {
    return spanIdKey;
  }

  public static String traceFlagsKey() {
    return traceFlagsKey;
  }

  /** Starts listening, and brings the calling thread's map up to date at once. */
  public final void register() {
    ContextStorage.get().addListener(this);
    onChange(Context.root(), Context.current());
  }

  @Override
  public final void onChange(Context previous, Context next) {
    SpanContext before = Span.fromContext(previous).spanContext();
    SpanContext after = Span.fromContext(next).spanContext();
    if (after.isValid()) {
      if (before.spanId() == after.spanId() && before.traceIdLow() == after.traceIdLow()
          && before.traceIdHigh() == after.traceIdHigh() && before.flags() == after.flags()) {
        return; // same span (e.g. only baggage changed): the map already holds its ids
      }
      put(traceIdKey, after.traceIdHex());
      put(spanIdKey, after.spanIdHex());
      put(traceFlagsKey, after.flagsHex());
    } else if (before.isValid()) {
      remove(traceIdKey);
      remove(spanIdKey);
      remove(traceFlagsKey);
    }
  }

  protected abstract void put(String key, String value);

  protected abstract void remove(String key);
}
