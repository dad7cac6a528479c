package dev.clew.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code newThread(Runnable)} of every {@code ThreadFactory}: the threads a factory makes are workers of a
 * pool or an event loop (Netty's {@code DefaultThreadFactory}, {@code Executors.defaultThreadFactory()},
 * Tomcat's and Jetty's pools, Hikari's housekeeping), started lazily by whichever request first needs one,
 * so they take no context from it; their tasks get one through the executor hand-off, per task. The JDK's
 * virtual-thread factory ({@code Thread.ofVirtual().factory()}) is left out: a virtual thread runs one
 * task, in the context of the code that created it.
 */
final class ThreadFactoryInstrumentation implements TypeInstrumentation {
  private static final String THREAD_FACTORY = "java.util.concurrent.ThreadFactory";
  private static final ElementMatcher.Junction<MethodDescription> NEW_THREAD =
      named("newThread").and(takesArguments(Runnable.class)).and(not(isAbstract()));

  /**
   * Only classes that declare newThread: a subclass inheriting it runs the advice of the class declaring it, so it
   * is not transformed (Spring's executors all extend its thread factory).
   */
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(declaresMethod(NEW_THREAD)).and(hasSuperType(named(THREAD_FACTORY)))
        .and(not(named("java.lang.ThreadBuilders$VirtualThreadFactory")));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList(THREAD_FACTORY);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(NEW_THREAD, "dev.clew.instrumentation.executors.advice.WorkerCreationAdvice");
  }
}
