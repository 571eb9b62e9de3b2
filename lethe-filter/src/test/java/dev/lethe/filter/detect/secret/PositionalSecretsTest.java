package dev.lethe.filter.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.OperatingPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets that no provider format marks, known by where they stand: a call's second argument, a short
 * option of a known tool, a code after a door or locker word, a BIP-39 seed phrase. Expected secrets are
 * marked ⟦so⟧; every other char must stay unmarked at the balanced operating point.
 */
class PositionalSecretsTest {

  private static void assertMarked(String marked) {
    assertThat(Marked.found(marked)).isEqualTo(marked);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "define('DB_PASSWORD', '⟦xK9#mq2Lp⟧');",
      "define( 'AUTH_KEY', '⟦Zq8#v!R2mT^pL0w@xN4s&Y7c*B1e$K9d⟧' );",
      "define(\"DB_PASSWORD\", \"⟦hunter2-prod⟧\");",
      "os.environ.setdefault(\"API_TOKEN\", \"⟦9fK2xQ7vLm3Rt8Wp⟧\")",
      "putenv(\"SMTP_PASSWORD\", \"⟦Sm7p$ecret⟧\");",
      "client = Client(\"⟦AC0123456789abcdef0123456789abcdef⟧\", \"⟦f3a9c0d1e2b4a5c6d7e8f9a0b1c2d3e4⟧\")",
  })
  void secondArgumentOfACallWhoseFirstNamesASecret(String marked) {
    assertMarked(marked);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "define('DB_USER', 'wordpress');",
      "define('DB_PASSWORD', '');",
      "define('DB_PASSWORD', 'password_here');",
      "fields = [\"password\", \"email\"]",
      "required(\"password\", \"Please enter a password\")",
  })
  void callsThatHoldNoSecret(String text) {
    assertMarked(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "psql --password ⟦hunter22x⟧",
      "docker login -u ci-bot -p ⟦Dk8#pQ2vLm⟧ registry.example.com",
      "mongosh -u admin -p ⟦M0ng0-Adm1n⟧ --authenticationDatabase admin",
      "redis-cli -h cache.internal -a ⟦R3dis!Pass⟧ ping",
      "ldapsearch -x -D cn=admin,dc=example,dc=org -w ⟦Ld4p#Secret⟧ -b dc=example,dc=org",
  })
  void passwordOptionsOfCommandLineTools(String marked) {
    assertMarked(marked);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "the door code is ⟦4821⟧",
      "locker combo ⟦3319⟧, bring a towel",
      "gate code #⟦7788⟧",
      "Alarmcode ⟦5521⟧",
      "Torcode: ⟦2580⟧",
      "deurcode ⟦1966⟧",
      "portkod ⟦4417⟧",
      "code de la porte ⟦1234A⟧",
      "il codice del cancello è ⟦8812⟧",
      "kod do drzwi: ⟦4455⟧",
      "wifi: ⟦Sunshine42⟧",
      "PIN ⟦4821⟧",
  })
  void shortCodesAfterDoorLockerAndWifiWords(String marked) {
    assertMarked(marked);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "the door code is broken again",
      "locker 12 is free",
      "wifi: yes, parking: no",
      "see code 404 in the logs",
      "the gate opens at 0700",
  })
  void doorAndWifiWordsWithoutACode(String text) {
    assertMarked(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "my seed phrase: ⟦pipe hour maid engine arm modify reform grain tell rain tell frown⟧",
      "⟦suit vehicle symptom display ranch review fringe myth stone enemy chef reveal ecology gallery setup adult"
          + " hazard walnut popular tape merit smile word name⟧ <- that's the ledger backup",
      "Recovery words:\n1. ⟦label 2. error 3. legal 4. garlic 5. float 6. myth\n7. viable 8. skin 9. quantum"
          + " 10. hurt 11. remind 12. churn⟧",
      "PIPE HOUR MAID ENGINE ARM MODIFY REFORM GRAIN TELL RAIN TELL FROWN: ⟦pipe hour maid engine arm modify"
          + " reform grain tell rain tell frown⟧",
  })
  void seedPhrasesWhoseChecksumVerifies(String marked) {
    String plain = Marked.plain(marked);
    // Upper case is found too; the last example marks both copies.
    if (plain.startsWith("PIPE")) {
      assertThat(Marked.spans(plain, OperatingPoint.BALANCED)).hasSize(2);
      return;
    }
    assertMarked(marked);
  }

  @Test
  void aPhraseWithABadChecksumNeedsAKeyWord() {
    // The words of the list in alphabetical order: its checksum does not verify.
    String phrase = "abandon ability able about above absent absorb abstract absurd abuse access accident";
    assertMarked("my wallet seed: ⟦" + phrase + "⟧");
    assertMarked("glossary: " + phrase);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // the test vector of the specification: a documentation value
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
      // eleven words are no phrase
      "pipe hour maid engine arm modify reform grain tell rain tell",
      // list words in a sentence, broken by words outside the list
      "we could walk to the beach after lunch and then have a drink at the bar near the harbour tonight",
  })
  void notSeedPhrases(String text) {
    assertMarked(text);
  }

  @Test
  void aLongRunOfListWordsIsAWordListNotAPhrase() {
    StringBuilder list = new StringBuilder();
    String words = "pipe hour maid engine arm modify reform grain tell rain tell frown ";
    for (int i = 0; i < 5; i++) {
      list.append(words);
    }
    assertMarked(list.toString());
  }
}
