package dev.lethe.platform.training;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * One consistent, point-in-time, read-only view of what may be trained on: the read API of the
 * snapshot builder.
 *
 * <p>Opened by {@link TrainingSource#open()} as a single read transaction (a WAL snapshot on SQLite,
 * REPEATABLE READ on PostgreSQL): every stream of one view sees the same committed state, the one
 * numbered {@link #watermark()}, whatever is written meanwhile. The view holds one database
 * connection until {@link #close()}; open it, read, close it. Not thread-safe: one reader at a
 * time, though several streams may be open together.
 *
 * <p>What is eligible, as users are promised:
 *
 * <ul>
 *   <li>A conversation: "improve the model for everyone" was on for its user when it started, it is
 *       not a temporary chat, it is not deleted, its account is not deleted, and no do-not-train
 *       request of its user completed since. Only conversations with at least one message appear.
 *   <li>A memory: saved (or last edited) while the setting was on, not deleted, its account not
 *       deleted, no do-not-train request since.
 * </ul>
 *
 * <p>The streams are lazy (rows are fetched as consumed, one conversation's messages at a time) and
 * must be closed, e.g. with try-with-resources; closing the view closes them too. Texts are raw: the
 * caller runs the Privacy Filter and honours {@link #suppressionList()}.
 *
 * <p>Incremental use: remember {@link #watermark()} with a snapshot; next time, open a new view and
 * read {@link #changesSince(long)} with the remembered watermark to learn what left since, then take
 * the eligible set of the new view.
 */
public interface TrainingView extends AutoCloseable {

  /** The change-feed position this view reflects: every change with seq &lt;= it, none after. */
  long watermark();

  /** The time of the last change this view reflects (epoch if none). */
  Instant asOf();

  /** Eligible conversations with their messages, in the order they started. */
  Stream<TrainingConversation> conversations();

  /** Eligible memories, in the order they were saved. */
  Stream<TrainingMemory> memories();

  /** Every active suppression entry, of every user (also of deleted accounts), oldest first. */
  Stream<SuppressionEntry> suppressionList();

  /**
   * Changes with {@code since < seq <= watermark()}, in order: conversations and accounts deleted,
   * setting changes, completed do-not-train and delete requests, memories deleted or edited, and
   * suppression entries added. Pass 0 for all changes ever recorded.
   */
  Stream<Change> changesSince(long since);

  /** Ends the read transaction and releases the connection; open streams stop working. */
  @Override
  void close();
}
