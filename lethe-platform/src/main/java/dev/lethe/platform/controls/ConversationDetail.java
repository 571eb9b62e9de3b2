package dev.lethe.platform.controls;

import java.util.List;

/** A conversation with its messages in order. */
public record ConversationDetail(Conversation conversation, List<Message> messages) {}
