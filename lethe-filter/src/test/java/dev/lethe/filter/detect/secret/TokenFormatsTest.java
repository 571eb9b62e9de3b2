package dev.lethe.filter.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven test over the catalogue {@link TokenFormats#ALL}: every format has a realistic example
 * here, is found with its exact boundaries and subtype, stops being found when its body is cut short, and
 * is listed in docs/secret-formats.md.
 */
class TokenFormatsTest {
  private static final FakeTokens FAKE = new FakeTokens(20240521);

  /** A marked example per format, keyed by subtype and first anchor. */
  private static final Map<String, String> EXAMPLES = examples();

  private static Map<String, String> examples() {
    FakeTokens f = FAKE;
    Map<String, String> m = new LinkedHashMap<>();
    m.put("aws_access_key KIA", "aws_access_key_id = ⟦AKIA" + f.chars(FakeTokens.BASE32, 16) + "⟧");
    m.put("github_pat ghp_", "git clone https://⟦" + f.github("ghp_") + "⟧@github.com/acme/api.git");
    m.put("github_oauth_token gho_", "    oauth_token: ⟦" + f.github("gho_") + "⟧");
    m.put("github_user_to_server_token ghu_", "token ⟦" + f.github("ghu_") + "⟧ expires in 8h");
    m.put("github_server_to_server_token ghs_", "GITHUB_TOKEN=⟦" + f.github("ghs_") + "⟧");
    m.put("github_refresh_token ghr_", "{\"refresh_token\": \"⟦" + f.github("ghr_") + "⟧\"}");
    m.put("github_fine_grained_pat github_pat_", "export GH_TOKEN=⟦github_pat_" + f.base62(22) + "_" + f.base62(59) + "⟧");
    m.put("gitlab_pat glpat-", "PRIVATE-TOKEN: ⟦glpat-" + f.base64url(20) + "⟧");
    m.put("gitlab_deploy_token gldt-", "deploy token ⟦gldt-" + f.base64url(20) + "⟧ for the registry");
    m.put("gitlab_runner_token glrt-", "token = \"⟦glrt-" + f.base64url(20) + "⟧\"");
    m.put("gitlab_runner_registration_token GR1348941", "--registration-token ⟦GR1348941" + f.base64url(20) + "⟧");
    m.put("gitlab_pipeline_trigger_token glptt-", "-F token=⟦glptt-" + f.hex(40) + "⟧ -F ref=main");
    m.put("gitlab_cicd_job_token glcbt-", "CI_JOB_TOKEN ⟦glcbt-" + f.base62(5) + "_" + f.base64url(20) + "⟧");
    m.put("gitlab_oauth_app_secret gloas-", "secret ⟦gloas-" + f.base64url(64) + "⟧");
    m.put("gitlab_feed_token glft-", "feed_token=⟦glft-" + f.base64url(20) + "⟧");
    m.put("gitlab_incoming_mail_token glimt-", "incoming ⟦glimt-" + f.base64url(25) + "⟧");
    m.put("gitlab_agent_token glagent-", "agent ⟦glagent-" + f.base64url(50) + "⟧");
    m.put("gitlab_feature_flag_token glffct-", "unleash ⟦glffct-" + f.base64url(20) + "⟧");
    m.put("gitlab_scim_token glsoat-", "scim ⟦glsoat-" + f.base64url(20) + "⟧");
    m.put("slack_bot_token xoxb-", "client = WebClient(token=\"⟦xoxb-" + f.digits(12) + "-" + f.digits(13) + "-"
        + f.base62(24) + "⟧\")");
    m.put("slack_user_token xoxp-", "SLACK_USER_TOKEN = \"⟦xoxp-" + f.digits(12) + "-" + f.digits(12) + "-"
        + f.digits(13) + "-" + f.hex(32) + "⟧\"");
    m.put("slack_workspace_token xoxa-", "access ⟦xoxa-2-" + f.digits(9) + "-" + f.digits(11) + "-" + f.hex(18) + "⟧");
    m.put("slack_legacy_token xoxo-", "legacy ⟦xoxs-" + f.digits(10) + "-" + f.digits(10) + "-" + f.digits(10) + "-"
        + f.hex(10) + "⟧");
    m.put("slack_config_token xoxe.xoxp-", "config ⟦xoxe.xoxp-1-" + f.base62(163) + "⟧");
    m.put("slack_config_refresh_token xoxe-", "refresh ⟦xoxe-1-" + f.base62(146) + "⟧");
    m.put("slack_app_token xapp-", "SLACK_APP_TOKEN=⟦xapp-1-A" + f.chars(FakeTokens.UPPER + FakeTokens.DIGITS, 10) + "-"
        + f.digits(13) + "-" + f.hex(64) + "⟧");
    m.put("slack_webhook_url .slack.com/", "our alert webhook is ⟦https://hooks.slack.com/services/T"
        + f.chars(FakeTokens.UPPER + FakeTokens.DIGITS, 8) + "/B" + f.chars(FakeTokens.UPPER + FakeTokens.DIGITS, 10)
        + "/" + f.base62(24) + "⟧ and it works");
    m.put("stripe_secret_key sk_live_", "stripe.api_key = \"⟦sk_live_" + f.base62(24) + "⟧\"");
    m.put("stripe_test_secret_key sk_test_", "STRIPE_KEY=⟦sk_test_" + f.base62(99) + "⟧");
    m.put("stripe_restricted_key rk_live_", "key: ⟦rk_live_" + f.base62(32) + "⟧");
    m.put("stripe_webhook_secret whsec_", "endpoint_secret = '⟦whsec_" + f.base62(32) + "⟧'");
    m.put("openai_api_key sk-proj-", "-H \"Authorization: Bearer ⟦sk-proj-" + f.base64url(58) + "T3BlbkFJ"
        + f.base64url(58) + "⟧\"");
    m.put("openai_api_key sk-", "openai.api_key = \"⟦sk-" + f.base62(20) + "T3BlbkFJ" + f.base62(20) + "⟧\"");
    m.put("sk_api_key sk-", "DEEPSEEK_API_KEY=⟦sk-" + f.hex(32) + "⟧");
    m.put("anthropic_api_key sk-ant-api03-", "anthropic.Anthropic(api_key=\"⟦sk-ant-api03-" + f.base64url(93) + "AA⟧\")");
    m.put("google_api_key AIza", "https://maps.googleapis.com/maps/api/geocode/json?key=⟦AIza" + f.base64url(35) + "⟧");
    m.put("google_oauth_client_secret GOCSPX-", "\"client_secret\":\"⟦GOCSPX-" + f.base64url(28) + "⟧\"");
    m.put("google_oauth_access_token ya29.", "access token ⟦ya29." + f.base64url(120) + "⟧");
    m.put("azure_storage_account_key ntKey=", "DefaultEndpointsProtocol=https;AccountName=acmeprd;AccountKey=⟦"
        + f.base64(86) + "==⟧;EndpointSuffix=core.windows.net");
    m.put("azure_shared_access_key dAccessKey=", "Endpoint=sb://acme.servicebus.windows.net/;"
        + "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=⟦" + f.base64(43) + "=⟧");
    m.put("azure_ad_client_secret Q~", "AZURE_CLIENT_SECRET ⟦" + f.base62(3) + "8Q~" + f.base62(34) + "⟧");
    m.put("microsoft_teams_webhook_url .webhook.office.com/", "POST ⟦https://acme.webhook.office.com/webhookb2/"
        + f.uuid() + "@" + f.uuid() + "/IncomingWebhook/" + f.hex(32) + "/" + f.uuid() + "⟧");
    m.put("twilio_api_key SK0", "TWILIO_API_KEY=⟦SK" + f.hex(32) + "⟧");
    m.put("twilio_account_sid AC0", "account ⟦AC" + f.hex(32) + "⟧");
    m.put("twilio_auth_token AC0", "const client = require('twilio')('⟦AC" + f.hex(32) + "⟧', '⟦" + f.hex(32) + "⟧');");
    m.put("sendgrid_api_key SG.", "SENDGRID_API_KEY=⟦SG." + f.base64url(22) + "." + f.base64url(43) + "⟧");
    m.put("mailgun_api_key key-", "api: ⟦key-" + f.hex(32) + "⟧");
    m.put("mailchimp_api_key -us", "mailchimp ⟦" + f.hex(32) + "-us14⟧");
    m.put("brevo_api_key xkeysib-", "BREVO ⟦xkeysib-" + f.hex(64) + "-" + f.base62(16) + "⟧");
    m.put("discord_webhook_url /api/webhooks/", "webhook ⟦https://discord.com/api/webhooks/" + f.digits(18) + "/"
        + f.base64url(68) + "⟧");
    m.put("telegram_bot_token api.telegram.org/bot", "https://api.telegram.org/bot⟦" + f.digits(10) + ":"
        + f.base64url(35) + "⟧/sendMessage?chat_id=1");
    m.put("telegram_bot_token :AA", "BOT_TOKEN ⟦" + f.digits(10) + ":AA" + f.base64url(33) + "⟧");
    m.put("npm_token npm_", "//registry.npmjs.org/:_authToken=⟦" + f.github("npm_") + "⟧");
    m.put("pypi_token pypi-AgEIcHlwaS5vcmc", "password = ⟦pypi-AgEIcHlwaS5vcmc" + f.base64url(150) + "⟧");
    m.put("rubygems_api_key rubygems_", "GEM_HOST_API_KEY: ⟦rubygems_" + f.hex(48) + "⟧");
    m.put("clojars_token LOJARS_", "deploy ⟦CLOJARS_" + f.chars(FakeTokens.LOWER + FakeTokens.DIGITS, 60) + "⟧");
    m.put("docker_hub_pat dckr_pat_", "docker login -u acme -p ⟦dckr_pat_" + f.base64url(27) + "⟧");
    m.put("docker_hub_org_token dckr_oat_", "org ⟦dckr_oat_" + f.base64url(32) + "⟧");
    m.put("jfrog_api_key AKCp", "X-JFrog-Art-Api: ⟦AKCp" + f.base62(69) + "⟧");
    m.put("huggingface_token hf_", "I'm pasting ⟦hf_" + f.base62(34) + "⟧ which I created");
    m.put("huggingface_org_token api_org_", "org ⟦api_org_" + f.base62(34) + "⟧");
    m.put("atlassian_api_token TT3", "JIRA_API_TOKEN=⟦ATATT3xFfGF0" + f.base64url(180) + "=" + f.hex(8).toUpperCase() + "⟧");
    m.put("bitbucket_app_password ATBB", "app password ⟦ATBB" + f.base62(32) + "⟧");
    m.put("linear_api_key n_api_", "Authorization: ⟦lin_api_" + f.base62(40) + "⟧");
    m.put("linear_oauth_token n_oauth_", "oauth ⟦lin_oauth_" + f.hex(64) + "⟧");
    m.put("notion_token ntn_", "NOTION_TOKEN=⟦ntn_" + f.digits(11) + f.base62(35) + "⟧");
    m.put("notion_token secret_", "notion ⟦secret_" + f.base62(43) + "⟧");
    m.put("postman_api_key PMAK-", "X-Api-Key: ⟦PMAK-" + f.hex(24) + "-" + f.hex(34) + "⟧");
    m.put("sourcegraph_token sgp_", "SRC_ACCESS_TOKEN=⟦sgp_" + f.hex(16) + "_" + f.hex(40) + "⟧");
    m.put("buildkite_token bkua_", "buildkite ⟦bkua_" + f.hex(40) + "⟧");
    m.put("contentful_token CFPAT-", "contentful ⟦CFPAT-" + f.base64url(43) + "⟧");
    m.put("figma_token igd_", "X-Figma-Token: ⟦figd_" + f.base64url(40) + "⟧");
    m.put("prefect_api_key pnu_", "PREFECT_API_KEY=⟦pnu_" + f.base62(36) + "⟧");
    m.put("readme_api_key rdme_", "readme ⟦rdme_" + f.chars(FakeTokens.LOWER + FakeTokens.DIGITS, 70) + "⟧");
    m.put("typeform_token tfp_", "typeform ⟦tfp_" + f.base64url(59) + "⟧");
    m.put("digitalocean_token dop_v1_", "doctl auth init -t ⟦dop_v1_" + f.hex(64) + "⟧");
    m.put("databricks_token dapi", "DATABRICKS_TOKEN=⟦dapi" + f.hex(32) + "⟧");
    m.put("vault_service_token hvs.", "VAULT_TOKEN=⟦hvs." + f.base64url(92) + "⟧");
    m.put("vault_batch_token hvb.", "batch ⟦hvb." + f.base64url(140) + "⟧");
    m.put("vault_recovery_token hvr.", "recovery ⟦hvr." + f.base64url(92) + "⟧");
    m.put("terraform_cloud_token .atlasv1.", "token = \"⟦" + f.base62(14) + ".atlasv1." + f.base64url(67) + "⟧\"");
    m.put("doppler_token dp.", "DOPPLER_TOKEN=⟦dp.pt." + f.base62(43) + "⟧");
    m.put("new_relic_user_api_key NRAK-", "API-Key: ⟦NRAK-" + f.chars(FakeTokens.UPPER + FakeTokens.DIGITS, 27) + "⟧");
    m.put("new_relic_insert_key NRII-", "insert ⟦NRII-" + f.base64url(32) + "⟧");
    m.put("grafana_cloud_token glc_", "GRAFANA_TOKEN=⟦glc_" + f.base64(120) + "=⟧");
    m.put("grafana_service_account_token glsa_", "grafana ⟦glsa_" + f.base62(32) + "_" + f.hex(8) + "⟧");
    m.put("sentry_org_token sntrys_", "SENTRY_AUTH_TOKEN=⟦sntrys_eyJ" + f.base64(120) + "⟧");
    m.put("sentry_user_token sntryu_", "sentry ⟦sntryu_" + f.hex(64) + "⟧");
    m.put("pulumi_access_token pul-", "PULUMI_ACCESS_TOKEN=⟦pul-" + f.hex(40) + "⟧");
    m.put("planetscale_token pscale_tkn_", "planetscale ⟦pscale_tkn_" + f.base64url(43) + "⟧");
    m.put("supabase_token sbp_", "supabase ⟦sbp_" + f.hex(40) + "⟧");
    m.put("supabase_secret_key sb_secret_", "SUPABASE_KEY=⟦sb_secret_" + f.base64url(40) + "⟧");
    m.put("tailscale_key tskey-", "TS_AUTHKEY=⟦tskey-auth-" + f.base62(12) + "-" + f.base62(32) + "⟧");
    m.put("flyio_token fo1_", "fly ⟦fo1_" + f.base64url(43) + "⟧");
    m.put("dynatrace_token dt0c01.", "Api-Token ⟦dt0c01." + f.chars(FakeTokens.UPPER + FakeTokens.DIGITS, 24) + "."
        + f.chars(FakeTokens.UPPER + FakeTokens.DIGITS, 64) + "⟧");
    m.put("heroku_api_key HRKU-", "HEROKU_API_KEY=⟦HRKU-AA" + f.base64url(58) + "⟧");
    m.put("alibaba_access_key_id LTAI", "AccessKeyId: ⟦LTAI" + f.base62(20) + "⟧");
    m.put("cloudflare_origin_ca_key v1.0-", "origin ca ⟦v1.0-" + f.hex(24) + "-" + f.hex(146) + "⟧");
    m.put("onepassword_service_account_token ops_eyJ", "OP_SERVICE_ACCOUNT_TOKEN=⟦ops_eyJ" + f.base64(160) + "⟧");
    m.put("replicate_api_token r8_", "REPLICATE_API_TOKEN=⟦r8_" + f.base62(37) + "⟧");
    m.put("groq_api_key gsk_", "GROQ_API_KEY=⟦gsk_" + f.base62(52) + "⟧");
    m.put("xai_api_key xai-", "XAI_API_KEY=⟦xai-" + f.base62(80) + "⟧");
    m.put("perplexity_api_key plx-", "key ⟦pplx-" + f.base62(48) + "⟧");
    m.put("langsmith_api_key lsv2_pt_", "LANGCHAIN_API_KEY=⟦lsv2_pt_" + f.hex(32) + "_" + f.hex(10) + "⟧");
    m.put("shopify_access_token shpat_", "X-Shopify-Access-Token: ⟦shpat_" + f.hex(32) + "⟧");
    m.put("shopify_shared_secret shpss_", "shared secret ⟦shpss_" + f.hex(32) + "⟧");
    m.put("square_access_token sq0atp-", "square ⟦sq0atp-" + f.base64url(22) + "⟧");
    m.put("square_access_token EAAA", "SQUARE_ACCESS_TOKEN=⟦EAAA" + f.base64url(60) + "⟧");
    m.put("square_oauth_secret sq0csp-", "square secret ⟦sq0csp-" + f.base64url(43) + "⟧");
    m.put("braintree_access_token access_token$", "BRAINTREE ⟦access_token$production$" + f.chars(FakeTokens.LOWER
        + FakeTokens.DIGITS, 16) + "$" + f.hex(32) + "⟧");
    m.put("easypost_api_key EZAK", "easypost ⟦EZAK" + f.base62(54) + "⟧");
    m.put("flutterwave_secret_key FLWSECK-", "FLW_SECRET_KEY=⟦FLWSECK-" + f.hex(32) + "-X⟧");
    m.put("shippo_api_token ippo_", "ShippoToken ⟦shippo_live_" + f.hex(40) + "⟧");
    m.put("mapbox_secret_token sk.eyJ", "MAPBOX ⟦sk.eyJ1Ijoi" + f.base64url(40) + "." + f.base64url(22) + "⟧");
    m.put("facebook_access_token EAA", "fb ⟦EAAC" + f.base62(150) + "⟧");
    m.put("twitter_bearer_token AAAAAAAAAAAAAAAAAAAAA", "TWITTER_BEARER ⟦AAAAAAAAAAAAAAAAAAAAA" + f.base62(90) + "⟧");
    m.put("age_secret_key -SECRET-KEY-1", "# created: 2024-05-01\n⟦" + f.age() + "⟧\n");
    return m;
  }

  private static String key(TokenFormat format) {
    return format.subtype() + " " + format.anchors().get(0);
  }

  static Stream<Arguments> formats() {
    return TokenFormats.ALL.stream().map(f -> Arguments.of(key(f), f));
  }

  @Test
  void everyFormatHasAnExampleAndEveryExampleAFormat() {
    List<String> keys = TokenFormats.ALL.stream().map(TokenFormatsTest::key).toList();
    assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(keys).hasSizeGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void findsTheExampleWithExactBoundariesAndSubtype(String key, TokenFormat format) {
    String example = EXAMPLES.get(key);
    assertThat(Marked.found(example)).isEqualTo(example);
    List<Span> spans = Marked.spans(Marked.plain(example), OperatingPoint.BALANCED);
    assertThat(spans).extracting(Span::subtype).contains(format.subtype());
    assertThat(spans).filteredOn(s -> s.subtype().equals(format.subtype()))
        .allSatisfy(s -> assertThat(s.score()).isGreaterThanOrEqualTo(format.score()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void doesNotReportATokenCutShort(String key, TokenFormat format) {
    String example = EXAMPLES.get(key);
    int open = example.indexOf(Marked.OPEN);
    int close = example.indexOf(Marked.CLOSE);
    String token = example.substring(open + 1, close);
    int anchor = format.anchors().stream().mapToInt(token::indexOf).filter(i -> i >= 0).min().orElse(-1);
    String shortened;
    if (anchor < 0) {
      // The anchor is outside the secret (AccountKey=...): keep five chars of it.
      shortened = token.substring(0, 5);
    } else if (format.back() > 0) {
      // The token starts before its anchor: drop the chars just before it.
      shortened = token.substring(0, Math.max(0, anchor - 5)) + token.substring(anchor);
    } else {
      int anchorEnd = anchor + format.anchors().stream().filter(a -> token.startsWith(a, anchor)).findFirst()
          .orElseThrow().length();
      shortened = token.substring(0, anchorEnd + 5);
    }
    String cut = Marked.plain(example.substring(0, open) + shortened + example.substring(close + 1));
    List<Span> found = new ArrayList<>();
    Marked.DETECTOR.detect(cut, found);
    assertThat(found).as(cut).extracting(Span::subtype).doesNotContain(format.subtype());
  }

  @Test
  void checksumFormatsScoreHigherWhenTheChecksumVerifies() {
    String good = FAKE.github("ghp_");
    String bad = FAKE.githubBadChecksum("ghp_");
    assertThat(score("token " + good)).isEqualTo(Confidence.CHECKSUM);
    assertThat(score("token " + bad)).isEqualTo(Confidence.PROVIDER_LOOSE);
    String age = FAKE.age();
    String brokenAge = age.substring(0, age.length() - 1) + (age.endsWith("Q") ? "P" : "Q");
    assertThat(score(age)).isEqualTo(Confidence.CHECKSUM);
    assertThat(score(brokenAge)).isEqualTo(Confidence.PROVIDER_LOOSE);
  }

  @Test
  void aVerifiedChecksumOverridesLettersThatLookLikeAPlaceholder() {
    String body = "xxxxYourTokenHere" + FAKE.base62(13);
    String verified = "ghp_" + body + FakeTokens.crc32Base62(body);
    String unverified = "ghp_" + body + "000000";
    assertThat(score("token " + verified)).isEqualTo(Confidence.CHECKSUM);
    List<Span> found = new ArrayList<>();
    Marked.DETECTOR.detect("token " + unverified, found);
    assertThat(found).extracting(Span::subtype).doesNotContain("github_pat");
  }

  @Test
  void markersCountOnlyInTheCaseWordsAreWrittenIn() {
    // "XxXx" occurs in random tokens; "xxxx" and "XXXX" are masks.
    for (String token : List.of("sk_live_a8xxxxk2Lq9vR2mWx4Zp0tYb", "sk_live_a8XXXXk2Lq9vR2mWx4Zp0tYb",
        "ghp_YourTokenGoesHere0000000000000000")) {
      assertThat(Values.isPlaceholderToken(token, 0, token.length())).as(token).isTrue();
    }
    String random = "sk_live_a8XxXxk2Lq9vR2mWx4Zp0tYb";
    assertThat(Values.isPlaceholderToken(random, 0, random.length())).isFalse();
  }

  private static double score(String text) {
    List<Span> found = new ArrayList<>();
    Marked.DETECTOR.detect(text, found);
    assertThat(found).hasSize(1);
    return found.get(0).score();
  }

  @Test
  void theCatalogueDocumentListsEverySubtypeAndSource() throws IOException {
    Path doc = Path.of("..", "docs", "secret-formats.md");
    String text = Files.readString(doc);
    for (TokenFormat format : TokenFormats.ALL) {
      assertThat(text).as("docs/secret-formats.md lists %s", format.subtype()).contains("`" + format.subtype() + "`");
      assertThat(text).as("docs/secret-formats.md cites %s", format.spec()).contains(format.spec());
    }
    for (String subtype : SecretDetectorTest.RULE_SUBTYPES) {
      assertThat(text).as("docs/secret-formats.md lists %s", subtype).contains("`" + subtype + "`");
    }
  }
}
