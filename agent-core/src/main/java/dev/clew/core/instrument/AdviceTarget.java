package dev.clew.core.instrument;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Receives the advice a {@link TypeInstrumentation} applies. Advice classes are named, not loaded:
 * their methods carry {@code @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)} and
 * {@code @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)},
 * use only JDK and library types in their signatures, and return {@code Object} from enter.
 */
public interface AdviceTarget {
  void applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName);
}
