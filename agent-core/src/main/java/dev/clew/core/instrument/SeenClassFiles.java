package dev.clew.core.instrument;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.utility.JavaModule;

/**
 * The ancestors' class files the {@link ClassFilter} read while judging the class being defined on this thread,
 * handed to Byte Buddy's class file locator when the class goes on to Byte Buddy, so that it does not read them
 * from the loader a second time. Kept for one class only: {@link #forget()} runs once the class is done.
 *
 * <p>As a location strategy, the loader is held weakly ({@link AgentBuilder.LocationStrategy.ForClassLoader#WEAK}):
 * type descriptions cached per loader ({@link TypePoolCache}) keep their locator, which must not keep a
 * discarded loader alive.
 */
final class SeenClassFiles implements AgentBuilder.LocationStrategy {
  static final SeenClassFiles INSTANCE = new SeenClassFiles();

  /** Binary name to class file; absent until the filter reads one on this thread. */
  private static final ThreadLocal<Map<String, byte[]>> SEEN = new ThreadLocal<>();

  private SeenClassFiles() {}

  /** Remembers a class file the filter read for the class being judged (binary name: {@code a.b.C}). */
  static void record(String name, byte[] classFile) {
    Map<String, byte[]> seen = SEEN.get();
    if (seen == null) {
      SEEN.set(seen = new HashMap<>());
    }
    seen.put(name, classFile);
  }

  /** Done with the class being defined on this thread. */
  static void forget() {
    SEEN.remove();
  }

  @Override
  public ClassFileLocator classFileLocator(ClassLoader loader, JavaModule module) {
    ClassFileLocator fromLoader = AgentBuilder.LocationStrategy.ForClassLoader.WEAK.classFileLocator(loader, module);
    Map<String, byte[]> seen = SEEN.get();
    // the map itself, not a copy: forget() drops this thread's reference to it, never its contents
    return seen == null ? fromLoader : new ClassFileLocator.Compound(new ClassFileLocator.Simple(seen), fromLoader);
  }
}
