package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.testapp.servlet.jakarta.AppFilter;
import dev.clew.testapp.servlet.jakarta.AppServlet;
import dev.clew.testing.http.HttpServerSuite;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The HTTP server suite on embedded Jetty 12 (ee10, Servlet 6.0). */
class JettyServletTest extends HttpServerSuite {
  private Server server;

  @Override
  protected int startServer() throws Exception {
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
    mapping.setPathSpecs(AppServlet.MAPPINGS);
    context.getServletHandler().addServletMapping(mapping);
    for (String name : new String[] {"first", "second"}) {
      FilterHolder filter = new FilterHolder(new AppFilter());
      filter.setName(name);
      filter.setAsyncSupported(true);
      context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
    }
    server.setHandler(context);
    server.start();
    return connector.getLocalPort();
  }

  @Override
  protected void stopServer() throws Exception {
    server.stop();
  }

  @Override
  protected String notFoundRoute() {
    return "/*";
  }
}
