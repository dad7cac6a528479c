package dev.clew.core.instrument;

import dev.clew.core.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.ProtectionDomain;
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
 * so Byte Buddy can add the module read edges the advice needs. The proxy hands the module to the method of
 * Byte Buddy's transformer that takes it as an {@code Object}; so the agent jar does without the subclass Byte
 * Buddy would otherwise generate at start-up only to override the {@code Module} form (see
 * {@code agent-shadow}'s {@code SkipModuleTransformerGeneration}: about 0.1 s of CPU in every premain).
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
  /** Byte Buddy's {@code transform(Object module, ClassLoader, String, Class, ProtectionDomain, byte[])}. */
  private Method transformWithModule;
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  FilteringTransformer(ClassFilter filter) {
    this.filter = filter;
  }

  @Override
  public ResettableClassFileTransformer decorate(ResettableClassFileTransformer transformer) {
    this.delegate = transformer;
    this.transformWithModule = transformWithModule(transformer.getClass());
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
      if (transform && skips(args)) {
        return null;
      }
      if (transform && args.length == 6 && transformWithModule != null) {
        return transformWithModule.invoke(delegate, args);
      }
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      if (transform) {
        busy.remove();
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

  /**
   * The protected method of Byte Buddy's transformer that every form of {@code transform} ends in, taking the module
   * as it comes; {@code null} on Java 8 or if Byte Buddy no longer has it (then the proxy calls the form the JVM
   * called, and a transformer without the generated subclass would see no module).
   */
  private static Method transformWithModule(Class<?> type) {
    if (!hasModules()) {
      return null;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod("transform", Object.class, ClassLoader.class, String.class, Class.class,
            ProtectionDomain.class, byte[].class);
        m.setAccessible(true);
        return m;
      } catch (NoSuchMethodException e) {
        // its superclass, then
      } catch (RuntimeException e) { // SecurityException, or InaccessibleObjectException on a newer JDK
        AgentLog.warn("cannot call Byte Buddy's transformer with the module: " + e);
        return null;
      }
    }
    AgentLog.warn("Byte Buddy's transformer " + type.getName() + " takes no module");
    return null;
  }

  private static boolean hasModules() {
    try {
      Class.forName("java.lang.Module", false, null);
      return true;
    } catch (ClassNotFoundException java8) {
      return false;
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
