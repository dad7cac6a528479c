package dev.clew.core.trace;

import static dev.clew.core.semconv.SemanticAttributes.THREAD_ID;
import static dev.clew.core.semconv.SemanticAttributes.THREAD_NAME;

/**
 * {@code thread.id} and {@code thread.name} of the thread that starts a span (semantic conventions). Span start
 * is the hottest path: the name is the thread's own string and the boxed id comes from a small racy cache, so
 * a span allocates nothing here once its thread has started one before.
 */
final class ThreadDetails {
  private static final int SLOTS = 1024; // a power of two
  // a slot may be overwritten by another thread's id at any time: readers check the value they got
  private static final Long[] BOXED_IDS = new Long[SLOTS];

  private ThreadDetails() {}

  static void addTo(Attributes attributes) {
    Thread t = Thread.currentThread();
    attributes.put(THREAD_ID, boxedId(t.getId()));
    attributes.put(THREAD_NAME, t.getName());
  }

  static Long boxedId(long id) {
    int slot = (int) id & (SLOTS - 1);
    Long cached = BOXED_IDS[slot];
    if (cached == null || cached.longValue() != id) {
      BOXED_IDS[slot] = cached = id;
    }
    return cached;
  }
}
