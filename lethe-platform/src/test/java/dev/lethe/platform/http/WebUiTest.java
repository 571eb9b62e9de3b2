package dev.lethe.platform.http;

import static dev.lethe.platform.http.ApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.platform.testing.TestStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser: Debian's chromium driven through /usr/bin/chromedriver (Selenium).
 * Skipped with a message when either is missing ({@code apt-get install chromium chromium-driver};
 * .ci/run installs them). Screenshots go to target/ui-screenshots.
 */
class WebUiTest {
  static final String ADMIN = ApiTest.ADMIN;
  static final String INGEST = ApiTest.INGEST;
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SHOTS = Path.of("target", "ui-screenshots");

  static ChromeDriver browser;

  TestStore store;
  ApiServer server;
  Client client;
  String base;

  @BeforeAll
  static void startBrowser() throws Exception {
    assumeThat(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM))
        .as("chromium and chromedriver are not installed (apt-get install chromium chromium-driver): web UI tests skipped")
        .isTrue();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void startServer() {
    store = TestStore.open();
    server = ApiServer.start(store.controls, ApiConfig.of("127.0.0.1", 0, ADMIN, INGEST));
    client = new Client(server.port());
    base = "http://127.0.0.1:" + server.port();
    browser.manage().window().setSize(new Dimension(1200, 900));
    browser.manage().deleteAllCookies();
  }

  @AfterEach
  void stopServer() {
    server.close();
    store.close();
  }

  JsonNode register(String email) {
    return ok(201, client.call("POST", "/api/v1/ingest/users", INGEST, Map.of("email", email)));
  }

  String chat(String userId, String title, String text) {
    String id = ok(201, client.call("POST", "/api/v1/ingest/conversations", INGEST, Map.of("user_id", userId, "title", title)))
        .get("id").asText();
    ok(201, client.call("POST", "/api/v1/ingest/conversations/" + id + "/messages", INGEST, Map.of("role", "user", "text", text)));
    return id;
  }

  void signIn(String path, String token) {
    browser.manage().deleteAllCookies();
    browser.get(base + path);
    // keyboard only: Tab to the token field (after the skip link), type, Enter submits
    new Actions(browser).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
    WebElement active = browser.switchTo().activeElement();
    assertThat(active.getAttribute("id")).isEqualTo("token");
    WebElement old = browser.findElement(By.tagName("html"));
    active.sendKeys(token, Keys.ENTER);
    waitForNextPage(old);
  }

  /** Types into a field and presses Enter, waiting for the next page. */
  void submitWithEnter(String id, String text) {
    fill(id, text);
    WebElement old = browser.findElement(By.tagName("html"));
    browser.findElement(By.id(id)).sendKeys(Keys.ENTER);
    waitForNextPage(old);
  }

  String flash() {
    return browser.findElement(By.id("flash")).getText();
  }

  void click(String formActionEnd, String buttonText) {
    for (WebElement form : browser.findElements(By.cssSelector("form"))) {
      String action = form.getAttribute("action");
      if (action != null && action.endsWith(formActionEnd)) {
        for (WebElement b : form.findElements(By.cssSelector("button"))) {
          if (b.getAttribute("textContent").equals(buttonText)) {
            // open the <details> the form sits in, as a user would, then press the button
            ((JavascriptExecutor) browser).executeScript(
                "for (let d = arguments[0].closest('details'); d; d = d.parentElement.closest('details')) d.open = true;"
                    + "arguments[0].scrollIntoView()", b);
            WebElement old = browser.findElement(By.tagName("html"));
            b.click();
            waitForNextPage(old);
            return;
          }
        }
      }
    }
    throw new AssertionError("no button '" + buttonText + "' in a form posting to " + formActionEnd);
  }

