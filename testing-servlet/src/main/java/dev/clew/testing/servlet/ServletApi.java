package dev.clew.testing.servlet;

import dev.clew.testing.http.EmbeddedServer;
/** The two servlet APIs, and the test application's classes for each. */
public enum ServletApi {
  JAVAX("javax"),
  JAKARTA("jakarta");

  private final String packageName;

  ServletApi(String name) {
    this.packageName = ServletApi.class.getPackage().getName() + "." + name;
  }

  public String servletClass() {
    return packageName + ".AppServlet";
  }

  public String filterClass() {
    return packageName + ".AppFilter";
  }

  /** Embedded Jetty 12 with this API's environment ({@code ee8} for javax, {@code ee10} for jakarta). */
  public EmbeddedServer jetty() {
    try {
      return (EmbeddedServer) Class.forName(packageName + ".JettyServer").getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no Jetty 12 fixture for " + this, e);
    }
  }
}
