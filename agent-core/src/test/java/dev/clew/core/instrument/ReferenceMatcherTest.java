package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testapp.hierarchy.Hierarchy;
import dev.clew.testapp.installer.GreeterModule;
import org.junit.jupiter.api.Test;

class ReferenceMatcherTest {
  private final ClassLoader app = ReferenceMatcherTest.class.getClassLoader();

  private static boolean matches(ClassLoader loader, String... references) {
    return new ReferenceMatcher(new GreeterModule(references)).matches(loader);
  }

  @Test
  void aLoaderWithEveryClassAndMethodMatches() {
    assertTrue(matches(app, Hierarchy.Leaf.class.getName(), Hierarchy.ViaInterface.class.getName() + "#run"));
  }

  @Test
  void methodsAreFoundOnSuperclassesAndInterfaces() {
    assertTrue(matches(app, Hierarchy.Unrelated.class.getName() + "#start"), "from java.lang.Thread");
    assertTrue(matches(app, Hierarchy.Leaf.class.getName() + "#hashCode"), "from java.lang.Object");
    assertTrue(matches(app, "java.util.ArrayList#stream"), "a default method of Collection");
  }

  @Test
  void aMissingClassOrMethodSkipsTheLoader() {
    assertFalse(matches(app, Hierarchy.Leaf.class.getName(), "com.acme.NotThere"));
    assertFalse(matches(app, Hierarchy.Leaf.class.getName() + "#noSuchMethod"));
  }

  @Test
  void theBootstrapLoaderSeesOnlyItsOwnClasses() {
    assertTrue(matches(null, "java.lang.Thread#start"));
    assertFalse(matches(null, Hierarchy.Leaf.class.getName()));
  }

  @Test
  void eachLoaderIsCheckedOnce() {
    ReferenceMatcher m = new ReferenceMatcher(new GreeterModule(Hierarchy.Leaf.class.getName() + "#hashCode"));
    ClassFilterTest.CountingLoader loader = new ClassFilterTest.CountingLoader(false);
    assertTrue(m.matches(loader));
    int reads = loader.reads.get();
    assertTrue(reads > 0);
    assertTrue(m.matches(loader));
    assertEquals(reads, loader.reads.get());
    ClassFilterTest.CountingLoader blind = new ClassFilterTest.CountingLoader(true);
    assertFalse(m.matches(blind), "a loader that cannot see the class");
  }
}
