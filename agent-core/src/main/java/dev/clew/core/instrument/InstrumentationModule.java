package dev.clew.core.instrument;

import dev.clew.core.config.Config;
import java.util.Collections;
import java.util.List;

/**
 * One library family's instrumentation, found with {@link java.util.ServiceLoader}. It names itself
 * (for {@code otel.instrumentation.<name>.enabled}), lists its {@link TypeInstrumentation}s and the
 * library classes and methods it relies on; where those are missing from a class loader, the module
 * is skipped there with a debug line instead of failing when the application runs.
 *
 * <p>Advice classes and their helpers live in {@link #helperPackages()} and are loaded next to the
 * library, once per class loader that has it; state that must be shared across class loaders belongs
 * in the agent core.
 *
 * <p>Configuration: a module reads every key it uses in {@link #typeInstrumentations(Config)}, from the
 * {@code Config} handed to it (the {@code config} command lists keys by asking every module the same way),
 * and keeps what its helpers need in static fields of the module class itself, of JDK or core types. The
 * module class is never loaded next to the library, so its statics are one for all class loaders, and they
 * are set before any advice runs.
 */
public abstract class InstrumentationModule {
  private final String name;
  private final String[] aliases;

  protected InstrumentationModule(String name, String... aliases) {
    this.name = name;
    this.aliases = aliases;
  }

  public final String name() {
    return name;
  }

  /** On unless {@code otel.instrumentation.<name or alias>.enabled=false}. */
  public boolean isEnabled(Config config) {
    boolean enabled = config.isInstrumentationEnabled(name, defaultEnabled());
    for (String alias : aliases) {
      if (config.isSet("otel.instrumentation." + alias + ".enabled")) {
        enabled &= config.isInstrumentationEnabled(alias, defaultEnabled());
      }
    }
    return enabled;
  }

  protected boolean defaultEnabled() {
    return true;
  }

  /** The types to instrument, configured from {@code config}; called once, before anything is instrumented. */
  public abstract List<TypeInstrumentation> typeInstrumentations(Config config);

  /**
   * Library classes, or {@code Class#method} for a method of that name, that a class loader must
   * provide for this module to apply there.
   */
  public List<String> requiredReferences() {
    return Collections.emptyList();
  }

  /** Package prefixes whose classes are loaded next to the library; default: this module's package. */
  public List<String> helperPackages() {
    return Collections.singletonList(getClass().getPackage().getName() + ".");
  }

  @Override
  public String toString() {
    return name;
  }
}
