package dev.lethe.insights;

import dev.lethe.insights.dp.PrivacyLedger;
import dev.lethe.platform.http.ApiException;
import dev.lethe.platform.http.Body;
import dev.lethe.platform.http.Route;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The operator routes of insights, for {@code ApiServer.start(dc, config, routes)}: authenticated with the admin
 * token like every other operator route, and charged to the same ledger as {@code lethe insights}.
 *
 * <ul>
 *   <li>{@code POST /api/v1/admin/insights}: one release; body {@code {"dimensions": ["topic", "language"],
 *       "rho": "0.1", "delta": "1e-8", "k": "50", "max_partitions": "4", "max_conversations_per_cell": "5"}}, all but
 *       {@code dimensions} optional. Numbers are decimal strings so that no privacy parameter passes through a
 *       double. 409 when the budget is spent.
 *   <li>{@code GET /api/v1/admin/insights/budget}: the ledger's budget and what is spent.
 * </ul>
 */
public final class InsightsRoutes {
  private InsightsRoutes() {}

  public static List<Route> routes(Insights insights) {
    Route release = Route.of("POST", "/api/v1/admin/insights", Route.Auth.ADMIN, 200,
        "Release differentially private usage insights over eligible conversations (spends privacy budget).",
        c -> {
          InsightQuery q = query(c.body());
          try {
            return InsightsReport.json(insights.release(q));
          } catch (PrivacyLedger.BudgetExceededException e) {
            throw new ApiException(409, "rho", e.getMessage());
          }
        }).with(List.of(
            new Route.Field("dimensions", "array", true, "one to three of topic, language, length, feature, day, week"),
            new Route.Field("rho", "string", false, "zCDP cost of this release, a decimal (default 0.1)"),
            new Route.Field("delta", "string", false, "partition-selection delta, a decimal (default 1e-8)"),
            new Route.Field("k", "string", false, "minimum distinct users per released cell (default 50)"),
            new Route.Field("max_partitions", "string", false, "cells one user counts in at most (default 4)"),
            new Route.Field("max_conversations_per_cell", "string", false, "conversations one user adds to a cell at most (default 5)")),
        List.of(), false);
    Route budget = Route.of("GET", "/api/v1/admin/insights/budget", Route.Auth.ADMIN, 200,
        "The privacy budget of the eligible conversations and what has been spent of it.", c -> {
          PrivacyLedger.Status s = insights.ledger().status();
          return Map.of("dataset", s.dataset(), "budget_rho", s.budgetRho().toPlainString(), "spent_rho",
              s.spentRho().toPlainString(), "remaining_rho", s.remainingRho().toPlainString(), "budget_delta",
              s.budgetDelta().toPlainString(), "spent_delta", s.spentDelta().toPlainString(), "releases", s.releases());
        });
    return List.of(release, budget);
  }

  static InsightQuery query(Body b) {
    List<String> dims = b.strings("dimensions");
    if (dims.isEmpty()) {
      throw ApiException.badRequest("dimensions", "is required: one to three of topic, language, length, feature, day, week");
    }
    try {
      List<Dimension> dimensions = dims.stream().map(Dimension::parse).toList();
      return new InsightQuery(dimensions, decimal(b, "rho", InsightQuery.DEFAULT_RHO), decimal(b, "delta", InsightQuery.DEFAULT_DELTA),
          integer(b, "k", InsightQuery.DEFAULT_K), integer(b, "max_partitions", 4), integer(b, "max_conversations_per_cell", 5));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query", e.getMessage());
    }
  }

  private static BigDecimal decimal(Body b, String field, BigDecimal fallback) {
    String v = b.string(field);
    try {
      return v == null ? fallback : new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field, "must be a decimal number in a string, e.g. \"0.1\"");
    }
  }

  private static int integer(Body b, String field, int fallback) {
    String v = b.string(field);
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field, "must be an integer in a string, e.g. \"50\"");
    }
  }
}
