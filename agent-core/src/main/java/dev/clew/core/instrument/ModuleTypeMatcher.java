package dev.clew.core.instrument;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Which types one {@link TypeInstrumentation} of a module applies to: the cheap class-loader pre-filter, then
 * the type, then, only for a type that matched, the module's required references in that loader. So a loader
 * is reported as lacking the library only when it holds a type the module would have instrumented (the
 * bootstrap loader is not "missing" {@code java.net.http}, which the platform loader defines).
 */
final class ModuleTypeMatcher implements AgentBuilder.RawMatcher {
  private final ElementMatcher<ClassLoader> loaders;
  private final ElementMatcher<TypeDescription> types;
  private final ReferenceMatcher references; // null: the module names none

  ModuleTypeMatcher(TypeInstrumentation type, ReferenceMatcher references) {
    this.loaders = type.classLoaderMatcher();
    this.types = type.typeMatcher();
    this.references = references;
  }

  @Override
  public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    return loaders.matches(loader) && types.matches(type) && (references == null || references.matches(loader));
  }
}
