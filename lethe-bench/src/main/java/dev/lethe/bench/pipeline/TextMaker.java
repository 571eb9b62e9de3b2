package dev.lethe.bench.pipeline;

import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Realistic mixed text for the pipeline benchmark: everyday prose, forum and chat sentences, with personal
 * information (names, e-mail addresses, phone numbers in several national formats, postal addresses, dates,
 * IBANs, card numbers, API keys) at roughly the density of chat logs and web pages. Values come from
 * pre-generated Datafaker pools, so generating a gigabyte takes seconds, not hours. Not thread-safe.
 */
final class TextMaker {
  private static final String[] PROSE = {
      "The %s council approved the new cycle lane on the high street after a two-hour debate.",
      "Preheat the oven to 200 degrees, toss the %s with olive oil and roast for twenty-five minutes.",
      "Our quarterly report shows revenue up %d percent, driven by strong demand for %s.",
      "The museum in %s extends its opening hours during the summer holidays.",
      "If the build fails with an out-of-memory error, raise the heap size to %d megabytes and retry.",
      "Volunteers planted %d trees along the river path in %s last weekend.",
      "The train to %s was delayed by forty minutes because of a signal failure near the tunnel.",
      "%s announced a partnership to make recycled packaging for its %s range.",
      "To reset the router, hold the small button on the back for ten seconds until the light blinks.",
      "The match ended in a draw after a late penalty; the coach praised the defence.",
      "Water the tomatoes in the morning and pinch out the side shoots every week.",
      "Version %d.%d fixes a crash when the settings file is empty and speeds up start-up.",
      "The library in %s offers free language classes on Tuesday evenings.",
      "Add the %s to the pan, stir for a minute and season with salt and pepper.",
      "Hikers should carry water and a map; the ridge trail is exposed in bad weather.",
      "Interest rates stayed at %d.5 percent, and analysts expect no change before autumn.",
  };
  private static final String[] CHAT = {
      "Can you help me write a polite email to %s about the delayed order?",
      "What's a good vegetarian recipe with %s for four people?",
      "Summarise this article about %s in three bullet points.",
      "How do I fix 'permission denied' when I run the script?",
      "Thanks, that worked! One more question about the spreadsheet formula.",
      "Sure. Here is a draft you can adapt to your situation.",
      "Here are three options, from the cheapest to the most comfortable.",
      "I can explain it step by step; first, open the settings menu.",
  };
  private static final String[] PII = {
      "You can reach %s at %s or on %s.",
      "My name is %s and I live at %s.",
      "Please send the invoice to %s, attention %s.",
      "The appointment with Dr. %s is on %s.",
      "Transfer the deposit to %s, reference %s.",
      "Call me on %s after six, or write to %s.",
      "%s was born on %s in %s.",
      "Card ending details: %s, expiry 09/27, holder %s.",
      "Our staging key is %s, don't share it.",
      "Contact %s (%s) for the keys to the flat at %s.",
  };

  private final Random rnd;
  private final String[] names;
  private final String[] emails;
  private final String[] phones;
  private final String[] addresses;
  private final String[] dates;
  private final String[] ibans;
  private final String[] cards;
  private final String[] cities;
  private final String[] companies;
  private final String[] foods;

