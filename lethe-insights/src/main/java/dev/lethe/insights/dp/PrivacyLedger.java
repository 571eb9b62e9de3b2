package dev.lethe.insights.dp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.pipeline.sink.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The privacy budget of one dataset, kept in a JSON file: every release is charged here before any noisy value
 * is computed, and a charge that would pass the budget is refused.
 *
 * <p>Accounting is zero-concentrated differential privacy (zCDP, Bun and Steinke 2016): a query that is
 * {@code rho}-zCDP adds its {@code rho}, and the sum over all queries is the guarantee (composition is additive
 * in rho). Partition selection adds a failure probability {@code delta} per query, summed too; together the
 * dataset is {@code (spentRho, spentDelta)}-approximate-zCDP, hence (epsilon, delta')-DP with
 * {@code epsilon = rho + 2 sqrt(rho ln(1/delta''))}, {@code delta' = delta'' + spentDelta} for any delta''.
 *
 * <p>What makes it hard to bypass: the budget is fixed when the file is created (opening it with another budget
 * or another dataset name is refused); the spent amounts are recomputed from the entries on every charge, never
 * read from a total; every charge re-reads the file under an exclusive file lock (and a lock per path inside this
 * JVM), so two ledgers on the same file, two processes or two threads never both spend the last of the budget;
 * an unreadable, malformed or inconsistent file refuses every charge instead of starting afresh; the file is
 * rewritten atomically, so a crash leaves the old or the new state. Whoever can write the file can still delete
 * it: it lives in the workspace, with the same protection as the database.
 */
public final class PrivacyLedger {
  public static final String FORMAT = "lethe-privacy-ledger/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ConcurrentHashMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

  /** One charged release. */
  public record Entry(String at, String query, BigDecimal rho, BigDecimal delta) {}

  /** Budget and what has been spent of it. */
  public record Status(String dataset, BigDecimal budgetRho, BigDecimal budgetDelta, BigDecimal spentRho,
      BigDecimal spentDelta, int releases) {
    public BigDecimal remainingRho() {
      return budgetRho.subtract(spentRho);
    }

    public BigDecimal remainingDelta() {
      return budgetDelta.subtract(spentDelta);
    }
  }

  /** A charge was refused: it would pass the budget. Nothing was spent. */
  public static final class BudgetExceededException extends RuntimeException {
    BudgetExceededException(String message) {
      super(message);
    }
  }

  private final Path file;
  private final String dataset;
  private final Clock clock;

  private PrivacyLedger(Path file, String dataset, Clock clock) {
    this.file = file;
    this.dataset = dataset;
    this.clock = clock;
  }

  /** The budget of a new ledger when none is given: rho 1, delta 1e-6. */
  public static final BigDecimal DEFAULT_BUDGET_RHO = BigDecimal.ONE;
  public static final BigDecimal DEFAULT_BUDGET_DELTA = new BigDecimal("1e-6");

  /**
   * Opens the ledger of {@code dataset} in {@code file}, creating it with this budget when absent (null: the
   * defaults). An existing ledger of another dataset, or with another budget than one given, is refused: budgets
   * are fixed at creation; null takes the existing one.
   */
  public static PrivacyLedger open(Path file, String dataset, BigDecimal budgetRho, BigDecimal budgetDelta, Clock clock) {
    Objects.requireNonNull(dataset, "dataset");
    if (budgetRho != null) {
      positive("budget rho", budgetRho);
    }
    if (budgetDelta != null) {
      positive("budget delta", budgetDelta);
    }
    Path abs = file.toAbsolutePath().normalize();
    PrivacyLedger ledger = new PrivacyLedger(abs, dataset, clock);
    ledger.locked(() -> {
      if (!Files.exists(abs)) {
        ledger.write(new Status(dataset, budgetRho == null ? DEFAULT_BUDGET_RHO : budgetRho,
            budgetDelta == null ? DEFAULT_BUDGET_DELTA : budgetDelta, BigDecimal.ZERO, BigDecimal.ZERO, 0), List.of());
        return null;
      }
      Status s = ledger.read(new ArrayList<>());
      if ((budgetRho != null && s.budgetRho().compareTo(budgetRho) != 0)
          || (budgetDelta != null && s.budgetDelta().compareTo(budgetDelta) != 0)) {
        throw new IllegalStateException(abs + ": the budget of '" + dataset + "' is fixed at rho " + s.budgetRho().toPlainString()
            + ", delta " + s.budgetDelta().toPlainString() + " since its creation; refusing"
            + (budgetRho == null ? "" : " rho " + budgetRho.toPlainString()) + (budgetDelta == null ? "" : " delta " + budgetDelta.toPlainString()));
      }
      return null;
    });
    return ledger;
  }

  /** The current status, read from the file. */
  public Status status() {
    return locked(() -> read(new ArrayList<>()));
  }

  /** Every charged release, oldest first. */
  public List<Entry> entries() {
    return locked(() -> {
      List<Entry> list = new ArrayList<>();
      read(list);
      return List.copyOf(list);
    });
  }

  /**
   * Spends {@code rho} and {@code delta} on a release described by {@code query} (no data, just the parameters),
   * or throws {@link BudgetExceededException} and spends nothing. Returns the status after the charge.
   */
  public Status charge(String query, BigDecimal rho, BigDecimal delta) {
    positive("rho", rho);
    if (delta.signum() < 0) {
      throw new IllegalArgumentException("delta must not be negative: " + delta);
    }
    return locked(() -> {
      List<Entry> entries = new ArrayList<>();
      Status s = read(entries);
      BigDecimal r = s.spentRho().add(rho);
      BigDecimal d = s.spentDelta().add(delta);
      if (r.compareTo(s.budgetRho()) > 0 || d.compareTo(s.budgetDelta()) > 0) {
        throw new BudgetExceededException("privacy budget of '" + dataset + "' exhausted: this release needs rho "
            + rho.toPlainString() + ", delta " + delta.toPlainString() + "; remaining rho " + s.remainingRho().toPlainString()
            + ", delta " + s.remainingDelta().toPlainString() + " of " + s.budgetRho().toPlainString() + ", "
            + s.budgetDelta().toPlainString());
      }
      entries.add(new Entry(clock.instant().toString(), query, rho, delta));
      Status after = new Status(dataset, s.budgetRho(), s.budgetDelta(), r, d, entries.size());
      write(after, entries);
      return after;
    });
  }

  private Status read(List<Entry> into) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(file + ": unreadable privacy ledger, refusing to release anything (" + e.getMessage() + ")");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("entries").isArray()) {
      throw new IllegalStateException(file + ": not a " + FORMAT + " file, refusing to release anything");
    }
    if (!dataset.equals(root.path("dataset").asText())) {
      throw new IllegalStateException(file + " is the ledger of '" + root.path("dataset").asText() + "', not of '" + dataset + "'");
    }
    BigDecimal budgetRho = decimal(root, "budget_rho");
    BigDecimal budgetDelta = decimal(root, "budget_delta");
    BigDecimal rho = BigDecimal.ZERO;
    BigDecimal delta = BigDecimal.ZERO;
    int i = 0;
    for (JsonNode e : root.get("entries")) {
      BigDecimal r = decimal(e, "rho");
      BigDecimal d = decimal(e, "delta");
      if (r.signum() <= 0 || d.signum() < 0) {
        throw new IllegalStateException(file + ": entry " + i + " has a non-positive rho or a negative delta, refusing");
      }
      rho = rho.add(r);
      delta = delta.add(d);
      into.add(new Entry(e.path("at").asText(), e.path("query").asText(), r, d));
      i++;
    }
    if (rho.compareTo(budgetRho) > 0 || delta.compareTo(budgetDelta) > 0) {
      throw new IllegalStateException(file + ": entries spend more than the budget, refusing");
    }
    return new Status(dataset, budgetRho, budgetDelta, rho, delta, i);
  }

  private BigDecimal decimal(JsonNode o, String field) {
    JsonNode v = o.get(field);
    try {
      return new BigDecimal(v.asText());
    } catch (RuntimeException e) {
      throw new IllegalStateException(file + ": '" + field + "' is not a decimal, refusing to release anything");
    }
  }

  private void write(Status s, List<Entry> entries) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("dataset", s.dataset());
    root.put("accounting", "zCDP: rho adds up over releases; delta (partition selection) adds up");
    root.put("budget_rho", s.budgetRho().toPlainString());
    root.put("budget_delta", s.budgetDelta().toPlainString());
    ArrayNode list = root.putArray("entries");
    for (Entry e : entries) {
      list.addObject().put("at", e.at()).put("query", e.query()).put("rho", e.rho().toPlainString())
          .put("delta", e.delta().toPlainString());
    }
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, JSON.writeValueAsBytes(root));
  }

  @FunctionalInterface
  private interface Locked<T> {
    T run() throws IOException;
  }

  private <T> T locked(Locked<T> body) {
    synchronized (IN_PROCESS.computeIfAbsent(file, k -> new Object())) {
      try {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          FileLock lock = ch.lock();
          try {
            return body.run();
          } finally {
            lock.release();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": " + e.getMessage(), e);
      }
    }
  }

  private static void positive(String what, BigDecimal v) {
    if (v == null || v.signum() <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
  }
}
