package dev.lethe.platform.demo;

import dev.lethe.platform.controls.Actors;
import dev.lethe.platform.controls.Conversation;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Outbox;
import dev.lethe.platform.controls.PrivacyRequest;
import dev.lethe.platform.controls.RequestKind;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingConversation;
import dev.lethe.platform.training.TrainingView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Seeds a sample workspace through the service layer (the same code the API runs), with realistic
 * conversations full of personal information for the Privacy Filter to mask: names, emails, phone
 * numbers, postal addresses, personal dates, an IBAN and secrets.
 *
 * <p>What it makes: Maria (improve-the-model on, then off in the middle: her later conversation is
 * not eligible; a memory; a temporary chat), David (setting off from the start; memories off), Sofia
 * (a deleted conversation and a completed "remove my data from outputs" request whose strings are on
 * the suppression list), Tom (account deleted), Priya (an archived conversation, still eligible, and
 * an access request awaiting its identity check). All names and numbers are invented.
 */
public final class DemoWorkspace {

  /** What was seeded: user emails to ids and a few counts. */
  public record Summary(Map<String, String> users, int conversations, int eligibleConversations, int suppressionEntries) {}

  private DemoWorkspace() {}

  /**
   * Seeds the SQLite store of {@code workspace} (workspace/lethe.db), creating it when needed.
   *
   * @throws IllegalStateException if the workspace already has users (seed an empty one)
   */
  public static Summary seed(Path workspace) {
    Outbox outbox = new Outbox(workspace.resolve("outbox"));
    try (Database db = Database.sqlite(workspace.resolve("lethe.db"), Clock.systemUTC());
        DataControls dc = DataControls.builder(db, workspace).notifier(outbox).build()) {
      return seed(dc, outbox);
    }
  }

