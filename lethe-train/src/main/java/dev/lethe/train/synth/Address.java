package dev.lethe.train.synth;

/**
 * A generated postal address with its written forms. {@code oneLine} and {@code multiLine} are each one span
 * when they appear in prose; the parts are the separate values of a form or JSON record, each its own span.
 *
 * @param line1      street and house number (or PO box), in the country's order
 * @param line2      flat, unit or building, or null
 * @param locality   district or neighbourhood written before the city, or null
 * @param region     state, province or county code, or null where the country does not write one
 * @param countryName the country as people write it at the end of an address
 */
record Address(String country, String line1, String line2, String locality, String city, String region,
    String postcode, String countryName, String oneLine, String multiLine) {
}
