package dev.clew.core.instrument;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Types no module may touch (the agent itself, Byte Buddy, reflection and lambda plumbing, proxies), plus the
 * bulk of the JDK's bootstrap classes that no module instruments: matching them would cost start-up time for
 * nothing (hundreds are loaded before the application starts). Decided on the name alone, so the class filter
 * asks before anything is read; Byte Buddy asks again for the classes it is handed.
 */
final class IgnoredTypes implements AgentBuilder.RawMatcher {
  static final IgnoredTypes INSTANCE = new IgnoredTypes();

  /** Internal names (with '/') of packages never instrumented, whatever the class loader. */
  private static final String[] NEVER = {
    "dev/clew/bootstrap/", "dev/clew/core/", "dev/clew/instrumentation/", "dev/clew/shaded/", "net/bytebuddy/",
    "sun/reflect/", "jdk/internal/reflect/", "java/lang/invoke/", "com/sun/proxy/",
    "jdk/proxy" // JDK 16+ dynamic proxies: no class file to describe them from
  };
  /** Generated classes: lambdas, and Byte Buddy's (also its injected ClassLoader$ByteBuddyAccessor). */
  private static final String[] GENERATED = {"$$Lambda", "$ByteBuddy"};
  /** JDK packages of the bootstrap loader that no module instruments. */
  private static final String[] JDK_SKIPPED = {
    "java/lang/invoke/", "java/lang/reflect/", "java/lang/ref/", "java/lang/module/", "java/lang/constant/",
    "java/lang/annotation/", "java/io/", "java/nio/", "java/time/", "java/text/", "java/security/", "java/math/",
    "java/util/regex/", "java/util/stream/", "java/util/zip/", "java/util/jar/", "java/util/function/",
    "javax/", "com/sun/", "jdk/jfr/", "jdk/management/", "jdk/internal/", "sun/"
  };
  /** Exceptions to JDK_SKIPPED: JDK internals that HTTP client modules instrument. */
  private static final String[] JDK_KEPT = {"jdk/internal/net/http/", "sun/net/www/protocol/"};

  private IgnoredTypes() {}

  /** For an internal name ({@code java/io/File}) and the loader defining the class (null: bootstrap). */
  static boolean isIgnored(String internalName, ClassLoader loader) {
    if (startsWithAny(internalName, NEVER)) {
      return true;
    }
    for (String g : GENERATED) {
      if (internalName.contains(g)) {
        return true;
      }
    }
    return loader == null && !startsWithAny(internalName, JDK_KEPT) && startsWithAny(internalName, JDK_SKIPPED);
  }

  private static boolean startsWithAny(String name, String[] prefixes) {
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    return isIgnored(type.getName().replace('.', '/'), loader) || type.isSynthetic();
  }
}
