package dev.clew.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testapp.hierarchy.Hierarchy.Annotated;
import dev.clew.testapp.hierarchy.Hierarchy.Base;
import dev.clew.testapp.hierarchy.Hierarchy.Leaf;
import dev.clew.testapp.hierarchy.Hierarchy.Relevant;
import dev.clew.testapp.hierarchy.Hierarchy.Traced;
import dev.clew.testapp.hierarchy.Hierarchy.Unrelated;
import dev.clew.testapp.hierarchy.Hierarchy.ViaInterface;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClassFilterTest {
  /** Resolves like the test's own loader, and counts the class files it is asked for. */
  static final class CountingLoader extends ClassLoader {
    final AtomicInteger reads = new AtomicInteger();
    final boolean blind;

    CountingLoader(boolean blind) {
      super(ClassFilterTest.class.getClassLoader());
      this.blind = blind;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      reads.incrementAndGet();
      return blind ? null : super.getResourceAsStream(name);
    }
  }

  static byte[] classFile(Class<?> c) {
    String resource = c.getName().replace('.', '/') + ".class";
    try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String internalName(Class<?> c) {
    return c.getName().replace('.', '/');
  }

  private static ClassFilter filterFor(List<String> relevantTypes) {
    ClassFilter filter = new ClassFilter();
    filter.add(any(), relevantTypes);
    return filter;
  }

  private static boolean mayMatch(ClassFilter filter, ClassLoader loader, Class<?> c) {
    return filter.mayMatch(loader, internalName(c), classFile(c));
  }

  @Test
  void aClassIsACandidateWhenItOrAnAncestorIsARelevantType() {
    ClassFilter filter = filterFor(Collections.singletonList(Relevant.class.getName()));
    ClassLoader loader = new CountingLoader(false);
    assertTrue(mayMatch(filter, loader, Relevant.class));
    assertTrue(mayMatch(filter, loader, Leaf.class), "through its superclass");
    assertTrue(mayMatch(filter, loader, ViaInterface.class), "through an interface of an interface");
    assertFalse(mayMatch(filter, loader, Unrelated.class));
    assertFalse(mayMatch(filter, loader, String.class));
  }

  @Test
  void loadedClassesAreJudgedFromTheirReflectiveHierarchy() {
    ClassFilter filter = filterFor(Collections.singletonList(Relevant.class.getName()));
    assertTrue(filter.mayMatch(Leaf.class));
    assertTrue(filter.mayMatch(ViaInterface.class));
    assertFalse(filter.mayMatch(Unrelated.class));
  }

  @Test
  void aClassIsACandidateWhenItsConstantPoolNamesARelevantAnnotation() {
    ClassFilter filter = new ClassFilter();
    filter.add(any(), Collections.emptyList(), Collections.singletonList(Traced.class.getName()));
    ClassLoader loader = new CountingLoader(false);
    assertTrue(mayMatch(filter, loader, Annotated.class), "a method carries @Traced");
    assertFalse(mayMatch(filter, loader, Unrelated.class));
    assertFalse(mayMatch(filter, loader, Leaf.class));
    assertTrue(filter.mayMatch(Unrelated.class), "loaded classes of such a loader go to Byte Buddy");
  }

  @Test
  void relevantAnnotationsAndTypesAddUp() {
    ClassFilter filter = new ClassFilter();
    filter.add(any(), Collections.singletonList(Relevant.class.getName()));
    filter.add(any(), Collections.emptyList(), Collections.singletonList(Traced.class.getName()));
    ClassLoader loader = new CountingLoader(false);
    assertTrue(mayMatch(filter, loader, Annotated.class));
    assertTrue(mayMatch(filter, loader, Leaf.class));
    assertFalse(mayMatch(filter, loader, Unrelated.class));
  }

  @Test
  void jdkTypesAreRelevantTypesToo() {
    ClassFilter filter = filterFor(Arrays.asList("java.lang.Thread", "java.util.concurrent.ForkJoinPool"));
    ClassLoader loader = new CountingLoader(false);
    assertTrue(mayMatch(filter, loader, Unrelated.class), "extends java.lang.Thread");
    assertFalse(mayMatch(filter, loader, Leaf.class));
    assertTrue(filter.mayMatch(java.util.concurrent.ForkJoinPool.class));
    assertFalse(filter.mayMatch(java.util.ArrayList.class));
  }

  @Test
  void eachAncestorIsReadOnceForALoader() {
    ClassFilter filter = filterFor(Collections.singletonList(Relevant.class.getName()));
    CountingLoader loader = new CountingLoader(false);
    assertTrue(mayMatch(filter, loader, Leaf.class));
    int reads = loader.reads.get();
    assertTrue(reads > 0, "Base and its ancestors were read");
    assertTrue(mayMatch(filter, loader, Leaf.class));
    assertTrue(mayMatch(filter, loader, Base.class));
    assertEquals(reads, loader.reads.get(), "remembered, not read again");
    assertTrue(filter.indexedTypes(loader) >= 2);
  }

  @Test
  void theIndexesAreCompactedOnceClassLoadingGoesQuietAndAnswerAsBefore() throws InterruptedException {
    ClassFilter filter = new ClassFilter(new ClassLoadingQuiet(TimeUnit.MILLISECONDS.toNanos(50)));
    filter.add(any(), Collections.singletonList(Relevant.class.getName()));
    CountingLoader loader = new CountingLoader(false);
    assertTrue(mayMatch(filter, loader, Leaf.class));
    assertFalse(mayMatch(filter, loader, Unrelated.class));
    long grown = filter.indexBytes(loader);
    for (int i = 0; i < 500 && filter.indexBytes(loader) >= grown; i++) {
      Thread.sleep(20);
    }
    assertTrue(filter.indexBytes(loader) < grown, "not compacted 50 ms after the last class: " + grown);
    int reads = loader.reads.get();
    assertTrue(mayMatch(filter, loader, Leaf.class));
    assertTrue(mayMatch(filter, loader, Base.class));
    assertTrue(mayMatch(filter, loader, ViaInterface.class), "SubInterface read now, into the compacted index");
    assertFalse(mayMatch(filter, loader, Unrelated.class));
    assertEquals(reads + 1, loader.reads.get(), "only SubInterface read: the rest remembered through compaction");
  }

  @Test
  void anAncestorThatCannotBeReadMakesACandidate() {
    ClassFilter filter = filterFor(Collections.singletonList("com.example.NotThere"));
    ClassLoader blind = new CountingLoader(true);
    assertTrue(mayMatch(filter, blind, Leaf.class), "Byte Buddy decides when the hierarchy is unknown");
    assertFalse(mayMatch(filter, new CountingLoader(false), Leaf.class));
  }

  @Test
  void onlyInstrumentationsThatApplyToTheLoaderCount() {
    ClassFilter filter = new ClassFilter();
    filter.add(none(), Collections.singletonList(Relevant.class.getName()));
    assertFalse(mayMatch(filter, new CountingLoader(false), Leaf.class));
    filter = new ClassFilter();
    filter.add(loader -> {
      throw new IllegalStateException("broken matcher");
    }, Collections.singletonList(Relevant.class.getName()));
    assertTrue(mayMatch(filter, new CountingLoader(false), Leaf.class), "a failing matcher is taken to apply");
  }

  @Test
  void anInstrumentationWithoutRelevantTypesSeesEveryClassButIgnoredOnes() {
    ClassFilter filter = filterFor(Collections.emptyList());
    ClassLoader loader = new CountingLoader(false);
    assertTrue(mayMatch(filter, loader, Unrelated.class));
    assertFalse(filter.mayMatch(loader, "dev/clew/core/trace/Span", classFile(Unrelated.class)));
    assertFalse(filter.mayMatch(loader, "com/acme/Orders$$Lambda$12", classFile(Unrelated.class)));
    assertFalse(filter.mayMatch(null, "java/io/File", classFile(java.io.File.class)), "JDK package no module wants");
    assertTrue(filter.mayMatch(null, "java/util/concurrent/FutureTask",
        classFile(java.util.concurrent.FutureTask.class)));
  }

  @Test
  void bytesThatAreNoClassFileGoToByteBuddy() {
    ClassFilter filter = filterFor(Collections.singletonList(Relevant.class.getName()));
    assertTrue(filter.mayMatch(new CountingLoader(false), "com/acme/Odd", new byte[] {1, 2, 3}));
  }
}
