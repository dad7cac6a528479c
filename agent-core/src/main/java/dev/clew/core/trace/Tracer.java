package dev.clew.core.trace;

/** Creates spans on behalf of one instrumentation scope. Obtain from {@link TracerProvider#tracer}. */
public final class Tracer {
  private final TracerProvider provider;
  private final InstrumentationScope scope;

  Tracer(TracerProvider provider, InstrumentationScope scope) {
    this.provider = provider;
    this.scope = scope;
  }

  public SpanBuilder spanBuilder(String name) {
    return new SpanBuilder(this, name == null || name.isEmpty() ? "<unnamed>" : name);
  }

  public InstrumentationScope scope() {
    return scope;
  }

  TracerProvider provider() {
    return provider;
  }
}
