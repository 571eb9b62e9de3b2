package dev.lethe.platform.training;

import java.time.Instant;
import java.util.List;

/** A conversation eligible for training at the view's point in time, with all its messages in order. */
public record TrainingConversation(String conversationId, String userId, Instant startedAt, List<TrainingMessage> messages) {
  public TrainingConversation {
    messages = List.copyOf(messages);
  }
}
