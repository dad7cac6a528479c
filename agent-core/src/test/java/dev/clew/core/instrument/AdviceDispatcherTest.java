package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.clew.testapp.advice.AdviceModule;
import dev.clew.testapp.advice.BrokenAdvice;
import dev.clew.testapp.advice.LoaderAdvice;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

class AdviceDispatcherTest {
  private static final MethodType LOADER_OF_OBJECT = MethodType.methodType(ClassLoader.class, Object.class);

  /** A library loader with its own copy of com.acme.lib.Widget (child-first for that one class). */
  static final class LibraryLoader extends ClassLoader {
    private static final String WIDGET = "com.acme.lib.Widget";

    LibraryLoader() {
      super(AdviceDispatcherTest.class.getClassLoader());
    }

    Class<?> widget() throws ClassNotFoundException {
      return loadClass(WIDGET);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(WIDGET)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (InputStream in = getParent().getResourceAsStream("com/acme/lib/Widget.class")) {
            byte[] b = in.readAllBytes();
            c = defineClass(name, b, 0, b.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }
  }

  private final ClassLoader agentLoader = AdviceDispatcherTest.class.getClassLoader();

  private AdviceDispatcher dispatcher() {
    AdviceDispatcher d = new AdviceDispatcher(agentLoader);
    AdviceModule module = new AdviceModule();
    d.register(module, LoaderAdvice.class.getName());
    d.register(module, BrokenAdvice.class.getName());
    return d;
  }

  @Test
  void adviceIsLoadedOncePerLibraryLoaderNextToTheLibrary() throws Throwable {
    AdviceDispatcher d = dispatcher();
    LibraryLoader first = new LibraryLoader();
    LibraryLoader second = new LibraryLoader();
    MethodHandle a = d.resolve(LoaderAdvice.class.getName(), "definedBy", LOADER_OF_OBJECT, first.widget());
    MethodHandle again = d.resolve(LoaderAdvice.class.getName(), "definedBy", LOADER_OF_OBJECT, first.widget());
    MethodHandle b = d.resolve(LoaderAdvice.class.getName(), "definedBy", LOADER_OF_OBJECT, second.widget());
    ClassLoader loaderA = (ClassLoader) a.invoke((Object) null);
    assertInstanceOf(AdviceClassLoader.class, loaderA);
    assertSame(loaderA, (ClassLoader) again.invoke((Object) null));
    assertNotSame(loaderA, (ClassLoader) b.invoke((Object) null));
    MethodHandle lib = d.resolve(LoaderAdvice.class.getName(), "libraryLoader", LOADER_OF_OBJECT, first.widget());
    assertSame(first, (ClassLoader) lib.invoke((Object) null), "library types resolve through the library's loader");
  }

  @Test
  void adviceOnBootstrapClassesGetsItsOwnLoader() throws Throwable {
    MethodHandle h = dispatcher().resolve(LoaderAdvice.class.getName(), "definedBy", LOADER_OF_OBJECT, String.class);
    assertInstanceOf(AdviceClassLoader.class, (ClassLoader) h.invoke((Object) null));
  }

  @Test
  void adviceNoModuleOwnsOrThatCannotLoadDisablesOnlyItsCallSite() throws Throwable {
    AdviceDispatcher d = dispatcher();
    assertNull(d.resolve("com.acme.UnknownAdvice", "enter", LOADER_OF_OBJECT, String.class));
    assertNull(d.resolve(BrokenAdvice.class.getName(), "definedBy", LOADER_OF_OBJECT, String.class));
    assertNull(d.resolve(LoaderAdvice.class.getName(), "noSuchMethod", LOADER_OF_OBJECT, String.class));
    assertEquals(LOADER_OF_OBJECT,
        d.resolve(LoaderAdvice.class.getName(), "definedBy", LOADER_OF_OBJECT, String.class).type());
  }
}
