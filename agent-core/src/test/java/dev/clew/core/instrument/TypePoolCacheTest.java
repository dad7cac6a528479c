package dev.clew.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testapp.hierarchy.Hierarchy.Base;
import dev.clew.testapp.hierarchy.Hierarchy.Leaf;
import dev.clew.testapp.hierarchy.Hierarchy.Relevant;
import dev.clew.testapp.hierarchy.Hierarchy.SubInterface;
import dev.clew.testapp.hierarchy.Hierarchy.ViaInterface;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Byte Buddy's type pools shared per class loader ({@link TypePoolCache}), fed by the filter's reads. */
class TypePoolCacheTest {
  private static final long NEVER = TimeUnit.HOURS.toNanos(1);
  private static final String SHAPE = "dev.clew.testapp.pool.Shape";

  /** Resolves like the test's own loader, serves the class files it is given, and lists what it was asked. */
  static final class RecordingLoader extends ClassLoader {
    final List<String> reads = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> own = new HashMap<>();

    RecordingLoader() {
      super(TypePoolCacheTest.class.getClassLoader());
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      reads.add(name);
      byte[] b = own.get(name);
      return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(name);
    }

    int readsOf(Class<?> c) {
      return Collections.frequency(reads, c.getName().replace('.', '/') + ".class");
    }
  }

  @AfterEach
  void forget() {
    SeenClassFiles.forget();
  }

