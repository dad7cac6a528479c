package dev.clew.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;

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

  void transform(AdviceTarget target);
}
