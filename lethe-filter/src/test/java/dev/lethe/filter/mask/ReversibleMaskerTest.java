package dev.lethe.filter.mask;

import static dev.lethe.filter.Label.PRIVATE_EMAIL;
import static dev.lethe.filter.Label.PRIVATE_PERSON;
import static dev.lethe.filter.Label.PRIVATE_PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.filter.Span;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

class ReversibleMaskerTest {
  private static final MaskKey KEY = MaskKey.of(MaskKeyTest.RAW);
  private final ReversibleMasker masker = Maskers.reversible(KEY);

  @Test
  void aConversationKeepsPlaceholdersAndTheAnswerGetsTheNamesBack() {
    String m1 = "Hi, I'm Ana Ruiz. Please draft a note to my landlord Bo Li (bo.li@mail.example).";
    Redaction r1 = masker.mask(m1, Spans.in(m1, PRIVATE_PERSON, "Ana Ruiz", PRIVATE_PERSON, "Bo Li",
        PRIVATE_EMAIL, "bo.li@mail.example"));
    assertThat(r1.text()).isEqualTo("Hi, I'm <PRIVATE_PERSON_1>. Please draft a note to my landlord"
        + " <PRIVATE_PERSON_2> (<PRIVATE_EMAIL_1>).");
    String stored = masker.seal(r1.vault());

    // A later message: the app reopens the stored vault; Bo Li keeps number 2, Carla is new.
    String m2 = "Also copy Carla Diaz, and sign it from Ana Ruiz, not Bo Li.";
    Redaction r2 = masker.mask(m2, Spans.in(m2, PRIVATE_PERSON, "Carla Diaz", PRIVATE_PERSON, "Ana Ruiz",
        PRIVATE_PERSON, "Bo Li"), masker.open(stored));
    assertThat(r2.text()).isEqualTo("Also copy <PRIVATE_PERSON_3>, and sign it from <PRIVATE_PERSON_1>, not"
        + " <PRIVATE_PERSON_2>.");
    assertThat(r2.vault().size()).isEqualTo(4);

    // The model's answer repeats and reorders placeholders and invents one the vault does not know.
    String answer = "Dear <PRIVATE_PERSON_2>, cc <PRIVATE_PERSON_3> and <PRIVATE_PERSON_9>. Reply to"
        + " <PRIVATE_EMAIL_1>. Regards, <PRIVATE_PERSON_1> (<PRIVATE_PERSON_1>) <PRIVATE_PHONE_1>";
    assertThat(masker.restore(answer, masker.open(masker.seal(r2.vault())))).isEqualTo("Dear Bo Li, cc Carla Diaz"
        + " and <PRIVATE_PERSON_9>. Reply to bo.li@mail.example. Regards, Ana Ruiz (Ana Ruiz) <PRIVATE_PHONE_1>");
  }

  @Test
  void valuesAreToldApartExactlySoThatRestoreIsExact() {
    String text = "Ana Ruiz and ana ruiz";
    Redaction r = masker.mask(text, Spans.in(text, PRIVATE_PERSON, "Ana Ruiz", PRIVATE_PERSON, "ana ruiz"));
    assertThat(r.text()).isEqualTo("<PRIVATE_PERSON_1> and <PRIVATE_PERSON_2>");
    assertThat(masker.restore(r.text(), r.vault())).isEqualTo(text);
  }

  @Test
  void literalPlaceholdersInTheInputSurviveTheRoundTrip() {
    String text = "The template says <PRIVATE_PERSON_1>; the user is Ana.";
    Redaction r = masker.mask(text, Spans.in(text, PRIVATE_PERSON, "Ana"));
    assertThat(r.text()).isEqualTo("The template says <PRIVATE_PERSON_1>; the user is <PRIVATE_PERSON_2>.");
    assertThat(masker.restore(r.text(), r.vault())).isEqualTo(text);
  }

  @Test
  void restoreWithAnEmptyVaultChangesNothing() {
    String text = "<PRIVATE_PERSON_1> and <REDACTED> and <PRIVATE_EMAIL:3f9a1c0b7d2e>";
    assertThat(masker.restore(text, Vault.empty())).isEqualTo(text);
  }

  @Test
  void originalsWithRegexReplacementSyntaxComeBackLiterally() {
    String text = "pw $1\\x";
    Redaction r = masker.mask(text, Spans.in(text, dev.lethe.filter.Label.SECRET, "$1\\x"));
    assertThat(masker.restore(r.text() + r.text(), r.vault())).isEqualTo(text + text);
  }

  @Test
  void theSealedVaultIsCompactOpaqueAndFreshEachTime() {
    String text = "Call Ana Ruiz at +34 612 345 678";
    Redaction r = masker.mask(text, Spans.in(text, PRIVATE_PERSON, "Ana Ruiz", PRIVATE_PHONE, "+34 612 345 678"));
    String sealed = masker.seal(r.vault());
    assertThat(sealed).matches("[A-Za-z0-9_-]+");
    byte[] raw = Base64.getUrlDecoder().decode(sealed);
    assertThat(raw[0]).isEqualTo((byte) 1);
    assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("Ana").doesNotContain("612");
    // version + key id + nonce + tag = 33 bytes, plus about 3 bytes and the text per entry
    assertThat(raw.length).isLessThan(33 + 1 + 2 * 3 + "Ana Ruiz".length() + "+34 612 345 678".length() + 1);
    assertThat(masker.seal(r.vault())).isNotEqualTo(sealed);
    assertThat(masker.open(sealed)).isEqualTo(r.vault());
    assertThat(r.vault().toString()).isEqualTo("Vault[2 entries]");
  }

