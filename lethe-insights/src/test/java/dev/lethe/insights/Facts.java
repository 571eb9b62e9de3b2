package dev.lethe.insights;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Conversation facts for tests. */
final class Facts {
  private Facts() {}

  static ConversationFacts of(String user, String topic, String language, String day, String... features) {
    Map<Dimension, List<String>> v = new EnumMap<>(Dimension.class);
    v.put(Dimension.TOPIC, List.of(topic));
    v.put(Dimension.LANGUAGE, List.of(language));
    v.put(Dimension.LENGTH, List.of("1"));
    v.put(Dimension.FEATURE, features.length == 0 ? List.of("plain") : List.of(features));
    v.put(Dimension.DAY, List.of(day));
    v.put(Dimension.WEEK, List.of("2026-W45"));
    return new ConversationFacts(user, v);
  }
}
