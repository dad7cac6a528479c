package dev.clew.instrumentation.executors;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * Context hand-off across threads ({@code otel.instrumentation.executors.enabled}). The JDK's
 * executors, ForkJoin pool and tasks, and threads are always covered; executors of other libraries
 * that do not end in a JDK executor or thread are added by class name with
 * {@code otel.instrumentation.executors.include}, and executors whose tasks must not take the
 * submitter's context are listed in {@code clew.executors.exclude}. A thread the application creates for a
 * task takes the creator's context; a worker a pool, a thread factory or a framework creates does not
 * ({@code clew.executors.new-threads=false}: no thread does).
 */
public final class ExecutorsInstrumentationModule extends InstrumentationModule {
  public ExecutorsInstrumentationModule() {
    super("executors");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    List<String> include = config.getList("otel.instrumentation.executors.include", Collections.<String>emptyList());
    List<String> exclude = config.getList("clew.executors.exclude", Collections.<String>emptyList());
    ContextHandOff.exclude(new HashSet<>(exclude));
    List<TypeInstrumentation> list = new ArrayList<>();
    list.add(new ExecutorInstrumentation(include));
    list.add(new FutureTaskInstrumentation());
    list.add(new ForkJoinPoolInstrumentation());
    list.add(new ForkJoinTaskInstrumentation());
    list.add(new ThreadPerTaskExecutorInstrumentation());
    if (config.getBoolean("clew.executors.new-threads", true)) {
      list.add(new ThreadInstrumentation());
      // a thread made by a factory or of a library's own thread class is a worker, whoever made it start: no hand-off
      list.add(new ThreadFactoryInstrumentation());
      list.add(new ThreadSubclassInstrumentation());
    }
    return list;
  }

  /** Only the advice runs next to the instrumented classes; {@link ContextHandOff} is one shared copy. */
  @Override
  public List<String> helperPackages() {
    return Arrays.asList(getClass().getPackage().getName() + ".advice.");
  }
}
