package dev.lethe.pipeline.source;

import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.platform.training.TrainingConversation;
import dev.lethe.platform.training.TrainingMemory;
import dev.lethe.platform.training.TrainingMessage;
import dev.lethe.platform.training.TrainingView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Eligible conversations and memories of one {@link TrainingView}: one consistent point in time, whose
 * {@linkplain TrainingView#watermark() watermark} the manifest records. A conversation becomes one record
 * whose text is its messages in order ({@code User: ...}, {@code Assistant: ...}); the user id is replaced
 * by its keyed pseudonym and never enters the text.
 */
public final class StoreSource implements RecordSource {
  private final TrainingView view;
  private final Pseudonyms pseudonyms;
  private final String name;

  /** @param name how the manifest names the store (a path or a JDBC URL without credentials) */
  public StoreSource(TrainingView view, Pseudonyms pseudonyms, String name) {
    this.view = view;
    this.pseudonyms = pseudonyms;
    this.name = name;
  }

  @Override
  public InputDigest read(Consumer<SourceRecord> sink) {
    MessageDigest d = Digests.sha256();
    d.update(("watermark " + view.watermark() + "\n").getBytes(StandardCharsets.UTF_8));
    long n = 0;
    long bytes = 0;
    try (Stream<TrainingConversation> cs = view.conversations()) {
      for (TrainingConversation c : (Iterable<TrainingConversation>) cs::iterator) {
        SourceRecord r = conversation(c, pseudonyms);
        update(d, r);
        bytes += r.text().length();
        n++;
        sink.accept(r);
      }
    }
    try (Stream<TrainingMemory> ms = view.memories()) {
      for (TrainingMemory m : (Iterable<TrainingMemory>) ms::iterator) {
        SourceRecord r = new SourceRecord(pseudonyms.documentId(SourceKind.MEMORY, m.memoryId()), SourceKind.MEMORY,
            "store", m.text() == null ? "" : m.text(), null, pseudonyms.subject(m.userId()), null, null, null);
        update(d, r);
        bytes += r.text().length();
        n++;
        sink.accept(r);
      }
    }
    return new InputDigest("store", name + " @ watermark " + view.watermark(), Digests.format(d), n, bytes);
  }

  /** The record of one conversation. */
  public static SourceRecord conversation(TrainingConversation c, Pseudonyms pseudonyms) {
    StringBuilder text = new StringBuilder();
    for (TrainingMessage m : c.messages()) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      String role = m.role() == null || m.role().isEmpty() ? "user" : m.role();
      text.append(Character.toUpperCase(role.charAt(0))).append(role.substring(1).toLowerCase(Locale.ROOT))
          .append(": ").append(m.text() == null ? "" : m.text());
    }
    return new SourceRecord(pseudonyms.documentId(SourceKind.CONVERSATION, c.conversationId()), SourceKind.CONVERSATION,
        "store", text.toString(), null, pseudonyms.subject(c.userId()), null, null, null);
  }

  private static void update(MessageDigest d, SourceRecord r) {
    d.update(r.id().getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0);
    d.update(r.text().getBytes(StandardCharsets.UTF_8));
    d.update((byte) '\n');
  }
}