  @Test
  void aVaultSealedUnderAnotherKeyIsRefusedAsSuch() {
    String sealed = Maskers.reversible(MaskKey.development()).seal(vaultOf("Ana Ruiz"));
    assertThatThrownBy(() -> masker.open(sealed))
        .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.reason()).isEqualTo(VaultException.Reason.WRONG_KEY))
        .hasMessageContaining(KEY.id()).hasMessageContaining(MaskKey.development().id());
  }

  @Test
  void everyFlippedBitIsDetected() {
    byte[] raw = Base64.getUrlDecoder().decode(masker.seal(vaultOf("Ana Ruiz")));
    for (int i = 1; i < raw.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = raw.clone();
        bad[i] ^= (byte) (1 << bit);
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bad);
        assertThatThrownBy(() -> masker.open(tampered)).isInstanceOfSatisfying(VaultException.class,
            e -> assertThat(e.reason()).isIn(VaultException.Reason.TAMPERED, VaultException.Reason.WRONG_KEY));
      }
    }
    byte[] bad = raw.clone();
    bad[raw.length - 1] ^= 1;
    assertThatThrownBy(() -> masker.open(Base64.getUrlEncoder().encodeToString(bad)))
        .hasMessageContaining("changed after sealing");
  }

  @Test
  void malformedAndFutureVaultsGetTheirOwnErrors() {
    assertThatThrownBy(() -> masker.open("not a vault!"))
        .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.reason()).isEqualTo(VaultException.Reason.MALFORMED));
    assertThatThrownBy(() -> masker.open("AQID"))
        .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.reason()).isEqualTo(VaultException.Reason.MALFORMED))
        .hasMessageContaining("3 bytes");
    byte[] raw = Base64.getUrlDecoder().decode(masker.seal(Vault.empty()));
    raw[0] = 2;
    assertThatThrownBy(() -> masker.open(Base64.getUrlEncoder().encodeToString(raw)))
        .isInstanceOfSatisfying(VaultException.class,
            e -> assertThat(e.reason()).isEqualTo(VaultException.Reason.UNSUPPORTED_VERSION))
        .hasMessageContaining("version 2");
  }

  private Vault vaultOf(String name) {
    return masker.mask(name, List.of(Span.of(PRIVATE_PERSON, 0, name.length(), 1, "t"))).vault();
  }

  @Property(tries = 500)
  void restoreGivesBackAnyTextExactly(@ForAll("docs") Docs.Doc doc) {
    Redaction r = masker.mask(doc.text(), doc.spans());
    Vault reopened = masker.open(masker.seal(r.vault()));
    assertThat(masker.restore(r.text(), reopened)).isEqualTo(doc.text());
    assertThat(r.replacements()).hasSameSizeAs(doc.spans());
  }

  @Property(tries = 200)
  void aConversationRestoresEveryMessageWithTheLastVault(@ForAll("conversations") List<Docs.Doc> messages) {
    Vault vault = Vault.empty();
    String[] masked = new String[messages.size()];
    for (int i = 0; i < messages.size(); i++) {
      Redaction r = masker.mask(messages.get(i).text(), messages.get(i).spans(), masker.open(masker.seal(vault)));
      masked[i] = r.text();
      vault = r.vault();
    }
    for (int i = 0; i < messages.size(); i++) {
      // Holds unless a message contains literally a placeholder an earlier message handed out.
      if (noLiteralOfEarlierMessages(messages, i)) {
        assertThat(masker.restore(masked[i], vault)).isEqualTo(messages.get(i).text());
      }
    }
  }

  private static boolean noLiteralOfEarlierMessages(List<Docs.Doc> messages, int i) {
    return Numbering.literalPlaceholders(messages.get(i).text(), messages.get(i).spans()).isEmpty();
  }

  @Property(tries = 200)
  void theSameOriginalKeepsItsPlaceholderAcrossMessages(@ForAll("docs") Docs.Doc first, @ForAll("docs") Docs.Doc second) {
    Redaction r1 = masker.mask(first.text(), first.spans());
    Redaction r2 = masker.mask(second.text(), second.spans(), r1.vault());
    for (Replacement a : r1.replacements()) {
      for (Replacement b : r2.replacements()) {
        boolean same = a.span().label() == b.span().label()
            && a.span().textIn(first.text()).equals(b.span().textIn(second.text()));
        assertThat(a.replacement().equals(b.replacement())).isEqualTo(same);
      }
    }
  }

  @Provide
  Arbitrary<Docs.Doc> docs() {
    return Docs.docs();
  }

  @Provide
  Arbitrary<List<Docs.Doc>> conversations() {
    return Docs.docs().list().ofMinSize(1).ofMaxSize(4);
  }
}
