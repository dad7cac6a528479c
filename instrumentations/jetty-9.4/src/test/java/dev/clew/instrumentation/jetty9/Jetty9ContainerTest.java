package dev.clew.instrumentation.jetty9;

import dev.clew.testing.http.EmbeddedServer;
import dev.clew.testing.servlet.ContainerSpanSuite;
import dev.clew.testing.servlet.ServletApi;
import dev.clew.testing.servlet.ServletTestApp;
import java.util.EnumSet;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.Servlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.servlet.ServletMapping;

/**
 * Jetty 9.4 (Servlet 3.1) with this module and the javax servlet module: one span per request whichever
 * layers see it, no route (no servlet mapping before Servlet 4.0), ended once when the exchange completes.
 */
class Jetty9ContainerTest extends ContainerSpanSuite {
  Jetty9ContainerTest() {
    super(new Jetty9Server());
  }

  /** The test application at {@code /}, and a context at {@code /unserved} with no handler at all. */
  private static final class Jetty9Server implements EmbeddedServer {
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
      ServletHolder servlet = new ServletHolder("app", (Servlet) newInstance(ServletApi.JAVAX.servletClass()));
      servlet.setAsyncSupported(true);
      context.getServletHandler().addServlet(servlet);
      ServletMapping mapping = new ServletMapping();
      mapping.setServletName("app");
      mapping.setPathSpecs(ServletTestApp.MAPPINGS);
      context.getServletHandler().addServletMapping(mapping);
      for (String name : ServletTestApp.FILTERS) {
        FilterHolder filter = new FilterHolder((Filter) newInstance(ServletApi.JAVAX.filterClass()));
        filter.setName(name);
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
      }
      ContextHandler unserved = new ContextHandler("/unserved");
      server.setHandler(new ContextHandlerCollection(context, unserved));
      server.start();
      return connector.getLocalPort();
    }

    @Override
    public void stop() throws Exception {
      server.stop();
    }

    private static Object newInstance(String className) throws ReflectiveOperationException {
      return Class.forName(className).getConstructor().newInstance();
    }
  }
}
