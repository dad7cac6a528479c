package dev.clew.core.instrument;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * The {@link ClassFilter} for classes already loaded, which Byte Buddy matches when the agent is installed
 * (thousands: the JDK's, the agent's own) without going through the class file transformer. A class the
 * filter rejects is described by reflection, which reads nothing, and then ignored; the others are described
 * from their class files as before ({@code POOL_FIRST}: see {@link AgentInstaller}).
 */
final class LoadedClassFilter implements AgentBuilder.DescriptionStrategy, AgentBuilder.RawMatcher {
  private final ClassFilter filter;
  private final AgentBuilder.DescriptionStrategy delegate;

  LoadedClassFilter(ClassFilter filter, AgentBuilder.DescriptionStrategy delegate) {
    this.filter = filter;
    this.delegate = delegate;
  }

  @Override
  public boolean isLoadedFirst() {
    return delegate.isLoadedFirst();
  }

  @Override
  public TypeDescription apply(String name, Class<?> type, TypePool typePool, AgentBuilder.CircularityLock lock,
      ClassLoader classLoader, JavaModule module) {
    if (type != null && !filter.mayMatch(type)) {
      return TypeDescription.ForLoadedType.of(type);
    }
    return delegate.apply(name, type, typePool, lock, classLoader, module);
  }

  /** As an ignore matcher: true for a loaded class the filter rejects. */
  @Override
  public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    return classBeingRedefined != null && !filter.mayMatch(classBeingRedefined);
  }
}
