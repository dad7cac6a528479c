package dev.clew.instrumentation.kafka;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.log.AgentLog;
import dev.clew.core.propagation.Propagators;
import dev.clew.core.propagation.TextMapPropagator;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.TracerProvider;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Owns the consumer side. The model (OpenTelemetry messaging conventions, "receive" then "process"):
 * <ul>
 *   <li>{@code poll} returning records: a CONSUMER span {@code poll {topic}} (operation type receive) from
 *       the start to the end of the call, child of whatever is current, with one link per record to the
 *       producer span found in its headers (up to the span link limit) and the batch size. An empty poll
 *       records nothing.</li>
 *   <li>Each record the application takes from the polled records (their iterator, {@code forEach},
 *       {@code records(topic)}, {@code records(partition)}): a CONSUMER span {@code process {topic}} that is
 *       current while the application handles the record, so its own spans nest. By default its parent is
 *       the record's producer span, so one trace runs from the producing request to the work done for the
 *       message, and it links to the poll span; with {@code clew.kafka.process.parent=poll} the parent is
 *       the poll span and the link goes to the producer. A record without a producer context is a child
 *       of the poll span.</li>
 *   <li>A process span ends when the same thread takes the next record, when the iteration reports it has
 *       no more, or when the thread polls again or closes the consumer; one process span per thread is open at
 *       a time. A loop left with {@code break} keeps its last span (and context) until then.</li>
 * </ul>
 */
public final class KafkaConsumerTracer {
  /** The process span open on this thread, and the iterator it came from. */
  private static final ThreadLocal<Processing> PROCESSING = new ThreadLocal<>();
  /** Polled batches to the span that received them (weak: a batch lives as long as the application keeps it). */
  private static final Map<ConsumerRecords<?, ?>, Received> RECEIVED =
      Collections.synchronizedMap(new WeakHashMap<ConsumerRecords<?, ?>, Received>());

  private KafkaConsumerTracer() {}

  static final class Received {
    final SpanContext pollSpan;
    final KafkaClientInfo client;

    Received(SpanContext pollSpan, KafkaClientInfo client) {
      this.pollSpan = pollSpan;
      this.client = client;
    }
  }

  private static final class Processing {
    final Span span;
    final Scope scope;
    final Object owner;

    Processing(Span span, Scope scope, Object owner) {
      this.span = span;
      this.scope = scope;
      this.owner = owner;
    }
  }

  /** Poll enter: the previous batch's record is done; returns the start time of this poll. */
  public static Object pollStarted() {
    endProcessing(null);
    return TracerProvider.global().clock().now();
  }

  public static void pollEnded(Object consumer, Object start, ConsumerRecords<?, ?> records) {
    try {
      if (records == null || records.isEmpty()) {
        return;
      }
      TracerProvider provider = TracerProvider.global();
      TextMapPropagator propagator = Propagators.global();
      KafkaClientInfo client = KafkaClientInfo.of(consumer);
      String topic = null;
      boolean oneTopic = true;
      for (TopicPartition tp : records.partitions()) {
        if (topic == null) {
          topic = tp.topic();
        } else if (!topic.equals(tp.topic())) {
          oneTopic = false;
        }
      }
      String destination = oneTopic ? topic : null;
      int count = records.count();
      SpanBuilder builder = provider.tracer(KafkaProducerTracer.SCOPE)
          .spanBuilder(KafkaAttributes.spanName("poll", destination)).setSpanKind(SpanKind.CONSUMER);
      if (start instanceof Long) {
        builder.setStartTimestamp((Long) start);
      }
      KafkaAttributes.onReceive(builder, destination, count, client);
      for (TopicPartition tp : records.partitions()) {
        // records(tp) hands back our traced view: indexed access does not start process spans
        List<? extends ConsumerRecord<?, ?>> list = records.records(tp);
        for (int i = 0, n = list.size(); i < n; i++) {
          builder.addLink(Span.fromContext(KafkaHeaders.extract(propagator, list.get(i).headers())).spanContext());
        }
      }
      Span span = builder.startSpan();
      span.end();
      RECEIVED.put(records, new Received(span.spanContext(), client));
    } catch (Throwable t) {
      AgentLog.warnThrottled("kafka-poll", "kafka poll tracing failed: " + t);
    }
  }

  /** The traced view of what {@code ConsumerRecords.iterator()} / {@code records(..)} returned. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object traceIteration(ConsumerRecords<?, ?> records, Object returned) {
    if (returned instanceof TracedRecords || records.isEmpty()) {
      return returned;
    }
    Received received = RECEIVED.get(records);
    if (returned instanceof Iterator) {
      return new TracedRecords.TracedIterator((Iterator) returned, received);
    }
    if (returned instanceof List) {
      List list = (List) returned;
      return list.isEmpty() ? list : new TracedRecords.TracedList(list, received);
    }
    if (returned instanceof Iterable) {
      return new TracedRecords.TracedIterable((Iterable) returned, received);
    }
    return returned;
  }

  /** The application takes {@code record} from {@code owner}: end the previous process span, start this one. */
  static void startProcessing(ConsumerRecord<?, ?> record, Received received, Object owner) {
    endProcessing(null);
    try {
      if (record == null) {
        return;
      }
      TracerProvider provider = TracerProvider.global();
      Context current = Context.current();
      Context producer = KafkaHeaders.extract(Propagators.global(), record.headers());
      SpanContext producerSpan = Span.fromContext(producer).spanContext();
      SpanContext pollSpan = received == null ? SpanContext.INVALID : received.pollSpan;
      Context parent;
      SpanContext link;
      if (producerSpan.isValid() && !KafkaInstrumentationModule.parentIsPoll()) {
        parent = producer;
        link = pollSpan;
      } else {
        parent = pollSpan.isValid() ? current.with(Span.wrap(pollSpan)) : current;
        link = producerSpan;
      }
      SpanBuilder builder = provider.tracer(KafkaProducerTracer.SCOPE)
          .spanBuilder(KafkaAttributes.spanName("process", record.topic()))
          .setSpanKind(SpanKind.CONSUMER).setParent(parent).addLink(link);
      KafkaAttributes.onProcess(builder, record, received == null ? KafkaClientInfo.UNKNOWN : received.client);
      Span span = builder.startSpan();
      PROCESSING.set(new Processing(span, parent.with(span).makeCurrent(), owner));
    } catch (Throwable t) {
      AgentLog.warnThrottled("kafka-process", "kafka process tracing failed: " + t);
    }
  }

  /** Ends the open process span of this thread if it came from {@code owner} (any owner when null). */
  static void endProcessing(Object owner) {
    Processing p = PROCESSING.get();
    if (p == null || (owner != null && p.owner != owner)) {
      return;
    }
    PROCESSING.remove();
    try {
      p.scope.close();
      p.span.end();
    } catch (Throwable t) {
      AgentLog.warnThrottled("kafka-process", "kafka process tracing failed: " + t);
    }
  }
}