  /** The pool Byte Buddy builds to transform {@code name} from {@code classFile} in {@code loader}. */
  private static TypePool poolFor(TypePoolCache cache, ClassLoader loader, String name, byte[] classFile) {
    ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
        SeenClassFiles.INSTANCE.classFileLocator(loader, null));
    return cache.typePool(locator, loader, name);
  }

  private static TypePool poolFor(TypePoolCache cache, ClassLoader loader, Class<?> c) {
    return poolFor(cache, loader, c.getName(), ClassFilterTest.classFile(c));
  }

  @Test
  void transformationsInOneLoaderReadAndParseASharedAncestorOnce() {
    TypePoolCache cache = new TypePoolCache(NEVER);
    RecordingLoader loader = new RecordingLoader();
    TypeDescription first = poolFor(cache, loader, Leaf.class).describe(Leaf.class.getName()).resolve();
    assertTrue(first.isAssignableTo(Relevant.class), "described through Base, read from the loader");
    assertEquals(1, loader.readsOf(Base.class));

    TypeDescription second = poolFor(cache, loader, ViaInterface.class).describe(ViaInterface.class.getName())
        .resolve();
    assertTrue(second.isAssignableTo(Relevant.class));
    TypePool third = poolFor(cache, loader, Leaf.class);
    assertTrue(third.describe(Leaf.class.getName()).resolve().isAssignableTo(Relevant.class));
    assertTrue(poolFor(cache, loader, SubInterface.class).describe(SubInterface.class.getName()).resolve()
        .isAssignableTo(Relevant.class));
    assertEquals(1, loader.readsOf(Base.class), "Base read again: " + loader.reads);
    assertEquals(new HashSet<>(loader.reads).size(), loader.reads.size(), "a class file read twice: " + loader.reads);
    assertEquals(0, loader.readsOf(Leaf.class), "the class being transformed comes from its own bytes");
  }

  @Test
  void ancestorsTheFilterReadAreNotReadAgainByByteBuddy() {
    ClassFilter filter = new ClassFilter();
    filter.add(any(), Collections.singletonList(Relevant.class.getName()));
    RecordingLoader loader = new RecordingLoader();
    assertTrue(filter.mayMatch(loader, Leaf.class.getName().replace('.', '/'), ClassFilterTest.classFile(Leaf.class)));
    int filterReads = loader.reads.size();
    assertEquals(1, loader.readsOf(Base.class), "the filter read the superclass: " + loader.reads);

    TypeDescription leaf = poolFor(new TypePoolCache(NEVER), loader, Leaf.class).describe(Leaf.class.getName())
        .resolve();
    assertTrue(leaf.isAssignableTo(Relevant.class));
    assertEquals(Base.class.getName(), leaf.getSuperClass().asErasure().getName());
    assertEquals(1, loader.readsOf(Base.class), "Byte Buddy read Base again: " + loader.reads);
    assertEquals(1, loader.readsOf(Relevant.class), "Byte Buddy read Relevant again: " + loader.reads);

    SeenClassFiles.forget(); // the next class starts with nothing seen
    TypeDescription base = poolFor(new TypePoolCache(NEVER), loader, Leaf.class).describe(Base.class.getName())
        .resolve();
    assertTrue(base.isAbstract());
    assertEquals(filterReads + 1, loader.reads.size(), "after forget(), Base comes from the loader: " + loader.reads);
  }

  @Test
  void eachLoaderGetsItsOwnDescriptionOfAClassTheyDefineDifferently() {
    TypePoolCache cache = new TypePoolCache(NEVER);
    RecordingLoader serializable = new RecordingLoader();
    serializable.own.put(SHAPE.replace('.', '/') + ".class", shape(true));
    RecordingLoader plain = new RecordingLoader();
    plain.own.put(SHAPE.replace('.', '/') + ".class", shape(false));

    assertTrue(describeAsAncestor(cache, serializable).isAssignableTo(Serializable.class));
    assertTrue(!describeAsAncestor(cache, plain).isAssignableTo(Serializable.class), "the other loader's Shape");
    assertTrue(describeAsAncestor(cache, serializable).isAssignableTo(Serializable.class));
    assertEquals(1, Collections.frequency(serializable.reads, SHAPE.replace('.', '/') + ".class"), "cached");

    // the same loader transforming Shape itself from other bytes (a redefinition) sees those bytes, not the cache
    TypeDescription redefined = poolFor(cache, serializable, SHAPE, shape(false)).describe(SHAPE).resolve();
    assertTrue(!redefined.isAssignableTo(Serializable.class));
  }

  private static TypeDescription describeAsAncestor(TypePoolCache cache, ClassLoader loader) {
    return poolFor(cache, loader, Leaf.class).describe(SHAPE).resolve();
  }

  private static byte[] shape(boolean serializable) {
    DynamicType.Builder<Object> shape = new ByteBuddy().subclass(Object.class).name(SHAPE);
    return (serializable ? shape.implement(Serializable.class) : shape).make().getBytes();
  }

  @Test
  void aCollectedLoaderTakesItsCacheWithIt() throws InterruptedException {
    TypePoolCache cache = new TypePoolCache(NEVER);
    WeakReference<ClassLoader> gone = describeInAThrowawayLoader(cache);
    for (int i = 0; i < 50 && gone.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(gone.get(), "the cache keeps the loader alive through its type descriptions");
    assertEquals(0, cache.cachedLoaders());
  }

  private static WeakReference<ClassLoader> describeInAThrowawayLoader(TypePoolCache cache) {
    RecordingLoader loader = new RecordingLoader();
    assertTrue(poolFor(cache, loader, Leaf.class).describe(Leaf.class.getName()).resolve()
        .isAssignableTo(Relevant.class));
    assertEquals(1, cache.cachedLoaders());
    return new WeakReference<>(loader);
  }

  @Test
  void theCachesAreDroppedOnceTransformationsStop() throws InterruptedException {
    TypePoolCache cache = new TypePoolCache(TimeUnit.MILLISECONDS.toNanos(50));
    RecordingLoader loader = new RecordingLoader();
    poolFor(cache, loader, Leaf.class).describe(Leaf.class.getName()).resolve().isAssignableTo(Relevant.class);
    for (int i = 0; i < 500 && cache.cachedLoaders() > 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(0, cache.cachedLoaders(), "still cached after 10 s without transformations");

    poolFor(cache, loader, Leaf.class).describe(Leaf.class.getName()).resolve().isAssignableTo(Relevant.class);
    assertEquals(2, loader.readsOf(Base.class), "a new cache after the drop reads Base again: " + loader.reads);
  }
}
