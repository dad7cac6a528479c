package dev.clew.instrumentation.logback;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.logging.LoggingContextListener;
import java.util.Collections;
import java.util.List;

/** Trace ids in Logback's MDC ({@code otel.instrumentation.logback-mdc.enabled}). */
public final class LogbackMdcInstrumentationModule extends InstrumentationModule {
  public LogbackMdcInstrumentationModule() {
    super("logback-mdc");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    LoggingContextListener.configure(config);
    return Collections.<TypeInstrumentation>singletonList(new MdcAdapterInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    return Collections.singletonList("ch.qos.logback.classic.util.LogbackMDCAdapter#put");
  }
}
