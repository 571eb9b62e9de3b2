package dev.lethe.guard;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Guards one answer as it arrives in chunks (model tokens, Server-Sent Events): {@link #push} takes a chunk
 * and returns the guarded text that is safe to send now, {@link #finish} the rest. The concatenated output
 * depends only on the concatenated input, never on how it was chunked, and equals {@link Guard#check}.
 *
 * <p>Text is held back until its piece is decided: up to the piece's commit point plus the look-ahead
 * ({@link #heldBack()} says how much is held now, {@link #maxHeldBack()} the most so far). In refuse mode the
 * stream ends at the first piece with private data: the refusal message takes its place and later chunks are
 * ignored ({@link #refused()}).
 *
 * <p>For one answer and one thread.
 */
public final class GuardStream {
  private final Guard guard;
  private final PrivateDataRequest request;
  private final Set<String> promptValues;
  private final GuardPolicy.Mode mode;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder emitted = new StringBuilder();
  private final Segmenter segmenter = new Segmenter();
  private int[] commits = new int[16];
  private int commitCount;
  private final List<Finding> findings = new ArrayList<>();
  private int pos;          // start of the undecided text
  private int searchFrom;   // the piece at pos is known to extend past this point
  private int carryEnd;     // text before this is inside a span that began in a piece already decided
  private Label carryLabel;
  private int maxHeld;
  private boolean refused;
  private boolean finished;
  private int drained;

  GuardStream(Guard guard, PrivateDataRequest request, boolean refuseNow, Set<String> promptValues) {
    this.guard = guard;
    this.request = request;
    this.promptValues = promptValues;
    this.mode = guard.policy().mode();
    if (refuseNow) {
      refused = true;
      emitted.append(guard.policy().refusal());
    }
  }

  /** Adds a chunk of the answer; returns the guarded text that may be sent now (often empty). */
  public String push(CharSequence chunk) {
    if (finished) {
      throw new IllegalStateException("the stream is finished");
    }
    if (!refused) {
      text.append(chunk);
      for (int c; (c = segmenter.next(text, text.length())) > 0; ) {
        if (commitCount == commits.length) {
          commits = Arrays.copyOf(commits, commitCount * 2);
        }
        commits[commitCount++] = c;
      }
      advance(false);
      maxHeld = Math.max(maxHeld, heldBack());
    }
    return drain();
  }

  /** Ends the answer; returns the rest of the guarded text. */
  public String finish() {
    if (!finished) {
      finished = true;
      if (!refused) {
        advance(true);
      }
    }
    return drain();
  }

  /** Whether the answer was refused: what follows is dropped, and the caller may stop the model. */
  public boolean refused() {
    return refused;
  }

  /** Chars received and not yet sent. */
  public int heldBack() {
    return text.length() - pos;
  }

  /** The most chars held back at once so far. */
  public int maxHeldBack() {
    return maxHeld;
  }

  /** What the guard did, once {@link #finish()} was called. */
  public GuardResult result() {
    if (!finished) {
      throw new IllegalStateException("finish the stream first");
    }
    GuardResult.Verdict verdict = refused ? GuardResult.Verdict.REFUSED
        : findings.isEmpty() ? GuardResult.Verdict.CLEAN
        : mode == GuardPolicy.Mode.REPORT ? GuardResult.Verdict.REPORTED : GuardResult.Verdict.MASKED;
    return new GuardResult(emitted.toString(), verdict, findings, request);
  }

  private String drain() {
    String out = emitted.substring(drained);
    drained = emitted.length();
    return out;
  }

  /** Decides every piece whose commit point and look-ahead have arrived (all of them at the end). */
  private void advance(boolean end) {
    int n = text.length();
    while (!refused && pos < n) {
      int next = commitAfter(searchFrom);
      if (next < 0 && !end) {
        return;
      }
      int e = next < 0 ? n : next;
      int look = lookAhead(e, end);
      if (look < 0) {
        return;
      }
      int from = contextStart();
      List<Span> spans = guard.findings(text.substring(from, look), from, promptValues);
      boolean crossing = spans.stream().anyMatch(s -> s.start() < e && s.end() > e);
      if (crossing && e < n && e - pos < Guard.MAX_PIECE) {
        searchFrom = e; // the piece grows to the next commit point
        continue;
      }
      decide(e, spans);
    }
  }

  /** The first commit point after {@code x}, or -1 if none has arrived. */
  private int commitAfter(int x) {
    int i = Arrays.binarySearch(commits, 0, commitCount, x + 1);
    i = i >= 0 ? i : -i - 1;
    return i < commitCount ? commits[i] : -1;
  }

  /** Where the check of a piece ending at {@code e} stops reading, or -1 when that text has not arrived. */
  private int lookAhead(int e, boolean end) {
    int next = commitAfter(e);
    int limit = e + Guard.LOOKAHEAD;
    if (next > 0 && next <= limit) {
      return next;
    }
    if (text.length() >= limit) {
      return limit;
    }
    return end ? text.length() : -1;
  }

  /** Where the check of the piece at {@link #pos} starts reading: up to CONTEXT chars back, at a word start. */
  private int contextStart() {
    int j = Math.max(0, pos - Guard.CONTEXT);
    while (j > 0 && j < pos && !Character.isWhitespace(text.charAt(j - 1))) {
      j++;
    }
    return j;
  }

  private void decide(int e, List<Span> spans) {
    List<Span> inside = new ArrayList<>();
    if (carryEnd > pos) {
      inside.add(Span.of(carryLabel, pos, Math.min(carryEnd, e), 1.0, "guard-carry"));
    }
    for (Span s : spans) {
      if (s.end() > pos && s.start() < e) {
        inside.add(s.withBounds(Math.max(s.start(), pos), Math.min(s.end(), e)));
        if (s.end() > e && s.end() > carryEnd) { // a piece at its longest: the rest of the span is masked next
          carryEnd = s.end();
          carryLabel = s.label();
        }
      }
    }
    inside = Guard.united(inside);
    String piece = text.substring(pos, e);
    for (Span s : inside) {
      record(s);
    }
    switch (mode) {
      case REPORT -> emitted.append(piece);
      case MASK -> emitted.append(guard.masker().mask(piece, relative(inside, pos)).text());
      case REFUSE -> {
        if (inside.isEmpty()) {
          emitted.append(piece);
        } else {
          emitted.append(guard.policy().refusal());
          refused = true;
        }
      }
    }
    pos = e;
    searchFrom = e;
  }

  /** A span continued from the previous piece extends the finding recorded there. */
  private void record(Span s) {
    Finding last = findings.isEmpty() ? null : findings.get(findings.size() - 1);
    if (last != null && s.start() == pos && last.end() == pos && last.label() == s.label()) {
      findings.set(findings.size() - 1, new Finding(last.label(), last.subtype(), last.start(), s.end(), last.score()));
    } else {
      findings.add(Finding.of(s));
    }
  }

  private static List<Span> relative(List<Span> spans, int offset) {
    List<Span> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      out.add(s.withBounds(s.start() - offset, s.end() - offset));
    }
    return out;
  }
}
