package dev.lethe.insights;

import dev.lethe.filter.PrivacyFilter;
import dev.lethe.pipeline.stage.LanguageTag;
import dev.lethe.platform.training.TrainingConversation;
import dev.lethe.platform.training.TrainingMessage;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What insights know of one conversation: whose it is (for contribution bounding, never released) and its value
 * of every {@link Dimension}. Topic and language come from the masked text only; the raw text is not kept.
 */
public record ConversationFacts(String userId, Map<Dimension, List<String>> values) {
  private static final Pattern CODE = Pattern.compile("```|\\bdef \\w+\\(|\\bfunction \\w+\\(|\\bSELECT\\b.+\\bFROM\\b|\\bpublic static\\b");

  public ConversationFacts {
    Objects.requireNonNull(userId, "userId");
    EnumMap<Dimension, List<String>> copy = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      List<String> v = values.get(d);
      if (v == null || v.isEmpty()) {
        throw new IllegalArgumentException("conversation facts need a value of " + d.id());
      }
      copy.put(d, List.copyOf(v));
    }
    values = java.util.Collections.unmodifiableMap(copy);
  }

  /** The facts of {@code c}, its text masked by {@code filter} before topic and language are read. */
  public static ConversationFacts of(TrainingConversation c, PrivacyFilter filter, Topics topics) {
    StringBuilder masked = new StringBuilder();
    int userTurns = 0;
    boolean tool = false;
    boolean system = false;
    boolean code = false;
    for (TrainingMessage m : c.messages()) {
      masked.append(filter.redact(m.text()).text()).append('\n');
      userTurns += "user".equals(m.role()) ? 1 : 0;
      tool |= "tool".equals(m.role());
      system |= "system".equals(m.role());
      code |= CODE.matcher(m.text()).find();
    }
    List<String> features = new ArrayList<>();
    if (tool) {
      features.add("tool_use");
    }
    if (system) {
      features.add("system_prompt");
    }
    if (code) {
      features.add("code");
    }
    if (userTurns >= 2) {
      features.add("multi_turn");
    }
    if (features.isEmpty()) {
      features.add("plain");
    }
    ZonedDateTime at = c.startedAt().atZone(ZoneOffset.UTC);
    Map<Dimension, List<String>> v = new EnumMap<>(Dimension.class);
    String text = masked.toString();
    v.put(Dimension.TOPIC, List.of(topics.of(text)));
    v.put(Dimension.LANGUAGE, List.of(LanguageTag.of(null, text)));
    v.put(Dimension.LENGTH, List.of(lengthBucket(userTurns)));
    v.put(Dimension.FEATURE, features);
    v.put(Dimension.DAY, List.of(at.toLocalDate().toString()));
    v.put(Dimension.WEEK, List.of(String.format("%d-W%02d", at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))));
    return new ConversationFacts(c.userId(), v);
  }

  static String lengthBucket(int userTurns) {
    if (userTurns <= 1) {
      return "1";
    }
    if (userTurns <= 3) {
      return "2-3";
    }
    if (userTurns <= 7) {
      return "4-7";
    }
    return userTurns <= 15 ? "8-15" : "16+";
  }
}
