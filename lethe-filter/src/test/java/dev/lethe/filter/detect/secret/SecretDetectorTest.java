package dev.lethe.filter.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets in the places people paste them, with the exact boundaries of the conventions: only the value
 * of a key, only the password of a URL, whole tokens and key blocks. Expected secrets are marked ⟦so⟧;
 * every other char of the text must stay unmarked at the balanced operating point.
 */
class SecretDetectorTest {
  /** Fresh for every test, so that no test's tokens depend on which tests ran before it. */
  private final FakeTokens fake = new FakeTokens(7);

  /** The subtypes of the rules that are not token formats, each with an example. */
  static final Map<String, String> RULE_EXAMPLES = ruleExamples();
  static final Set<String> RULE_SUBTYPES = RULE_EXAMPLES.keySet();

  private static Map<String, String> ruleExamples() {
    FakeTokens f = new FakeTokens(99);
    Map<String, String> m = new LinkedHashMap<>();
    m.put("password", "DB_PASSWORD=⟦Tr0ub4dor&3⟧");
    m.put("secret_assignment", "{\"client_secret\": \"⟦" + f.base62(32) + "⟧\"}");
    m.put("token_assignment", "const token = \"⟦" + f.base62(24) + "⟧\";");
    m.put("api_key_assignment", "X-Api-Key: ⟦" + f.hex(32) + "⟧");
    m.put("authorization", "Authorization: token ⟦" + f.base62(40) + "⟧");
    m.put("pin", "Your PIN is ⟦4821⟧.");
    m.put("session_token", "2024-05-14 09:13:02 INFO login ok session=⟦s%3A" + f.base62(22) + "." + f.base62(27) + "⟧");
    m.put("high_entropy_assignment", "key: ⟦" + f.base62(32) + "⟧");
    m.put("bearer_token", "curl -H \"Authorization: Bearer ⟦" + f.base62(40) + "⟧\" https://api.example.com");
    m.put("basic_auth", "Authorization: Basic ⟦" + basic("deploy:Tr4in-Sch3dule") + "⟧");
    m.put("aws_secret_access_key", "aws_secret_access_key = ⟦" + f.base64(40).replace('=', 'x') + "⟧");
    m.put("discord_bot_token", "client.login('⟦" + f.base64url(24) + "." + f.base64url(6) + "." + f.base64url(38) + "⟧');");
    m.put("connection_string_password", "postgres://app:⟦s3cret⟧@db:5432/x");
    m.put("url_password", "origin  https://ci-bot:⟦J3nk!ns-Tr1gger⟧@git.example.com/acme/api.git (fetch)");
    m.put("azure_sas_token", "\"https://acme.blob.core.windows.net/uploads?⟦sv=2022-11-02&ss=b&srt=sco&sp=rwdlac"
        + "&se=2025-03-01T00:00:00Z&st=2024-03-01T00:00:00Z&spr=https&sig=" + f.base62(43) + "%3D⟧\";");
    m.put("private_key", "contents of the file:\n⟦" + f.pem("RSA PRIVATE KEY", 6) + "⟧\n");
    m.put("gcp_service_account_key", "{\n  \"type\": \"service_account\",\n  \"private_key_id\": \"" + f.hex(40)
        + "\",\n  \"private_key\": \"⟦" + f.pem("PRIVATE KEY", 4).replace("\n", "\\n") + "⟧\\n\",\n}");
    m.put("putty_private_key", "⟦" + putty(f) + "⟧\n");
    m.put("jwt", "Authorization: Bearer ⟦" + f.jwt() + "⟧");
    m.put("seed_phrase", "⟦pipe hour maid engine arm modify reform grain tell rain tell frown⟧");
    return m;
  }

