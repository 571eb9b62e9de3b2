package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableColumnDetectorTest {
  private final TableColumnDetector d = new TableColumnDetector();

  @Test
  void chromePasswordExport() {
    String csv = "name,url,username,password,note\n"
        + "GitHub,https://github.com/login,jdoe,Xy7!pq9Lm,\n"
        + "Bank,https://bank.example,jdoe@mail.example,correct horse battery staple,work\n";
    assertThat(Found.texts(d, csv)).containsExactly("Xy7!pq9Lm", "correct horse battery staple");
    assertThat(Found.spans(d, csv, OperatingPoint.BALANCED)).extracting(Span::label).containsOnly(Label.SECRET);
  }

  @Test
  void bitwardenExportWithQuotesAndATotpColumn() {
    String csv = "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
        + ",,login,Mail,,,0,https://mail.example,ana,\"p,w\"\"1x\",JBSWY3DPEHPK3PXP\n";
    assertThat(Found.texts(d, csv)).containsExactly("p,w\"\"1x", "JBSWY3DPEHPK3PXP");
  }

  @Test
  void firefoxExportKeepsTimesAndGuids() {
    String csv = "\"url\",\"username\",\"password\",\"httpRealm\",\"formActionOrigin\",\"guid\",\"timeCreated\","
        + "\"timeLastUsed\",\"timePasswordChanged\"\n"
        + "\"https://shop.example\",\"ana\",\"Sh0p!2024\",,\"https://shop.example\","
        + "\"{1b7b4c1e-5e2b-4a8b-9c3d-2f1e0a9b8c7d}\",\"1700000000000\",\"1700000000000\",\"1700000000000\"\n";
    assertThat(Found.texts(d, csv)).containsExactly("Sh0p!2024");
  }

  @Test
  void idColumnsOfAPastedExtract() {
    String text = "Here are the new sign-ups.\n\ncustomer_id,full_name,email,phone,signup_date\n"
        + "C-100482,Aisha Bello,aisha.bello@yahoo.co.uk,07911 123456,2023-11-02\n"
        + "C-100517,Liam O'Connor,liamoc@protonmail.com,+353 87 214 6609,2023-11-04\n\nThanks!";
    List<Span> spans = Found.spans(d, text, OperatingPoint.BALANCED);
    assertThat(spans).extracting(s -> s.textIn(text)).containsExactly("C-100482", "C-100517");
    assertThat(spans).extracting(Span::subtype).containsOnly("customer_id");
  }

  @Test
  void tabAndSemicolonSeparatedTables() {
    assertThat(Found.texts(d, "emp_id\tname\tdept\nE10421\tAna Ruiz\tSales\nE10433\tJo Kim\tOps"))
        .containsExactly("E10421", "E10433");
    assertThat(Found.texts(d, "Kundennummer;Name;Passwort\nK-883012;Jonas Weber;Sommer#2024\n"))
        .containsExactly("K-883012", "Sommer#2024");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // no secret or id column
      "name,email,city\nAna,ana@mail.example,Lyon\n",
      // a bare id column holds row numbers
      "id,name,score\n1,Ana,93\n2,Jo,88\n",
      // a header without rows, and prose with commas
      "password,username\n",
      "Hi Ana, thanks for the help.\nSee you, Jo",
      // an empty password cell and a placeholder
      "username,password\nana,\njo,changeme\n",
      // a password-hash column is no password
      "user,password_hash\nana,$2b$12$KIXQJ1mVgC3tQy7b8m1Cwe\n",
      // ids that are too short to identify anyone
      "order_id,item\n12,book\n",
  })
  void notColumnValues(String text) {
    assertThat(Found.texts(d, text)).isEmpty();
  }

  @Test
  void theTableEndsAtALineWithOtherCells() {
    String text = "username,password\nana,Xy7!pq9Lm\nThat's all, the rest is in the vault: hunter22";
    assertThat(Found.texts(d, text)).containsExactly("Xy7!pq9Lm");
  }
}
