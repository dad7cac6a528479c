package dev.clew.testapp.advice;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** A module whose helper package is this one: its advice classes load next to each library loader. */
public final class AdviceModule extends InstrumentationModule {
  public AdviceModule() {
    super("advice-test");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    return Collections.emptyList();
  }
}
