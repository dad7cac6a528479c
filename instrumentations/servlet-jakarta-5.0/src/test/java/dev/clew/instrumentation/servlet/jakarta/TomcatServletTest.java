package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.testapp.servlet.jakarta.AppFilter;
import dev.clew.testapp.servlet.jakarta.AppServlet;
import dev.clew.testing.http.HttpServerSuite;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** The HTTP server suite on embedded Tomcat 11. */
class TomcatServletTest extends HttpServerSuite {
  private Tomcat tomcat;

  @Override
  protected int startServer() throws Exception {
    tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("", null);
    Wrapper servlet = Tomcat.addServlet(context, "app", new AppServlet());
    servlet.setAsyncSupported(true);
    for (String mapping : AppServlet.MAPPINGS) {
      context.addServletMapping(mapping, "app");
    }
    for (String name : new String[] {"first", "second"}) {
      FilterDef def = new FilterDef();
      def.setFilterName(name);
      def.setFilter(new AppFilter());
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
    tomcat.start();
    return tomcat.getConnector().getLocalPort();
  }

  @Override
  protected void stopServer() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  @Override
  protected String notFoundRoute() {
    return "/*";
  }
}
