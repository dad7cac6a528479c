package dev.clew.instrumentation.kafka;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Views of polled records that run each record taken through {@code next()} in a process span
 * ({@link KafkaConsumerTracer#startProcessing}). Indexed access ({@code get(i)}) is not traced.
 */
interface TracedRecords {
  final class TracedIterator<K, V> implements Iterator<ConsumerRecord<K, V>>, TracedRecords {
    private final Iterator<ConsumerRecord<K, V>> delegate;
    private final KafkaConsumerTracer.Received received;

    TracedIterator(Iterator<ConsumerRecord<K, V>> delegate, KafkaConsumerTracer.Received received) {
      this.delegate = delegate;
      this.received = received;
    }

    @Override
    public boolean hasNext() {
      boolean more = delegate.hasNext();
      if (!more) {
        KafkaConsumerTracer.endProcessing(this);
      }
      return more;
    }

    @Override
    public ConsumerRecord<K, V> next() {
      ConsumerRecord<K, V> record = delegate.next();
      KafkaConsumerTracer.startProcessing(record, received, this);
      return record;
    }

    @Override
    public void remove() {
      delegate.remove();
    }
  }

  final class TracedIterable<K, V> implements Iterable<ConsumerRecord<K, V>>, TracedRecords {
    private final Iterable<ConsumerRecord<K, V>> delegate;
    private final KafkaConsumerTracer.Received received;

    TracedIterable(Iterable<ConsumerRecord<K, V>> delegate, KafkaConsumerTracer.Received received) {
      this.delegate = delegate;
      this.received = received;
    }

    @Override
    public Iterator<ConsumerRecord<K, V>> iterator() {
      return new TracedIterator<>(delegate.iterator(), received);
    }
  }

  final class TracedList<K, V> extends AbstractList<ConsumerRecord<K, V>> implements TracedRecords {
    private final List<ConsumerRecord<K, V>> delegate;
    private final KafkaConsumerTracer.Received received;

    TracedList(List<ConsumerRecord<K, V>> delegate, KafkaConsumerTracer.Received received) {
      this.delegate = delegate;
      this.received = received;
    }

    @Override
    public ConsumerRecord<K, V> get(int index) {
      return delegate.get(index);
    }

    @Override
    public int size() {
      return delegate.size();
    }

    @Override
    public Iterator<ConsumerRecord<K, V>> iterator() {
      return new TracedIterator<>(delegate.iterator(), received);
    }
  }
}
