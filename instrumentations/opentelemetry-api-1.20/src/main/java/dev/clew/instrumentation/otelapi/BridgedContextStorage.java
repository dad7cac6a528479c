package dev.clew.instrumentation.otelapi;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;

/**
 * The API's context storage is clew's: {@code Context.current()} reads clew's current context, and
 * {@code makeCurrent()} makes the application's context clew's current one, so the spans clew's
 * instrumentation starts inside it are children of the application's span, and the other way round.
 * Wrappers added with {@code ContextStorage.addWrapper} are not applied.
 */
final class BridgedContextStorage implements ContextStorage {
  static final BridgedContextStorage INSTANCE = new BridgedContextStorage();

  private BridgedContextStorage() {}

  @Override
  public Scope attach(Context toAttach) {
    if (toAttach == null) {
      return Scope.noop();
    }
    dev.clew.core.context.Scope scope = ContextBridge.toClew(toAttach).makeCurrent();
    return scope == dev.clew.core.context.Scope.NOOP ? Scope.noop() : scope::close;
  }

  @Override
  public Context current() {
    return BridgedContext.of(dev.clew.core.context.Context.current());
  }

  @Override
  public Context root() {
    return BridgedContext.ROOT;
  }
}
