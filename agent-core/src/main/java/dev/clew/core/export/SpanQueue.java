package dev.clew.core.export;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded queue for many producers (threads ending spans) and one consumer (the export worker).
 * {@link #offer} is lock-free and wait-free apart from a CAS retry: a full queue refuses instead of
 * waiting, and nothing the consumer does can hold a producer up. Items the consumer drained stay
 * counted against the capacity until it {@link #release releases} them (exported, dropped or failed),
 * so what the consumer holds for a retry and what waits in the queue together never pass the capacity.
 */
final class SpanQueue<T> {
  private final AtomicReferenceArray<T> slots;
  private final int capacity;
  private final AtomicLong tail = new AtomicLong(); // next sequence a producer claims
  private final AtomicLong head = new AtomicLong(); // next sequence the consumer reads
  private final AtomicInteger held = new AtomicInteger(); // drained and not yet released

  SpanQueue(int capacity) {
    this.capacity = capacity;
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  /** Adds the item, or returns false at once if the queue is full. */
  boolean offer(T item) {
    long seq;
    do {
      seq = tail.get();
      // head before held: a drain raises held before it moves head, so room is never overstated
      if (seq - head.get() + held.get() >= capacity) {
        return false;
      }
    } while (!tail.compareAndSet(seq, seq + 1));
    // the slot is free: the consumer nulled it before moving head past it
    slots.lazySet(index(seq), item);
    return true;
  }

  /**
   * Moves up to {@code max} items to {@code out} in order; consumer thread only. Stops early at a slot
   * whose producer has claimed it but not yet published (it will be there next time).
   */
  int drainTo(List<? super T> out, int max) {
    long h = head.get();
    int n = 0;
    while (n < max) {
      int i = index(h);
      T item = slots.get(i);
      if (item == null) {
        break;
      }
      slots.lazySet(i, null);
      out.add(item);
      h++;
      n++;
    }
    if (n > 0) {
      held.addAndGet(n);
      head.set(h);
    }
    return n;
  }

  /** Items drained and not yet released: they still take room. */
  int held() {
    return held.get();
  }

  /**
   * Gives back the room of {@code n} drained items; returns how many were still held (fewer when
   * {@link #releaseAll} took them meanwhile), which is how many the caller may count.
   */
  int release(int n) {
    while (true) {
      int h = held.get();
      int r = Math.min(h, n);
      if (held.compareAndSet(h, h - r)) {
        return r;
      }
    }
  }

  /** Releases everything drained; returns how many that was. */
  int releaseAll() {
    return held.getAndSet(0);
  }

  /** Items claimed by producers and not yet drained (approximate while producers are active). */
  int size() {
    long s = tail.get() - head.get();
    return s < 0 ? 0 : (int) Math.min(s, capacity);
  }

  int capacity() {
    return capacity;
  }

  private int index(long seq) {
    return (int) (seq % capacity);
  }
}
