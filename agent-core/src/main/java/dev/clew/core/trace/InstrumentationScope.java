package dev.clew.core.trace;

/** The instrumentation that produced a span, e.g. {@code clew.jdbc}; exported as the OTLP scope. */
public final class InstrumentationScope {
  private final String name;
  private final String version;

  public InstrumentationScope(String name, String version) {
    this.name = name;
    this.version = version;
  }

  public String name() {
    return name;
  }

  /** May be null. */
  public String version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InstrumentationScope)) {
      return false;
    }
    InstrumentationScope s = (InstrumentationScope) o;
    return name.equals(s.name) && (version == null ? s.version == null : version.equals(s.version));
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return version == null ? name : name + "@" + version;
  }
}
