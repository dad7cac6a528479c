package dev.clew.core.instrument;

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
    try {
      return transform && skips(args) ? null : method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      if (transform) {
        busy.remove();
      }
    }
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
