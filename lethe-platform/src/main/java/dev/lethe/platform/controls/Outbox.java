package dev.lethe.platform.controls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.lethe.platform.store.PrivateFiles;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Notifier} for development and tests: keeps messages in memory and, when given a folder,
 * writes each as a text file there (a stand-in for an email service; plug a real one in production).
 */
public final class Outbox implements Notifier {
  /** One message sent. */
  public record Message(String email, String subject, String body) {}

  private final Path folder;
  private final List<Message> sent = new ArrayList<>();

  /** @param folder where to write messages, or null to keep them in memory only */
  public Outbox(Path folder) {
    this.folder = folder;
  }

  @Override
  public synchronized void send(String email, String subject, String body) {
    sent.add(new Message(email, subject, body));
    if (folder != null) {
      try {
        Files.writeString(newFile(), "To: " + email + "\nSubject: " + subject + "\n\n" + body + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to the outbox " + folder, e);
      }
    }
  }

  /**
   * A new mail file (mode 0600: it holds one-time codes) that no earlier mail has, also across
   * restarts and other processes on the same folder: the next free number after the highest there.
   */
  private Path newFile() throws IOException {
    PrivateFiles.folder(folder);
    long next;
    try (var names = Files.list(folder)) {
      next = names.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{6,}\\.txt"))
          .mapToLong(n -> Long.parseLong(n.substring(0, n.length() - 4)))
          .max().orElse(0) + 1;
    }
    while (true) {
      try {
        return PrivateFiles.createNew(folder.resolve(String.format("%06d.txt", next)));
      } catch (FileAlreadyExistsException taken) {
        next++;
      }
    }
  }

  /** The last message sent to {@code email}, if any. */
  public synchronized Optional<Message> lastTo(String email) {
    for (int i = sent.size() - 1; i >= 0; i--) {
      if (sent.get(i).email().equals(email)) {
        return Optional.of(sent.get(i));
      }
    }
    return Optional.empty();
  }

  /** The one-time code in the last message sent to {@code email}. */
  public Optional<String> lastCodeFor(String email) {
    return lastTo(email).map(m -> m.body().replaceAll("(?s).*code: (\\d+).*", "$1"));
  }
}
