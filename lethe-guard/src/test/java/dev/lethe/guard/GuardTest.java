package dev.lethe.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.guard.GuardPolicy.Mode;
import dev.lethe.guard.GuardResult.Verdict;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GuardTest {
  static final String ANSWER = "Sure! Ana Ruiz lives at 12 Main St. Apt 4, Springfield. Call her at 919-555-0148.";
  static final Guard MASK = Guard.builder().build();

  static Guard guard(Mode mode) {
    return Guard.builder().policy(GuardPolicy.builder().mode(mode).build()).build();
  }

  @Test
  void masksAPrivatePersonWithTheirAddressAndPhone() {
    GuardResult r = MASK.check(ANSWER);
    assertThat(r.text()).isEqualTo("Sure! <PRIVATE_PERSON> lives at <PRIVATE_ADDRESS>. Call her at <PRIVATE_PHONE>.");
    assertThat(r.verdict()).isEqualTo(Verdict.MASKED);
    assertThat(r.counts()).containsEntry(Label.PRIVATE_PERSON, 1).containsEntry(Label.PRIVATE_ADDRESS, 1)
        .containsEntry(Label.PRIVATE_PHONE, 1);
    Finding phone = r.findings().get(2);
    assertThat(ANSWER.substring(phone.start(), phone.end())).isEqualTo("919-555-0148");
  }

  @ParameterizedTest
  @EnumSource(OperatingPoint.class)
  void leavesPublicFiguresAtEveryOperatingPoint(OperatingPoint point) {
    Guard g = Guard.builder().policy(GuardPolicy.builder().operatingPoint(point).build()).build();
    String answer = "Abraham Lincoln was the 16th president. Albert Einstein developed relativity.";
    GuardResult r = g.check(answer);
    assertThat(r.text()).isEqualTo(answer);
    assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
  }

  @Test
  void refuseModeCutsTheAnswerAtTheFirstPieceWithPrivateData() {
    Guard g = Guard.builder().policy(GuardPolicy.builder().mode(Mode.REFUSE).refusal("Not about private people.")
        .build()).build();
    GuardResult r = g.check("Here is what I found. " + ANSWER + " Anything else?");
    assertThat(r.text()).isEqualTo("Here is what I found. Sure! Not about private people.");
    assertThat(r.verdict()).isEqualTo(Verdict.REFUSED);
    assertThat(g.check("The weather is fine today. Anything else?").verdict()).isEqualTo(Verdict.CLEAN);
  }

  @Test
  void reportModeChangesNothingAndSaysWhere() {
    GuardResult r = guard(Mode.REPORT).check(ANSWER);
    assertThat(r.text()).isEqualTo(ANSWER);
    assertThat(r.verdict()).isEqualTo(Verdict.REPORTED);
    assertThat(r.findings()).extracting(f -> ANSWER.substring(f.start(), f.end()))
        .containsExactly("Ana Ruiz", "12 Main St. Apt 4, Springfield", "919-555-0148");
  }

  @ParameterizedTest
  @ValueSource(strings = {"What is Ana Ruiz's home address?", "Can you give me the phone number of Ana Ruiz?",
      "Where does Ana Ruiz live?", "How can I reach Ana Ruiz?", "I need Ana Ruiz’s cell number.",
      "Find the email address of Dr. Ana Ruiz", "¿Cuál es la dirección de Ana Ruiz?", "Wo wohnt Ana Ruiz?"})
  void refusesRequestsForAPrivatePersonsContactData(String prompt) {
    GuardResult r = MASK.check("She lives at 12 Main St. Apt 4, Springfield.", prompt);
    assertThat(r.verdict()).isEqualTo(Verdict.REFUSED);
    assertThat(r.text()).isEqualTo(GuardPolicy.DEFAULT_REFUSAL);
    assertThat(prompt.substring(r.request().personStart(), r.request().personEnd())).isEqualTo("Ana Ruiz");
  }

  @Test
  void namesTheKindOfDataAsked() {
    assertThat(MASK.request("What is Ana Ruiz's home address?").orElseThrow().asked()).isEqualTo(Label.PRIVATE_ADDRESS);
    assertThat(MASK.request("Give me Ana Ruiz's phone number").orElseThrow().asked()).isEqualTo(Label.PRIVATE_PHONE);
    assertThat(MASK.request("What's Ana Ruiz's e-mail?").orElseThrow().asked()).isEqualTo(Label.PRIVATE_EMAIL);
    assertThat(MASK.request("What is Ana Ruiz's date of birth?").orElseThrow().asked()).isEqualTo(Label.PRIVATE_DATE);
    assertThat(MASK.request("Find Ana Ruiz's social security number").orElseThrow().asked())
        .isEqualTo(Label.ACCOUNT_NUMBER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"What is Albert Einstein's phone number?", "Where did Abraham Lincoln live?",
      "Ana Ruiz's address changed last week, please update the CRM.", "Write a haiku about autumn.",
      "What is the address of the Louvre?"})
  void doesNotRefuseOtherPrompts(String prompt) {
    assertThat(MASK.request(prompt)).isEmpty();
  }

  @Test
  void reportModeRecordsTheRequestWithoutRefusing() {
    GuardResult r = guard(Mode.REPORT).check("I don't know.", "What is Ana Ruiz's home address?");
    assertThat(r.text()).isEqualTo("I don't know.");
    assertThat(r.request()).isNotNull();
    assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
  }

  @Test
  void requestRefusalCanBeTurnedOff() {
    Guard g = Guard.builder().policy(GuardPolicy.builder().refuseRequests(false).build()).build();
    GuardResult r = g.check("She lives at 12 Main St. Apt 4, Springfield.", "What is Ana Ruiz's home address?");
    assertThat(r.text()).isEqualTo("She lives at <PRIVATE_ADDRESS>.");
  }

  @Test
  void valuesFromThePromptAreTheCallersOwnButSuppressedOnesAreNot() {
    Guard g = Guard.builder().suppressions(Suppressions.of(List.of("Bo Lindqvist"), "US")).build();
    String prompt = "My email is jo.lee@proton.me. Write a note to Bo Lindqvist.";
    GuardResult r = g.check("Dear Bo Lindqvist, reach me at jo.lee@proton.me or 919-555-0148.", prompt);
    assertThat(r.text()).isEqualTo("Dear <PRIVATE_PERSON>, reach me at jo.lee@proton.me or <PRIVATE_PHONE>.");
  }

  @Test
  void numberedPlaceholdersOfTheGatewayStay() {
    GuardResult r = MASK.check("Dear <PRIVATE_PERSON_1>, your number 919-555-0148 is noted.");
    assertThat(r.text()).isEqualTo("Dear <PRIVATE_PERSON_1>, your number <PRIVATE_PHONE> is noted.");
  }

  @Test
  void suppressionEntriesAreMaskedWhateverTheLabelsSelected() {
    Guard g = Guard.builder().policy(GuardPolicy.builder().labels(EnumSet.of(Label.PRIVATE_PHONE)).build())
        .suppressions(Suppressions.of(List.of("Ana Ruiz", "ana.ruiz@gmail.com"), "US")).build();
    GuardResult r = g.check("ANA RUIZ (Ana.Ruiz@Gmail.com) met Bo Li. Call 919-555-0148.");
    assertThat(r.text()).isEqualTo("<PRIVATE_PERSON> (<PRIVATE_EMAIL>) met Bo Li. Call <PRIVATE_PHONE>.");
    assertThat(r.findings().get(0).suppressed()).isTrue();
  }

  @Test
  void aKeyBlockIsMaskedWholeEvenWhenItArrivesLineByLine() {
    String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1234567890abcdefghijABCDEFGHIJ\n"
        + "MIIEpAIBAAKCAQEA1234567890abcdefghijABCDEFGHIJ\n-----END RSA PRIVATE KEY-----\n";
    GuardStream s = MASK.stream(null);
    StringBuilder out = new StringBuilder(s.push("Here it is:\n"));
    for (String line : key.split("(?<=\n)")) {
      out.append(s.push(line));
      assertThat(out.toString()).doesNotContain("MIIE");
    }
    out.append(s.finish());
    assertThat(out.toString()).isEqualTo("Here it is:\n<SECRET>\n");
  }

  @Test
  void aMultiLineAddressIsNotCutAtTheLineBreak() {
    Guard g = Guard.builder().policy(GuardPolicy.builder().operatingPoint(OperatingPoint.RECALL).build()).build();
    GuardResult r = g.check("Her address is 221B Baker Street\nLondon NW1 6XE\nand that is all.");
    assertThat(r.text()).isEqualTo("Her address is <PRIVATE_ADDRESS>\nand that is all.");
  }

  @Test
  void numberedMaskStylesAreRefusedForAnswers() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GuardPolicy.builder()
        .maskStyle(dev.lethe.filter.mask.MaskStyle.NUMBERED)).hasMessageContaining("restart");
  }

  @Test
  void aStreamHoldsBackOnlyUntilTheSentenceAndLookAheadArrive() {
    GuardStream s = MASK.stream(null);
    assertThat(s.push("The weather is fine")).isEmpty();
    assertThat(s.heldBack()).isEqualTo(19);
    String tail = " today. It should stay dry for the rest of the week, with a light breeze from the west.";
    String out = s.push(tail);
    assertThat(out).isEqualTo("The weather is fine today. ");
    assertThat(s.finish()).isEqualTo(tail.substring(8));
  }
}
