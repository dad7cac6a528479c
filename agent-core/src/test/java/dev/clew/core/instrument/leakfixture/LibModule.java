package dev.clew.core.instrument.leakfixture;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** A module whose helpers (this package) use {@link com.acme.lib.Lib}. */
public final class LibModule extends InstrumentationModule {
  public LibModule() {
    super("leak-fixture");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    return Collections.emptyList();
  }
}
