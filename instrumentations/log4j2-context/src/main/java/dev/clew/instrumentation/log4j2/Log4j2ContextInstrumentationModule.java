package dev.clew.instrumentation.log4j2;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.logging.LoggingContextListener;
import java.util.Collections;
import java.util.List;

/** Trace ids in Log4j 2's ThreadContext ({@code otel.instrumentation.log4j-context-data.enabled}, alias {@code log4j2-context}). */
public final class Log4j2ContextInstrumentationModule extends InstrumentationModule {
  public Log4j2ContextInstrumentationModule() {
    super("log4j-context-data", "log4j2-context");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    LoggingContextListener.configure(config);
    return Collections.<TypeInstrumentation>singletonList(new ThreadContextInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    return Collections.singletonList("org.apache.logging.log4j.ThreadContext#init");
  }
}
