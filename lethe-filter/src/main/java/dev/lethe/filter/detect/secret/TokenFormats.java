package dev.lethe.filter.detect.secret;

import static dev.lethe.filter.detect.secret.Confidence.CHECKSUM;
import static dev.lethe.filter.detect.secret.Confidence.PROVIDER;
import static dev.lethe.filter.detect.secret.Confidence.PROVIDER_LOOSE;
import static dev.lethe.filter.detect.secret.TokenFormat.around;
import static dev.lethe.filter.detect.secret.TokenFormat.prefixed;

import dev.lethe.filter.detect.Keywords.Boundary;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The catalogue of provider token formats recognised by their shape alone (docs/secret-formats.md lists
 * them with their sources). Each pattern is matched only in a small window at an occurrence of its anchor.
 */
final class TokenFormats {
  private TokenFormats() {}

  /** Chars that end a base64url-ish token. */
  private static final String END = "(?![A-Za-z0-9_-])";
  /** Chars that end an alphanumeric token. */
  private static final String END_ALNUM = "(?![A-Za-z0-9])";
  /** No token char right before a token found around its anchor. */
  private static final String START = "(?<![A-Za-z0-9_-])";

  private static final TokenFormat.Check GITHUB_CRC = Checksums::crc32Base62;
  private static final String GITHUB_SPEC =
      "https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/";
  private static final String GITLAB_SPEC = "https://docs.gitlab.com/ee/security/tokens/#token-prefixes";
  private static final String SLACK_SPEC = "https://api.slack.com/authentication/token-types";

