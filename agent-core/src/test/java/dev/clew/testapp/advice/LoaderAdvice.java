package dev.clew.testapp.advice;

/** Stands for advice: tells which class loader defined it, and reaches a helper of the same package. */
public final class LoaderAdvice {
  private LoaderAdvice() {}

  public static ClassLoader definedBy(Object ignored) {
    return LoaderHelper.loaderOf(LoaderAdvice.class);
  }

  public static ClassLoader libraryLoader(Object ignored) throws ClassNotFoundException {
    return Class.forName("com.acme.lib.Widget", false, LoaderAdvice.class.getClassLoader()).getClassLoader();
  }
}
