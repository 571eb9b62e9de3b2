package dev.lethe.cli;

import dev.lethe.guard.gateway.Gateway;
import dev.lethe.guard.gateway.GatewayConfig;
import dev.lethe.insights.Insights;
import dev.lethe.insights.InsightsRoutes;
import dev.lethe.insights.dp.PrivacyLedger;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.http.ApiConfig;
import dev.lethe.platform.http.ApiServer;
import dev.lethe.platform.http.Route;
import dev.lethe.platform.http.ServiceTokens;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the data-controls HTTP API, and optionally the LLM gateway.", "",
        "The API serves users' settings, history, deletion, memories, exports and privacy requests; with --gateway"
            + " it also serves the OpenAI-compatible gateway and the guard.",
        "Service tokens: LETHE_ADMIN_TOKEN (admin routes are closed without it; never written to disk) and"
            + " LETHE_INGEST_TOKEN (when unset, a random one is made once and kept in <workspace>/service-tokens.properties,"
            + " mode 600). They must differ. Tokens are never printed or logged."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--workspace", defaultValue = "workspace",
      description = "Folder for the SQLite database (lethe.db), exports and the outbox (default ./${DEFAULT-VALUE}).")
  Path workspace;

  @Option(names = "--db-url", description = "PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db) instead of SQLite;"
      + " credentials in the URL or LETHE_DB_USER / LETHE_DB_PASSWORD.")
  String dbUrl;

  @Option(names = "--gateway", paramLabel = "CONFIG",
      description = "Also serve the LLM gateway (/v1/chat/completions) and the guard (/api/v1/guard) configured in this JSON file (docs/guard.md).")
  Path gateway;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(workspace);
    ApiConfig config = ServiceTokens.load(workspace, System.getenv(), host, port);
    Database db = Database.open(workspace, dbUrl, Clock.systemUTC());
    DataControls dc = DataControls.builder(db, workspace).build();
    Gateway gw = gateway == null ? null : Gateway.start(GatewayConfig.read(gateway), dc);
    List<Route> routes = new ArrayList<>(gw == null ? List.of() : gw.routes());
    routes.addAll(InsightsRoutes.routes(Insights.over(TrainingSource.of(db), PrivacyLedger.open(
        workspace.resolve(Insights.LEDGER_FILE), Insights.CONVERSATIONS, null, null, Clock.systemUTC()), Clock.systemUTC())));
    ApiServer server = ApiServer.start(dc, config, routes);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      if (gw != null) {
        try {
          gw.close();
        } catch (IOException e) {
          System.err.println("lethe serve: closing the gateway audit failed: " + e.getMessage());
        }
      }
      dc.close();
      db.close();
      stopped.countDown();
    }, "lethe-serve-stop"));
    if (!ServiceTokens.adminConfigured(System.getenv())) {
      System.out.println("lethe serve: admin routes closed (set LETHE_ADMIN_TOKEN to open them)");
    }
    System.out.println("lethe serve: ingest token from LETHE_INGEST_TOKEN or kept in " + ServiceTokens.file(workspace));
    System.out.println("lethe serve: listening on http://" + host + ":" + server.port() + " ("
        + (dbUrl == null ? "SQLite " + workspace.resolve("lethe.db") : "PostgreSQL") + "); OpenAPI at /openapi.json; Ctrl-C stops");
    stopped.await();
    return 0;
  }
}
