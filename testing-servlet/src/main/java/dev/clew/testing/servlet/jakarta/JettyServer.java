package dev.clew.testing.servlet.jakarta;

import dev.clew.testing.http.EmbeddedServer;
import dev.clew.testing.servlet.ServletTestApp;
import dev.clew.testing.servlet.UnservedPaths;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 (ee10, Servlet 6.0) serving {@link ServletTestApp}. The {@code javax} twin (ee8,
 * Servlet 4.0) is generated from this class at build time.
 */
public final class JettyServer implements EmbeddedServer {
  private Server server;

  @Override
  public int start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder servlet = new ServletHolder("app", new AppServlet());
    servlet.setAsyncSupported(true);
    context.getServletHandler().addServlet(servlet);
    ServletMapping mapping = new ServletMapping();
    mapping.setServletName("app");
    mapping.setPathSpecs(ServletTestApp.MAPPINGS);
    context.getServletHandler().addServletMapping(mapping);
    for (String name : ServletTestApp.FILTERS) {
      FilterHolder filter = new FilterHolder(new AppFilter());
      filter.setName(name);
      filter.setAsyncSupported(true);
      context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
    }
    UnservedPaths root = new UnservedPaths();
    root.setHandler(context);
    server.setHandler(root);
    server.start();
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    server.stop();
  }
}
