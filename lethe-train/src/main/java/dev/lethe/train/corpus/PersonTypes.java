package dev.lethe.train.corpus;

import java.util.Set;

/**
 * Which of a corpus's entity types name a person ({@code private_person}); every other type becomes an
 * ignore region. Leading titles are cut off a person mention, as CONVENTIONS.md keeps them outside names
 * ({@code Papst [Paul VI.]}), and a mention that is only titles or roles ({@code Borrower}) becomes an ignore
 * region. {@code nounPhrases} is for corpora whose person mentions are whole noun phrases (LitBank's {@code
 * old Tom Jarndyce}, re3d's {@code the Foreign Secretary}, {@code he}): leading lower-case words are cut off
 * too, and a mention that has a preposition among them ({@code commander of U.S. Central Command}) or still
 * holds a title, a pronoun or a lower-case word that is no name particle after its leading titles ({@code the
 * Lord High Chancellor}, {@code Minister for the Middle East}) becomes an ignore region.
 */
record PersonTypes(Set<String> types, boolean nounPhrases) {
  PersonTypes {
    types = Set.copyOf(types);
  }

  static PersonTypes of(String... types) {
    return new PersonTypes(Set.of(types), false);
  }

  boolean isPerson(String type) {
    return types.contains(type);
  }
}