  static final List<TokenFormat> ALL = List.of(
      // Amazon Web Services
      new TokenFormat("aws_access_key", "AWS", List.of("KIA", "SIA", "BIA", "CCA"), Boundary.NONE, 1,
          Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}" + END_ALNUM), PROVIDER, null, PROVIDER,
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids"),

      // GitHub: 30 random chars and a CRC32 in the last six
      github("github_pat", "ghp_"),
      github("github_oauth_token", "gho_"),
      github("github_user_to_server_token", "ghu_"),
      github("github_server_to_server_token", "ghs_"),
      github("github_refresh_token", "ghr_"),
      prefixed("github_fine_grained_pat", "GitHub", List.of("github_pat_"),
          "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}" + END, PROVIDER, GITHUB_SPEC),

      // GitLab
      prefixed("gitlab_pat", "GitLab", List.of("glpat-"),
          "glpat-(?:[A-Za-z0-9_-]{27,300}\\.[0-9a-z]{2}[0-9a-z]{7}|[A-Za-z0-9_-]{20})(?![A-Za-z0-9_.-])",
          PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_deploy_token", "GitLab", List.of("gldt-"), "gldt-[A-Za-z0-9_-]{20}" + END,
          PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_runner_token", "GitLab", List.of("glrt-"),
          "glrt-(?:t\\d_[A-Za-z0-9_-]{27,300}\\.[0-9a-z]{2}[0-9a-z]{7}|[A-Za-z0-9_-]{20})(?![A-Za-z0-9_.-])",
          PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_runner_registration_token", "GitLab", List.of("GR1348941"),
          "GR1348941[A-Za-z0-9_-]{20}" + END, PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_pipeline_trigger_token", "GitLab", List.of("glptt-"), "glptt-[0-9a-f]{40}" + END,
          PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_cicd_job_token", "GitLab", List.of("glcbt-"),
          "glcbt-[0-9a-zA-Z]{1,5}_[A-Za-z0-9_-]{20}" + END, PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_oauth_app_secret", "GitLab", List.of("gloas-"), "gloas-[A-Za-z0-9_-]{64}" + END,
          PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_feed_token", "GitLab", List.of("glft-"), "glft-[A-Za-z0-9_-]{20}" + END, PROVIDER,
          GITLAB_SPEC),
      prefixed("gitlab_incoming_mail_token", "GitLab", List.of("glimt-"), "glimt-[A-Za-z0-9_-]{25}" + END,
          PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_agent_token", "GitLab", List.of("glagent-"), "glagent-[A-Za-z0-9_-]{50}" + END,
          PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_feature_flag_token", "GitLab", List.of("glffct-"), "glffct-[A-Za-z0-9_-]{20}" + END,
          PROVIDER, GITLAB_SPEC),
      prefixed("gitlab_scim_token", "GitLab", List.of("glsoat-"), "glsoat-[A-Za-z0-9_-]{20}" + END,
          PROVIDER, GITLAB_SPEC),

      // Slack
      prefixed("slack_bot_token", "Slack", List.of("xoxb-"),
          "xoxb-[0-9]{8,14}-(?:[0-9]{10,13}-)?[A-Za-z0-9]{18,34}" + END, PROVIDER, SLACK_SPEC),
      prefixed("slack_user_token", "Slack", List.of("xoxp-"),
          "xoxp-[0-9]{10,13}-[0-9]{8,13}-[0-9]{10,13}-[A-Za-z0-9]{28,34}" + END, PROVIDER, SLACK_SPEC),
      prefixed("slack_workspace_token", "Slack", List.of("xoxa-", "xoxr-"),
          "xox[ar]-(?:\\d-)?[0-9A-Za-z]{8,48}(?:-[0-9A-Za-z]{4,48}){0,4}" + END, PROVIDER_LOOSE, SLACK_SPEC),
      prefixed("slack_legacy_token", "Slack", List.of("xoxo-", "xoxs-"),
          "xox[os]-\\d+-\\d+-\\d+-[a-fA-F0-9]+" + END, PROVIDER_LOOSE, SLACK_SPEC),
      prefixed("slack_config_token", "Slack", List.of("xoxe.xoxp-", "xoxe.xoxb-"),
          "xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{160,170}" + END, PROVIDER,
          "https://api.slack.com/authentication/config-tokens"),
      prefixed("slack_config_refresh_token", "Slack", List.of("xoxe-"), "xoxe-\\d-[A-Za-z0-9]{140,150}" + END,
          PROVIDER, "https://api.slack.com/authentication/config-tokens"),
      prefixed("slack_app_token", "Slack", List.of("xapp-"), "xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+" + END,
          PROVIDER, SLACK_SPEC),
      around("slack_webhook_url", "Slack", ".slack.com/", 13,
          "https?://hooks\\.slack\\.com/(?:services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}"
              + "|workflows/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/\\d{10,20}/[A-Za-z0-9]{24}"
              + "|triggers/T[A-Z0-9]{8,12}/\\d{10,20}/[a-f0-9]{32})" + END_ALNUM,
          PROVIDER, "https://api.slack.com/messaging/webhooks"),

      // Stripe
      prefixed("stripe_secret_key", "Stripe", List.of("sk_live_"), "sk_live_[A-Za-z0-9]{10,247}" + END,
          PROVIDER, "https://docs.stripe.com/keys"),
      prefixed("stripe_test_secret_key", "Stripe", List.of("sk_test_"), "sk_test_[A-Za-z0-9]{10,247}" + END,
          PROVIDER_LOOSE, "https://docs.stripe.com/keys"),
      prefixed("stripe_restricted_key", "Stripe", List.of("rk_live_", "rk_test_"),
          "rk_(?:live|test)_[A-Za-z0-9]{10,247}" + END, PROVIDER, "https://docs.stripe.com/keys#limit-access"),
      prefixed("stripe_webhook_secret", "Stripe", List.of("whsec_"), "whsec_[A-Za-z0-9+/=]{32,100}" + END,
          PROVIDER, "https://docs.stripe.com/webhooks#verify-events"),

      // OpenAI and other "sk-" keys
      prefixed("openai_api_key", "OpenAI", List.of("sk-proj-", "sk-svcacct-", "sk-admin-"),
          "sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,300}" + END, PROVIDER_LOOSE,
          "https://platform.openai.com/docs/api-reference/authentication")
          .checked((t, s, e) -> Chars.indexOf(t, "T3BlbkFJ", s, e) >= 0, PROVIDER),
      prefixed("openai_api_key", "OpenAI", List.of("sk-"), "sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}" + END,
          PROVIDER, "https://platform.openai.com/docs/api-reference/authentication"),
      prefixed("sk_api_key", "DeepSeek, Moonshot and other OpenAI-compatible APIs", List.of("sk-"),
          "sk-[A-Za-z0-9]{32,64}" + END, PROVIDER_LOOSE - 0.1, "https://api-docs.deepseek.com/"),
      prefixed("anthropic_api_key", "Anthropic", List.of("sk-ant-api03-", "sk-ant-admin01-"),
          "sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,120}" + END, PROVIDER_LOOSE,
          "https://docs.anthropic.com/en/api/overview#authentication")
          .checked((t, s, e) -> e - s == 108 && t.charAt(e - 2) == 'A' && t.charAt(e - 1) == 'A', PROVIDER),

      // Google
      prefixed("google_api_key", "Google", List.of("AIza"), "AIza[0-9A-Za-z_-]{35}" + END, PROVIDER,
          "https://cloud.google.com/docs/authentication/api-keys"),
      prefixed("google_oauth_client_secret", "Google", List.of("GOCSPX-"), "GOCSPX-[A-Za-z0-9_-]{28}" + END,
          PROVIDER, "https://developers.google.com/identity/protocols/oauth2"),
      prefixed("google_oauth_access_token", "Google", List.of("ya29."), "ya29\\.[A-Za-z0-9_-]{30,2048}"
          + "(?![A-Za-z0-9_.-])", PROVIDER_LOOSE, "https://developers.google.com/identity/protocols/oauth2"),

      // Microsoft Azure
      around("azure_storage_account_key", "Microsoft Azure", "ntKey=", 5,
          "AccountKey=(?<t>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])", PROVIDER,
          "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string"),
      around("azure_shared_access_key", "Microsoft Azure", "dAccessKey=", 5,
          "SharedAccessKey=(?<t>[A-Za-z0-9+/]{42,86}={0,2})(?![A-Za-z0-9+/=])", PROVIDER,
          "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas"),
      around("azure_ad_client_secret", "Microsoft Entra ID", "Q~", 4,
          "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])",
          PROVIDER_LOOSE, "https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app"),
      around("microsoft_teams_webhook_url", "Microsoft Teams", ".webhook.office.com/", 40,
          "https://[A-Za-z0-9-]{1,40}\\.webhook\\.office\\.com/webhookb2/[A-Za-z0-9@/._-]{40,400}"
              + "(?![A-Za-z0-9@/._-])", PROVIDER_LOOSE,
          "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook"),

      // Twilio
      prefixed("twilio_api_key", "Twilio", hexAnchors("SK", true), "SK[0-9a-fA-F]{32}" + END_ALNUM, PROVIDER_LOOSE,
          "https://www.twilio.com/docs/iam/api-keys"),
      prefixed("twilio_account_sid", "Twilio", hexAnchors("AC", false), "AC[0-9a-f]{32}" + END_ALNUM,
          PROVIDER_LOOSE - 0.05, "https://www.twilio.com/docs/iam/api/account"),
      prefixed("twilio_auth_token", "Twilio", hexAnchors("AC", false),
          "AC[0-9a-f]{32}[\"']\\s*,\\s*[\"'](?<t>[0-9a-f]{32})[\"']", PROVIDER_LOOSE,
          "https://www.twilio.com/docs/iam/credentials/api"),

      // E-mail and messaging
      prefixed("sendgrid_api_key", "SendGrid", List.of("SG."), "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}" + END,
          PROVIDER, "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys"),
      prefixed("mailgun_api_key", "Mailgun", List.of("key-"), "key-[0-9a-f]{32}" + END_ALNUM, PROVIDER_LOOSE,
          "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication"),
      around("mailchimp_api_key", "Mailchimp", "-us", 32, "(?<![A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}" + END_ALNUM,
          PROVIDER_LOOSE, "https://mailchimp.com/developer/marketing/guides/quick-start/"),
      prefixed("brevo_api_key", "Brevo (Sendinblue)", List.of("xkeysib-"),
          "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}" + END, PROVIDER, "https://developers.brevo.com/docs/getting-started"),
      around("discord_webhook_url", "Discord", "/api/webhooks/", 40,
          "https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api/webhooks/\\d{15,22}/[A-Za-z0-9_-]{60,80}" + END,
          PROVIDER, "https://discord.com/developers/docs/resources/webhook"),
      around("telegram_bot_token", "Telegram", "api.telegram.org/bot", 0,
          "api\\.telegram\\.org/bot(?<t>\\d{5,12}:[A-Za-z0-9_-]{30,40})" + END, PROVIDER,
          "https://core.telegram.org/bots/api#authorizing-your-bot"),
      around("telegram_bot_token", "Telegram", ":AA", 12, "(?<![A-Za-z0-9])\\d{8,12}:AA[A-Za-z0-9_-]{33}" + END,
          PROVIDER_LOOSE, "https://core.telegram.org/bots/api#authorizing-your-bot"),

      // Package registries and developer platforms
      prefixed("npm_token", "npm", List.of("npm_"), "npm_[A-Za-z0-9]{36}" + END, PROVIDER_LOOSE,
          "https://github.blog/2021-09-23-announcing-npms-new-access-token-format/")
          .checked(GITHUB_CRC, CHECKSUM),
      prefixed("pypi_token", "PyPI", List.of("pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"),
          "pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}" + END, PROVIDER,
          "https://pypi.org/help/#apitoken"),
      prefixed("rubygems_api_key", "RubyGems", List.of("rubygems_"), "rubygems_[a-f0-9]{48}" + END_ALNUM,
          PROVIDER, "https://guides.rubygems.org/api-key-scopes/"),
      around("clojars_token", "Clojars", "LOJARS_", 1, START + "CLOJARS_[a-z0-9]{60}" + END_ALNUM, PROVIDER,
          "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens"),
      prefixed("docker_hub_pat", "Docker Hub", List.of("dckr_pat_"), "dckr_pat_[A-Za-z0-9_-]{27}" + END,
          PROVIDER, "https://docs.docker.com/security/for-developers/access-tokens/"),
      prefixed("docker_hub_org_token", "Docker Hub", List.of("dckr_oat_"), "dckr_oat_[A-Za-z0-9_-]{32}" + END,
          PROVIDER, "https://docs.docker.com/security/for-admins/access-tokens/"),
      prefixed("jfrog_api_key", "JFrog Artifactory", List.of("AKCp"), "AKCp[A-Za-z0-9]{69}" + END_ALNUM,
          PROVIDER_LOOSE, "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key"),
      prefixed("huggingface_token", "Hugging Face", List.of("hf_"), "hf_[A-Za-z0-9]{34}" + END, PROVIDER,
          "https://huggingface.co/docs/hub/security-tokens"),
      prefixed("huggingface_org_token", "Hugging Face", List.of("api_org_"), "api_org_[A-Za-z0-9]{34}" + END,
          PROVIDER, "https://huggingface.co/docs/hub/security-tokens"),
      around("atlassian_api_token", "Atlassian", "TT3", 3,
          START + "AT[AC]TT3[A-Za-z0-9_=-]{150,250}(?![A-Za-z0-9_=-])", PROVIDER,
          "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/"),
      prefixed("bitbucket_app_password", "Bitbucket", List.of("ATBB"), "ATBB[A-Za-z0-9_=.-]{32}" + END,
          PROVIDER_LOOSE, "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/"),
      around("linear_api_key", "Linear", "n_api_", 2, START + "lin_api_[A-Za-z0-9]{40}" + END_ALNUM, PROVIDER,
          "https://developers.linear.app/docs/graphql/working-with-the-graphql-api#personal-api-keys"),
      around("linear_oauth_token", "Linear", "n_oauth_", 2, START + "lin_oauth_[a-f0-9]{64}" + END_ALNUM,
          PROVIDER, "https://developers.linear.app/docs/oauth/authentication"),
      prefixed("notion_token", "Notion", List.of("ntn_"), "ntn_[0-9]{11}[A-Za-z0-9]{35}" + END_ALNUM, PROVIDER,
          "https://developers.notion.com/docs/authorization"),
      prefixed("notion_token", "Notion", List.of("secret_"), "secret_[A-Za-z0-9]{43}" + END, PROVIDER_LOOSE,
          "https://developers.notion.com/docs/authorization"),
      prefixed("postman_api_key", "Postman", List.of("PMAK-"), "PMAK-[a-f0-9]{24}-[a-f0-9]{34}" + END_ALNUM,
          PROVIDER, "https://learning.postman.com/docs/developer/postman-api/authentication/"),
      prefixed("sourcegraph_token", "Sourcegraph", List.of("sgp_"),
          "sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40}" + END_ALNUM, PROVIDER,
          "https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token"),
      prefixed("buildkite_token", "Buildkite", List.of("bkua_"), "bkua_[a-f0-9]{40}" + END_ALNUM, PROVIDER,
          "https://buildkite.com/docs/apis/managing-api-tokens"),
      prefixed("contentful_token", "Contentful", List.of("CFPAT-"), "CFPAT-[A-Za-z0-9_-]{43}" + END, PROVIDER,
          "https://www.contentful.com/developers/docs/references/authentication/"),
      around("figma_token", "Figma", "igd_", 1, START + "figd_[A-Za-z0-9_-]{40}" + END, PROVIDER_LOOSE,
          "https://www.figma.com/developers/api#access-tokens"),
      prefixed("prefect_api_key", "Prefect", List.of("pnu_"), "pnu_[A-Za-z0-9]{36}" + END_ALNUM, PROVIDER,
          "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys"),
      prefixed("readme_api_key", "ReadMe", List.of("rdme_"), "rdme_[a-z0-9]{70}" + END_ALNUM, PROVIDER,
          "https://docs.readme.com/main/reference/intro/authentication"),
      prefixed("typeform_token", "Typeform", List.of("tfp_"), "tfp_[A-Za-z0-9_.=-]{59}(?![A-Za-z0-9_.=-])",
          PROVIDER_LOOSE, "https://www.typeform.com/developers/get-started/personal-access-token/"),

      // Cloud, infrastructure, observability
      prefixed("digitalocean_token", "DigitalOcean", List.of("dop_v1_", "doo_v1_", "dor_v1_"),
          "do[por]_v1_[a-f0-9]{64}" + END_ALNUM, PROVIDER,
          "https://docs.digitalocean.com/reference/api/create-personal-access-token/"),
      prefixed("databricks_token", "Databricks", List.of("dapi"), "dapi[a-f0-9]{32}(?:-\\d)?" + END_ALNUM,
          PROVIDER_LOOSE, "https://docs.databricks.com/en/dev-tools/auth/pat.html"),
      prefixed("vault_service_token", "HashiCorp Vault", List.of("hvs."), "hvs\\.[A-Za-z0-9_-]{24,200}" + END,
          PROVIDER, "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes"),
      prefixed("vault_batch_token", "HashiCorp Vault", List.of("hvb."), "hvb\\.[A-Za-z0-9_-]{138,400}" + END,
          PROVIDER, "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes"),
      prefixed("vault_recovery_token", "HashiCorp Vault", List.of("hvr."), "hvr\\.[A-Za-z0-9_-]{24,200}" + END,
          PROVIDER, "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes"),
      around("terraform_cloud_token", "HashiCorp Terraform Cloud", ".atlasv1.", 14,
          "(?<![A-Za-z0-9])[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])", PROVIDER,
          "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens"),
      prefixed("doppler_token", "Doppler", List.of("dp."),
          "dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}" + END_ALNUM, PROVIDER,
          "https://docs.doppler.com/reference/auth-token-formats"),
      prefixed("new_relic_user_api_key", "New Relic", List.of("NRAK-"), "NRAK-[A-Z0-9]{27}" + END_ALNUM,
          PROVIDER, "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/"),
      prefixed("new_relic_insert_key", "New Relic", List.of("NRII-"), "NRII-[A-Za-z0-9_-]{32}" + END,
          PROVIDER, "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/"),
      prefixed("grafana_cloud_token", "Grafana", List.of("glc_"), "glc_[A-Za-z0-9+/]{32,400}={0,2}"
          + "(?![A-Za-z0-9+/=])", PROVIDER, "https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/"),
      prefixed("grafana_service_account_token", "Grafana", List.of("glsa_"),
          "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}" + END_ALNUM, PROVIDER,
          "https://grafana.com/docs/grafana/latest/administration/service-accounts/"),
      prefixed("sentry_org_token", "Sentry", List.of("sntrys_"), "sntrys_eyJ[A-Za-z0-9+/=_-]{60,}"
          + "(?![A-Za-z0-9+/=_-])", PROVIDER, "https://docs.sentry.io/account/auth-tokens/"),
      prefixed("sentry_user_token", "Sentry", List.of("sntryu_"), "sntryu_[a-f0-9]{64}" + END_ALNUM, PROVIDER,
          "https://docs.sentry.io/account/auth-tokens/"),
      prefixed("pulumi_access_token", "Pulumi", List.of("pul-"), "pul-[a-f0-9]{40}" + END_ALNUM, PROVIDER,
          "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/"),
      prefixed("planetscale_token", "PlanetScale", List.of("pscale_tkn_", "pscale_pw_", "pscale_oauth_"),
          "pscale_(?:tkn|pw|oauth)_[A-Za-z0-9=._-]{32,64}(?![A-Za-z0-9=._-])", PROVIDER,
          "https://planetscale.com/docs/concepts/service-tokens"),
      prefixed("supabase_token", "Supabase", List.of("sbp_"), "sbp_[a-f0-9]{40}" + END_ALNUM, PROVIDER,
          "https://supabase.com/docs/guides/api/api-keys"),
      prefixed("supabase_secret_key", "Supabase", List.of("sb_secret_"), "sb_secret_[A-Za-z0-9_-]{31,64}" + END,
          PROVIDER, "https://supabase.com/docs/guides/api/api-keys"),
      prefixed("tailscale_key", "Tailscale", List.of("tskey-"),
          "tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,40}" + END_ALNUM, PROVIDER,
          "https://tailscale.com/kb/1277/key-prefixes"),
      prefixed("flyio_token", "Fly.io", List.of("fo1_"), "fo1_[A-Za-z0-9_-]{43}" + END, PROVIDER_LOOSE,
          "https://fly.io/docs/security/tokens/"),
      prefixed("dynatrace_token", "Dynatrace", List.of("dt0c01."), "dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}"
          + END_ALNUM, PROVIDER, "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens"),
      prefixed("heroku_api_key", "Heroku", List.of("HRKU-"), "HRKU-AA[0-9A-Za-z_-]{58}" + END, PROVIDER,
          "https://devcenter.heroku.com/articles/authentication"),
      prefixed("alibaba_access_key_id", "Alibaba Cloud", List.of("LTAI"), "LTAI[A-Za-z0-9]{17,21}" + END_ALNUM,
          PROVIDER_LOOSE, "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair"),
      prefixed("cloudflare_origin_ca_key", "Cloudflare", List.of("v1.0-"), "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}"
          + END_ALNUM, PROVIDER, "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/"),
      prefixed("onepassword_service_account_token", "1Password", List.of("ops_eyJ"),
          "ops_eyJ[A-Za-z0-9+/=_-]{100,}(?![A-Za-z0-9+/=_-])", PROVIDER,
          "https://developer.1password.com/docs/service-accounts/"),

      // AI platforms
      prefixed("replicate_api_token", "Replicate", List.of("r8_"), "r8_[A-Za-z0-9]{37}" + END_ALNUM, PROVIDER,
          "https://replicate.com/docs/reference/http#authentication"),
      prefixed("groq_api_key", "Groq", List.of("gsk_"), "gsk_[A-Za-z0-9]{52}" + END_ALNUM, PROVIDER,
          "https://console.groq.com/docs/api-keys"),
      prefixed("xai_api_key", "xAI", List.of("xai-"), "xai-[A-Za-z0-9]{80}" + END_ALNUM, PROVIDER,
          "https://docs.x.ai/docs/overview"),
      around("perplexity_api_key", "Perplexity", "plx-", 1, START + "pplx-[A-Za-z0-9]{48}" + END_ALNUM,
          PROVIDER, "https://docs.perplexity.ai/guides/getting-started"),
      prefixed("langsmith_api_key", "LangSmith", List.of("lsv2_pt_", "lsv2_sk_"),
          "lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}" + END_ALNUM, PROVIDER,
          "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key"),

      // Payments and commerce
      prefixed("shopify_access_token", "Shopify", List.of("shpat_", "shpca_", "shppa_"),
          "shp(?:at|ca|pa)_[a-fA-F0-9]{32}" + END_ALNUM, PROVIDER,
          "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens"),
      prefixed("shopify_shared_secret", "Shopify", List.of("shpss_"), "shpss_[a-fA-F0-9]{32}" + END_ALNUM,
          PROVIDER, "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens"),
      prefixed("square_access_token", "Square", List.of("sq0atp-"), "sq0atp-[0-9A-Za-z_-]{22}" + END, PROVIDER,
          "https://developer.squareup.com/docs/build-basics/access-tokens"),
      prefixed("square_access_token", "Square", List.of("EAAA"), "EAAA[A-Za-z0-9_-]{60}" + END, PROVIDER_LOOSE,
          "https://developer.squareup.com/docs/build-basics/access-tokens"),
      prefixed("square_oauth_secret", "Square", List.of("sq0csp-"), "sq0csp-[0-9A-Za-z_-]{43}" + END, PROVIDER,
          "https://developer.squareup.com/docs/oauth-api/overview"),
      around("braintree_access_token", "Braintree (PayPal)", "access_token$", 0,
          "access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}" + END_ALNUM, PROVIDER,
          "https://developer.paypal.com/braintree/docs/guides/credentials/"),
      prefixed("easypost_api_key", "EasyPost", List.of("EZAK"), "EZAK[A-Za-z0-9]{54}" + END_ALNUM, PROVIDER,
          "https://docs.easypost.com/docs/authentication"),
      prefixed("flutterwave_secret_key", "Flutterwave", List.of("FLWSECK-", "FLWSECK_TEST-"),
          "FLWSECK(?:_TEST)?-[a-f0-9]{32}-X" + END_ALNUM, PROVIDER,
          "https://developer.flutterwave.com/docs/authentication"),
      around("shippo_api_token", "Shippo", "ippo_", 2,
          START + "shippo_(?:live|test)_[a-f0-9]{40}" + END_ALNUM, PROVIDER, "https://docs.goshippo.com/docs/guides_general/authentication/"),

      // Social and maps
      prefixed("mapbox_secret_token", "Mapbox", List.of("sk.eyJ"),
          "sk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}" + END, PROVIDER,
          "https://docs.mapbox.com/accounts/guides/tokens/"),
      prefixed("facebook_access_token", "Meta (Facebook)", List.of("EAA"), "EAA[A-Za-z0-9]{100,400}" + END_ALNUM,
          PROVIDER_LOOSE - 0.05, "https://developers.facebook.com/docs/facebook-login/guides/access-tokens"),
      prefixed("twitter_bearer_token", "X (Twitter)", List.of("AAAAAAAAAAAAAAAAAAAAA"),
          "A{21,22}[A-Za-z0-9%]{60,160}" + END_ALNUM, PROVIDER_LOOSE,
          "https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens"),

      // Keys
      around("age_secret_key", "age", "-SECRET-KEY-1", 3,
          START + "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}" + END_ALNUM, PROVIDER_LOOSE,
          "https://github.com/C2SP/C2SP/blob/main/age.md").checked(Checksums::bech32, CHECKSUM));

  /**
   * {@code prefix} followed by each hex digit: a longer anchor than the two-letter prefix alone, which
   * English words start with far less often ("ac" begins many words, "ac4" none).
   */
  private static List<String> hexAnchors(String prefix, boolean upperToo) {
    String digits = upperToo ? "0123456789abcdefABCDEF" : "0123456789abcdef";
    return digits.chars().mapToObj(c -> prefix + (char) c).toList();
  }

  private static TokenFormat github(String subtype, String prefix) {
    return prefixed(subtype, "GitHub", List.of(prefix), prefix + "[A-Za-z0-9]{36}" + END, PROVIDER_LOOSE,
        GITHUB_SPEC).checked(GITHUB_CRC, CHECKSUM);
  }
}
