package dev.clew.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;

import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Which types to instrument and which advice goes on which of their methods. */
public interface TypeInstrumentation {
  ElementMatcher<TypeDescription> typeMatcher();

  /**
   * A cheap pre-filter on the class loader, checked before {@link #typeMatcher()}; e.g.
   * {@code hasClassNamed("javax.servlet.Filter")}. The bootstrap loader is passed as null.
   */
  default ElementMatcher<ClassLoader> classLoaderMatcher() {
    return any();
  }

  /**
   * The types this instrumentation is about, by binary name: every type {@link #typeMatcher()} accepts is one
   * of them or extends or implements one of them, at any depth. Checked on the class file's names before Byte
   * Buddy describes a class, so that the thousands of classes no module wants cost almost nothing at start-up.
   * Empty (the default) only for a matcher that cannot say: every class of the loaders this instrumentation
   * applies to then goes through {@link #typeMatcher()}.
   */
  default List<String> relevantTypes() {
    return Collections.emptyList();
  }

  /**
   * For a {@link #typeMatcher()} that looks for annotated types or methods rather than for types: the annotation
   * types, by binary name. A class whose constant pool names none of them is skipped before Byte Buddy sees it,
   * as for {@link #relevantTypes()}.
   */
  default List<String> relevantAnnotations() {
    return Collections.emptyList();
  }

  void transform(AdviceTarget target);
}
