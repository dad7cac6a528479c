package dev.clew.core.propagation;

import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import java.util.Random;

/** Random span contexts for round trips through a format. */
final class RoundTrips {
  private RoundTrips() {}

  static SpanContext randomContext(Random r, TraceState state) {
    long hi;
    long lo;
    long span;
    do {
      // some 64-bit trace ids (high half zero), as B3 and Jaeger carry them
      hi = r.nextInt(4) == 0 ? 0 : r.nextLong();
      lo = r.nextLong();
      span = r.nextLong();
    } while ((hi == 0 && lo == 0) || span == 0);
    return SpanContext.create(hi, lo, span, r.nextBoolean() ? SpanContext.FLAG_SAMPLED : 0, state);
  }

  /** The context as an extractor yields it: the same ids, flags and state, marked remote. */
  static SpanContext asRemote(SpanContext sc) {
    return SpanContext.createFromRemote(sc.traceIdHigh(), sc.traceIdLow(), sc.spanId(), sc.flags(),
        sc.traceState());
  }
}
