package dev.clew.core.instrument;

import dev.clew.bootstrap.IndyBootstrap;
import dev.clew.core.log.AgentLog;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds advice call sites: finds the module that owns an advice class, loads the class in that
 * module's {@link AdviceClassLoader} for the instrumented class's loader, and returns its method.
 * A failure here disables only that call site (it becomes a no-op) and is logged.
 */
final class AdviceDispatcher implements IndyBootstrap.Resolver {
  private static final class ModuleLoaders {
    final InstrumentationModule module;
    final String[] helperPrefixes;
    final Map<ClassLoader, AdviceClassLoader> byLoader = new WeakHashMap<>();
    volatile AdviceClassLoader forBootstrap;

    ModuleLoaders(InstrumentationModule module) {
      this.module = module;
      this.helperPrefixes = module.helperPackages().toArray(new String[0]);
    }
  }

  private final ClassLoader agentLoader;
  private final Map<String, ModuleLoaders> byAdviceClass = new ConcurrentHashMap<>();
  private final Map<InstrumentationModule, ModuleLoaders> byModule = new ConcurrentHashMap<>();

  AdviceDispatcher(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  void register(InstrumentationModule module, String adviceClass) {
    byAdviceClass.put(adviceClass, byModule.computeIfAbsent(module, ModuleLoaders::new));
  }

  @Override
  public MethodHandle resolve(String adviceClass, String adviceMethod, MethodType type, Class<?> instrumentedType)
      throws Throwable {
    ModuleLoaders m = byAdviceClass.get(adviceClass);
    if (m == null) {
      AgentLog.warn("no instrumentation module owns advice " + adviceClass);
      return null;
    }
    try {
      AdviceClassLoader loader = loaderFor(m, instrumentedType.getClassLoader());
      Class<?> advice = Class.forName(adviceClass, true, loader);
      return MethodHandles.publicLookup().findStatic(advice, adviceMethod, type);
    } catch (Throwable t) {
      AgentLog.warn("instrumentation '" + m.module.name() + "' cannot run its advice on "
          + instrumentedType.getName() + "; that call site is disabled", t);
      return null;
    }
  }

  private AdviceClassLoader newLoader(ModuleLoaders m, ClassLoader target) {
    return new AdviceClassLoader(target, agentLoader, m.module.getClass().getClassLoader(), m.helperPrefixes,
        m.module.getClass().getName());
  }

  private AdviceClassLoader loaderFor(ModuleLoaders m, ClassLoader target) {
    if (target == null) {
      AdviceClassLoader l = m.forBootstrap;
      if (l == null) {
        synchronized (m) {
          l = m.forBootstrap;
          if (l == null) {
            m.forBootstrap = l = newLoader(m, null);
          }
        }
      }
      return l;
    }
    synchronized (m.byLoader) {
      AdviceClassLoader l = m.byLoader.get(target);
      if (l == null) {
        l = newLoader(m, target);
        m.byLoader.put(target, l);
      }
      return l;
    }
  }
}
