package dev.clew.testapp.advice;

final class LoaderHelper {
  private LoaderHelper() {}

  static ClassLoader loaderOf(Class<?> c) {
    if (c.getClassLoader() != LoaderHelper.class.getClassLoader()) {
      throw new IllegalStateException("helper and advice in different loaders");
    }
    return c.getClassLoader();
  }
}
