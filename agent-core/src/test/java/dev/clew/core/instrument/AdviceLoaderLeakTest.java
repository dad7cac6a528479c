package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.clew.core.instrument.leakfixture.LibModule;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * An advice class loader made for a library loader (a web application's) must not keep that loader alive once
 * the application is gone: its advice resolves the library's types, which makes the JVM keep the library loader
 * alive for as long as the advice loader lives, so the dispatcher must not hold advice loaders strongly.
 */
class AdviceLoaderLeakTest {
  private static final String ADVICE = "dev.clew.core.instrument.leakfixture.LibAdvice";

  /** Defines {@code com.acme.lib.*} itself (child first), like a web-app loader with the library in WEB-INF/lib. */
  static final class WebAppLoader extends URLClassLoader {
    WebAppLoader(URL classes) {
      super(new URL[] {classes}, AdviceLoaderLeakTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("com.acme.lib.")) {
          Class<?> c = findLoadedClass(name);
          return c != null ? c : findClass(name);
        }
        return super.loadClass(name, resolve);
      }
    }
  }

  @Test
  void aDiscardedLibraryLoaderIsCollectedAfterItsAdviceRan() throws Throwable {
    AdviceDispatcher dispatcher = new AdviceDispatcher(getClass().getClassLoader());
    dispatcher.register(new LibModule(), ADVICE);
    WeakReference<ClassLoader> webApp = runAdviceInAThrowawayLoader(dispatcher);
    for (int i = 0; i < 50 && webApp.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(webApp.get(), "the dispatcher keeps the library loader alive through its advice loader");
  }

  private static WeakReference<ClassLoader> runAdviceInAThrowawayLoader(AdviceDispatcher dispatcher)
      throws Throwable {
    URL classes = com.acme.lib.Lib.class.getProtectionDomain().getCodeSource().getLocation();
    try (WebAppLoader loader = new WebAppLoader(classes)) {
      Class<?> lib = loader.loadClass("com.acme.lib.Lib");
      assertEquals(loader, lib.getClassLoader());
      MethodHandle advice = dispatcher.resolve(ADVICE, "touch", MethodType.methodType(String.class, Object.class),
          lib);
      assertEquals("lib", (String) advice.invoke(lib.getConstructor().newInstance()), "the advice used Lib");
      return new WeakReference<>(loader);
    }
  }
}
