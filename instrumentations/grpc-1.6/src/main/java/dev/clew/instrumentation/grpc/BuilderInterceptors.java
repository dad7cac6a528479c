package dev.clew.instrumentation.grpc;

import dev.clew.core.instrument.CallDepth;
import dev.clew.core.util.WeakIdentityMap;
import io.grpc.ManagedChannelBuilder;
import io.grpc.ServerBuilder;

/**
 * Adds the tracing interceptor when a channel or server is built. Added last, it is the outermost: it
 * runs before the application's interceptors, whose order is unchanged, and its span covers them.
 * Only the outermost {@code build()} on a thread adds it (a builder that delegates to another builds
 * once), and a builder built twice gets it once.
 */
final class BuilderInterceptors {
  private static final CallDepth BUILD = CallDepth.forFamily("grpc-builder-build");
  private static final WeakIdentityMap<Object, Boolean> TRACED = new WeakIdentityMap<>();

  private BuilderInterceptors() {}

  static void enterBuild(ManagedChannelBuilder<?> builder) {
    if (BUILD.getAndIncrement() == 0 && firstBuild(builder)) {
      builder.intercept(new TracingClientInterceptor()); // one per channel: it caches the channel's authority
    }
  }

  static void enterBuild(ServerBuilder<?> builder) {
    if (BUILD.getAndIncrement() == 0 && firstBuild(builder)) {
      builder.intercept(TracingServerInterceptor.INSTANCE);
    }
  }

  static void exitBuild() {
    BUILD.decrementAndGet();
  }

  private static boolean firstBuild(Object builder) {
    if (TRACED.get(builder) != null) {
      return false;
    }
    TRACED.put(builder, Boolean.TRUE);
    return true;
  }
}
