package dev.clew.testing.servlet;

import dev.clew.testing.http.EmbeddedServer;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat 9 to 11 serving {@link ServletTestApp}. Servlet and filter are named by class, so this
 * class names no servlet type and runs on either API's Tomcat; the {@code /unserved} context has no
 * servlet at all (Tomcat answers 404 before any filter).
 */
public final class TomcatServer implements EmbeddedServer {
  private final ServletApi api;
  private Tomcat tomcat;

  public TomcatServer(ServletApi api) {
    this.api = api;
  }

  @Override
  @SuppressWarnings("deprecation") // addServletMappingDecoded: deprecated in Tomcat 11, the only form on Tomcat 9
  public int start() throws Exception {
    tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("", null);
    Wrapper servlet = Tomcat.addServlet(context, "app", api.servletClass());
    servlet.setAsyncSupported(true);
    for (String mapping : ServletTestApp.MAPPINGS) {
      context.addServletMappingDecoded(mapping, "app");
    }
    for (String name : ServletTestApp.FILTERS) {
      FilterDef def = new FilterDef();
      def.setFilterName(name);
      def.setFilterClass(api.filterClass());
      def.setAsyncSupported("true");
      context.addFilterDef(def);
      FilterMap map = new FilterMap();
      map.setFilterName(name);
      map.addURLPattern("/*");
      for (String dispatcher : new String[] {"REQUEST", "FORWARD", "INCLUDE", "ASYNC", "ERROR"}) {
        map.setDispatcher(dispatcher);
      }
      context.addFilterMap(map);
    }
    tomcat.addContext(ServletTestApp.UNSERVED_CONTEXT, null);
    tomcat.start();
    return tomcat.getConnector().getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }
}