  void fill(String id, String text) {
    WebElement e = browser.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  /**
   * Waits until {@code old} (the previous page's root) is gone and the next page has loaded. Chromedriver
   * sometimes reports a node of an unloaded page as "does not belong to the document" (a plain
   * WebDriverException) instead of a stale element: that means gone too.
   */
  void waitForNextPage(WebElement old) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(d -> {
      try {
        return ExpectedConditions.stalenessOf(old).apply(d);
      } catch (org.openqa.selenium.WebDriverException e) {
        return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
      }
    });
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  void submitScript(String js) {
    WebElement old = browser.findElement(By.tagName("html"));
    ((JavascriptExecutor) browser).executeScript(js);
    waitForNextPage(old);
  }

  String code(String email) {
    return store.outbox.lastCodeFor(email).orElseThrow();
  }

  void shot(String name) throws Exception {
    File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aUserSignsInAndUsesEachControl() throws Exception {
    JsonNode ana = register("ana@example.org");
    String anaId = ana.get("user").get("id").asText();
    String conv = chat(anaId, "Flat hunting in Lisbon", "Landlord wants a deposit of 2 months");
    chat(anaId, "Recipes", "How long to bake pão de ló?");
    signIn("/", ana.get("token").asText());
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Signed in as ana@example.org", "Flat hunting in Lisbon");
    shot("user-page");

    // settings, with history
    browser.findElement(By.id("improve_model")).click();
    click("/ui/settings", "Save settings");
    assertThat(flash()).contains("Settings saved");
    assertThat(browser.findElement(By.id("improve_model")).isSelected()).isFalse();
    assertThat(browser.findElement(By.id("settings-history")).getAttribute("textContent")).contains("improve model", "off");

    // conversations: open, rename, search, archive, unarchive, delete
    browser.findElement(By.cssSelector("#conv-" + conv + " summary")).click();
    assertThat(browser.findElement(By.id("conv-" + conv)).getText()).contains("Landlord wants a deposit");
    fill("title-" + conv, "Lisbon flat");
    click("/ui/conversations/" + conv + "/rename", "Rename");
    assertThat(flash()).contains("renamed");
    submitWithEnter("q", "deposit");
    assertThat(browser.findElement(By.id("conversations")).getText()).contains("Lisbon flat").doesNotContain("Recipes");
    browser.get(base + "/");
    click("/ui/conversations/" + conv + "/archive", "Archive");
    assertThat(browser.findElement(By.id("conversations")).getText()).doesNotContain("Lisbon flat");
    click("/ui/conversations/" + conv + "/archive", "Unarchive");
    click("/ui/conversations/" + conv + "/delete", "Delete");
    assertThat(flash()).contains("deleted");
    assertThat(browser.findElement(By.id("conversations")).getText()).doesNotContain("Lisbon flat");
    click("/ui/conversations/temporary", "Start a temporary chat");
    assertThat(flash()).contains("Temporary chat", "never used for training");
    click("/ui/conversations/archive-all", "Archive all");
    assertThat(flash()).contains("1 conversations archived");

    // memories: add, edit, delete
    fill("new-memory", "Prefers window seats");
    click("/ui/memories/add", "Add memory");
    assertThat(browser.findElement(By.id("memories")).getText()).contains("Prefers window seats", "not used for training");
    String memId = store.controls.memories().list(anaId).get(0).id();
    fill("mem-" + memId, "Prefers aisle seats");
    click("/ui/memories/" + memId + "/edit", "Save");
    assertThat(browser.findElement(By.id("memories")).getText()).contains("Prefers aisle seats");
    click("/ui/memories/" + memId + "/delete", "Delete");
    assertThat(browser.findElement(By.id("memories")).getText()).doesNotContain("aisle");

    // export with the emailed code, then download
    click("/ui/confirmations", "Email me a code for an export");
    fill("export-code", code("ana@example.org"));
    click("/ui/exports", "Export my data");
    assertThat(flash()).contains("requested");
    browser.get(base + "/");
    assertThat(browser.findElement(By.id("export-list")).getText()).contains("ready", "Download ZIP");
    assertThat(browser.findElement(By.id("notices")).getText()).contains("export is ready");

    // a do-not-train request, end to end with its trail
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("do_not_train");
    click("/ui/requests", "File request");
    String req = store.controls.requests().list(anaId, new dev.lethe.platform.controls.Page.Request(1, null, null)).items().get(0).id();
    fill("code-" + req, code("ana@example.org"));
    click("/ui/requests/" + req + "/verify", "Confirm");
    assertThat(flash()).contains("completed");
    browser.findElement(By.cssSelector("#req-" + req + " summary")).click();
    assertThat(browser.findElement(By.id("req-" + req)).getText()).contains("request.verified", "request.completed");
    shot("user-request-trail");

    // delete the account with its emailed code; the session ends
    click("/ui/confirmations", "Email me a code to delete my account");
    fill("delete-code", code("ana@example.org"));
    click("/ui/account/delete", "Delete my account");
    assertThat(flash()).contains("account was deleted");
    assertThat(browser.findElement(By.id("token")).isDisplayed()).isTrue();
  }

  @Test
  void aCorrectionRequestGoesFromUserToOperatorAndBack() throws Exception {
    JsonNode joao = register("joao@example.pt");
    String userId = joao.get("user").get("id").asText();
    signIn("/", joao.get("token").asText());
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("correction");
    fill("details", "My name is João Silva, not Joao Silva");
    click("/ui/requests", "File request");
    String req = store.controls.requests().list(userId, new dev.lethe.platform.controls.Page.Request(1, null, null)).items().get(0).id();
    click("/ui/requests/" + req + "/resend", "Send the code again");
    assertThat(flash()).contains("new code");
    fill("code-" + req, code("joao@example.pt"));
    click("/ui/requests/" + req + "/verify", "Confirm");
    assertThat(flash()).contains("in progress");

    signIn("/admin", ADMIN);
    assertThat(browser.findElement(By.id("dashboard")).getText()).contains("1 open", "0 overdue");
    browser.findElement(By.cssSelector("#req-" + req + " summary")).click();
    assertThat(browser.findElement(By.id("req-" + req)).getText()).contains("João Silva");
    shot("operator-console");
    fill("approve-" + req, "name as in the passport");
    click("/ui/admin/requests/" + req + "/approve", "Approve");
    assertThat(flash()).contains("(approved)");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('req-" + req + "').open = true");
    fill("complete-" + req, "display name corrected");
    click("/ui/admin/requests/" + req + "/complete", "Complete");
    assertThat(flash()).contains("completed");
    submitWithEnter("user", "joao@example.pt");
    assertThat(browser.findElement(By.id("account")).getText()).contains(userId);
    assertThat(browser.findElement(By.id("audit")).getText()).contains("request.approved", "request.completed", "admin.read");

    signIn("/", ok(201, client.call("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null)).get("token").asText());
    assertThat(browser.findElement(By.id("notices")).getText()).contains("approved: name as in the passport", "display name corrected");
    assertThat(browser.findElement(By.cssSelector("#req-" + req + " .status")).getText()).isEqualTo("completed");
  }

  @Test
  void oneUserNeverSeesOrChangesAnothersData() {
    JsonNode alice = register("alice@example.org");
    String aliceConv = chat(alice.get("user").get("id").asText(), "Alice's medical notes", "blood type O negative");
    JsonNode bob = register("bob@example.org");
    signIn("/", bob.get("token").asText());
    String page = browser.getPageSource();
    assertThat(page).doesNotContain("Alice").doesNotContain("blood type").doesNotContain(aliceConv);
    // Bob forges a form post to Alice's conversation with his own CSRF token: the rules answer "not found"
    submitScript("const f = document.querySelector('form[action=\"/ui/conversations/archive-all\"]');"
        + "f.action = '/ui/conversations/" + aliceConv + "/delete'; f.submit();");
    assertThat(flash()).contains("not found");
    assertThat(ok(200, client.get("/api/v1/me/conversations/" + aliceConv, alice.get("token").asText())).get("title").asText())
        .isEqualTo("Alice's medical notes");
    // a request without the CSRF token (as a third-party page would send) changes nothing either
    submitScript("const f = document.querySelector('form[action=\"/ui/conversations/archive-all\"]');"
        + "f.querySelector('input[name=csrf]').value = 'forged'; f.submit();");
    assertThat(flash()).contains("sign in again");
    // and the operator console wants the admin token, not a user's
    signIn("/admin", bob.get("token").asText());
    assertThat(flash()).contains("not the admin token");
  }

  @Test
  void everyControlHasALabelAndTheNarrowPageDoesNotScrollSideways() throws Exception {
    JsonNode u = register("narrow@example.org");
    chat(u.get("user").get("id").asText(), "A conversation with a rather long title that must wrap on a phone screen", "hello");
    signIn("/", u.get("token").asText());
    String unlabelled = "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]"
        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())"
        + ".map(e => e.outerHTML);";
    assertThat((List<?>) ((JavascriptExecutor) browser).executeScript(unlabelled)).isEmpty();
    browser.manage().window().setSize(new Dimension(360, 780));
    browser.get(base + "/");
    Object wide = ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) wide).intValue()).as("horizontal overflow in px at 360 px wide").isLessThanOrEqualTo(0);
    shot("user-page-narrow");
    signIn("/admin", ADMIN);
    assertThat((List<?>) ((JavascriptExecutor) browser).executeScript(unlabelled)).isEmpty();
    Object adminWide = ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) adminWide).intValue()).isLessThanOrEqualTo(0);
    shot("operator-console-narrow");
  }
}
