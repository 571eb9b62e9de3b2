package dev.lethe.train.synth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generated postal address with its written forms. {@code oneLine} and {@code multiLine} are each one span
 * when they appear in prose; {@link #fields()} are the separate values of a form or JSON record, each its own
 * span.
 *
 * @param line1      street and house number (or PO box), in the country's order
 * @param line2      flat, unit or building, or null
 * @param locality   district or neighbourhood written before the city, or null
 * @param region     state, province or county code, or null where the country does not write one
 * @param countryName the country as people write it at the end of an address
 */
record Address(String country, String line1, String line2, String locality, String city, String region,
    String postcode, String countryName, String oneLine, String multiLine) {

  /** Form and JSON fields in the order they are usually listed; absent ones are left out. */
  Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("line1", line1);
    if (line2 != null) {
      f.put("line2", line2);
    }
    f.put("city", city);
    if (region != null) {
      f.put("state", region);
    }
    f.put("postal_code", postcode);
    return f;
  }
}
