package dev.clew.core.instrument;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Puts the {@link ClassFilter} in front of Byte Buddy's class file transformer: a class about to be defined
 * that no instrumentation could want is answered "unchanged" at once, before Byte Buddy builds a class file
 * locator, a type pool and a description for it. Everything else (retransformation included) goes to Byte
 * Buddy as before.
 *
 * <p>A dynamic proxy rather than a subclass: the JVM calls the {@code transform} that takes a
 * {@code java.lang.Module} on Java 9+, which agent classes (compiled for Java 8) cannot name but must pass on
 * so Byte Buddy can add the module read edges the advice needs.
 */
final class FilteringTransformer implements InvocationHandler, AgentBuilder.TransformerDecorator {
  private final ClassFilter filter;
  /**
   * Set while this thread filters or transforms a class. A class loaded meanwhile (by the filter reading class
   * files, or by Byte Buddy) is left unchanged, as Byte Buddy's own circularity lock would leave it: filtering it
   * could need the very class being loaded (under a SecurityManager, reading a JDK class file loads permission
   * and URL-connection classes), which the JVM answers with a ClassCircularityError in the application.
   */
  private final ThreadLocal<Boolean> busy = new ThreadLocal<>();
  private ResettableClassFileTransformer delegate;
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  FilteringTransformer(ClassFilter filter) {
    this.filter = filter;
  }

  @Override
  public ResettableClassFileTransformer decorate(ResettableClassFileTransformer transformer) {
    this.delegate = transformer;
    return (ResettableClassFileTransformer) Proxy.newProxyInstance(FilteringTransformer.class.getClassLoader(),
        new Class<?>[] {ResettableClassFileTransformer.class}, this);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    boolean transform = method.getName().equals("transform") && args != null && args.length >= 5;
    if (transform) {
      if (busy.get() != null) {
        return null;
      }
      busy.set(Boolean.TRUE);
    }
    if (method.getName().equals("reset") && args != null && !(args[1] instanceof ResettableClassFileTransformer)) {
      return reset((ResettableClassFileTransformer) proxy, args);
    }
    try {
      return transform && skips(args) ? null : method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      if (transform) {
        busy.remove();
        SeenClassFiles.forget();
      }
    }
  }

  /**
   * The registered transformer is the proxy, not Byte Buddy's: its short {@code reset} forms would remove their
   * own instance, find it was never registered and leave the proxy transforming. The full form takes the
   * registered one; the others' missing arguments get Byte Buddy's defaults.
   */
  private Object reset(ResettableClassFileTransformer registered, Object[] args) {
    AgentBuilder.RedefinitionStrategy.DiscoveryStrategy discovery =
        AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.SinglePass.INSTANCE;
    AgentBuilder.RedefinitionStrategy.BatchAllocator batches = AgentBuilder.RedefinitionStrategy.BatchAllocator.ForTotal.INSTANCE;
    AgentBuilder.RedefinitionStrategy.Listener listener = AgentBuilder.RedefinitionStrategy.Listener.NoOp.INSTANCE;
    for (Object a : args) {
      if (a instanceof AgentBuilder.RedefinitionStrategy.DiscoveryStrategy) {
        discovery = (AgentBuilder.RedefinitionStrategy.DiscoveryStrategy) a;
      } else if (a instanceof AgentBuilder.RedefinitionStrategy.BatchAllocator) {
        batches = (AgentBuilder.RedefinitionStrategy.BatchAllocator) a;
      } else if (a instanceof AgentBuilder.RedefinitionStrategy.Listener) {
        listener = (AgentBuilder.RedefinitionStrategy.Listener) a;
      }
    }
    return delegate.reset((Instrumentation) args[0], registered, (AgentBuilder.RedefinitionStrategy) args[1],
        discovery, batches, listener);
  }

  /** (Module?, ClassLoader, String, Class, ProtectionDomain, byte[]): the last five are the same in both forms. */
  private boolean skips(Object[] args) {
    int n = args.length;
    if (args[n - 3] != null) { // retransformation: Byte Buddy decides
      return false;
    }
    try {
      seen.incrementAndGet();
      boolean skip = !filter.mayMatch((ClassLoader) args[n - 5], (String) args[n - 4], (byte[]) args[n - 1]);
      if (skip) {
        skipped.incrementAndGet();
      }
      return skip;
    } catch (Throwable t) {
      return false; // Byte Buddy decides, as without the filter
    }
  }

  /** For the debug log: how many classes the filter answered itself. */
  String stats() {
    return "class filter: " + seen.get() + " classes defined, " + skipped.get()
        + " answered without Byte Buddy, " + (seen.get() - skipped.get()) + " handed to Byte Buddy";
  }
}
