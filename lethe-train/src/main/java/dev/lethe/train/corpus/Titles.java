package dev.lethe.train.corpus;

import java.util.Locale;
import java.util.Set;

/**
 * Words that stand before or instead of a person's name: titles, forms of address and roles (English and
 * the commoner ones of the UNER languages), the party roles of contracts ({@code Borrower}, {@code Lender},
 * which the SEC filings tag as PER), and personal pronouns (re3d tags {@code he} and {@code I} as Person).
 * Hand-made: no library lists them, and the list only needs to cover the mentions of these corpora.
 */
final class Titles {
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mister", "missus", "master",
      "madam", "madame", "mme", "mlle", "mademoiselle", "monsieur", "signor", "signora", "señor", "señora",
      "herr", "frau", "fräulein", "dr", "doctor", "prof", "professor", "rev", "reverend", "sir", "dame", "lord",
      "lady", "king", "queen", "prince", "princess", "duke", "duchess", "earl", "countess", "baron", "baroness",
      "marquis", "emperor", "empress", "czar", "tsar", "sultan", "pope", "cardinal", "bishop", "archbishop",
      "father", "aunt", "auntie", "uncle", "grandma", "grandpa", "granny", "captain", "capt", "colonel", "col",
      "general", "gen", "lieutenant", "lt", "sergeant", "sgt", "spc", "cpl", "corporal", "admiral", "commander",
      "judge", "chancellor", "president", "vice", "governor", "mayor", "senator", "minister", "secretary",
      "deputy", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
      "squire", "commodore", "sheikh", "monsignor", "dear", "dearest", "brig", "brigadier", "advisor", "adviser", "officer", "petty", "special", "saint", "st", "god", "majesty", "highness", "excellency", "lordship", "ladyship",
      // German, Portuguese, Scandinavian, South Slavic
      "papst", "kaiser", "könig", "königin", "präsident", "präsidentin", "kanzler", "kanzlerin", "bundeskanzler",
      "bundeskanzlerin", "ministerin", "imperador", "imperatriz", "rei", "rainha", "presidente", "papa", "dom",
      "dona", "senhor", "senhora", "sr", "sra", "kung", "drottning", "kong", "dronning", "kralj", "kraljica",
      "predsjednik", "predsjednica", "predsednik", "predsednica",
      // contract parties
      "borrower", "borrowers", "lender", "lenders", "guarantor", "lessor", "lessee", "landlord", "tenant",
      "trustee", "purchaser", "seller", "buyer", "grantor", "debtor", "creditor", "obligor", "pledgor",
      "assignor", "assignee", "licensor", "licensee", "employee", "executive", "holder");
  private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "myself", "you", "your", "yours",
      "yourself", "he", "him", "his", "himself", "she", "her", "hers", "herself", "we", "us", "our", "ours",
      "ourselves", "they", "them", "their", "theirs", "themselves", "who", "whom", "whose");

  private Titles() {}

  /** A title, form of address or role, with or without its abbreviation dot ({@code Dr.}, {@code Gen.}). */
  static boolean isTitle(String token) {
    String w = token.toLowerCase(Locale.ROOT);
    return TITLES.contains(w.endsWith(".") ? w.substring(0, w.length() - 1) : w);
  }

  static boolean isPronoun(String token) {
    return PRONOUNS.contains(token.toLowerCase(Locale.ROOT));
  }
}