  /**
   * Seeds through {@code controls}, which must send its identity-check codes to {@code outbox} (the
   * demo confirms its own privacy request with the code it finds there).
   */
  public static Summary seed(DataControls controls, Outbox outbox) {
    long existing = controls.database().read(sql -> sql.count("SELECT COUNT(*) FROM users"));
    if (existing > 0) {
      throw new IllegalStateException("the workspace already has " + existing + " users; seed an empty workspace");
    }
    DataControls dc = controls;
    Map<String, String> users = new LinkedHashMap<>();
    int conversations = 0;

    String maria = register(dc, users, "maria.keller@example.de", "Maria Keller", true, true);
    Conversation landlord = chat(dc, maria, "Letter to my landlord", false,
        "user", "Can you help me write to my landlord? I'm Maria Keller, Hauptstraße 12, 10115 Berlin. His name is"
            + " Jonas Weber (jonas.weber@example-mail.de). The heating has been broken since 14 March 2025.",
        "assistant", "Of course. Here is a draft: \"Dear Mr Weber, since 14 March 2025 the heating in my flat at"
            + " Hauptstraße 12 has not worked...\" Would you like to add your phone number so he can call you?",
        "user", "Yes, add +49 30 1234 5678, and sign it Maria Keller.");
    chat(dc, maria, "Rent transfer", false,
        "user", "I pay rent by transfer to DE89 3704 0044 0532 0130 00. How do I set up a standing order for the 1st of"
            + " each month?",
        "assistant", "In your banking app, choose Standing order, enter the IBAN DE89 3704 0044 0532 0130 00, the amount,"
            + " and the first execution date.");
    dc.memories().save(Actors.INGEST, maria, landlord.id(), "Maria's daughter Lena was born on 2 May 2016.");
    dc.accounts().updateSettings(Actors.user(maria), maria, false, null);  // the toggle in the middle
    chat(dc, maria, "Router login", false,
        "user", "My router admin password is Tr0ub4dor&3 and the login page is at 192.168.178.1. It keeps logging me out.",
        "assistant", "Try clearing the browser cookies for that address, and change that password since you shared it.");
    chat(dc, maria, null, true,
        "user", "Temporary chat: my GP Dr. Anke Vogel said my blood test on 3 June 2025 was fine, what does ferritin mean?",
        "assistant", "Ferritin is a protein that stores iron...");
    conversations += 4;

    String david = register(dc, users, "d.okafor@example.com", "David Okafor", false, false);
    chat(dc, david, "Moving checklist", false,
        "user", "We move from 221 Maple Avenue, Springfield, IL 62704 to 9 Harbour Road next week. Call me at"
            + " (217) 555-0143 if the movers change the date from 12 July.",
        "assistant", "Here is a moving checklist for the week before 12 July...");
    chat(dc, david, null, true, "user", "Temporary: draft a note to my sister Grace Okafor for her birthday on 9 August.",
        "assistant", "Dear Grace, happy birthday!...");
    conversations += 2;

    String sofia = register(dc, users, "sofia.rossi@example.org", "Sofia Rossi", true, true);
    chat(dc, sofia, "Stripe webhook failing", false,
        "user", "My webhook returns 401. I call it with STRIPE_KEY=sk_live_51HqLyjWDarjtT1zdp7dc and my account id acct_1Kx9Qp2eZvKYlo2C."
            + " Contact in my team: marco.bianchi@example.org.",
        "assistant", "A 401 means the key is not accepted. Never share a live key; rotate it in the dashboard now.");
    Conversation regret = chat(dc, sofia, "Visa application", false,
        "user", "My passport number is YA1234567 and I was born on 21/11/1990 in Torino. Fill in the visa form for me.",
        "assistant", "I can guide you through the form, but please don't share your passport number here.");
    dc.conversations().delete(Actors.user(sofia), sofia, regret.id());
    PrivacyRequest removal = dc.requests().create(sofia, RequestKind.REMOVE_FROM_OUTPUTS,
        List.of("Sofia Rossi", "sofia.rossi@example.org", "+39 347 123 4567"));
    dc.requests().verify(sofia, removal.id(), outbox.lastCodeFor("sofia.rossi@example.org").orElseThrow());
    conversations += 2;

    String tom = register(dc, users, "tom.becker@example.net", "Tom Becker", true, true);
    chat(dc, tom, "Gift ideas", false,
        "user", "Gift ideas for my wife Julia Becker? Our anniversary is on 30 September; we live at 5 Rue des Lilas, 75011 Paris.",
        "assistant", "A weekend trip, a framed photo from your wedding day...");
    dc.memories().save(Actors.INGEST, tom, null, "Tom's wife is Julia; anniversary on 30 September.");
    dc.accounts().delete(Actors.user(tom), tom);
    conversations += 1;

    String priya = register(dc, users, "priya.nair@example.in", "Priya Nair", true, true);
    Conversation archived = chat(dc, priya, "Cover letter", false,
        "user", "Write a cover letter for me: Priya Nair, priya.nair@example.in, +91 98765 43210, 14 MG Road, Bengaluru"
            + " 560001. I have 6 years of experience in data engineering.",
        "assistant", "Dear Hiring Manager, my name is Priya Nair and I have six years of experience...");
    dc.conversations().archive(Actors.user(priya), priya, archived.id(), true);
    chat(dc, priya, "Pasta recipe", false, "user", "A quick pasta recipe for two?", "assistant", "Aglio e olio: ...");
    dc.requests().create(priya, RequestKind.ACCESS, List.of());
    conversations += 2;

    int eligible;
    int suppressions;
    try (TrainingView view = dc.training().open(); Stream<TrainingConversation> s = view.conversations()) {
      eligible = (int) s.count();
      try (var entries = view.suppressionList()) {
        suppressions = (int) entries.count();
      }
    }
    return new Summary(Map.copyOf(users), conversations, eligible, suppressions);
  }

  private static String register(DataControls dc, Map<String, String> users, String email, String name, boolean improve, boolean memories) {
    String id = dc.accounts().register(email, name, improve, memories).user().id();
    users.put(email, id);
    return id;
  }

  private static Conversation chat(DataControls dc, String user, String title, boolean temporary, String... roleText) {
    Conversation c = dc.conversations().start(Actors.INGEST, user, title, temporary);
    for (int i = 0; i < roleText.length; i += 2) {
      dc.conversations().addMessage(Actors.INGEST, c.id(), roleText[i], roleText[i + 1]);
    }
    return c;
  }
}