  private static String basic(String userPassword) {
    return Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.US_ASCII));
  }

  private static String putty(FakeTokens f) {
    return "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@build\nPublic-Lines: 2\n"
        + f.base64(64) + "\n" + f.base64(20) + "\nPrivate-Lines: 1\n" + f.base64(44) + "\nPrivate-MAC: " + f.hex(64);
  }

  private static void assertMarked(String marked) {
    assertThat(Marked.found(marked)).isEqualTo(marked);
  }

  private static void assertMarked(String marked, OperatingPoint point) {
    assertThat(Marked.found(Marked.plain(marked), point)).isEqualTo(marked);
  }

  static Stream<Arguments> rules() {
    return RULE_EXAMPLES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everyRuleSubtypeIsFoundOnItsExample(String subtype, String marked) {
    assertMarked(marked);
    assertThat(Marked.spans(Marked.plain(marked), OperatingPoint.BALANCED)).extracting(Span::subtype)
        .contains(subtype);
  }

  @Nested
  class ConnectionStringsAndUrls {
    @ParameterizedTest
    @ValueSource(strings = {
        "DATABASE_URL=postgresql://orders_svc:⟦Vx9!tq2Lw#88zQ⟧@db.internal:5432/orders",
        "psql \"postgresql://analyst:⟦gR8#nq!T5vw⟧@pg-replica-2.eu.internal:5432/analytics\"",
        "mysql://root:⟦r00t-Pa55⟧@127.0.0.1:3306/shop",
        "mongoose.connect(\"mongodb+srv://crm_rw:⟦Pz4uK9mQ2vXc⟧@cluster0.x8k2p.mongodb.net/crm?retryWrites=true\")",
        "REDIS_URL=redis://:⟦r3d1sPassw0rd-prod⟧@cache.internal:6379/0",
        "CACHE=rediss://default:⟦Up5tash-Rd1s⟧@eu1-fond-cat.upstash.io:6379",
        "broker_url = 'amqps://guest:⟦Rabb1t!MQ⟧@mq.example.com:5671/vhost'",
        "ftp://backup:⟦Ftp-2024-bkp⟧@files.example.org/nightly/",
        "EMAIL_URL=smtp://mailer:⟦Sm7p$ecret⟧@smtp.sendgrid.net:587",
        "--extra-index-url https://ci-reader:⟦Pk8#vT2mQx9w⟧@pypi.example.dev/simple",
        "postgres://app:⟦p@ss!w0rd⟧@db/x",
        "jdbc:mysql://db.internal:3306/shop?user=app&password=⟦Sh0p-Db-2024⟧&useSSL=true",
        "jdbc:sqlserver://sql01:1433;databaseName=hr;user=hr_app;password=⟦Hr#Pa55word⟧;encrypt=true",
        "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql01,1433;Uid=report;Pwd=⟦R3p0rt!ng⟧;Encrypt=yes;",
        "Server=myServer;Database=myDb;User Id=sa;Password=⟦MyP@ssw0rd1⟧;",
        "*/30 * * * * curl -s -X POST \"https://deployer:⟦J3nk!ns-Tr1gger⟧@jenkins.local/job/x/build?token=⟦9fK2xQ7vLm⟧\""})
    void onlyThePasswordIsTheSpan(String marked) {
      assertMarked(marked);
    }

    @Test
    void azureSharedAccessSignaturesAreOneSpan() {
      String sig = fake.base62(43) + "%3D";
      assertMarked("BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=⟦sv=2022-11-02&ss=b"
          + "&srt=co&sp=rl&se=2025-01-01T00:00:00Z&sig=" + sig + "⟧");
      assertMarked("Authorization: SharedAccessSignature ⟦sr=https%3A%2F%2Facme.servicebus.windows.net%2Forders"
          + "&sig=" + sig + "&se=1735689600&skn=RootManageSharedAccessKey⟧");
      // A signature parameter of some other service is only a value beside a weak key.
      assertMarked("https://cdn.example.com/img.png?w=200&sig=⟦" + fake.base62(32) + "⟧", OperatingPoint.BALANCED);
      assertMarked("https://cdn.example.com/img.png?w=200&sig=" + fake.base62(32), OperatingPoint.PRECISION);
    }

    @Test
    void databaseUrlsAreConnectionStringsAndWebUrlsAreUrls() {
      assertThat(Marked.spans("postgres://app:Kx9!vq2Lp@db/x", OperatingPoint.BALANCED)).singleElement()
          .extracting(Span::subtype).isEqualTo("connection_string_password");
      assertThat(Marked.spans("https://bot:Kx9!vq2Lp@example.com/x", OperatingPoint.BALANCED)).singleElement()
          .extracting(Span::subtype).isEqualTo("url_password");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "see https://github.com/lethe/lethe/blob/main/README.md",
        "https://medium.com/@someone/how-i-rotate-keys-1f2e3d",
        "git clone ssh://git@github.com/org/repo.git",
        "DATABASE_URL=postgres://user:password@localhost:5432/db",
        "DATABASE_URL=postgres://${DB_USER}:${DB_PASS}@db/app",
        "postgres://app:<password>@db:5432/app",
        "redis://localhost:6379/0",
        "Endpoint=sb://contoso-events.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey",
        "https://www.google.com/maps/@40.7128,-74.0060,15z"})
    void urlsWithoutARealPasswordAreNotSecrets(String text) {
      assertMarked(text);
    }
  }

  @Nested
  class Assignments {
    @ParameterizedTest
    @ValueSource(strings = {
        "DB_PASSWORD=⟦Tr0ub4dor&3⟧",
        "export API_KEY=\"⟦9f8e7d6c5b4a39281706f5e4d3c2b1a0⟧\"",
        "spring:\n  datasource:\n    username: app\n    password: ⟦Lager!2024#sicher⟧\n  mail:\n    host: smtp",
        "{\"client_id\": \"8f14e45f-ceea-467a-9af0-1c2b3d4e5f60\", \"client_secret\": \"⟦Zm9vYmFyYmF6cXV4cXV1eA42⟧\"}",
        "spring.datasource.password=⟦s3cr3t-Pr0d⟧",
        "[database]\nuser = app\npassword = ⟦hunter2⟧\n",
        "apiKey = '⟦AbCdEf0123456789xyzQ⟧'",
        "const token = \"⟦tkn_4f9a8b7c6d5e⟧\";",
        "os.environ[\"OPENAI_API_KEY\"] = \"⟦K9xq2Lp0vT7mZ3wR8nB5yC1d⟧\"",
        "config.setPassword(\"⟦Qx7#pLm2!vZ9⟧\");",
        "<password>⟦Xml-Pa55!⟧</password>",
        "'password' => '⟦Php#Secret9⟧',",
        "db_password       = \"⟦qL9!vRt2#Kp7⟧\"\ndatadog_api_key   = \"⟦9ace1dcd4d2c01d58d13aeee9053c772⟧\"",
        "docker run -d -e MYSQL_ROOT_PASSWORD=⟦Wp_r00t!2291⟧ -e MYSQL_DATABASE=wordpress mysql:8.4",
        "$mail->Password   = '⟦tqwe mzbn rpoa kxle⟧';",
        "apiVersion: v1\nkind: Secret\ndata:\n  username: cGF5bWVudHM=\n  password: ⟦TnE3I3BMdzIheFZlOVRi⟧\n",
        "r = requests.get(url, auth=(\"svc_reporting\", \"⟦Cr0wnJewel$88⟧\"))",
        "session.auth = HTTPBasicAuth('svc', '⟦p4ss-W0rd⟧')",
        "ENV ADMIN_PASSWORD=⟦admin⟧",
        "password: ⟦admin⟧",
        "\"password_confirmation\": \"⟦Qx7#pLm2!vZ9⟧\"",
        "{\\\"password\\\": \\\"⟦Esc4ped!Pw⟧\\\"}",
        "token: \"⟦" + "k7Lq9vR2mWx4Zp0tYb3n" + "⟧\" # rotated monthly"})
    void onlyTheValueIsTheSpan(String marked) {
      assertMarked(marked);
    }

    @Test
    void awsCredentialsFile() {
      String secret1 = fake.base64(40).replace('=', 'k');
      String secret2 = fake.base64(40).replace('=', 'k');
      String marked = "[default]\naws_access_key_id = ⟦AKIA" + fake.chars(FakeTokens.BASE32, 16) + "⟧\n"
          + "aws_secret_access_key = ⟦" + secret1 + "⟧\nregion = eu-west-1\n\n[staging]\n"
          + "aws_access_key_id = ⟦ASIA" + fake.chars(FakeTokens.BASE32, 16) + "⟧\n"
          + "aws_secret_access_key = ⟦" + secret2 + "⟧\n";
      assertMarked(marked);
      assertThat(Marked.spans(Marked.plain(marked), OperatingPoint.PRECISION)).extracting(Span::subtype)
          .containsExactly("aws_access_key", "aws_secret_access_key", "aws_access_key", "aws_secret_access_key");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--password ⟦Adm1n-Pass⟧",
        "vault login --token=⟦s9Tq2LmVx8RwP4kZ⟧",
        "mysql -u root -p⟦S3cretPw⟧ shop < dump.sql",
        "sshpass -p '⟦Ssh-Pa55⟧' ssh deploy@10.0.0.4",
        "curl -u admin:⟦Curl#Pa55⟧ https://api.example.com/v1/items"})
    void commandLines(String marked) {
      assertMarked(marked);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /v1/items HTTP/1.1\nAuthorization: Bearer ⟦Xq9LmT2vPz8KwR4nBc7YdE1fGh5J⟧\nAccept: */*",
        "headers={\"X-Api-Key\": \"⟦AIzaoTrKSQ4fYDwa6eHIFtK8Q7lPfF5WWUz0mcr⟧\"}",
        "https://example.com/export?user=42&api_key=⟦Ka8Zq2LmVx7RwT4pN9cB⟧&format=csv"})
    void httpHeadersAndQueries(String marked) {
      assertMarked(marked);
    }

    @Test
    void basicCredentialsAreFoundWhenTheyDecodeToAUserAndPassword() {
      assertMarked("Authorization: Basic ⟦" + basic("svc-report:Xr7!pQ2mZ") + "⟧");
      assertMarked("-H 'Authorization: Basic ⟦" + basic(fake.base62(32) + ":") + "⟧'");
      assertMarked("Authorization: Basic " + basic("admin:"));
      // Base64 of something that is not a user:password pair.
      assertMarked("Authorization: Basic " + basic("just-some-text"));
      assertMarked("It requires basic knowledge of Python.");
    }
  }

  @Nested
  class Sentences {
    @ParameterizedTest
    @ValueSource(strings = {
        "my password is ⟦hunter2⟧",
        "the wifi password is ⟦Tr0ub4dor&3⟧, don't share it",
        "pw: ⟦Kx8#vq2!⟧",
        "The PIN is ⟦4821⟧.",
        "the door code is ⟦4471B⟧ and the flat is on the 2nd floor",
        "Code de la porte : ⟦4471B⟧. Votre arrivée est prévue le 3 juin.",
        "i accidentally pasted my password in the team chat, it was ⟦Summer2024!Bella⟧ 😭 do i need to change it",
        "Our JWT_SECRET in the config is ⟦k7#Lq9vR2!mWx4Zp0tYb⟧ and server time is UTC.",
        "Mein Passwort ist ⟦Sonne#2024⟧.",
        "mon mot de passe est ⟦Soleil-2024⟧",
        "mi contraseña es ⟦Luna*2024⟧",
        "minha senha é ⟦Praia#2024⟧",
        "мой пароль: ⟦Zima2024!⟧",
        "Пароль — ⟦Zima2024!⟧",
        "mijn wachtwoord is ⟦Fiets-2024⟧",
        "WLAN-Kennwort: ⟦Berg#Tal42⟧",
        "salasana: ⟦Kissa2024!⟧",
        "adgangskode: ⟦Hygge#2024⟧",
        "the gate code: ⟦4821⟧",
        "パスワード：⟦Sakura2024!⟧",
        "密码：⟦Mima#2024⟧",
        "パスワードは⟦Sakura2024!⟧です",
        "我的密码是⟦Mima2024x⟧。",
        "the password is “⟦Blue-Finch-77⟧”."})
    void findsTheValueSaidOfAKeyWord(String marked) {
      assertMarked(marked);
    }

    @Test
    void aValueRightAfterTheKeyWordNeedsDigitsAndIsNotPrecise() {
      String marked = "ssh root@10.0.0.5 with password ⟦toor123⟧ and it works";
      assertMarked(marked, OperatingPoint.BALANCED);
      assertMarked(Marked.plain(marked), OperatingPoint.PRECISION);
      assertMarked("I use a password manager for that", OperatingPoint.RECALL);
      assertMarked("set the password 12345678 as default?", OperatingPoint.RECALL);
    }

    @Test
    void aKeyQualifiedByASeparateWord() {
      assertMarked("API key: ⟦3f9c2a7e41b84d0c9e5f6a7b8c9d0e1f⟧", OperatingPoint.PRECISION);
      assertMarked("public key: " + fake.base64(48), OperatingPoint.RECALL);
    }

    @Test
    void aPlainWordAfterPasswordIsIsReportedAtRecallOnly() {
      assertMarked("my password is ⟦bananas⟧", OperatingPoint.RECALL);
      assertMarked("my password is bananas", OperatingPoint.BALANCED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Click the password reset link we sent you.",
        "A password is required.",
        "I forgot my password again, can you reset it?",
        "Password: must be 8 characters or more",
        "That password is the 16-character app password Google gave her.",
        "The token was generated by Oksana around Feb 12, could it have expired?",
        "The token has read_registry scope only, is that the problem?",
        "FATAL: password authentication failed for user \"app\"",
        "How do I password-protect a CSV?",
        "Home Secretary Suella Braverman told GB News it was clear.",
        "players are dropped down a secret elevator in Bruce Wayne's manor",
        "the bearer of this letter is my cousin",
        "PIN is required to unlock the phone.",
        "How can I request a new credit card pin ?",
        "No I need like a little pin or something. You have a pencil?",
        "the session was great, thanks",
        "the API key is in the vault, ask Dana",
        "token limit is 4096 for this model",
        "The password is on the back of the router."})
    void proseAboutSecretsIsNotASecret(String text) {
      assertMarked(text, OperatingPoint.BALANCED);
    }
  }

  @Nested
  class Negatives {
    @ParameterizedTest
    @ValueSource(strings = {
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "OPENAI_API_KEY=sk-your-key-here",
        "token: <your-token>",
        "api_key = YOUR_API_KEY",
        "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "password: xxxxxxxx",
        "password: ********",
        "password: ${DB_PASSWORD}",
        "secret: {{ .Values.secret }}",
        "ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}",
        "password=$PASSWORD",
        "apiKey: process.env.API_KEY,",
        "api_key = os.environ[\"API_KEY\"]",
        "password: null",
        "password = None",
        "password: \"\"",
        "password: changeme",
        "token: ''",
        "client_secret: <client-secret>",
        "Authorization: Bearer <token>",
        "Authorization: Bearer $TOKEN",
        "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"})
    void documentationPlaceholders(String text) {
      assertMarked(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "commit 3f2a9c1d4e5b6a7f8091a2b3c4d5e6f708192a3b",
        "sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "md5 d41d8cd98f00b204e9800998ecf8427e  backup.tar",
        "request_id=550e8400-e29b-41d4-a716-446655440000 status=200",
        "version: 3.8.1",
        "node v18.17.0 and npm 9.6.7",
        "ssl_certificate_key /etc/nginx/tls/shop.key;",
        "IdentityFile ~/.ssh/id_rsa",
        "password_file: /run/secrets/db_password",
        "\"token_uri\": \"https://oauth2.googleapis.com/token\"",
        "\"private_key_id\": \"f9c0a7e51b2d4c6e8f01a23b45c67d89e0f1a2b\"",
        "token_type: bearer",
        "max_tokens=512",
        "secretKeyRef:\n  name: db\n  key: password",
        "primary_key = 'id'",
        "echo \"$REGISTRY_TOKEN\" | docker login registry.gitlab.com -u \"$REGISTRY_USER\" --password-stdin",
        "2024-05-14 09:12:31 WARN login failed user=olga reason=bad_password"})
    void hashesIdsVersionsPathsAndKeyNamesThatAreNotSecrets(String text) {
      assertMarked(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "password = getpass.getpass()",
        "token = request.headers.get('X-Token')",
        "user = User.objects.create_user(email=email, password=pw)",
        "def login(username: str, password: str) -> bool:",
        "self.password = password",
        "secret = settings.SECRET_KEY",
        "if password == confirm_password:"})
    void codeThatNamesAVariableIsNotASecret(String text) {
      assertMarked(text);
    }

    @Test
    void base64ImageDataIsSkippedWhole() {
      // Random base64 with a token-shaped run inside it, as image data can have by chance.
      String blob = fake.base64(300) + "/AKIA" + fake.chars(FakeTokens.BASE32, 16) + "/" + fake.base64(300);
      assertMarked("<img src=\"data:image/png;base64," + blob + "\">");
    }
  }

  @Nested
  class KeyBlocksAndTokens {
    @ParameterizedTest
    @ValueSource(strings = {"RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY",
        "ENCRYPTED PRIVATE KEY", "PRIVATE KEY", "PGP PRIVATE KEY BLOCK"})
    void aPemPrivateKeyIsOneSpanFromBeginToEnd(String label) {
      assertMarked("here is the key:\n\n⟦" + fake.pem(label, 8) + "⟧\n\nI'm on a Mac if that matters");
    }

    @Test
    void aKeyBodyIsNotMistakenForAPlaceholderByTheWordsInItsBase64() {
      String block = fake.pem("PRIVATE KEY", 4).replaceFirst("\n", "\nYourxxxxHereEXAMPLEfake");
      assertMarked("⟦" + block + "⟧");
      assertMarked("-----BEGIN PRIVATE KEY-----\n<paste your private key here, " + "A".repeat(40)
          + ">\n-----END PRIVATE KEY-----");
    }

    @Test
    void aTruncatedPemKeyIsCoveredUpToItsLastBase64Line() {
      String block = fake.pem("RSA PRIVATE KEY", 8);
      String truncated = block.substring(0, block.indexOf("\n-----END"));
      assertMarked("it got cut off:\n⟦" + truncated + "⟧\nany idea?");
    }

    @Test
    void certificatesAreNotSecretsAndNothingInsideThemIs() {
      String cert = fake.pem("CERTIFICATE", 3);
      String withToken = cert.replaceFirst("\n", "\nghp_" + fake.base62(36) + "\n");
      assertMarked(withToken);
    }

    @Test
    void sshTwoEncryptedKeysArePrivateKeys() {
      assertMarked("⟦---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key-20240501\"\n" + fake.base64(64)
          + "\n" + fake.base64(64) + "\n---- END SSH2 ENCRYPTED PRIVATE KEY ----⟧");
    }

    @Test
    void jwtsAreWholeTokensAndNeedAnAlgHeader() {
      String signed = fake.jwt();
      String unsigned = FakeTokens.jwt("{\"alg\":\"none\"}", "{\"sub\":\"42\"}");
      assertMarked("{\"key\": \"adminToken\", \"value\": \"⟦" + signed + "⟧\"}");
      assertMarked("unsigned: ⟦" + unsigned + "⟧ right?");
      String noAlg = FakeTokens.jwt("{\"typ\":\"JWT\"}", "{\"sub\":\"42\"}") + fake.base64url(43);
      assertMarked("header without alg: " + noAlg);
      assertMarked("two parts only: " + signed.substring(0, signed.lastIndexOf('.')) + " here");
    }

    @Test
    void tokensInsideAJwtOrKeyBlockAreNotReportedSeparately() {
      String jwt = fake.jwt();
      List<Span> found = new ArrayList<>();
      Marked.DETECTOR.detect("Bearer " + jwt, found);
      assertThat(found).allSatisfy(s -> assertThat(s.length()).isEqualTo(jwt.length()));
    }
  }

  @Nested
  class OperatingPoints {
    @Test
    void aRandomValueBesideAWeakKeyIsBalancedButNotPrecise() {
      String marked = "cache:\n  key: ⟦Kq8Zt3LmVx7RwP2nB9cY⟧\n";
      assertMarked(marked, OperatingPoint.BALANCED);
      assertMarked(Marked.plain(marked), OperatingPoint.PRECISION);
    }

    @Test
    void providerTokensAndStrongKeysAreReportedAtPrecision() {
      assertMarked("token ⟦" + fake.github("ghp_") + "⟧ and password=⟦Qx7#pLm2!vZ9⟧", OperatingPoint.PRECISION);
    }

    @Test
    void thePrivacyFilterMasksOnlyTheSecret() {
      PrivacyFilter filter = PrivacyFilter.builder().detectors(List.of(new SecretDetector())).build();
      assertThat(filter.redact("postgres://app:s3cret@db:5432/x and password=hunter2!").text())
          .isEqualTo("postgres://app:<SECRET>@db:5432/x and password=<SECRET>");
    }
  }

  @Test
  void everySpanIsASecretOfThisDetectorWithASubtype() {
    StringBuilder all = new StringBuilder();
    RULE_EXAMPLES.values().forEach(v -> all.append(Marked.plain(v)).append("\n\n"));
    List<Span> found = new ArrayList<>();
    Marked.DETECTOR.detect(all.toString(), found);
    assertThat(found).hasSizeGreaterThanOrEqualTo(RULE_EXAMPLES.size());
    assertThat(found).allSatisfy(s -> {
      assertThat(s.label()).isEqualTo(Label.SECRET);
      assertThat(s.detector()).isEqualTo("secret");
      assertThat(s.subtype()).isNotBlank();
      assertThat(s.score()).isBetween(0.25, 1.0);
    });
  }
}
