package dev.clew.testing.servlet;

/**
 * The servlet application of {@link dev.clew.testing.http.HttpServerSuite}, the same for both servlet APIs:
 * {@code AppServlet} under {@link #MAPPINGS}, behind the filters {@link #FILTERS} ({@code AppFilter}) that see
 * every dispatch, in the root context; plus a path no filter or servlet sees ({@link #UNSERVED_PATH}),
 * answered 404 by the container itself.
 */
public final class ServletTestApp {
  /** {@code /} makes the servlet the default one (404 for unknown paths, {@code home} for {@code /}). */
  public static final String[] MAPPINGS = {"/hello", "/users/*", "/forward", "/include", "/traced", "/boom",
      "/wrapped", "/status/*", "/async", "/async-dispatch", "/async-dispatch-now", "/async-timeout", "/"};
  public static final String[] FILTERS = {"first", "second"};
  /** Under a context (Tomcat) or handler (Jetty) with no filter or servlet. */
  public static final String UNSERVED_PATH = "/unserved/7";
  static final String UNSERVED_CONTEXT = "/unserved";

  private ServletTestApp() {}
}