  TextMaker(long seed) {
    rnd = new Random(seed);
    Faker us = new Faker(Locale.US, new Random(seed));
    Faker uk = new Faker(Locale.UK, new Random(seed + 1));
    Faker de = new Faker(Locale.GERMANY, new Random(seed + 2));
    int n = 4000;
    names = new String[n];
    emails = new String[n];
    phones = new String[n];
    addresses = new String[n / 4];
    dates = new String[n / 4];
    ibans = new String[n / 8];
    cards = new String[n / 8];
    String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
    for (int i = 0; i < n; i++) {
      Faker f = i % 3 == 0 ? us : i % 3 == 1 ? uk : de;
      names[i] = f.name().firstName() + " " + f.name().lastName();
      emails[i] = ascii(names[i]).replace(' ', '.') + (i % 7) + "@" + new String[] {"gmail.com", "outlook.com", "web.de", "yahoo.co.uk", "proton.me"}[i % 5];
      phones[i] = switch (i % 4) {
        case 0 -> String.format(Locale.ROOT, "(%d) %d-%04d", 201 + rnd.nextInt(700), 200 + rnd.nextInt(700), rnd.nextInt(10000));
        case 1 -> String.format(Locale.ROOT, "+44 7%03d %06d", 400 + rnd.nextInt(500), rnd.nextInt(1000000));
        case 2 -> String.format(Locale.ROOT, "+49 30 %d %04d", 1000 + rnd.nextInt(9000), rnd.nextInt(10000));
        default -> String.format(Locale.ROOT, "+1 %d %d %04d", 201 + rnd.nextInt(700), 200 + rnd.nextInt(700), rnd.nextInt(10000));
      };
    }
    for (int i = 0; i < addresses.length; i++) {
      Faker f = i % 2 == 0 ? us : uk;
      addresses[i] = f.address().streetAddress() + ", " + f.address().city();
      dates[i] = (1 + rnd.nextInt(28)) + " " + months[rnd.nextInt(12)] + " " + (1950 + rnd.nextInt(75));
    }
    for (int i = 0; i < ibans.length; i++) {
      ibans[i] = de.finance().iban("DE");
      cards[i] = us.finance().creditCard().replaceAll("-", " ");
    }
    cities = new String[200];
    companies = new String[200];
    foods = new String[200];
    for (int i = 0; i < 200; i++) {
      cities[i] = us.address().city();
      companies[i] = us.company().name();
      foods[i] = us.food().vegetable().toLowerCase(Locale.ROOT);
    }
  }

  /** A document of about {@code chars} characters; {@code piiRate} of its sentences hold personal information. */
  String document(int chars, double piiRate, boolean chat) {
    StringBuilder b = new StringBuilder(chars + 200);
    while (b.length() < chars) {
      if (b.length() > 0) {
        b.append(rnd.nextInt(5) == 0 ? "\n\n" : " ");
      }
      b.append(rnd.nextDouble() < piiRate ? pii() : chat && rnd.nextBoolean() ? fill(CHAT) : fill(PROSE));
    }
    return b.toString();
  }

  String pii() {
    int t = rnd.nextInt(PII.length);
    return switch (t) {
      case 0 -> String.format(PII[t], pick(names), pick(emails), pick(phones));
      case 1 -> String.format(PII[t], pick(names), pick(addresses));
      case 2 -> String.format(PII[t], pick(emails), pick(names));
      case 3 -> String.format(PII[t], pick(names).split(" ")[1], pick(dates));
      case 4 -> String.format(PII[t], pick(ibans), "INV-" + rnd.nextInt(100000));
      case 5 -> String.format(PII[t], pick(phones), pick(emails));
      case 6 -> String.format(PII[t], pick(names), pick(dates), pick(cities));
      case 7 -> String.format(PII[t], pick(cards), pick(names));
      case 8 -> String.format(PII[t], "sk_live_" + Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36) + Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36));
      default -> String.format(PII[t], pick(names), pick(phones), pick(addresses));
    };
  }

  private String fill(String[] templates) {
    String t = templates[rnd.nextInt(templates.length)];
    Object[] args = new Object[4];
    int a = 0;
    for (int i = t.indexOf('%'); i >= 0 && a < 4; i = t.indexOf('%', i + 1)) {
      char c = t.charAt(i + 1);
      args[a++] = c == 'd' ? (Object) (1 + rnd.nextInt(90)) : rnd.nextBoolean() ? pick(cities) : rnd.nextBoolean() ? pick(companies) : pick(foods);
    }
    return String.format(Locale.ROOT, t, args);
  }

  String name() {
    return pick(names);
  }

  String email() {
    return pick(emails);
  }

  private String pick(String[] pool) {
    return pool[rnd.nextInt(pool.length)];
  }

  int nextInt(int bound) {
    return rnd.nextInt(bound);
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z ]", "").toLowerCase(Locale.ROOT);
  }
}
