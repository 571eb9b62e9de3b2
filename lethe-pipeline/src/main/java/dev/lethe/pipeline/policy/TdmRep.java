package dev.lethe.pipeline.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.filter.io.Jsonl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A site's {@code /.well-known/tdmrep.json} (W3C TDM Reservation Protocol): an array of rules
 * {@code {"location": "/path/*", "tdm-reservation": 1, "tdm-policy": "..."}}. Locations use the robots.txt
 * pattern syntax ('*', final '$'). When several rules match a path, the longest location decides, and
 * between equally long ones a reservation wins (the rights holder's choice is the safe reading).
 * Immutable and thread-safe.
 */
public final class TdmRep {
  private record Rule(String location, boolean reserved) {}

  private final List<Rule> rules;

  private TdmRep(List<Rule> rules) {
    this.rules = rules;
  }

  /** Parses the file; a file that is not a JSON array of rules is an error (the caller treats it as reserved). */
  public static TdmRep parse(byte[] json) throws IOException {
    JsonNode root = Jsonl.MAPPER.readTree(json);
    if (root == null || !root.isArray()) {
      throw new IOException("tdmrep.json must be a JSON array of rules");
    }
    List<Rule> rules = new ArrayList<>();
    for (JsonNode r : root) {
      JsonNode loc = r.get("location");
      if (loc == null || !loc.isTextual()) {
        throw new IOException("tdmrep.json rule without a location");
      }
      rules.add(new Rule(RobotsTxt.normalise(loc.asText().strip(), true), r.path("tdm-reservation").asInt(0) == 1));
    }
    return new TdmRep(List.copyOf(rules));
  }

  /** Whether the page at {@code pathAndQuery} is reserved from text and data mining. */
  public boolean reserved(String pathAndQuery) {
    String path = RobotsTxt.normalise(pathAndQuery, false);
    Rule best = null;
    for (Rule r : rules) {
      if (RobotsTxt.matches(r.location(), path)
          && (best == null || r.location().length() > best.location().length()
              || (r.location().length() == best.location().length() && r.reserved()))) {
        best = r;
      }
    }
    return best != null && best.reserved();
  }
}
