package dev.clew.testing.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.InvocationHandlerAdapter;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * A JDBC driver for a scheme the agent does not know, the way a vendor ships one for an engine that speaks
 * another's protocol: {@code jdbc:forward://host:port/db?product=P&quote=Q&target=URL} (or any other
 * {@code jdbc:} scheme no loaded driver takes, with the same parameters last) opens the real database at
 * {@code URL} (the rest of the text) and hands out connections whose metadata report the URL as given,
 * product name {@code P} and identifier quote {@code Q} ({@code none}: a blank, as JDBC says for "not
 * supported"). Its connection, metadata and statement classes are real named classes (made with Byte Buddy,
 * since the agent leaves JDK dynamic proxies alone) that forward every call, so the agent instruments them
 * as it would any driver's.
 */
public final class ForwardingDriver implements Driver {
  public static final String PREFIX = "jdbc:forward:";
  private static final String PARAMETERS = "?product=";
  private static final Map<Class<?>, Class<?>> WRAPPERS = new ConcurrentHashMap<>();
  private static final AtomicInteger PRODUCT_NAME_CALLS = new AtomicInteger();

  static {
    try {
      DriverManager.registerDriver(new ForwardingDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Registers the driver with {@link DriverManager} (once). */
  public static void register() {
    // the static initializer did it
  }

  /** How often any connection's metadata was asked for its product name. */
  public static int productNameCalls() {
    return PRODUCT_NAME_CALLS.get();
  }

  /**
   * A URL for this driver: the attributes of its spans come from {@code url} (any scheme, e.g.
   * {@code jdbc:forward://host/db} or {@code jdbc:mysql://address=(...)/db}), the data from {@code target}.
   */
  public static String url(String url, String product, String quote, String target) {
    return url + PARAMETERS + product + "&quote=" + quote + "&target=" + target;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    String rest = url.substring(url.lastIndexOf(PARAMETERS) + 1);
    int target = rest.indexOf("target=");
    for (String pair : rest.substring(0, Math.max(0, target)).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    Connection delegate = DriverManager.getConnection(rest.substring(target + "target=".length()), info);
    String quote = params.getOrDefault("quote", "none");
    return new Forwarding(url, params.get("product"), "none".equals(quote) ? " " : quote).connection(delegate);
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith("jdbc:") && url.lastIndexOf(PARAMETERS) > 0 && url.contains("&target=jdbc:");
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  /** What one connection says about itself, and the wrapping of everything it hands out. */
  private static final class Forwarding {
    private final String url;
    private final String product;
    private final String quote;
    private Connection connection;

    Forwarding(String url, String product, String quote) {
      this.url = url;
      this.product = product;
      this.quote = quote;
    }

    Connection connection(Connection delegate) {
      connection = wrap(Connection.class, (proxy, method, args) -> {
        Object result = forward(delegate, method, args);
        switch (method.getName()) {
          case "createStatement":
            return wrapStatement(Statement.class, (Statement) result);
          case "prepareStatement":
            return wrapStatement(PreparedStatement.class, (PreparedStatement) result);
          case "prepareCall":
            return wrapStatement(CallableStatement.class, (CallableStatement) result);
          case "getMetaData":
            return metaData((DatabaseMetaData) result);
          default:
            return result;
        }
      });
      return connection;
    }

    private DatabaseMetaData metaData(DatabaseMetaData delegate) {
      return wrap(DatabaseMetaData.class, (proxy, method, args) -> {
        switch (method.getName()) {
          case "getURL":
            return url;
          case "getDatabaseProductName":
            PRODUCT_NAME_CALLS.incrementAndGet();
            return product;
          case "getIdentifierQuoteString":
            return quote;
          case "getConnection":
            return connection;
          default:
            return forward(delegate, method, args);
        }
      });
    }

    private <T extends Statement> T wrapStatement(Class<T> type, T delegate) {
      return wrap(type, (proxy, method, args) ->
          "getConnection".equals(method.getName()) ? connection : forward(delegate, method, args));
    }
  }

  private static Object forward(Object delegate, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause(); // the driver's own exception, as the application would see it
    }
  }

  /** An instance of a named class implementing {@code type} whose every method goes to {@code handler}. */
  private static <T> T wrap(Class<T> type, InvocationHandler handler) {
    Class<?> wrapper = WRAPPERS.computeIfAbsent(type, t -> new ByteBuddy()
        .subclass(Object.class)
        .implement(t)
        .name(ForwardingDriver.class.getPackage().getName() + ".Forwarding" + t.getSimpleName())
        .defineField("handler", InvocationHandler.class, Visibility.PUBLIC)
        .method(ElementMatchers.not(ElementMatchers.isDeclaredBy(Object.class)))
        .intercept(InvocationHandlerAdapter.toField("handler"))
        .make()
        .load(ForwardingDriver.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
        .getLoaded());
    try {
      Object instance = wrapper.getConstructor().newInstance();
      wrapper.getField("handler").set(instance, handler);
      return type.cast(instance);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
