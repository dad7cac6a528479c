package dev.clew.core.instrument;

import dev.clew.core.log.AgentLog;
import dev.clew.core.util.WeakIdentityMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The cheap question asked before Byte Buddy describes a class: could any type instrumentation want it?
 * No when the name is ignored ({@link IgnoredTypes}), when no instrumentation applies to the class loader
 * (its {@link TypeInstrumentation#classLoaderMatcher()}, asked once per loader), or when the class is none of
 * the applicable instrumentations' {@link TypeInstrumentation#relevantTypes()} and descends from none
 * ({@link SuperTypeIndex}), and names none of their {@link TypeInstrumentation#relevantAnnotations()} in its
 * constant pool. A yes only means Byte Buddy's own matchers decide, as before; an instrumentation
 * that names no relevant types is asked about every class of the loaders it applies to.
 */
final class ClassFilter {
  private final Anchors anchors = new Anchors();
  private final List<ElementMatcher<ClassLoader>> loaderMatchers = new ArrayList<>();
  private final List<Long> masks = new ArrayList<>(); // 0: names no relevant type
  private final List<List<String>> annotations = new ArrayList<>();
  private final SuperTypeIndex jdk = new SuperTypeIndex(anchors, null, null);
  private final WeakIdentityMap<ClassLoader, LoaderState> states = new WeakIdentityMap<>();
  private volatile LoaderState bootstrap;
  private final ClassLoadingQuiet quiet;

  /** Its indexes compacted whenever class loading goes quiet, as {@code quiet} tells (it is told of each class). */
  ClassFilter(ClassLoadingQuiet quiet) {
    this.quiet = quiet;
    quiet.onQuiet(this::compact);
  }

  ClassFilter() {
    this(new ClassLoadingQuiet());
  }

  /** What one class loader's classes are checked against: the instrumentations that apply to it. */
  private static final class LoaderState {
    final long mask;
    final boolean unhinted;
    final SuperTypeIndex index;
    final long[] annotationHashes; // descriptors (Lcom/acme/Traced;) of relevant annotations; null: none
    final int[] annotationLengths;

    LoaderState(long mask, boolean unhinted, SuperTypeIndex index, List<String> annotations) {
      this.mask = mask;
      this.unhinted = unhinted;
      this.index = index;
      if (annotations.isEmpty()) {
        annotationHashes = null;
        annotationLengths = null;
      } else {
        annotationHashes = new long[annotations.size()];
        annotationLengths = new int[annotations.size()];
        for (int i = 0; i < annotationHashes.length; i++) {
          String descriptor = "L" + annotations.get(i) + ";";
          annotationHashes[i] = ClassHeader.hash(descriptor);
          annotationLengths[i] = descriptor.length(); // binary names of annotations are ASCII in practice
        }
      }
    }
  }

  /** Registers a type instrumentation (before the agent is installed). */
  void add(ElementMatcher<ClassLoader> loaderMatcher, List<String> relevantTypes) {
    add(loaderMatcher, relevantTypes, Collections.<String>emptyList());
  }

  /** As above, for an instrumentation that may (also) name the annotations its classes carry. */
  void add(ElementMatcher<ClassLoader> loaderMatcher, List<String> relevantTypes, List<String> relevantAnnotations) {
    loaderMatchers.add(loaderMatcher);
    masks.add(relevantTypes.isEmpty() ? 0L : anchors.register(relevantTypes));
    annotations.add(relevantAnnotations);
  }

  /** For a class about to be defined from {@code classFile}: may any instrumentation want it? */
  boolean mayMatch(ClassLoader loader, String internalName, byte[] classFile) {
    quiet.activity();
    if (internalName == null || IgnoredTypes.isIgnored(internalName, loader)) {
      return false;
    }
    LoaderState s = state(loader);
    if (s.unhinted) {
      return true;
    }
    if (s.annotationHashes != null && ClassHeader.mentionsAny(classFile, s.annotationHashes, s.annotationLengths)) {
      return true;
    }
    if (s.mask == 0) {
      return false;
    }
    ClassHeader header = ClassHeader.read(classFile);
    return header == null || (s.index.bitsOf(header) & s.mask) != 0;
  }

  /** The same for a class already loaded (retransformation), from its reflective hierarchy. */
  boolean mayMatch(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (IgnoredTypes.isIgnored(type.getName().replace('.', '/'), loader)) {
      return false;
    }
    LoaderState s = state(loader);
    // a loaded class in a loader with annotation hints goes to Byte Buddy: few are loaded before the agent starts
    return s.unhinted || s.annotationHashes != null || (s.mask != 0 && (anchors.bitsOf(type) & s.mask) != 0);
  }

  /** Types remembered for this loader's index (for tests and debug output). */
  int indexedTypes(ClassLoader loader) {
    return state(loader).index.size();
  }

  /** The bytes of this loader's index (for tests). */
  long indexBytes(ClassLoader loader) {
    return state(loader).index.heapBytes();
  }

  /** Shrinks every loader's index to what it holds: they only grow while classes load. */
  void compact() {
    int loaders = 1;
    long types = jdk.size();
    long before = jdk.heapBytes();
    jdk.compact();
    long after = jdk.heapBytes();
    for (LoaderState s : states.values()) {
      loaders++;
      types += s.index.size();
      before += s.index.heapBytes();
      s.index.compact();
      after += s.index.heapBytes();
    }
    AgentLog.debug("class filter's super-type indexes compacted after " + quiet.quietSeconds() + " s without classes"
        + " defined: " + loaders + " class loaders, " + types + " types, " + before / 1024 + " KB -> " + after / 1024
        + " KB");
  }

  private LoaderState state(ClassLoader loader) {
    if (loader == null) {
      LoaderState s = bootstrap;
      if (s == null) {
        bootstrap = s = compute(null);
      }
      return s;
    }
    LoaderState s = states.get(loader);
    if (s == null) {
      s = states.putIfAbsent(loader, compute(loader));
    }
    return s;
  }

  private LoaderState compute(ClassLoader loader) {
    long mask = 0;
    boolean unhinted = false;
    List<String> relevantAnnotations = new ArrayList<>();
    for (int i = 0; i < loaderMatchers.size(); i++) {
      if (applies(loaderMatchers.get(i), loader)) {
        long m = masks.get(i);
        mask |= m;
        unhinted |= m == 0 && annotations.get(i).isEmpty();
        relevantAnnotations.addAll(annotations.get(i));
      }
    }
    SuperTypeIndex index = loader == null ? jdk : new SuperTypeIndex(anchors, loader, jdk);
    return new LoaderState(mask, unhinted, index, relevantAnnotations);
  }

  /** A matcher that fails is taken to apply: Byte Buddy then asks it again and reports the failure. */
  private static boolean applies(ElementMatcher<ClassLoader> matcher, ClassLoader loader) {
    try {
      return matcher.matches(loader);
    } catch (Throwable t) {
      return true;
    }
  }
}
