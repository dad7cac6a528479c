package dev.clew.testing.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Run by {@link KafkaBroker#createTopics} in a child JVM on the broker's class path, so that callers need no
 * kafka-clients of their own: {@code CreateTopics <bootstrap servers> <partitions> <topic>...}.
 */
public final class CreateTopics {
  private CreateTopics() {}

  public static void main(String[] args) throws Exception {
    int partitions = Integer.parseInt(args[1]);
    List<NewTopic> topics = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      topics.add(new NewTopic(args[i], partitions, (short) 1));
    }
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", args[0],
        "default.api.timeout.ms", "90000"))) {
      admin.createTopics(topics).all().get(90, TimeUnit.SECONDS);
    }
  }
}
