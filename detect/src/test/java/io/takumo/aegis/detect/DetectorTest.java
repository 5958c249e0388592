package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule with its own positive and negative examples, in the contexts code and config use. */
class DetectorTest {
  private static final Detector DETECTOR = Detector.builtIn();
  private static final String GITHUB_RANDOM = "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vWx";

  /** A Supabase project key of {@code role}, as its dashboard shows them. */
  static String supabase(String role) {
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(("{\"iss\":\"supabase\",\"ref\":\"xyzqwertyuiopasdf\",\"role\":\"" + role
            + "\",\"iat\":1700000000,\"exp\":2015576000}").getBytes(StandardCharsets.UTF_8))
        + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
  }

  static String github(String prefix) {
    return prefix + GITHUB_RANDOM + Checksums.crc32Base62(GITHUB_RANDOM);
  }

  private static List<Finding> scan(String text) {
    return DETECTOR.scan(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The secret must be found as exactly one finding covering exactly its bytes, with that rule. */
  private static void assertFinds(String text, String secret, String ruleId, Category category) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int start = indexOf(bytes, secret.getBytes(StandardCharsets.UTF_8));
    List<Finding> found = DETECTOR.scan(bytes);
    assertThat(found).as("findings in %s", text)
        .anySatisfy(f -> {
          assertThat(f.start()).isEqualTo(start);
          assertThat(f.end()).isEqualTo(start + secret.getBytes(StandardCharsets.UTF_8).length);
          assertThat(f.ruleId()).isEqualTo(ruleId);
          assertThat(f.category()).isEqualTo(category);
        });
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    int at = Bytes.indexOf(haystack, 0, haystack.length, needle);
    assertThat(at).as("the secret is in the text").isNotNegative();
    return at;
  }

  static Stream<Arguments> knownFormats() {
    String gh = github("ghp_");
    return Stream.of(
        Arguments.of("aws_key = \"AKIAIOSFODNN7EXAMPLE\"", "AKIAIOSFODNN7EXAMPLE", "aws-access-key-id", Category.KEY),
        Arguments.of("export AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A", "ASIAY34FZKBOKMUTVV7A", "aws-access-key-id", Category.KEY),
        Arguments.of("const key = '" + gh + "';", gh, "github-token", Category.KEY),
        Arguments.of("npm config set //registry.npmjs.org/:_authToken=" + github("npm_"), github("npm_"), "npm-token", Category.KEY),
        Arguments.of("GITLAB=glpat-xY12abCD34efGH56ijKL", "glpat-xY12abCD34efGH56ijKL", "gitlab-token", Category.KEY),
        Arguments.of("slack: xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1", "xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1", "slack-token", Category.TOKEN),
        Arguments.of("url = 'https://hooks.slack.com/services/T024BE7LD/B01AB2CD3EF/abcdEFGH1234ijklMNOP5678'", "https://hooks.slack.com/services/T024BE7LD/B01AB2CD3EF/abcdEFGH1234ijklMNOP5678", "slack-webhook-url", Category.TOKEN),
        Arguments.of("stripe.api_key = \"sk_live_51HxQ2eKf8Jz0qWpLmZr8TnVx3Ys\"", "sk_live_51HxQ2eKf8Jz0qWpLmZr8TnVx3Ys", "stripe-key", Category.KEY),
        // public by design, still a finding of its own rule (SPEC §4): scan and policy treat it apart
        Arguments.of("Stripe('pk_live_51HxQ2eKf8Jz0qWpLmZr8TnVx3Ys')", "pk_live_51HxQ2eKf8Jz0qWpLmZr8TnVx3Ys", "stripe-publishable-key", Category.KEY),
        Arguments.of("createClient(url, '" + supabase("anon") + "')", supabase("anon"), "supabase-anon-key", Category.TOKEN),
        Arguments.of("SUPABASE_SERVICE_ROLE_KEY=" + supabase("service_role"), supabase("service_role"), "jwt", Category.TOKEN),
        Arguments.of("SIGNING=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "stripe-webhook-secret", Category.KEY),
        Arguments.of("key: AIzaSyD8qGxt4ec15vitgn44duC5ucxaOi4FmqE", "AIzaSyD8qGxt4ec15vitgn44duC5ucxaOi4FmqE", "gcp-api-key", Category.KEY),
        Arguments.of("SENDGRID=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", "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", "sendgrid-api-key", Category.KEY),
        Arguments.of("twilio = 'SK2c3fa1b4d5e6f708192a3b4c5d6e7f80'", "SK2c3fa1b4d5e6f708192a3b4c5d6e7f80", "twilio-api-key", Category.KEY),
        Arguments.of("hf = \"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\"", "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", "huggingface-token", Category.KEY),
        Arguments.of("DATABRICKS_HOST=x dapi8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c", "dapi8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c", "databricks-token", Category.KEY),
        Arguments.of("shopify: 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", "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", "shopify-token", Category.KEY),
        Arguments.of("MAILGUN=key-8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c", "key-8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c", "mailgun-api-key", Category.KEY),
        Arguments.of("client = OpenAI(api_key=\"sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34\")", "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34", "openai-project-key", Category.KEY),
        Arguments.of("perplexity=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", "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", "perplexity-api-key", Category.KEY),
        Arguments.of("age: AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", "age-secret-key", Category.SECRET),
        Arguments.of("DIGITALOCEAN=dop_v1_" + "8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c".repeat(2), "dop_v1_" + "8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c".repeat(2), "digitalocean-token", Category.KEY),
        Arguments.of("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt", Category.TOKEN),
        Arguments.of("DATABASE_URL=postgres://app:s3cr3t-P4ss@db.internal:5432/app", "postgres://app:s3cr3t-P4ss@db.internal:5432/app", "url-credentials", Category.CONN),
        Arguments.of("mongo = \"mongodb+srv://admin:Zx81kLq2@cluster0.ab1cd.mongodb.net/prod?retryWrites=true\"", "mongodb+srv://admin:Zx81kLq2@cluster0.ab1cd.mongodb.net/prod?retryWrites=true", "url-credentials", Category.CONN),
        Arguments.of("REDIS=rediss://default:AbCd1234XyZ@cache.internal:6380/0", "rediss://default:AbCd1234XyZ@cache.internal:6380/0", "url-credentials", Category.CONN),
        // issue 18's misses
        Arguments.of("blob = \"https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-12-31T00:00:00Z&spr=https&sig=lhQCvpm8FOFlEsD4qmq5ShuHRWYl398ZpkpmVxKG%2BmZR5%3D\"", "sig=lhQCvpm8FOFlEsD4qmq5ShuHRWYl398ZpkpmVxKG%2BmZR5%3D", "azure-sas-signature", Category.TOKEN),
        Arguments.of("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5t3W1FnTtqavzoXU", "LTAI5t3W1FnTtqavzoXU", "alibaba-access-key-id", Category.KEY),
        Arguments.of("token: ghs_zIwLKHr0rMTtJhsEK7GjFRYOYkmnPRZBiAGEKg6T", "ghs_zIwLKHr0rMTtJhsEK7GjFRYOYkmnPRZBiAGEKg6T", "github-app-token", Category.KEY),
        Arguments.of("VAULT_TOKEN=hvs.mLqI2vYZ10QIEfFjEjFfpPfI", "hvs.mLqI2vYZ10QIEfFjEjFfpPfI", "vault-service-token", Category.TOKEN),
        // Vault before 1.10: s. + 24 base62, found under a secret's name only
        Arguments.of("export VAULT_TOKEN=s.Xk9mQ2vLp7wZr4tqB3nC8dEf", "s.Xk9mQ2vLp7wZr4tqB3nC8dEf", "vault-service-token", Category.TOKEN),
        Arguments.of("{\"vault_token\": \"s.1a2B3c4D5e6F7g8H9i0J1k2L\"}", "s.1a2B3c4D5e6F7g8H9i0J1k2L", "vault-service-token", Category.TOKEN),
        Arguments.of("docker login -p dckr_pat_TAYarl9ZZxX1qIYUsQRMq3c2su2", "dckr_pat_TAYarl9ZZxX1qIYUsQRMq3c2su2", "docker-hub-token", Category.KEY),
        Arguments.of("credentials \"app.terraform.io\" { token = \"aGJJ0DJgaXMXqB.atlasv1.Z981tCwwVM-hlTwtBHjuDqMnViTQlISvY00bI3fGZJlBKuVr4lnPH7lCj7OulCU_WZN\" }", "aGJJ0DJgaXMXqB.atlasv1.Z981tCwwVM-hlTwtBHjuDqMnViTQlISvY00bI3fGZJlBKuVr4lnPH7lCj7OulCU_WZN", "terraform-cloud-token", Category.KEY),
        Arguments.of("export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1fjORS/6ilI8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtDDb+xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2==", "IQoJb3JpZ2luX2VjPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1fjORS/6ilI8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtDDb+xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2==", "aws-session-token", Category.TOKEN),
        Arguments.of("SECRET_KEY = 'django-insecure-k0(0%s4n46l67paax@1ej+oo(c1=)0$2cv85(h^xbj=fhb3k9_'", "django-insecure-k0(0%s4n46l67paax@1ej+oo(c1=)0$2cv85(h^xbj=fhb3k9_", "django-secret-key", Category.SECRET),
        Arguments.of("curl https://api.telegram.org/bot5412369870:Brz_TXE8eJZaJP8xZrS0lu5xo_xiDLU-A_I/getMe", "https://api.telegram.org/bot5412369870:Brz_TXE8eJZaJP8xZrS0lu5xo_xiDLU-A_I", "telegram-bot-token", Category.TOKEN),
        // passwords typed unescaped: '#', '?' and '/' inside them (seen leak through with Claude Code's real prompt)
        Arguments.of("DATABASE_URL=postgres://app:Xk9#mQ2vLp7wZr4t@db.internal:5432/orders", "postgres://app:Xk9#mQ2vLp7wZr4t@db.internal:5432/orders", "url-credentials", Category.CONN),
        Arguments.of("amqp://svc:ab/cd+EF?gh==@mq.internal/vhost", "amqp://svc:ab/cd+EF?gh==@mq.internal/vhost", "url-credentials", Category.CONN),
        Arguments.of("conn = \"Server=tcp:db.example.net,1433;Database=app;User Id=sa;Password=Q9w8E7r6T5!;Encrypt=true\"", "Server=tcp:db.example.net,1433;Database=app;User Id=sa;Password=Q9w8E7r6T5!;Encrypt=true", "connection-string", Category.CONN),
        Arguments.of("curl -u elastic:P@ssw0rd$1 https://localhost:9200", "elastic:P@ssw0rd$1", "cli-credentials", Category.SECRET),
        Arguments.of("SRC_ACCESS_TOKEN=sgp_0d697f54cb24238eefb29af05abf1b505e90950f", "sgp_0d697f54cb24238eefb29af05abf1b505e90950f", "sourcegraph-token", Category.KEY),
        Arguments.of("sg: sgp_aad80dc6e02ecae1_d3cba16cc0f18fa14a2efb61cbdfceebf9fad16b", "sgp_aad80dc6e02ecae1_d3cba16cc0f18fa14a2efb61cbdfceebf9fad16b", "sourcegraph-token", Category.KEY),
        Arguments.of("db_host = \"10.12.4.7\"", "10.12.4.7", "private-ip", Category.HOST),
        Arguments.of("upstream 192.168.10.20:8080;", "192.168.10.20", "private-ip", Category.HOST));
  }

  @ParameterizedTest
  @MethodSource("knownFormats")
  void findsKnownFormats(String text, String secret, String ruleId, Category category) {
    assertFinds(text, secret, ruleId, category);
  }

  @Test
  void findsPemPrivateKeysWholeIncludingPgp() {
    String body = "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\naIHSS39WFrSKt1Y7LDQJSSgqrZ1sK5dw7qbdH3LgkDHYcUZ8m7Rwx4Jm4sxTMXo\n";
    for (String label : new String[] {"RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY",
        "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY"}) {
      String pem = "-----BEGIN " + label + "-----\n" + body + "-----END " + label + "-----";
      assertFinds("key = \"\"\"\n" + pem + "\n\"\"\"", pem, "private-key", Category.SECRET);
    }
    String pgp = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF" + body + "=abcd\n-----END PGP PRIVATE KEY BLOCK-----";
    assertFinds(pgp, pgp, "private-key", Category.SECRET);
  }

  static Stream<Arguments> contexts() {
    String v = "Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB";
    return Stream.of(
        Arguments.of("password = \"hunter2-Correct\"", "hunter2-Correct", Category.SECRET), // Python
        Arguments.of("String dbPassword = \"s3cr3t!Pass\";", "s3cr3t!Pass", Category.SECRET), // Java
        Arguments.of("const apiKey = '" + v + "';", v, Category.KEY), // JavaScript
        Arguments.of("authToken := \"" + v + "\"", v, Category.TOKEN), // Go
        Arguments.of("var clientSecret string = \"" + v + "\"", v, Category.SECRET), // Go with a type
        Arguments.of("$config['db_password'] = 'p4ssW0rd!x';", "p4ssW0rd!x", Category.SECRET), // PHP
        Arguments.of("  :api_key => \"" + v + "\",", v, Category.KEY), // Ruby
        Arguments.of("let secret_key: &str = \"" + v + "\";", v, Category.KEY), // Rust
        Arguments.of("val userPassword: String = \"Tr0ub4dor&3\"", "Tr0ub4dor&3", Category.SECRET), // Kotlin
        Arguments.of("DB_PASSWORD=supersecretvalue", "supersecretvalue", Category.SECRET), // .env
        Arguments.of("ENV API_TOKEN=" + v, v, Category.TOKEN), // Dockerfile
        Arguments.of("  password: hunter2-Correct", "hunter2-Correct", Category.SECRET), // YAML
        Arguments.of("{\"access_token\": \"" + v + "\"}", v, Category.TOKEN), // JSON
        Arguments.of("spring.datasource.password=Qw3rty!2024", "Qw3rty!2024", Category.SECRET), // properties
        Arguments.of("[db]\npassword = Qw3rty!2024\n", "Qw3rty!2024", Category.SECRET), // INI
        Arguments.of("mysql --password Qw3rty!2024 -h db", "Qw3rty!2024", Category.SECRET), // CLI flag
        Arguments.of("<password>Qw3rty!2024</password>", "Qw3rty!2024", Category.SECRET), // XML element
        Arguments.of("<add key=\"ClearTextPassword\" value=\"33f!!lloppa\" />", "33f!!lloppa", Category.SECRET), // NuGet
        Arguments.of("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1", Category.KEY),
        Arguments.of("System.setProperty(\"SNYK_TOKEN\", \"" + v + "\")", v, Category.TOKEN),
        Arguments.of("export BUNDLE_GEMS__CONTRIBSYS__COM=cafebabe:deadbeef", "cafebabe:deadbeef", Category.SECRET),
        // an acronym ends where a capitalised word starts: azure Open AI Key, JWT Secret
        Arguments.of("const azureOpenAIKey = \"3f9a2b1c8d7e6f50a4b3c2d1e0f9a8b7\";", "3f9a2b1c8d7e6f50a4b3c2d1e0f9a8b7", Category.KEY),
        Arguments.of("JWTSecret: Zq8vL2mXp4Rt9wKsY7", "Zq8vL2mXp4Rt9wKsY7", Category.SECRET),
        // a bare Telegram bot token whose secret part does not start with AA (the :AA rule's anchor)
        Arguments.of("TELEGRAM_BOT_TOKEN=5412369870:Brz_TXE8eJZaJP8xZrS0lu5xo_xiDLU-A_I",
            "5412369870:Brz_TXE8eJZaJP8xZrS0lu5xo_xiDLU-A_I", Category.TOKEN));
  }

  @ParameterizedTest
  @MethodSource("contexts")
  void findsValuesAssignedToSecretNames(String text, String secret, Category category) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int start = indexOf(bytes, secret.getBytes(StandardCharsets.UTF_8));
    assertThat(DETECTOR.scan(bytes)).as(text).anySatisfy(f -> {
      assertThat(f.start()).isEqualTo(start);
      assertThat(f.end()).isEqualTo(start + secret.length());
      assertThat(f.category()).isEqualTo(category);
    });
  }

  /** Issue 18's false positives (references, fixtures), each next to a real value under the same name. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      DB_PASSWORD=ref+awsssm://prod/db/password                                     | DB_PASSWORD=Xk9mQ2vLp7wZr4tq
      password = ref+vault://secret/data/db#/password                               | password = 'Xk9mQ2vLp7wZr4tq'
      password: arn:aws:ssm:us-east-1:123456789012:parameter/prod/db/password       | password: aR7nQ2vLp9wZx3
      secret_arn: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf | client_secret: Zq8vL2mXp4Rt9wKs
      MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}' | MasterUserPassword: 'Qp3vX9mL2tRz8w'
      password: sm://projects/acme/secrets/db-password                              | password: Qp3vX9mL2tRz8w
      DB_PASSWORD=gcp:secretmanager:projects/acme/secrets/db/versions/latest       | DB_PASSWORD=gcpL9mQ2vX7tRz4w
      OPENAI_API_KEY=op://Engineering/OpenAI/credential                             | OPENAI_API_KEY=opX9mQ2vL7tRz4wK8s
      password: ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)                               | password: G6N718UuyPE5bHyWKyuLQSm02auQPUtm
      password = "test_password_123"                                                | password = "correct_horse_battery_9"
      api_key = "sk-test-1234"                                                      | api_key = "sk-tst-8x2Qv9Lm4R"
      token = "fake-token-for-tests"                                                | token = "f4k3-t0k3n-f0r-pr0d"
      secret = "myTestSecret"                                                       | secret = "myOwnSecret9Q"
      """)
  void referencesAndFixturesAreNotSecretsButTheirLookAlikesAre(String reference, String real) {
    assertThat(scan(reference)).as(reference).isEmpty();
    assertThat(scan(real)).as(real).isNotEmpty();
  }

  /**
   * The false positives of a held-out corpus written without sight of the rules (2026-12-06, docs/detection.md),
   * each next to a real value in the same syntax: object-literal members and named arguments whose value is a
   * variable, names of what happened to a secret, times, hashes, keys public by design, other secrets' names and
   * paths, interpolations, calls, header values that name something.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      const rotationDue = { passwordChanged: passwordResetUrl, authMethod: 30 };  | const conn = { passwordChanged: 1, password: Xk9mQ2vLp7wZr4 };
      tokens = { password_changed: key_id, expires_in: 60 }                      | tokens = { password: 'Xk9mQ2vLp7wZr4', expires_in: 60 }
      raise Error, "invalid password: #{e.message}"                              | password: Xk9mQ2vLp7wZr4
      PASSWORD_CHANGED_AT='2026-05-28T09:12:54Z'                                  | PASSWORD='Xk9mQ2vLp7wZr4'
      TOKEN_EXPIRES_AT = "2023-11-24T23:45:18Z"                                   | TOKEN = "tk9mQ2vLp7wZr4tqB3nC"
      PASSWORD_HASHER=argon2id                                                    | PASSWORD=argon2id9Q
      HASHED_PASSWORD='pbkdf2_sha256$600000$fVtJVahbnOBMrs6aG2EETQ$a9RgpEJ8TsmoRRSaAbc5JDvo='  | DB_PASSWORD='fVtJVahbnOBMrs6aG2EETQ'
      `val db = connect(password = "\\$argon2id\\$v=19\\$m=65536,t=3,p=4\\$aHLu9B6hHj19pb5TGJDPnA")` | `val db = connect(password = "aHLu9B6hHj19pb5TGJDPnA")`
      const TOKEN_SHA256: &str = "228150647bdadc3a1a3efd37e9742c96";              | const TOKEN: &str = "228150647bdadc3a1a3efd37e9742c96";
      KEY_FINGERPRINT: "C55228705C79253773B4E08069374C41690246B0"                 | SIGNING_KEY: "C55228705C79253773B4E08069374C41690246B0"
      key_rotation_days: 90.to_string(),                                          | key: "90tXk9mQ2vLp7wZr4",
      PAGINATION_TOKEN=eyJvZmZzZXQiOiA0MTY0LCAibGltaXQiOiAxMDB9                   | SESSION_TOKEN=eyJvZmZzZXQiOiA0MTY0LCAibGltaXQiOiAxMDB9
      ALGOLIA_SEARCH_API_KEY='627178bfd39dc7940b14f4f628ab5403'                   | ALGOLIA_ADMIN_API_KEY='627178bfd39dc7940b14f4f628ab5403'
      CAPTCHA_SITE_KEY=6LyUFIUegCPJMdruQ8pho8t0J57c-EHcbv1eCY1b                    | CAPTCHA_SECRET_KEY=6LyUFIUegCPJMdruQ8pho8t0J57c-EHcbv1eCY1b
      PUSHER_APP_KEY=db96a9a4e2cc605255d1                                         | PUSHER_APP_SECRET=db96a9a4e2cc605255d1
      POSTHOG_KEY: phc_pvZYeJDGpGG0Qxa1qNHhmPXj0jJppiWi3WqlLKdsaNn                | POSTHOG_KEY: phx_pvZYeJDGpGG0Qxa1qNHhmPXj0jJppiWi3WqlLKdsaNn
      MAPBOX_TOKEN: 'pk.eyJ1IjoiZ2VvdGVhbSIsImEiOiJzMXF1bmF3YzFybjdqdXp4N2hwNTdsN2ZjIn0.Bo0KdYa_redXbcM4g_EED2' | MAPBOX_TOKEN: 'sk9eyJ1IjoiZ2VvdGVhbSIsImEiOiJzMXF1bmF3YzFybjdqdXp4N2hwNTdsN2ZjIn0'
      password = "DATABASE_PASSWORD"                                             | password = "DATABASE_PASSWORD_9x"
      const auth = { username: "etl", password: "new_password" };               | const auth = { username: "etl", password: "n3w_pa55word" };
      process.env.CREDENTIALS_SECRET = "prod/orders/app_secret";                  | process.env.CREDENTIALS_SECRET = "prod/orders/app_secret/Xk9mQ2vL+p7wZr4=";
      client = MailgunClient(existing_secret="search-tls")                        | client = MailgunClient(existing_secret="search-tls-9Xk2mQ")
      SECRETS_ACTION = "secretsmanager:GetSecretValue"                            | SECRET = "Xk9mQ2vLp7wZr4tqGetSecretValue"
      APP_SECRET: ${APP_SECRET:?APP_SECRET is required}                           | APP_SECRET: ${APP_SECRET:-Xk9mQ2vLp7wZr4tq}
      DB_PASSWORD: !Sub '{{resolve:secretsmanager:${Environment}/DbPassword:SecretString:value}}' | DB_PASSWORD: 'Xk9mQ2vLp7wZr4'
      DB_PASSWORD: !GetAtt DbPasswordSecret.SecretString                          | DB_PASSWORD: GetAtt9DbPasswordSecret
      MasterUserPassword: "ssm:/staging/catalog/access_token"                     | MasterUserPassword: "ssm9staging9catalog"
      token: projects/602797344275/secrets/token/versions/latest                  | token: projects602797344275secretstoken
      internal const string SHOPIFY_API_SECRET = "#{ShopifyApiSecret}";           | internal const string SHOPIFY_API_SECRET = "Xk9mQ2vLp7wZr4tq";
      api_key: SecureRandom.hex(32),                                              | api_key: Xk9mQ2vLp7wZr4tqB3nC,
      AppSecret: creds.SecretAccessKey,                                           | AppSecret: Xk9mQ2vLp7wZr4tqB3nC,
      const headers = { "Authorization": "Bearer secret", "Content-Type": "application/json" } | const headers = { "Authorization": "Bearer Xk9mQ2vLp7wZr4tqB3nC", "Content-Type": "application/json" }
      curl -H 'Authorization: Bearer client_credentials' https://api.acme.io/v1/orders | curl -H 'Authorization: Bearer Xk9mQ2vLp7wZr4tqB3nC' https://api.acme.io/v1/orders
      curl -H "Authorization: Bearer STRIPE_SECRET_KEY" https://api.stripe.com/v1   | curl -H "Authorization: Bearer Xk9mQ2vLp7wZr4tqB3nC" https://api.stripe.com/v1
      session.headers["Authorization"] = 'Bearer orders-db-secret'                | session.headers["Authorization"] = 'Bearer Xk9mQ2vLp7wZr4tqB3nC'
      req.Header.Add("Authorization", `Bearer redis://:password@localhost:6379/0`) | req.Header.Add("Authorization", `Bearer Xk9mQ2vLp7wZr4tqB3nC`)
      webhook_secret = os.getenv("WEBHOOK_SECRET", "some-api-key")                | webhook_secret = os.getenv("WEBHOOK_SECRET", "Xk9mQ2vLp7wZr4")
      const secret = "fixture-secret"; // set by ops                              | const secret = "fixture-Xk9mQ2vLp7"; // set by ops
      const STORAGE_KEY = "aegis.session.v2";                                     | STORAGE_KEY=Xk3jR8vLq2ZpW9yTn5bHc7dFg1sMa4eUo6iKt0rNwYzQx2vBp8LmJ3hD5fG7kS9aWcE1uI4oR6tY8nM0qPl3Zw==
      localStorageKey: 'Xk3jR8vLq2ZpW9yTn5bHc7dFg1sMa4eUo6iKt0rNwYzQx2vBp8LmJ3hD5fG7kS9aWcE1uI4oR6tY8nM0qPl3Z' | localStorageKey: 'Xk3jR8vLq2ZpW9yTn5bHc7dFg1sMa4eUo6iKt0rNwYzQx2vBp8LmJ3hD5fG7kS9aWcE1uI4oR6tY8nM0qPl3Zw=='
      VAULT_TOKEN=hvb.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa          | VAULT_TOKEN=hvb.AAAAAQJx8Kq3Zc9PbM0x1Ae7YkR2tLw5sV8nJ4hG6fD1uQyXoB
      localhost:5432:orders:app_user:changeme                                     | localhost:5432:orders:app_user:Xk9mQ2vLp7wZr4
      `arn:aws:rds:us-east-1:5432:db:orders-prod`                                 | localhost:5432:orders:app_user:Xk9mQ2vLp7wZr4
      `at 12:5432:17:0x7f:Xk9mQ2vLp7wZr4:extra`                                   | localhost:5432:orders:app_user:Xk9mQ2vLp7wZr4
      `password_hash = "$2y$05$rvXbLD0QVh7JQ8IFZafc13TMR1B237A4wm3vKMEMK5aBM1Jg0/F9X"` | `prometheus:$2y$05$rvXbLD0QVh7JQ8IFZafc13TMR1B237A4wm3vKMEMK5aBM1Jg0/F9X`
      `user.password = "$2b$12$rvXbLD0QVh7JQ8IFZafc13TMR1B237A4wm3vKMEMK5aBM1Jg0/F9X"`  | `prometheus:$2y$05$rvXbLD0QVh7JQ8IFZafc13TMR1B237A4wm3vKMEMK5aBM1Jg0/F9X`
      `echo "${HOME:$1$x}"`                                                        | `ops:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=`
      """)
  void heldOutLookAlikesAreNotSecretsButTheRealThingIs(String lookAlike, String real) {
    assertThat(scan(lookAlike)).as(lookAlike).isEmpty();
    assertThat(scan(real)).as(real).isNotEmpty();
  }

  /** The held-out corpus's misses that were code's ways of writing a secret: joined headers, .netrc symbols. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      headers = {"Authorization": "Bearer " + "zpfRmmQYM0LUcZB9ZpRvD0iOOBFnD8gv"}          | zpfRmmQYM0LUcZB9ZpRvD0iOOBFnD8gv
      $h = ['Authorization' => 'Bearer ' . 'bi~4zxOilp_aiiuQUhsKo2yJn4ps.7YbFsB7TokiSF0p6'];  | bi~4zxOilp_aiiuQUhsKo2yJn4ps.7YbFsB7TokiSF0p6
      machine files.partner.net login app password oLP8ex{J)_Lq[)@d                        | oLP8ex{J)_Lq[)@d
      password = Otter.Maple7533#                                                          | Otter.Maple7533#
      export AZURE_STORAGE_ACCOUNT_KEY=fAAfDUvCRGMNrVKIGr5+LSVSc4tA0CKrOQ46vz4yi7gY7ePruucRkb5WjNminPvC1P3n0CaDVOh7biIQSA/37w== | fAAfDUvCRGMNrVKIGr5+LSVSc4tA0CKrOQ46vz4yi7gY7ePruucRkb5WjNminPvC1P3n0CaDVOh7biIQSA/37w==
      const clientSecret = process.env.CLIENT_SECRET ?? 'aWbbZtac6-nBSlMvryeAjzyXB8dLCiKZQ5ZpgyG80dRYyhnmQacdA'; | aWbbZtac6-nBSlMvryeAjzyXB8dLCiKZQ5ZpgyG80dRYyhnmQacdA
      String k = Optional.ofNullable(System.getenv("COHERE_API_KEY")).orElse("bn9Zr3Akli0TfjzBVIIPvzsRiZiQU3pVh8ibJVY5"); | bn9Zr3Akli0TfjzBVIIPvzsRiZiQU3pVh8ibJVY5
      let t = env::var("HEROKU_AUTH_TOKEN").unwrap_or("30ce7b7b-7694-4210-8a74-7a9b6c4783b7".into());      | 30ce7b7b-7694-4210-8a74-7a9b6c4783b7
      $sessionSecret = $_ENV['SESSION_SECRET'] ?? 'Ymi2IpWRfufSaXLzTBH1JTO7cPKfEAp8CXfGx';              | Ymi2IpWRfufSaXLzTBH1JTO7cPKfEAp8CXfGx
      headers = {"Authorization": "Basic " + "cmVwb3J0aW5nOlJvPShvdjUrOF1eRVs6e0FqMA=="}                  | cmVwb3J0aW5nOlJvPShvdjUrOF1eRVs6e0FqMA==
      req.Header.Set("Authorization", "SSWS "+"0061IhCUTlo-BXSFYJ05KNJGSZMeCME9QyzFgK-fB2")               | 0061IhCUTlo-BXSFYJ05KNJGSZMeCME9QyzFgK-fB2
      axios.defaults.headers.common["Authorization"] = 'Bot MTA3NzYzNjE0OTUxMTcxMTI2.i7uw-S.PmgTTWry9h4GbUEA2l8bp2kvw'; | MTA3NzYzNjE0OTUxMTcxMTI2.i7uw-S.PmgTTWry9h4GbUEA2l8bp2kvw
      proxy_set_header X-Api-Key "NUeBJLNZc5HAqODBkfFZZIegwlAW9aYcNPTupsoVzMw4UcGAkVbWh";                 | NUeBJLNZc5HAqODBkfFZZIegwlAW9aYcNPTupsoVzMw4UcGAkVbWh
      set $twitch_client_secret "bix0di91nlkbf0qhv6s9p75z508ze5";                                         | bix0di91nlkbf0qhv6s9p75z508ze5
      password = "age1Summer2024!x"                                                                     | age1Summer2024!x
      `CREATE USER app WITH PASSWORD 'Xk9mQ2vLp7wZr4';`                                                 | Xk9mQ2vLp7wZr4
      `ALTER ROLE reporting WITH LOGIN password 'q7iO6WCo.67*.r-z';`                                   | q7iO6WCo.67*.r-z
      STORAGE_KEY=Xk3jR8vLq2ZpW9yTn5bHc7dFg1sMa4eUo6iKt0rNwYzQx2vBp8LmJ3hD5fG7kS9aWcE1uI4oR6tY8nM0qPl3Zw== | Xk3jR8vLq2ZpW9yTn5bHc7dFg1sMa4eUo6iKt0rNwYzQx2vBp8LmJ3hD5fG7kS9aWcE1uI4oR6tY8nM0qPl3Zw==
      `"azureStorageKey": "Xk3jR8vLq2ZpW9yTn5bHc7dFg1sMa4eUo6iKt0rNwYzQx2vBp8LmJ3hD5fG7kS9aWcE1uI4oR6tY8nM0qPl3Zw=="` | Xk3jR8vLq2ZpW9yTn5bHc7dFg1sMa4eUo6iKt0rNwYzQx2vBp8LmJ3hD5fG7kS9aWcE1uI4oR6tY8nM0qPl3Zw==
      VAULT_TOKEN=hvb.AAAAAQJx8Kq3Zc9PbM0x1Ae7YkR2tLw5sV8nJ4hG6fD1uQyXoB                                 | hvb.AAAAAQJx8Kq3Zc9PbM0x1Ae7YkR2tLw5sV8nJ4hG6fD1uQyXoB
      localhost:5432:orders:app_user:Xk9mQ2vLp7wZr4                                                    | Xk9mQ2vLp7wZr4
      `# hostname:port:database:username:password\n*:6432:*:pgbouncer:q7iO6WCo.67*r-z\n`              | q7iO6WCo.67*r-z
      `     3\tdb.internal:*:app:svc:Otter.Maple7533#`                                                | Otter.Maple7533#
      `# htpasswd\nprometheus:$2y$05$rvXbLD0QVh7JQ8IFZafc13TMR1B237A4wm3vKMEMK5aBM1Jg0/F9X\n`         | $2y$05$rvXbLD0QVh7JQ8IFZafc13TMR1B237A4wm3vKMEMK5aBM1Jg0/F9X
      `rails:$apr1$ap7nHgIO$pPZ.IxNUWdtDyEqXYVU9OI`                                                    | $apr1$ap7nHgIO$pPZ.IxNUWdtDyEqXYVU9OI
      `root:$6$Qx9v2Lk3$Zr4tqB3nC7vYw1mP0sD8fG2hJ5kL9zXcV3bN6mQ1wE4rT7yU0iO2pA5sD8fG1hJ4kL7zX0cV3bN6mQ9wE2r:19700:0:99999:7:::` | $6$Qx9v2Lk3$Zr4tqB3nC7vYw1mP0sD8fG2hJ5kL9zXcV3bN6mQ1wE4rT7yU0iO2pA5sD8fG1hJ4kL7zX0cV3bN6mQ9wE2r
      `ops:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=`                                                         | {SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=
      """)
  void heldOutMissesAreFound(String text, String secret) {
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  /**
   * A third blind corpus's misses (2026-12-06, fifth session), each class in one of its shapes: tool and CLI syntaxes
   * (Apache's RequestHeader, Kotlin's {@code to}, Ruby's {@code ||=}, mysql's glued {@code -p}, SQL's IDENTIFIED BY,
   * Redis's requirepass, {@code vault login}), blocks with a default (CloudFormation, Terraform), credentials that
   * decode as such (Basic, base64 PEM), and formats (TestPyPI, Doppler service, Contentful, crates.io, Teams).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      RequestHeader set api-key "21ab9c24f335dd791ac0d8d21faf3fab"                          | 21ab9c24f335dd791ac0d8d21faf3fab
      `"azureOpenaiApiKey" to "e9519621597c9528ba144cad27ecfe32",`                          | e9519621597c9528ba144cad27ecfe32
      `ENV["SECRET_KEY"] ||= "7ufg77o!0v&&uf&#ry+0#8wpqyaqrl+j)ek0z3n20q)(tetz5l"`          | 7ufg77o!0v&&uf&#ry+0#8wpqyaqrl+j)ek0z3n20q)(tetz5l
      HONEYCOMB_WRITEKEY="d08be07097e5387c691fe9015d02f22f"                                 | d08be07097e5387c691fe9015d02f22f
      `AuthHeader: "Basic ZGVwbG95Ojl0bXM4SXp2RDVYMVZkYU11WlE4YXVMcnFT",`                   | ZGVwbG95Ojl0bXM4SXp2RDVYMVZkYU11WlE4YXVMcnFT
      `mysql -u root -p've9^z^m5I-1XpWuXHWfVK' -h mysql-eu.svc.cluster.local`              | ve9^z^m5I-1XpWuXHWfVK
      mysqldump -uroot -pS3cretPw99 orders                                                  | S3cretPw99
      `ALTER USER postgres IDENTIFIED BY 'CuKbG7u6PCXwmAmVu2tOLxcnj';`                      | CuKbG7u6PCXwmAmVu2tOLxcnj
      command: redis-server --requirepass hBp5_.0ff1xi7SBIWS63H                              | hBp5_.0ff1xi7SBIWS63H
      vault login s.ECwC1jVm70QudwpMBuREZ1dt                                                | s.ECwC1jVm70QudwpMBuREZ1dt
      url=jdbc:oracle:thin:svc_catalog/xrTUm7ea_G_I-Way*L8NONGmNF@//db-prod:1521/ORCLPDB1   | xrTUm7ea_G_I-Way*L8NONGmNF
      `Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: "riOt^VsnwF38td2"\n` | riOt^VsnwF38td2
      `variable "db_password" {\n  type    = string\n  default = "Onyx!Echo4886"\n}\n`    | Onyx!Echo4886
      `  "outputs": {\n    "db_password": {\n      "value": "nQs6uXOUqkRoks1mEds8PQu",\n      "type": "string"\n` | nQs6uXOUqkRoks1mEds8PQu
      password = pypi-AgENdGVzdC5weXBpLm9yZwIkspGzA29QHhlM02Qwr04gKhWtZQ9t_5xovucIRnbTCLmhq4LP3w7oL_YR0Gl_bpzL0H | pypi-AgENdGVzdC5weXBpLm9yZwIkspGzA29QHhlM02Qwr04gKhWtZQ9t_5xovucIRnbTCLmhq4LP3w7oL_YR0Gl_bpzL0H
      `"doppler_token": "dp.st.jKlsm07No1o7QaIkUZ76rooFLVHzwOjogslhV0zIlLz",`               | dp.st.jKlsm07No1o7QaIkUZ76rooFLVHzwOjogslhV0zIlLz
      `VALUES ('contentful', 'CFPAT-47MS1-DbnTemxwXW9y916xvvqgV5feNAsjV7PHIFQDc');`           | CFPAT-47MS1-DbnTemxwXW9y916xvvqgV5feNAsjV7PHIFQDc
      `"CARGO_REGISTRY_TOKEN": "cioRCdvuYcuZSrLGXvP4DmOzECLg8S6kQK0",`                      | cioRCdvuYcuZSrLGXvP4DmOzECLg8S6kQK0
      `"GRAFANA_API_KEY": "eyJrIjoiNXJuVUtqbUc3NUJXWGVEb2tmMjBmVmQ5Mjl4NHVOWkQiLCJuIjoiY2kiLCJpZCI6MzJ9",` | eyJrIjoiNXJuVUtqbUc3NUJXWGVEb2tmMjBmVmQ5Mjl4NHVOWkQiLCJuIjoiY2kiLCJpZCI6MzJ9
      https://delta.webhook.office.com/webhookb2/fbf81e40-ff3c-4c26-ac72-a419b0b4f6e7@335d6b54-8056-49c6-9772-14754811769e/IncomingWebhook/00d0ae8a986f190f287541fb381f7b4f/36829340-1920-43bf-8642-04415039ef0b | /IncomingWebhook/00d0ae8a986f190f287541fb381f7b4f/36829340-1920-43bf-8642-04415039ef0b
      """)
  void thirdCorpusMissesAreFound(String text, String secret) {
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  /** Their look-alikes, in the same syntax: a prompt for the password, a reference, a ciphertext, a public key. */
  @ParameterizedTest
  @ValueSource(strings = {
      "mkdir -p /tmp/x && mysql -p -h db.internal orders",
      "mysql -u root -p$MYSQL_PASSWORD -h db",
      "the basic usage is simple: Basic auth needs a user",
      "the log line says Basic dXNlcm5hbWU= and nothing else",
      "url=jdbc:oracle:thin:@//db-prod:1521/ORCLPDB1",
      "Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n  Other:\n    Default: \"riOt^VsnwF38td2\"\n",
      "variable \"db_password\" {\n  default = var.shared_password\n}\n",
      "STRIPE_SECRET_KEY: kms:v1:UTsXZHUzNa+Zq2TFjCP3Hmc3i2ATIhfi6K+/8rLmb2wvomgT58HzzAyhxI04OeTee0AQTWrBEIDBtQjQ==",
      "MasterUserPassword: \"akv://kv-auth/masteruserpassword\"",
      "NEW_RELIC_BROWSER_KEY=NRJS-11ce774a7b9bfa9bcec",
      "let SUPABASE_SECRET_KEY = 's3cret-for-unit-tests';",
      "<add key=\"https://api.nuget.org/v3/index.json\" value=\"AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAACpmJ5Yx8rFDijLjxgryson9\" />"})
  void thirdCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * A fourth blind corpus, of agent traffic (2026-12-06, fifth session): secrets as people give them to an agent in a
   * sentence or a command, a plan's new value, a table's cell, a search tool's numbered match, a cookie, a scheme,
   * names with S3, and formats (GitHub refresh tokens, Zapier and Mattermost webhooks, Facebook tokens, Adafruit).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      My TWILIO_API_SECRET is 4aQU25m4fwF9rNOk10o63ngWpZr2t35l, use that for the test run.  | 4aQU25m4fwF9rNOk10o63ngWpZr2t35l
      Set TWILIO_API_SECRET to bn6BNp66XpEo8wgDgO8VxGuka9s4nKDi in the k8s secret.          | bn6BNp66XpEo8wgDgO8VxGuka9s4nKDi
      rotated. NEXTAUTH_SECRET -> BjlEQ1NvG2d6rrX0Yu7uzgtIesXHDCm4rWwyyBC9m5E=              | BjlEQ1NvG2d6rrX0Yu7uzgtIesXHDCm4rWwyyBC9m5E=
      gh secret set OKTA_API_TOKEN --body '00UxgD-UVCzLcvHhFnTHLzrdCxlzD4vFJsbRAcPybx'      | 00UxgD-UVCzLcvHhFnTHLzrdCxlzD4vFJsbRAcPybx
      ~| DD_APP_KEY | `a43b818e25c6072cdad5c501cec4ecfc758f0ee6` | prod |~                  | a43b818e25c6072cdad5c501cec4ecfc758f0ee6
      ~  ~ "SNOWFLAKE_PASSWORD" = "old-value-rotated" -> "Dy=d5uj2BV^9~f~U-~q~M=D"~       | Dy=d5uj2BV^9~f~U-~q~M=D
      ~terraform/secrets.tfvars:3:wandb_api_key = "ede05560089cf0fe708468f721a7bb0e2fdac659"~ | ede05560089cf0fe708468f721a7bb0e2fdac659
      Cookie: session=lQdD7yTyyjyPv91o0VCzUquN4bsTqFeh                                     | lQdD7yTyyjyPv91o0VCzUquN4bsTqFeh
      Authorization: Splunk 79a1240b-490a-449e-a192-aa2c2a31eca5                           | 79a1240b-490a-449e-a192-aa2c2a31eca5
      S3_SECRET_ACCESS_KEY=802ek9PXtYOSWs02blOpRZMI1YPT8VuTSvt06DPY                        | 802ek9PXtYOSWs02blOpRZMI1YPT8VuTSvt06DPY
      ~"SMTP_PASSWORD": "e]4tswR%T&Y:M>i5"~                                                | e]4tswR%T&Y:M>i5
      GITHUB_REFRESH_TOKEN = 'ghr_MmqBnOqRi1O3ct7V165AYBIXy24zroi0QIJNQPIDFGncDag3lhU1kNU33duFj5ZK0hcXYX5LVCdH' | ghr_MmqBnOqRi1O3ct7V165AYBIXy24zroi0QIJNQPIDFGncDag3lhU1kNU33duFj5ZK0hcXYX5LVCdH
      url = 'https://chat.hwferx.io/hooks/dk061i2y4en2m6kcw4ugvybwgq'                      | /hooks/dk061i2y4en2m6kcw4ugvybwgq
      value: https://hooks.zapier.com/hooks/catch/92219405/bpx5q3e/                        | https://hooks.zapier.com/hooks/catch/92219405/bpx5q3e
      META_PAGE_TOKEN=EAAsWF323e25awAdUXzaHtD7cu0cgqEYYftYs7X0fyABF0ht2EJMXf4OM4eTZlxtabklpjrskMnOxyHyRepfG6McRmPPiIQf8neUhvqe7f6aofmaRkRUp4 | EAAsWF323e25awAdUXzaHtD7cu0cgqEYYftYs7X0fyABF0ht2EJMXf4OM4eTZlxtabklpjrskMnOxyHyRepfG6McRmPPiIQf8neUhvqe7f6aofmaRkRUp4
      ~Set `AIO_KEY` to `aio_OsQwCZmqgONwDzbUBuQcQExJSEcG` in your shell.~                  | aio_OsQwCZmqgONwDzbUBuQcQExJSEcG
      ASANA_PAT = 2/9744965160024109:796ded9188e18105be08c669a8a420ea                      | 2/9744965160024109:796ded9188e18105be08c669a8a420ea
      ~let ADO_PAT = 'mz5ik4wzyrjveeyo4b7cbboj5ddhkepidaduskfwsfaq5qptgveq';~               | mz5ik4wzyrjveeyo4b7cbboj5ddhkepidaduskfwsfaq5qptgveq
      ~export POST_SERVER_ITEM_ACCESS_TOKEN='2832dcfcb7689cb6e90522e551f017e1'~              | 2832dcfcb7689cb6e90522e551f017e1
      ~"CARGO_REGISTRY_TOKEN": "Rk3vQ9mLp2ZwT7yXn5bHc8dFg1sJ"~                              | Rk3vQ9mLp2ZwT7yXn5bHc8dFg1sJ
      """)
  void agentTrafficMissesAreFound(String text, String secret) {
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  /** Their look-alikes: prose about secrets, cookies that are preferences, references, labels, paths, masks. */
  @ParameterizedTest
  @ValueSource(strings = {
      "The token is expired and the password is required.",
      "Send the API key to the server, then the secret to the vault.",
      "if api_key is None: return",
      "the session token -> refreshed every 5 minutes",
      "| DD_APP_KEY | `${DD_APP_KEY}` | prod |",
      "document.cookie = \"theme=dark\";",
      "Set-Cookie: lang=en-US; Path=/",
      "S3_KEY=uploads/2024/report-7x9.csv",
      "\"secret\": \"Geheimnis\",",
      "\"password\": \"Passwort\",",
      "  api_key: \"sk-<your key here>\"",
      "  postgres_password = \"((postgres-password))\"",
      "  AZURE_CLIENT_SECRET: \"(hidden)\"",
      "db_password = \"(sensitive value)\"",
      "I already exported SMTP_PASSWORD=secrets/smtp_password.txt but it still fails.",
      "//npm.pkg.github.com/:_authToken=SHA256:TLiRYpy+fuqk5Xk+sxE5SE0g6ABy3SrvL9PKa1dOwJo",
      "<password>&lt;x_bearer_token&gt;</password>",
      "SESSION_SECRET=gcp:///session-secret",
      "let flyAccessToken = \"xoxb-0000000000-0000000000-testtesttesttest\";",
      "file_path = \"/tmp/x9/report.csv\"", "GH_PAT=${{ secrets.GH_PAT }}", "url_pat = r'^a[0-9]+b$'",
      "ITEM_KEY = \"order#2024-x9Qz7\"", "const REGISTRY_KEY = \"plugins.v2.Kx9mQ2vLp7\";"})
  void agentTrafficLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * The matchers added for the blind corpora read around their triggers (back to a line's start, forward through a
   * block): every window of each example, cut at both ends, scans without an exception and finds only inside it.
   */
  @Test
  void theNewMatchersStayInsideTheirWindowWhateverTheCuts() {
    String[] examples = {
        "db.internal:5432:orders:app:Xk9mQ2vLp7wZr4\n", "  3\u2192ops:$apr1$ap7nHgIO$pPZ.IxNUWdtDyEqXYVU9OI:x\n",
        "h: \"Basic ZGVwbG95Ojl0bXM4SXp2RDVYMVZkYU11WlE4YXVMcnFT\"", "vault login s.ECwC1jVm70QudwpMBuREZ1dt",
        "jdbc:oracle:thin:svc/xrTUm7ea_G_I-Way*L8N@//db:1521/X", "mysql -u root -p've9^z^m5I-1XpWuXHWfVK' -h h",
        "ALTER USER x IDENTIFIED BY 'CuKbG7u6PCXwmAmVu2tOLxcnj';",
        "PuTTY-User-Key-File-3: ssh-ed25519\nPrivate-Lines: 1\nAAAAIIuCvxHq\nPrivate-MAC: 5b1d3a5f\n",
        "k: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBMFozVlM1SkpjZHMzeGZuL3lnV3lGOFBibkd5MEFIQjdNaGdIY1R6NnNFMkkyeVBCCmFJSFNTMzlXRnJTS3QxWTdMRFFKU1NncXJaMXNLNWR3N3FiZEgzTGdrREhZY1VaOG03Und4NEptNHN4VE1YbwotLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLQo=",
        "My TWILIO_API_SECRET is 4aQU25m4fwF9rNOk10o63ngWpZr2t35l.", "| DD_APP_KEY | `a43b818e25c6072cdad5c501cec4ecfc758f0ee6` |",
        "Cookie: session=lQdD7yTyyjyPv91o0VCzUquN4bsTqFeh", "  DBPassword:\n    Type: String\n    Default: \"riOt^VsnwF38td2\"\n",
        "variable \"db_password\" {\n  default = \"Onyx!Echo4886\"\n}", "  \"db_password\": {\n    \"value\": \"nQs6uXOUqkRoks1m\"\n",
        "f.tfvars:3:wandb_api_key = \"ede05560089cf0fe708468f721a7bb0e2fdac659\"",
        "  ~ \"PASSWORD\" = \"old\" -> \"Dy=d5uj2BV^9~f~U\""};
    Detector detector = Detector.builtIn();
    for (String example : examples) {
      byte[] b = example.getBytes(StandardCharsets.UTF_8);
      for (int from = 0; from <= b.length; from++) {
        for (int to = from; to <= b.length; to++) {
          int f0 = from;
          int t0 = to;
          assertThat(detector.scan(b, from, to)).as("%s [%d, %d)", example, from, to)
              .allSatisfy(f -> assertThat(f.start() >= f0 && f.end() <= t0 && f.start() < f.end()).isTrue());
        }
      }
    }
  }

  /** A fifth blind corpus's misses (same session, measured blind first): Easy Connect, "should be", formats. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      ORACLE_CONN=scott_app/br8Ku2DoZIe5nN@//oracle-db.larkspur.internal:1521/ORCLPDB1    | br8Ku2DoZIe5nN
      # DB_PASSWORD should be 5YHfqLmJAv3ho6beyZ8ZUxS0 (prod)                              | 5YHfqLmJAv3ho6beyZ8ZUxS0
      ~environment=OCTOPUS_API_KEY="API-R091ORTB2B81KANTZBF618A2B3O"~                     | API-R091ORTB2B81KANTZBF618A2B3O
      hardcoding sk-9250f8f15d9cd29aa89521280dd990ba until the vault migration lands      | sk-9250f8f15d9cd29aa89521280dd990ba
      """)
  void fifthCorpusMissesAreFound(String text, String secret) {
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  @ParameterizedTest
  @ValueSource(strings = {"see https://docs.example.dev/guides/setup@//mirror", "the password should be changed",
      "  credentials: \"EJ[1:mcoahsSnx1sFSmAEgLPzvM047h9usxVE3BT7Z4wDQ4s=:03JAV0rR10XjAlE06cM5qmw]\"",
      "See API-GATEWAY-CONFIGURATION-GUIDE for details",
      "'secret' => 'sub_ZIklMJ8jjSSnHkPXtM9vGxOV',", "secret_string = \"G-FYC9FNPMHL\"",
      "GPG_KEY_FPR: 'EAD4D1E4E7FF3583BCFE4FEC8D74A0FC0F535335'",
      "AUTHORIZED_KEY = 'jIU+xx3DbXspmjRXXR+h3CQJ0jCqJ1GZNMDYPc4oq84='", "        from_secret: api_key_sha256",
      "PUSHER_APP_SECRET=\"\\$PUSHER_APP_SECRET\""})
  void fifthCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * The sixth held-out corpus's misses: a secret named in a sentence a few words before its value, a line of a
   * secret's name and its value alone (a secrets manager's listing), a builder's or client's method named like a
   * secret called with one string, and formats (each value made up here).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      the password for the Grafana admin account is Zq7-mPLx42!rTy (shared vault is down) | Zq7-mPLx42!rTy
      FYI the webhook secret we configured on their side is 4kTq9ZpW2mLx8RvB3nYc          | 4kTq9ZpW2mLx8RvB3nYc
      session_secret Qw7pLx2mZr9Tb4Nc8Vk3Hy6Jd1Fs                                          | Qw7pLx2mZr9Tb4Nc8Vk3Hy6Jd1Fs
      ~  vault_token s.Qw7pLx2mZr9Tb4Nc8Vk3Hy6J~                                           | s.Qw7pLx2mZr9Tb4Nc8Vk3Hy6J
      ~    .ddApiKey("7b5f47c6ae3b08eba5942c6d3b45ef1e")~                                  | 7b5f47c6ae3b08eba5942c6d3b45ef1e
      ~let resp = client.get(url).bearer_auth("QhoI6g8Sp5PXVAthKrBChQwux7yo").send();~      | QhoI6g8Sp5PXVAthKrBChQwux7yo
      ~config.setPassword("Zq7mPLx42rTyW");~                                               | Zq7mPLx42rTyW
      DROPBOX_TOKEN=sl.u.AbCdEfGh12_-IjKlMnOp34QrStUvWx56YzAbCdEf78GhIjKlMn90OpQrStUvWx12YzAbCdEf34GhIjKlMn56OpQrStUvWx78YzAbCd | sl.u.AbCdEfGh12_-IjKlMnOp34QrStUvWx56YzAbCdEf78GhIjKlMn90OpQrStUvWx12YzAbCdEf34GhIjKlMn56OpQrStUvWx78YzAbCd
      I rotated it, the new one is hcaik_01q8zk3m7wpx2rt5nb9vcl4hd6jf0ys1ge8ua3oi7km2xq5wt9rz4bn6p1 | hcaik_01q8zk3m7wpx2rt5nb9vcl4hd6jf0ys1ge8ua3oi7km2xq5wt9rz4bn6p1
      use waka_7b6e5797-1611-4cde-8622-76702b6dc0fe for staging                           | waka_7b6e5797-1611-4cde-8622-76702b6dc0fe
      ~client = make_client("fc-4c9df7a186c0eaf1a58ba63a133b05f2")~                         | fc-4c9df7a186c0eaf1a58ba63a133b05f2
      vercel env add NEW_RELIC_LICENSE_KEY production <<< 54786c0b8cb39195751c09426ef8a5f6c0d4NRAL | 54786c0b8cb39195751c09426ef8a5f6c0d4NRAL
      APP_KEY=base64:mCaRpJBJznVpIEocmWjelzNr8SWPlUX8PS9hHL1Gl/I=                         | base64:mCaRpJBJznVpIEocmWjelzNr8SWPlUX8PS9hHL1Gl/I=
      here it is: live_7kXRV4c203xFtxB2rMkVbMLAtf52hzA7BfJ4tY8l                          | live_7kXRV4c203xFtxB2rMkVbMLAtf52hzA7BfJ4tY8l
      vercel env add RAZORPAY_KEY_SECRET production <<< "Zq7mPLx42rTyWb9Kc3Nd"          | Zq7mPLx42rTyWb9Kc3Nd
      vercel env add STRIPE_WEBHOOK_SECRET <<< Zq7mPLx42rTyWb9Kc3Nd                       | Zq7mPLx42rTyWb9Kc3Nd
      ~curl -X POST "https://func-orders.azurewebsites.net/api/Ship?code=q3X9vLm2Rt8Kp0Wz5Yb7Nc4Hd6Fj1Gs3Aa8Ue2Io5Py7Tr0Ew9Qk==&clientId=default"~ | code=q3X9vLm2Rt8Kp0Wz5Yb7Nc4Hd6Fj1Gs3Aa8Ue2Io5Py7Tr0Ew9Qk==
      see Xk3v9LmQ2Rt8Kp0Wz5Yb7Nc4Hd6Fj1Gs3Aa8Ue2Io5PyAzFuYb7NcQ== there                  | Xk3v9LmQ2Rt8Kp0Wz5Yb7Nc4Hd6Fj1Gs3Aa8Ue2Io5PyAzFuYb7NcQ==
      ~let api_token = String::from("3f2a9c1e-7b4d-4e8a-9f0b-2c6d8e1a5b7c");~             | 3f2a9c1e-7b4d-4e8a-9f0b-2c6d8e1a5b7c
      ~    api_key: SecretString::new("Zq7mPLx42rTyWb9Kc3Nd".into()),~                      | Zq7mPLx42rTyWb9Kc3Nd
      ~String secret = new String("Zq7mPLx42rTyWb9Kc3Nd");~                                | Zq7mPLx42rTyWb9Kc3Nd
      Using DEPLOY_TOKEN from .env.ci: 9f8e7d6c5b4a39281706f5e4d3c2b1a0                  | 9f8e7d6c5b4a39281706f5e4d3c2b1a0
      """)
  void sixthCorpusMissesAreFound(String text, String secret) {
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  /** Their look-alikes, each in the same syntax as one of the finds above. */
  @ParameterizedTest
  @ValueSource(strings = {"the password for the admin account is required", "the key id is proj_WhdGqBWcSSJT7Y3360z7Evl0",
      "the token count is 4096 for this model version", "2025-11-10T19:59:00Z cache key: 62d96be9fe8e0c75487a695283f04ff9",
      "quick one: KMS key: T1M0ZZrjeswYwn31hFB6a8fV3fl6UZtnQ1_qLOz9hMe",
      "session_secret required", "    .getToken(\"7b5f47c6ae3b08eba5942c6d3b45ef1e\")",
      "    .verifyPassword(\"Zq7mPLx42rTyW\")",
      "ENCRYPTED_KEY=AQICAHhyRUJGXSVspJQg8lL9eVPEqeyOFXCB+BPq+y9UC6tr+cCnDtVnkQCKNAYYUeZNgXZcsOBvpZ+amqOgLsKG9s0leMUYFb9P7EavR7p9",
      "expect(redact('eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ0ZXN0LXVzZXIiLCJyb2xlIjoiYWRtaW4ifQ.'))",
      "live_streaming_configuration_handler_nam", "see secret-manager-access-role-for-production-ab",
      "vercel env add RAZORPAY_KEY_SECRET production <<< \"$RAZORPAY_KEY_SECRET\"",
      "https://app.example.com/callback?code=4/0AX4XfWhQz7Lm2Rt8Kp0Wz5Yb7Nc4Hd6Fj1Gs3Aa8&scope=email",
      "see Xk3v9LmQ2Rt8Kp0Wz5Yb7Nc4Hd6Fj1Gs3Aa8Ue2Io5PyAzFuYb7NcZ== there",
      "let api_key = os.getenv(\"OPENAI_API_KEY_PROD_42\");", "Using DEPLOY_TOKEN from .env.ci: (not set)"})
  void sixthCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * The seventh held-out corpus's misses: a value given before its name in a sentence or in parentheses after it, a
   * German connector, PowerShell's environment drive, registry logins and {@code sshpass} on the command line,
   * {@code ConvertTo-SecureString … -AsPlainText}, Rust's {@code unwrap_or_else}, a token as a URL's user, base64 of
   * {@code user:password} under an auth header's name, random letters with no digit, a listing's line in JSON-escaped
   * text, and formats (each value made up here).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      6fb6543e4d6505fb4c758f856d25e7c20d49ed7e is the Datadog application key, expires end of month | 6fb6543e4d6505fb4c758f856d25e7c20d49ed7e
      cdb9Kfvllp2cGw6842WA5 is the password                                             | cdb9Kfvllp2cGw6842WA5
      The Twilio auth token (44bee0182f1634e3da2358b34d4e432c) stopped working.          | 44bee0182f1634e3da2358b34d4e432c
      Der neue Mistral key lautet AA7zZoUTYHQVvN4L50lMxiQqutD551Xn, bitte eintragen.     | AA7zZoUTYHQVvN4L50lMxiQqutD551Xn
      ~$env:ONESIGNAL_REST_API_KEY = "70qz225hgvmzhprrho5z77w8crmra0jafbwoz7w0r4c5xtqa"~  | 70qz225hgvmzhprrho5z77w8crmra0jafbwoz7w0r4c5xtqa
      UPSTASH_REDIS_REST_TOKEN=AZhMAAIjcDEvElzBUo2VTCUc4ScFh4xnUX3U1CxeWIJrn4VKeVfE       | AZhMAAIjcDEvElzBUo2VTCUc4ScFh4xnUX3U1CxeWIJrn4VKeVfE
      $ docker login -u bob -p Tc8NxSLIu4oIaAnWQQ5-PxITocKWF4VJYWW0O5WG registry.dunder.io | Tc8NxSLIu4oIaAnWQQ5-PxITocKWF4VJYWW0O5WG
      ~sshpass -p 'Tc8NxSLIu4oIaAnWQQ5-PxITocKWF4VJYWW0O5WG' ssh deploy@bastion~          | Tc8NxSLIu4oIaAnWQQ5-PxITocKWF4VJYWW0O5WG
      ~$s = ConvertTo-SecureString 'vMqgKAM2N5QpMmpnxa2sksmGQyyJEQJM5B9Gs1hC' -AsPlainText -Force~ | vMqgKAM2N5QpMmpnxa2sksmGQyyJEQJM5B9Gs1hC
      ~let k = env::var("RAZORPAY_KEY_SECRET").unwrap_or_else(|_| "jaee0gQ4QvFfRBjI5PL6eICk".to_string());~ | jaee0gQ4QvFfRBjI5PL6eICk
      origin https://glpat-G8gFASgpr7zr-0qAkgzp@gitlab.com/acme/webhooks.git (fetch)    | glpat-G8gFASgpr7zr-0qAkgzp
      AUTH_HEADER=YW5hOkRlbHRhfmluZGlnb35pbmRpZ284MTN+                                   | YW5hOkRlbHRhfmluZGlnb35pbmRpZ284MTN+
      ~{"logzio-token":"sEenQYqAZkBgHUsCXnVuEacaTFVHFLNj"}~                              | sEenQYqAZkBgHUsCXnVuEacaTFVHFLNj
      ~{"stdout":"Key         Value\\n---         -----\\npwd         Amber^Willow^Olive1862\\n"}~ | Amber^Willow^Olive1862
      see 177437960:AARt2sPzmHGgDDDuEOuVNZ0x9sT22ulqQ2c                                   | 177437960:AARt2sPzmHGgDDDuEOuVNZ0x9sT22ulqQ2c
      ~props.put("mollie.api.key", "live_qHvHCb4uHngqBvplw3CnyDQ3H4XOlS");~               | live_qHvHCb4uHngqBvplw3CnyDQ3H4XOlS
      Der neue Tavily key lautet 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               | 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
      cerebras_api_key csk-94zquffh2u0o62dxsbxz9k7o7di067g7lzmcke3lb09aft63            | csk-94zquffh2u0o62dxsbxz9k7o7di067g7lzmcke3lb09aft63
      X-Auth-Token: amzn.mws.bd99ce31-7683-4974-a1a4-21a299975b69                         | amzn.mws.bd99ce31-7683-4974-a1a4-21a299975b69
      ~"ck_f5c0481dc153e72513b78b16fc55977aa0d65e41".to_string()~                         | ck_f5c0481dc153e72513b78b16fc55977aa0d65e41
      here: gloas-4fd39517f855acb7edf6b1fbe0678fb08ce89f02c8689d25a13a9b646a374496 | gloas-4fd39517f855acb7edf6b1fbe0678fb08ce89f02c8689d25a13a9b646a374496
      try again with glffct-GqpgoGrdae8tAAs7AdsX                                          | glffct-GqpgoGrdae8tAAs7AdsX
      the token for staging -> jk_4fd39517f855acb7edf6b1fbe0678fb08ce89f02c8689d25a13a9b646a374496 | jk_4fd39517f855acb7edf6b1fbe0678fb08ce89f02c8689d25a13a9b646a374496
      Ecco il token 'lin_oauth_4fd39517f855acb7edf6b1fbe0678fb08ce89f02c8689d25a13a9b646a374496' per il test | lin_oauth_4fd39517f855acb7edf6b1fbe0678fb08ce89f02c8689d25a13a9b646a374496
      use `cmVmdGtuOjAxOjE3+nlQS5vr28SJWUTIqU1kbM+o4P/rpcTuLRe18oGCTW7ABbZ6` for the webhook | cmVmdGtuOjAxOjE3+nlQS5vr28SJWUTIqU1kbM+o4P/rpcTuLRe18oGCTW7ABbZ6
      HONEYCOMB_API_KEY=hcaik_01dav6fexkzaqcr59m4gxeajnl6mmfk8clu7e614xbft99o72jjsnnvrvrg4 | hcaik_01dav6fexkzaqcr59m4gxeajnl6mmfk8clu7e614xbft99o72jjsnnvrvrg4
      """)
  void seventhCorpusMissesAreFound(String text, String secret) {
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  /** Their look-alikes: truncated and masked tokens, variables, fixtures, interface strings, names in code. */
  @ParameterizedTest
  @ValueSource(strings = {"'slack_bot_token': 'xoxb-57614325986-HwDXai75a3'",
      "docker login -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY",
      "$ docker login -u gitlab-ci-token -p sk_live_\u2026k3Ht $CI_REGISTRY",
      "+ curl -u admin:\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u20222dIz https://nexus.dunder.io/",
      "upstream https://ci-bot:SG.FeUaIK6Yjq_YDrufRCxBJR@git.wayne.io/pied/catalog.git (fetch)",
      "SENDGRID_API_KEY='SG.U8jL90yFvjqXzTJSOGWPml'", "  auth.errors.wrong_password: \"Token expired\"",
      "  \"auth.password.reset_token_expired\": \"Token expired\",", "    \"redis_password\": \"please-set-me\",",
      "  const adminPassword = 'hunter2';", "\tpassword := \"P@ssw0rd\"",
      "proj_WhdGqBWcSSJT7Y3360z7Evl0 is the key id",
      "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 is the key fingerprint",
      "  def test_ShouldReturn404WhenUserMissing(self):", "\"token\": \"AbstractSingletonProxyFactoryBean\"",
      "def token (self):", "$secure = ConvertTo-SecureString $plain -AsPlainText -Force"})
  void seventhCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /** A name inside Japanese or Chinese text, a fullwidth colon, the value (UTF-8: offsets are bytes). */
  @Test
  void aValueAfterANameInJapaneseOrChineseTextIsFound() {
    for (String text : List.of("本番のtokenはこれです：OhvxECC5FTzA_YWELF1D64RTLPPTR2AePTMFhz1noZg よろしくお願いします。",
        "新的token：OhvxECC5FTzA_YWELF1D64RTLPPTR2AePTMFhz1noZg，谢谢")) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(Detector.builtIn().scan(bytes)).as(text)
          .extracting(f -> new String(bytes, f.start(), f.end() - f.start(), StandardCharsets.UTF_8))
          .containsExactly("OhvxECC5FTzA_YWELF1D64RTLPPTR2AePTMFhz1noZg");
    }
    for (String text : List.of("tokenの有効期限は2025年です", "API keyの設定：環境変数を使ってください", "token")) {
      assertThat(Detector.builtIn().scan(text.getBytes(StandardCharsets.UTF_8))).as(text).isEmpty();
    }
  }

  /**
   * A secret's name in another language, in a sentence or after a colon, and the value after it: the connector may be
   * a word for "is", a particle glued to the name or a colon of either width, up to four words after the name.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Das Passwort für die Staging-DB lautet Xk29vLq8mPz4, bitte nicht teilen.",
      "Kennwort: Xk29vLq8mPz4",
      "La contraseña es Xk29vLq8mPz4",
      "A senha do banco é Xk29vLq8mPz4.",
      "le mot de passe est «Xk29vLq8mPz4»",
      "Пароль от базы: Xk29vLq8mPz4",
      "Новый токен — Xk29vLq8mPz4Ab7Qw",
      "数据库密码是 Xk29vLq8mPz4",
      "令牌：Xk29vLq8mPz4Ab7Qw",
      "パスワードは「Xk29vLq8mPz4」です",
      "APIキー：Xk29vLq8mPz4Ab7Qw",
      "비밀번호: Xk29vLq8mPz4",
      "API 키는 Xk29vLq8mPz4Ab7Qw 입니다",
      "şifre: Xk29vLq8mPz4",
      "पासवर्ड: Xk29vLq8mPz4",
      "Der API-Schlüssel ist Xk29vLq8mPz4Ab7Qw",
      "veritabanı şifresi Xk29vLq8mPz4-prod Deploy workflow'una ekler misin?",
      "डेटाबेस का पासवर्ड Xk29vLq8mPz4 है",
      "le mot de passe de la base c'est Xk29vLq8mPz4 Tu peux l'ajouter ?",
      "mdp admin : Xk29vLq8mPz4",
      "src/config.ts:106:पासवर्ड = \\\"Xk29vLq8mPz4\\\"",
      "пароль от базы: ÇamlıkXk29vLq8mPz4",
      "DBのパスワードは ПингвинXk29vLq8mPz4 です"})
  void aSecretsNameInAnotherLanguageAndItsValueAreFound(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(Detector.builtIn().scan(bytes)).as(text)
        .extracting(f -> new String(bytes, f.start(), f.end() - f.start(), StandardCharsets.UTF_8))
        .singleElement().asString().matches("\\S*Xk29vLq8mPz4[\\w-]*");
  }

  /** The same names in code and config: the context rule, with the words of other languages as a name's segments. */
  @ParameterizedTest
  @ValueSource(strings = {"db_senha = \"Xk29vLq8mPz4\"", "DB_PASSWORT=Xk29vLq8mPz4", "$wachtwoord = 'Xk29vLq8mPz4';",
      "API_SCHLUESSEL: Xk29vLq8mPz4Ab7Qw", "DB_PASSORD: \"Xk29vLq8mPz4\"", "db.haslo=Xk29vLq8mPz4"})
  void aSecretsNameInAnotherLanguageInCodeIsFound(String text) {
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).containsExactly(
        text.substring(text.indexOf("Xk29"), text.indexOf("Xk29") + (text.contains("Ab7Qw") ? 17 : 12)));
  }

  /** What the same names say in prose without giving a secret: rules, lengths, ids, links, references, UI strings. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Das Passwort muss mindestens 12 Zeichen lang sein.",
      "La contraseña es obligatoria",
      "Пароль должен содержать 8 символов",
      "密码长度：8-16位",
      "パスワードは8文字以上で入力してください",
      "비밀번호는 8자 이상이어야 합니다",
      "API 키는 설정 페이지에서 발급받을 수 있습니다",
      "トークン：<YOUR_TOKEN>",
      "令牌：your-token-here",
      "Schlüssel-ID: 7f3a9b2c4d5e6f7a",
      "Der Schlüssel ist im Tresor.",
      "mot de passe oublié ? Réinitialisez-le: reset-link-2024",
      "密码：********",
      "senha: ${DB_SENHA}",
      "A senha é process.env.SENHA_DB",
      "Ключ API: YOUR_API_KEY_HERE",
      "clave_api = os.environ[\"CLAVE_API\"]",
      "labels = [\"passwort\", \"kennwort\", \"wachtwoord\", \"contraseña\", \"heslo\", \"jelszó\", \"şifre\"]",
      "\"password\": \"Contraseña\"",
      "Passwort Reset2024 anfordern",
      "veritabanı şifresi 8180a247c06dadc07535409cd2bb6818 ile başlar"})
  void aSecretsNameInAnotherLanguageWithoutASecretIsNoFinding(String text) {
    assertThat(Detector.builtIn().scan(text.getBytes(StandardCharsets.UTF_8))).as(text).isEmpty();
  }

  /** A file that holds one value, named like a secret: its value, judged as that name's; nothing for other files. */
  @ParameterizedTest
  @CsvSource(quoteCharacter = '~', value = {
      "/run/secrets/db_password, ~Kd82jfLq03PzXw9\n~, context-password",
      "secrets/logzio_token, aB3dE6gH9jK2mN5pQ8sT1vW4yZ7, context-token",
      "conf/api_key.txt, ~  Kd82jfLq03PzXw9Ab\r\n~, context-key",
      "/run/secrets/db_port, 5432, ",
      "/run/secrets/readme, Kd82jfLq03PzXw9, ",
      "conf/version.txt, Kd82jfLq03PzXw9, ",
      "secrets/api_token, ~Kd82jfLq03PzXw9 rotated monthly~, ",
      "secrets/db_password, changeme, "})
  void aFileThatHoldsOneValueNamedLikeASecretIsThatSecret(String file, String content, String rule) {
    String text = content.replace("\\n", "\n").replace("\\r", "\r");
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    List<Finding> found = Detector.builtIn().scanNamedValue(file, b, 0, b.length);
    if (rule == null) {
      assertThat(found).as(file).isEmpty();
    } else {
      assertThat(found).as(file).singleElement().satisfies(f -> {
        assertThat(f.ruleId()).isEqualTo(rule);
        assertThat(text.substring(f.start(), f.end())).matches("(Kd82|aB3d)\\S+");
      });
    }
  }

  /**
   * The eighth held-out corpus's misses: a name and words that end in a colon or an arrow before the value, SQL
   * Server's Unicode literal, Go's MySQL DSN, libpq's {@code PGPASS}, an SSH2 private key (each value made up here).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      The password for the admin user: Xk29vLq8mPz4                                      | Xk29vLq8mPz4
      Use this password locally: hT7qPz92LmVx                                             | hT7qPz92LmVx
      the token for the staging deploy: 9fKz2mQpL7vX3rT8wN4b                              | 9fKz2mQpL7vX3rT8wN4b
      Here's the api key we use in CI: q8ZmT2vLx9Rk4pN7                                   | q8ZmT2vLx9Rk4pN7
      password for root -> Gh7pLm2xQz9                                                    | Gh7pLm2xQz9
      ~password for root → Gh7pLm2xQz9~                                              | Gh7pLm2xQz9
      my db password (staging): Rz8mQ2vLp7Kx                                              | Rz8mQ2vLp7Kx
      ~CREATE LOGIN app_user WITH PASSWORD = N'Zq7mPLx42rTyW!', CHECK_POLICY = OFF;~      | Zq7mPLx42rTyW!
      ~dsn := "appuser:Wq9xLm2Rt7Kp@tcp(db.internal:3306)/orders?parseTime=true"~         | Wq9xLm2Rt7Kp
      ~db, err := sql.Open("mysql", "root:S3cr3tPassw0rd@unix(/var/run/mysqld.sock)/app")~ | S3cr3tPassw0rd
      PGPASS=Rz8mQ2vLp7Kx                                                                 | Rz8mQ2vLp7Kx
      """)
  void eighthCorpusMissesAreFound(String text, String secret) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8); // offsets are bytes: the arrow is three
    assertThat(scan(text)).as(text)
        .extracting(f -> new String(b, f.start(), f.end() - f.start(), StandardCharsets.UTF_8)).contains(secret);
  }

  /** Their look-alikes: labels with no secret after them, words that make the name metadata, DSNs built in code. */
  @ParameterizedTest
  @ValueSource(strings = {"The password for the admin user: see the vault entry.",
      "Use this password locally: the one from 1Password", "the token for this request: a JWT signed by the issuer",
      "the key id: 7f3a9c21", "the token count: 120345 tokens used", "password for root -> ask ops",
      "the key for the cache: user:1234:profile", "the secret for staging: ${STAGING_SECRET}",
      "the token for the release: v1.24.3-rc1", "the password policy: min 12 chars",
      "The access token for GitHub: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "dsn := fmt.Sprintf(\"%s:%s@tcp(%s:%d)/%s\", user, pass, host, port, name)",
      "dsn := \"root:${MYSQL_PASSWORD}@tcp(db:3306)/app\"", "dsn := \"user:password@tcp(localhost:3306)/dbname\"",
      "DSN=root:@tcp(127.0.0.1:3306)/test", "log: 12:30:01 ERROR conn@tcp(db:3306) refused",
      "PGPASSFILE=/home/app/.pgpass", "password = N'' -- empty"})
  void eighthCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * The ninth held-out corpus's misses: passwords on command lines (curl's combined flags, {@code redis-cli -a},
   * {@code sqlcmd -P}, keytool's store passwords, {@code --password} of any tool), MySQL's {@code IDENTIFIED WITH … BY},
   * an ODBC value in braces, "is" in other languages after an English name, a user's and a password's pair, {@code pw},
   * Slack's {@code xoxc-} and GitLab's secrets in gitleaks' shapes (each value made up here).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      curl -su elastic:Basil4169_ https://search.internal/_cluster/health                 | elastic:Basil4169_
      redis-cli -h cache.internal -p 6379 -a Jasper489. INFO replication                  | Jasper489.
      ~sqlcmd -S sql01 -U sa -P 'gZ=-2e*9LdxeW-kYIp$Q' -Q "SELECT @@VERSION"~             | gZ=-2e*9LdxeW-kYIp$Q
      keytool -importkeystore -destkeystore keystore.jks -deststorepass JH0OKFreMJ53P.2_i -noprompt | JH0OKFreMJ53P.2_i
      helm repo add internal https://charts.acme.io --username ci --password cedar_fjord_velvet | cedar_fjord_velvet
      ~ALTER USER 'deploy'@'localhost' IDENTIFIED WITH mysql_native_password BY 'Delta2938!';~ | Delta2938!
      ~DRIVER={PostgreSQL Unicode};SERVER=db;UID=grafana;PWD={JuFzP^64-.IkD7yLudr6m9w;Z1r};~ | JuFzP^64-.IkD7yLudr6m9w;Z1r
      Password for staging db: summit-tiger-granite-zinnia17 (don't share)               | summit-tiger-granite-zinnia17
      pw for prod postgres -> Nordic332*                                                  | Nordic332*
      BIND_PW=Opal374!                                                                    | Opal374!
      la password di Keycloak admin è Falcon8262#                                         | Falcon8262#
      hasło do Grafana to yr0GacV3rYpqxRHFVz5t                                           | yr0GacV3rYpqxRHFVz5t
      fyi the VPN creds: user deploy, pass indigo_amber_jasper_glacier57                  | indigo_amber_jasper_glacier57
      login admin, hasło Oasis9487?                                                       | Oasis9487
      slack.xoxc = xoxc-467322613658-29580110457-222155770211-df2c639a0f81424ee4a45254e0fd6de1ec2f5c17026ae01bd1e3516a088d86cb | xoxc-467322613658-29580110457-222155770211-df2c639a0f81424ee4a45254e0fd6de1ec2f5c17026ae01bd1e3516a088d86cb
      nimm diesen Token: gloas-g2NODl-f3BW5SxUsLVb4G6SA77Ttf1WFok3Nga165DWU2f0gTmwXAAbF9VaooGhY hier | gloas-g2NODl-f3BW5SxUsLVb4G6SA77Ttf1WFok3Nga165DWU2f0gTmwXAAbF9VaooGhY
      gitlab glptt token: glptt-GzlAJS6sv34rNTBqsOcNmSAAYh3tVwmFx_OwYUIm                  | glptt-GzlAJS6sv34rNTBqsOcNmSAAYh3tVwmFx_OwYUIm
      ~{"command":"htpasswd -b -c /etc/nginx/.htpasswd admin kiwi-stone-lotus7","description":"run it"}~ | kiwi-stone-lotus7
      htpasswd -nb ops GpZk0LQXjwQFuweWag3zal1H1v                                         | GpZk0LQXjwQFuweWag3zal1H1v
      rclone config create s3prod s3 provider AWS env_auth false secret_access_key qpBU7RoC1hRoVga1h5SWwR2ALHEa9baEnrTf3KNy | qpBU7RoC1hRoVga1h5SWwR2ALHEa9baEnrTf3KNy
      couchdbUrl: http://admin:%25c%25TY%3Fhf*uMOL@couchdb:5984/                        | http://admin:%25c%25TY%3Fhf*uMOL@couchdb:5984/
      harness api key はこれです: pat.jEISM6o4mOQjnCRVT950wJ.3469ec40fb3d0d2e96e0ebb5.SggmJA8xZBXPY74ERV1i | pat.jEISM6o4mOQjnCRVT950wJ.3469ec40fb3d0d2e96e0ebb5.SggmJA8xZBXPY74ERV1i
      scw secret key şu: Xf3806ada51504a23                                                | Xf3806ada51504a23
      Zugang staging db: Benutzer admin, Kennwort umber-sierra-kiwi-koala hier           | umber-sierra-kiwi-koala
      Password for redis: summit_tundra_amber (don't share)                               | summit_tundra_amber
      계정 admin, 비번 Panda6767#                                                        | Panda6767#
      ユーザー admin / パスワード raven-anchor-canyon                                    | raven-anchor-canyon
      zmieniłem hasło do Grafana na pluto@YONDER26                                       | pluto@YONDER26
      ho cambiato la password del kafka broker in Koala7073$                              | Koala7073$
      ~"name": "Cookie", "value": "theme=dark; connect.sid=9k33hv1fbrgt3c8fz8pv9xxq7w8ntqgy; lang=en"~ | 9k33hv1fbrgt3c8fz8pv9xxq7w8ntqgy
      RABBITMQ_ERLANG_COOKIE='KMLLDORPRHJFVPSMXDJK'                                        | KMLLDORPRHJFVPSMXDJK
      ENV DJANGO_SECRET_KEY=z)@bp3%69ukfr@-a@oyim-okgq!_!ii_!%x06=qb=y-6r1rzcs             | z)@bp3%69ukfr@-a@oyim-okgq!_!ii_!%x06=qb=y-6r1rzcs
      smtp.password = tundra.canyon.yak                                                   | tundra.canyon.yak
      ~{"message":"Çıktı şu:\\nkullanıcı admin, şifre lagoon.nordic.fjord.charlie\\nthe"}~ | lagoon.nordic.fjord.charlie
      账号 admin，密码 Kiwi8747!                                                          | Kiwi8747
      把redis的密码改成了 Amber2151?                                                      | Amber2151
      parola: mpDMCFCI4G77aI3vN                                                           | mpDMCFCI4G77aI3vN
      prod postgres şifresi Salsa444$                                                     | Salsa444$
      the build box şifresi IKIur#TmVl&cr                                                  | IKIur#TmVl&cr
      tài khoản admin, mật khẩu Dune2561*                                                 | Dune2561*
      """)
  void ninthCorpusMissesAreFound(String text, String secret) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertThat(scan(text)).as(text)
        .extracting(f -> new String(b, f.start(), f.end() - f.start(), StandardCharsets.UTF_8)).contains(secret);
  }

  /**
   * Their look-alikes: variables on command lines, a plugin with no password, a list of names, defaults, two letters
   * of a base64 line, a pair with no password in it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"redis-cli -h cache.internal -p 6379 -a $REDIS_PASSWORD INFO",
      "sqlcmd -S sql01 -U sa -P \"$SA_PASSWORD\" -Q \"SELECT 1\"", "keytool -importkeystore -deststorepass:env STOREPASS",
      "keytool -genkey -storepass changeit -keypass changeit", "ALTER USER 'app'@'%' IDENTIFIED WITH auth_socket;",
      "helm repo add internal https://charts.acme.io --username ci --password $HELM_PASSWORD",
      "mongosh --host localhost --username app --password \"${MONGO_PASSWORD}\"", "curl -su $USER:$PASS https://x",
      "glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "UID=app;PWD={};",
      "words = {\"storepass\", \"keypass\", \"deststorepass\"};",
      "    bZQ3OqcrbzPWIcq+8nRYhyQ2VUX7H/k8JUXZ3l6z26Cf7dbh5u9PbA3fRwalWSl+",
      "user admin, pass the ball", "login admin, password reset required", "la password di the NAS è scaduta",
      "hasło do Grafana to tajemnica", "elasticsearch.password: elastic",
      "htpasswd -c /etc/nginx/.htpasswd admin", "htpasswd -b .htpasswd admin $PASSWORD",
      "rclone config create remote s3 secret_access_key $AWS_SECRET", "KEY=ratelimit:apikey:47002",
      "private static string Key = \"cache-v1-282e5f8b5dd84b44\";", "const string Key = \"v2:token:43140817\";",
      "FLAG_KEY=ff_2025_q1_pricing_v2", "export const flagKey = \"ff_2022_q3_pricing_v2\";",
      "let loginForgotPassword = \"Forgot password?\";", "\"form.password\": \"Wachtwoord:\",",
      "$env:LOGIN_FORGOT_PASSWORD = '\\ube44\\ubc00\\ubc88\\ud638:'", "integrity: 'sha1-1cKYo82CLvzVKsXq/zY48TzDxlQ='",
      "REDIS_PASSWORD=\"env(REDIS_PASSWORD)\"", "db_password = \"bws://adf6a16b-d2ba-4d23-9d7e-a5b1ee07e405\"",
      "const PASSWORD: &str = \"doppler://prod/DB_PASSWORD\";", "db_password = \"my-super-secret\"",
      "headers={\"x-api-key\": \"nginx@sha256:cea07d83a066b4b307e85f739e5043095d96df651571f94ebd00f731a9e1747f\"}",
      "ANTHROPIC_API_KEY=<password>\nAUTH_TOKEN=<redacted-by-user>", "the password is required-for-login",
      "password for the user: see_the_docs", "ho cambiato la password in produzione",
      "export const LD_MOBILE_KEY = 'mob-6d3cee78-27f1-4295-808d-372eebb9a3d5';",
      "$DbPassword = ConvertTo-SecureString '$PASSWORD' -AsPlainText -Force",
      "\"name\": \"Cookie\", \"value\": \"theme=dark; lang=en-US\"", "password = request.form.password",
      "f(password=x) + g(y)", "SECRET_KEY=get_secret(name)", "hesap şifresi Unuttunuz mu?", "şifresi Değiştir-Kaydet", "LOGIN_FORGOT_PASSWORD = 'Confirmar senha'",
      "private let loginForgotPassword = \"Jeton d'accès\"",
      "apiVersion: v1\nkind: Secret\ndata:\n  username: 273e9dda-398d-4ecb-85a5-99b812b36d6c\n"
          + "  config.yaml: 7b9c59da-1cd7-4283-977a-b1022db59f1f\n"})
  void ninthCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * The tenth held-out corpus's misses: {@code aws configure}'s prompts, a shell's {@code echo $NAME} and the line it
   * printed, a property list's key and string, MySQL's {@code SET PASSWORD FOR}, OpenSSL's {@code pass:}, a JWK's
   * private member, WordPress's salts, "is" in another language right after an English name, Airtable's legacy keys,
   * passwords that start with {@code %} or {@code @} or end in {@code ..}, GitHub fine-grained tokens of other
   * lengths, Nostr and IFTTT keys, Terraform state's {@code random_password} in text, a key's or a token's name in
   * French, Spanish, Portuguese, Swedish and Arabic prose (each value made up here).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      AWS Secret Access Key [None]: PutrONNtnFWu3qfziOqjtFd7I1kPDKl6Ifa6HUGK             | PutrONNtnFWu3qfziOqjtFd7I1kPDKl6Ifa6HUGK
      AWS Secret Access Key [****************HUGK]: +DLvGLG65SLx4eTG8/6ESK9d/fpbnAhGCi0wAeHS | +DLvGLG65SLx4eTG8/6ESK9d/fpbnAhGCi0wAeHS
      ~$ echo $DD_API_KEY\\n57c3b81b9e11b23a9ca438f0d352d3c0\\n$ ls~                       | 57c3b81b9e11b23a9ca438f0d352d3c0
      ~echo $env:SECRET_KEY\\r\\n5tk3@bylh*#87&(z86=8v+zi2nzvsna202p\\r\\n~     | 5tk3@bylh*#87&(z86=8v+zi2nzvsna202p
      ~➜  app git:(main) echo ${password}\\nkettleSPARROW22&&\\n~                          | kettleSPARROW22&&
      ~  <key>AsanaToken</key>\\n     7\\t  <string>2/1460657153239826/8146391748111128:f8eba9c8924adf4222683036369d9e80</string>~ | 2/1460657153239826/8146391748111128:f8eba9c8924adf4222683036369d9e80
      ~SET PASSWORD FOR 'svc_orders'@'%' = 'Canyon_8644#';~                               | Canyon_8644#
      ~SET PASSWORD FOR root@localhost = PASSWORD('Spring2025*Saffron');~                 | Spring2025*Saffron
      ~openssl genrsa -aes256 -passout pass:'fjord velvet spring amber' -out server.key~ | fjord velvet spring amber
      openssl genrsa -aes256 -passout pass:Tr0ub4dor3x -out server.key 4096               | Tr0ub4dor3x
      ~{"kty": "EC", "crv": "P-256", "d": "hrNbxWWZW6cDrl3-xD-67W4jra0DR3AIb0fYxn2wAXn", "x": "a"}~ | hrNbxWWZW6cDrl3-xD-67W4jra0DR3AIb0fYxn2wAXn
      ~define( 'SECURE_AUTH_SALT', 'E&MpUA}W<pFViD(2vC7FI4@gC>iEj[iJFlQk,f!5#o;LecRGuD^v1mdMS6-.U+]' );~ | E&MpUA}W<pFViD(2vC7FI4@gC>iEj[iJFlQk,f!5#o;LecRGuD^v1mdMS6-.U+]
      mi Adyen API key es AQEb89V/xYcZ620nHsVXS5dJWnhkmKBpkgJtCqiUetELT1vptz2rHY8D00TA3 | AQEb89V/xYcZ620nHsVXS5dJWnhkmKBpkgJtCqiUetELT1vptz2rHY8D00TA3
      il Deepgram key è dc4da90014623f365b478bbc72298acae77ad71c                         | dc4da90014623f365b478bbc72298acae77ad71c
      Datadog API key是 「3fb2b69d177b306de433f99cc83d7394」                              | 3fb2b69d177b306de433f99cc83d7394
      यह मेरी API key है: zPsdV48qZHIy7bjPXuaRFnDEkim0hMnW                                | zPsdV48qZHIy7bjPXuaRFnDEkim0hMnW
      AIRTABLE_API_KEY=keyTbZY5YyCrXxW32                                                  | keyTbZY5YyCrXxW32
      docker login -u api -p falconKETTLE26.. registry.acme.io                            | falconKETTLE26..
      ~redis-cli -h postgres -a '%6PQg7sk-h4BH0^C8_WtfE@#' --no-auth-warning INFO~      | %6PQg7sk-h4BH0^C8_WtfE@#
      ~define( 'DB_PASSWORD', '@clL@hA_%d%6DiElwYjK-U5vQH' );~                          | @clL@hA_%d%6DiElwYjK-U5vQH
      gh_token = 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k | 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k
      NOSTR_NSEC=nsec1yp2kfpux2s5wqdsjydrvxpkn75ex8zx2d0y6wq9jkyvqqf2nhxweczlfsa         | nsec1yp2kfpux2s5wqdsjydrvxpkn75ex8zx2d0y6wq9jkyvqqf2nhxweczlfsa
      ~the state has "bcrypt_hash": "$2a$10$pav3ktTQx", "id": "none", "length": 16, "result": "Pq7#mZ2!xR9$kL4w",~ | Pq7#mZ2!xR9$kL4w
      utilise ce jeton : 0172oIlMurhkVdY6XKttm3B6xgQLeVUb                                | 0172oIlMurhkVdY6XKttm3B6xgQLeVUb
      aquí está mi clave: 0c0dc5a28c9b28c29bae5419ff670458                               | 0c0dc5a28c9b28c29bae5419ff670458
      segue minha chave da API: skW5NE7Udt89naNpdjazTqnMVHoSqQJ8HQP2dy9CCF8HvyP1bz       | skW5NE7Udt89naNpdjazTqnMVHoSqQJ8HQP2dy9CCF8HvyP1bz
      här är min API-nyckel: 0b030e4c-3359-46d0-a6a4-d2df215332bc                         | 0b030e4c-3359-46d0-a6a4-d2df215332bc
      استخدم هذا الرمز: 7412723162b1223c0bab528abf9a10ba35305dbb465b457365f91e3e1a5251cc | 7412723162b1223c0bab528abf9a10ba35305dbb465b457365f91e3e1a5251cc
      """)
  void tenthCorpusMissesAreFound(String text, String secret) {
    String decoded = text.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    byte[] b = decoded.getBytes(StandardCharsets.UTF_8);
    assertThat(scan(decoded)).as(decoded)
        .extracting(f -> new String(b, f.start(), f.end() - f.start(), StandardCharsets.UTF_8)).contains(secret);
  }

  /**
   * Their look-alikes: an echo of a path or before other output, a plist's port, a variable after {@code pass:}, a
   * public JWK, WordPress's default phrase, a salt's rounds and a hex salt, a Vault token's accessor, MySQL's stored
   * hash, "es" and "est" before a word, an elided key, values of fixture words.
   */
  @ParameterizedTest
  @ValueSource(strings = {"echo $HOME\n/home/jane\n", "echo $API_KEY\nroot@bastion:~# docker images\n",
      "  <key>DbPort</key>\n  <string>5432</string>", "openssl rsa -in k.pem -passin pass:$KEY_PASS -out k2.pem",
      "{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\", "
          + "\"y\": \"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}",
      "define( 'AUTH_SALT', 'put your unique phrase here' );", "const SALT_ROUNDS = 10;",
      "\"salt\": \"a3f29c1e0b7d4a5f8e6c2b1d9f0a7e3c\"", "token_accessor       JkGYs8qvlep6rb7DISTjrg5P",
      "encrypted_password=*6136FCB706B488600D5BFD5E59F7B7347B78E550", "la API key es obligatoria",
      "le token est expiré", "OPENAI_API_KEY=sk-proj-..", "export REDIS_PASSWORD=example-token-do-not-use",
      "<add key=\"LoginPassword\" value=\"Kata sandi\" />", "mi clave es obligatoria", "ce jeton a expiré",
      "const nyckel = hämtaNyckel(config);"})
  void tenthCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * The eleventh held-out corpus's misses (its blind run is in docs/detection.md): an encrypted JWE session cookie
   * (empty key between two dots), an npm token without a valid checksum but random, Arabic, Hebrew and Thai sentences
   * with a value in reversed guillemets, a numbered name; a name seven words before its "is", a possessive between
   * name and value, a hex token right after a token's name, Hebrew's and Thai's words for a key; format rules whose
   * prefix says enough for a few characters more or another alphabet (each value made up here).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..VI00AwXJTapmwoepOOdkDo.l0rDsifsLjvSkO27BsEg45pMGqjO_3gsRBWbwZvnyVXg.abcdefghijklmnopqrstuv | eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..VI00AwXJTapmwoepOOdkDo.l0rDsifsLjvSkO27BsEg45pMGqjO_3gsRBWbwZvnyVXg.abcdefghijklmnopqrstuv
      //registry.npmjs.org/:_authToken=npm_ABd3bqAbrYECqSW03XGCzdfqgXdHz9epXxLc            | npm_ABd3bqAbrYECqSW03XGCzdfqgXdHz9epXxLc
      كلمة مرور قاعدة البيانات هي »kangaroo.12«، هل يمكنك                                | kangaroo.12
      הסיסמה למסד הנתונים היא »&Hurricane_Ops1987«, תוכל                                  | &Hurricane_Ops1987
      รหัสผ่านฐานข้อมูลคือ »Orion555?« ช่วยดู                                              | Orion555
      API_KEY2=f3cd1d5fede80f4f38e95d1b69bc74dd                                          | f3cd1d5fede80f4f38e95d1b69bc74dd
      La contraseña de la base de datos de staging es fenix%2001x, ¿me ayudas?           | fenix%2001x
      Kata sandi database-nya Z3pp3l1n534, tolong bantu perbaiki koneksinya.             | Z3pp3l1n534
      мой токен 070aba54a136c208dc3b9a82c55c0564, старый отозвал                         | 070aba54a136c208dc3b9a82c55c0564
      מפתח ה-API שלי הוא XIE3YHT1FahSRfSMQjQG                                              | XIE3YHT1FahSRfSMQjQG
      คีย์ API ของฉันคือ 13cb80bc14d9e8a4e91ada7a5dd6a82b                                  | 13cb80bc14d9e8a4e91ada7a5dd6a82b
      il mio token è jina_a26e161e5ee6cda62f09644a2eabc4d8L1R0oab_SzSZn5qwY9IblEQgV78z      | jina_a26e161e5ee6cda62f09644a2eabc4d8L1R0oab_SzSZn5qwY9IblEQgV78z
      HF_TOKEN="api_org_YGw12Gp2YwFJ0IDjR2cMtRpuwD1PeMrykf"                               | api_org_YGw12Gp2YwFJ0IDjR2cMtRpuwD1PeMrykf
      HONEYCOMB_API_KEY: hcaik_01e0pth2tba2e6cejsetqr0ycbz922xl0t7cu6g1hc29za55a64lfm    | hcaik_01e0pth2tba2e6cejsetqr0ycbz922xl0t7cu6g1hc29za55a64lfm
      runner token GR1348941hWZmOqneptGQcB7JKM9e                                         | GR1348941hWZmOqneptGQcB7JKM9e
      """)
  void eleventhCorpusMissesAreFound(String text, String secret) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertThat(scan(text)).as(text)
        .extracting(f -> new String(b, f.start(), f.end() - f.start(), StandardCharsets.UTF_8)).contains(secret);
  }

  /**
   * The twelfth held-out corpus's misses (its blind run is in docs/detection.md; each value made up here): a vault's
   * unseal key, Django's session cookie, Drupal's and Nextcloud's salts, Rails' encryption key, a WordPress salt with
   * a %s in it by chance, the gateway's own key, and formats whose prefix says what they are (Lob, DigitalOcean
   * Spaces, eBay's Cert ID, Stytch, Google's refresh tokens, BIP32 keys with their Base58Check); application passwords
   * as Google and WordPress show them, a CloudFront signed URL's signature; {@code vault operator init}'s numbered
   * unseal and recovery keys, a Bundler credential named with single underscores.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      VAULT_UNSEAL_KEY=GgpeW25pN4HoeOtCBRu6Fij66W80/mbwEr50Ejje6PKw                  | GgpeW25pN4HoeOtCBRu6Fij66W80/mbwEr50Ejje6PKw
      sessionid = '7jzcv7etmcn5fh3hb4h3thf2181tcqkm'                                 | 7jzcv7etmcn5fh3hb4h3thf2181tcqkm
      DRUPAL_HASH_SALT=uLt8S8UBkws3Vo_A6CEVsrlVRMMj0cfUlGx0ujKkppKiU45U4kjjxgKJ4_K43V9J | uLt8S8UBkws3Vo_A6CEVsrlVRMMj0cfUlGx0ujKkppKiU45U4kjjxgKJ4_K43V9J
      'passwordsalt' => 'e8w0vEp4lUplpbDfgn5OAToudIZHHN',                           | e8w0vEp4lUplpbDfgn5OAToudIZHHN
      ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY=N0GOq7hqzXypXwmF7Ei9LjEEnjJ8Iu7r          | N0GOq7hqzXypXwmF7Ei9LjEEnjJ8Iu7r
      define( 'AUTH_KEY', 'fblVYy&6ziXsJk/6T)I=EG?.p:P;U!#H,yw3k(?y%s^6I?q)kcl0hnHuA&' ); | fblVYy&6ziXsJk/6T)I=EG?.p:P;U!#H,yw3k(?y%s^6I?q)kcl0hnHuA&
      x-api-key: tk_live_3f9a1c0e7b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f5a | tk_live_3f9a1c0e7b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f5a
      LOB_API_KEY=live_24f77e6626dc6390205f8f8c7023c10b9df                            | live_24f77e6626dc6390205f8f8c7023c10b9df
      SPACES_ACCESS_KEY_ID=DO00L3MJ4SL3GRY3WXMO                                      | DO00L3MJ4SL3GRY3WXMO
      EBAY_CERT_ID = "PRD-83b898a7a416-1e7c-f3be-dfea-5d64"                          | PRD-83b898a7a416-1e7c-f3be-dfea-5d64
      STYTCH_SECRET=secret-test-7_sLVzd3bBXGVcDKN9EOANHbe8BicFP_TH51=                 | secret-test-7_sLVzd3bBXGVcDKN9EOANHbe8BicFP_TH51=
      1\tgmail\t1//0eE1Au5ealttcbpobQhPeEwhANuZuGdgvF_f1qUfT8GiyZr_98AF9bl1xlcdY-hL2onm0GgdAqf5f8\t2025-06-24 | 1//0eE1Au5ealttcbpobQhPeEwhANuZuGdgvF_f1qUfT8GiyZr_98AF9bl1xlcdY-hL2onm0GgdAqf5f8
      WALLET_XPRV=xprv9v6gULBZCRV1tJvUYw43NqxRk1JVbGksvodJ9QhNbteaSV8S1noeUUzkxwTsa6GReAAYbFRqSwduvLyjTPx7Hz2v5Bb9ZDbjYs1GuiKJqXJ | xprv9v6gULBZCRV1tJvUYw43NqxRk1JVbGksvodJ9QhNbteaSV8S1noeUUzkxwTsa6GReAAYbFRqSwduvLyjTPx7Hz2v5Bb9ZDbjYs1GuiKJqXJ
      wordpress_app_password: "0CqR 6ACW V1uX RkKP gsTZ xffB"                          | 0CqR 6ACW V1uX RkKP gsTZ xffB
      smtp_password = "xkqz pfmw rtbn hsyc"                                           | xkqz pfmw rtbn hsyc
      Unseal Key 1: Xq4Tz0BWvm2N9pLrKs7YcHd1Ju8Ga5Ef3Wi6Oo+Rb2Cd                       | Xq4Tz0BWvm2N9pLrKs7YcHd1Ju8Ga5Ef3Wi6Oo+Rb2Cd
      Recovery Key 3: mP7/Lk2Qw9Zr4Tx8Vc1Bn6Hy3Ju5Ki0Ol+Ep2As7Df                      | mP7/Lk2Qw9Zr4Tx8Vc1Bn6Hy3Ju5Ki0Ol+Ep2As7Df
      ENV BUNDLE_ENTERPRISE_CONTRIBSYS_COM=4be1a0c3:9e2d7f61                         | 4be1a0c3:9e2d7f61
      url: 'https://d6lv58jj.cloudfront.net/v/i.mp4?Expires=1739088020&Signature=YmqCfyxooIT3IfxiXV6Id6Yc0w4WPAZcLnDhUFdG3R3fZjX7BYacIHn8fBq2k-Lz0Wm7_Rt5Yp1Xc9Vb3Nd6Hf8Jg2Kq4Ms7Pw0Ue5Ra8Tc1Yx3Zb&Key-Pair-Id=APKAEIBAERJR2EXAMPLE' | Signature=YmqCfyxooIT3IfxiXV6Id6Yc0w4WPAZcLnDhUFdG3R3fZjX7BYacIHn8fBq2k-Lz0Wm7_Rt5Yp1Xc9Vb3Nd6Hf8Jg2Kq4Ms7Pw0Ue5Ra8Tc1Yx3Zb
      """)
  void twelfthCorpusMissesAreFound(String escaped, String secret) {
    String text = escaped.replace("\\t", "\t");
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  /**
   * Its false positives: CSRF tokens, git's signing key id, a cache key a log line prints, ciphertexts (Pulumi's,
   * Fernet's, Vault transit's), crypto test vectors (counting bytes, FIPS-197's AES key, RFC 8032's Ed25519 secret),
   * an xprv whose checksum fails, four words under a password's name, a Signature= outside a signed URL's query,
   * numbered steps and cache keys, Bundler's path.
   */
  @ParameterizedTest
  @ValueSource(strings = {"csrftoken = '1YENhXE3qjXf5jNYwZyMWv6RA1rEWl0Q'",
      "csrfmiddlewaretoken = 'ynuYD5sLtyyTnxTvxyulvYAggzPzwXGClLEXDY2AU4QjP2OUfqXl60C3uPPVdPIv'",
      "user.signingkey=4F8B6ABAD0B1429B", "{\"msg\":\"cache miss\",\"key\":\"sessions:5924f22788e74513c41b56322a0177d2\"}",
      "GRAFANA_API_KEY=v1:M+9Rzl1A28xYPEFj:3bFqRGcum+Qss6OCXX+6sQ+uVMaaltqsSH3Hrr/pMbrtQT3Ben9BVIWK18YJ4s+kvA==",
      "STORE_PASSWORD=gAAAAAB_EIdtRaYVI_9uuwjA6kkSjJeV9lWlL-YMd4WLhXMNcpr7_n2qNb2uTNpkEi_D634hV1AYYTQ8uP2F19q",
      "ADMIN_PASSWORD=vault:v1:qBeMZ1Huk/ud4zWVA5/qFp/cM2mCSXGqGeJmJuqaLp+DJrZ31PZ2a88ItK8b==",
      "AES_KEY=2b7e151628aed2a6abf7158809cf4f3c",
      "CHACHA_KEY=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
      "ED25519_SECRET=9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
      "xprv9v6gULBZCRV1tJvUYw43NqxRk1JVbGksvodJ9QhNbteaSV8S1noeUUzkxwTsa6GReAAYbFRqSwduvLyjTPx7Hz2v5Bb9ZDbjYs1GuiKJqXK",
      // BIP-32's test vector 1: its master key, which wallet libraries' tests print
      "XPRV: xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi",
      "password = \"will make this work\"", "Step 2: run the token refresh", "the cache key 2: user-1234-profile-data",
      "BUNDLE_PATH=vendor/bundle",
      "sig: Signature=YmqCfyxooIT3IfxiXV6Id6Yc0w4WPAZcLnDhUFdG3R3fZjX7BYacIHn8fBq2k-Lz0Wm7_Rt5Yp1Xc9Vb3Nd6Hf8Jg2Kq4Ms7Pw0Ue5Ra8Tc1Yx3Zb"})
  void twelfthCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * The thirteenth held-out corpus's misses (its blind run is in docs/detection.md; each value made up here): Cisco's
   * type 7 passwords and SNMP communities, {@code aws configure set}, what {@code kubectl … | base64 -d} printed, the
   * rows of a CSV export's and a {@code COPY}'s secret columns, values in Perl, Elixir, Clojure, Gradle, C#, C++, C,
   * R, Lua and PowerShell's lists, an RSA JWK's prime factors.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      username admin privilege 15 password 7 0822455D0A16\\n!                        | 0822455D0A16
      tacacs-server host 10.1.1.1 key 7 104D000A0618\\n                              | 104D000A0618
      snmp-server community Xk92LmQwPz7Rt0 RO\\n                                     | Xk92LmQwPz7Rt0
      aws configure set aws_secret_access_key Wq8Rz2Tx5Yc1Vb7Nm3Kp9Ld4Fg6Hj0Sa2Qe8Ur5 --profile dev | Wq8Rz2Tx5Yc1Vb7Nm3Kp9Ld4Fg6Hj0Sa2Qe8Ur5
      $ kubectl get secret db -o jsonpath='{.data.password}' \\u007c base64 -d\\n    12\\tTq7!vLz2#Mx9Pw\\n | Tq7!vLz2#Mx9Pw
      id,email,api_key,created_at\\n1,a@b.io,ak_live_Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4Fg6Hj0Ks,2025-01-02\\n | ak_live_Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4Fg6Hj0Ks
      COPY public.tokens (id, provider, access_token, created_at) FROM stdin;\\n1\\thubspot\\tpat-na1-3f2a9c1e-7b4d-4e8f-a1c2-9d0e5f6a7b8c\\t2025-01-02\\n\\\\.\\n | pat-na1-3f2a9c1e-7b4d-4e8f-a1c2-9d0e5f6a7b8c
      $ENV{KAFKA_PASSWORD} = 'Rk7+2PqzLw9XcVb3Nm5TgY1Hs';                          | Rk7+2PqzLw9XcVb3Nm5TgY1Hs
      defmodule Cfg do\\n  @npm_token "0f3c9a2e-7b1d-4c5e-9a8f-2d6b1e3c4f5a"\\n       | 0f3c9a2e-7b1d-4c5e-9a8f-2d6b1e3c4f5a
      (def ^:private gitea-token "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e")          | 9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e
      signingConfigs {\\n    release {\\n        storePassword "Vq3#xLp9Zt2Wm"\\n     | Vq3#xLp9Zt2Wm
      public const string DeepgramApiKey = @"7c3e9a1f5b2d8e4a6c0f1b3d5e7a9c2e4f6b8d0a"; | 7c3e9a1f5b2d8e4a6c0f1b3d5e7a9c2e4f6b8d0a
      constexpr auto kHmacKey = R"(4f7a2c9e1b3d5f8a0c6e2b4d9f1a3c5e7b0d2f4a6c8e1b3d5f7a9c2e4b6d8f0a)"; | 4f7a2c9e1b3d5f8a0c6e2b4d9f1a3c5e7b0d2f4a6c8e1b3d5f7a9c2e4b6d8f0a
      #define EXPO_TOKEN "Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4Fg6Hj0Ks2Lq"                        | Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4Fg6Hj0Ks2Lq
      co_api_key <- "Nq7Zx2Lm5Wv9Pk3Rt7Yb1Cd4Fg6Hj0Ks2Lqa"                           | Nq7Zx2Lm5Wv9Pk3Rt7Yb1Cd4Fg6Hj0Ks2Lqa
      config :app, :api_token, "xapt-1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"            | xapt-1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e
      convex_deploy_key = [[Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4Fg6Hj0Ks2LqWz]],                  | Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4Fg6Hj0Ks2LqWz
      Name  : JWT_SECRET\\nValue : Mq7/Vx2Rz9Lp4Wn8Tk3Yb6Hs1Dc5Fg0Ja2Ke7Qu4\\n\\nName  : TZ | Mq7/Vx2Rz9Lp4Wn8Tk3Yb6Hs1Dc5Fg0Ja2Ke7Qu4
      {"kty": "RSA", "e": "AQAB", "p": "1bWx9Kq3ZrT7Lm2Nc8Vd4Fh6Jp0Ys5Gt1Qw3Ek7Ru9Io2Ax4Sz"} | 1bWx9Kq3ZrT7Lm2Nc8Vd4Fh6Jp0Ys5Gt1Qw3Ek7Ru9Io2Ax4Sz
      VAULT_SECRET_ID=4c2e8a1f-6b3d-4f5e-9a7c-1d2e3f4a5b6c                           | 4c2e8a1f-6b3d-4f5e-9a7c-1d2e3f4a5b6c
      $Script:DatadogApiKey = '3f9a2c7e1b5d8f4a6c0e2b9d7f1a3c5e'                     | 3f9a2c7e1b5d8f4a6c0e2b9d7f1a3c5e
      request_headers_to_add:\\n    - header:\\n        key: x-api-key\\n        value: Kq7Zx2Lm5Wv9Pk3Rt7Yb1Cd4Fg6Hj0Ks2LqaBc\\n | Kq7Zx2Lm5Wv9Pk3Rt7Yb1Cd4Fg6Hj0Ks2LqaBc
      user app on >Vq3xLp9Zt2WmRk7Yb1 ~app:* +@all                                    | Vq3xLp9Zt2WmRk7Yb1
      """)
  void thirteenthCorpusMissesAreFound(String escaped, String secret) {
    String text = escaped.replace("\\n", "\n").replace("\\t", "\t").replace("\\u007c", "|").replace("\\\\", "\\");
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  /** Their look-alikes: defaults, settings, analytics cookies, ids, ciphertexts, headers, code that reads a header. */
  @ParameterizedTest
  @ValueSource(strings = {"snmp-server community public RO\n", "aws configure set region us-east-1",
      "cookie: theme=dark; _ga=GA1.1.488443322.1722833099",
      "$ kubectl get secret db -o jsonpath='{.data.username}' | base64 -d\nadmin\n", "f(key,value)\nfoo,bar\n",
      "id,name,token_count\n1,alpha,42\n", "VPC_TOKEN=vpc-0696ddcd68fab2732",
      "(def ^:private npm-token \"b9Foy2t2uyFQqpaapn98bo7XYpKPKDJ83B3tDAXY--Y0sRcorR8Fhd--F0Tv4esDA3DWX2zM1dxuWQ==\")",
      "#define TOKEN_HEADER \"Authorization\"", "  @token_header \"Authorization\"\n",
      " enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", "Name  : TOKEN_TTL\nValue : 3600\n",
      "PASSWORD_SECRET_KEY = \"postgres-password\"",
      "LOCK_KEY=node-cache-Linux-x64-npm-f840a64341b7d6fed38e7c91e34dc8ca7415f46c28e8a309662a56d93cc6f847",
      "BraintreeTokenizationKey = \"production_3xgzel8u_mejd2o5sbho95lb1\";", "o.keySelector=n,o.haKey=!1,\n",
      "SECRET_ID=8cf6d19e-582d-4e5f-97bc-c83e3757efee", "$Script:JwtSecret = '__REPLACE__'",
      "X=\"ENC[AES256_GCM,data:BgPPwWmVVcCk9KXi7kh+LtELtjE=,iv:TVn3z0TDmDPotoKyumCPLnOarb442hTd3SDqG4IxUZg=,"
          + "tag:IaZy2UyFeEs3UNaa+o31/w==,type:str]\"",
      "\"d1f0c2a4-1111-4e2b-9c3d-5e6f7a8b9c0d.72f988bf-86f1-41af-91ab-2d7cd011db47-login.microsoftonline.com-accesstoken-"
          + "04b07795-8ddb-461a-bbee-02f9e1bf7b46-ace5ee87-8f49-4360-9d83-b7391852433f-https://management.core.windows.net"
          + "//user_impersonation\": {", "random_password.db: Creation complete after 0s [id=none]",
      "export SECRETS_MANAGER_REGION=eu-west-1", "  local redis_password=\"mysecret\""})
  void thirteenthCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * The fourteenth corpus's misses: a Django key that starts with {@code @} and holds a bracket (its alphabet has
   * both; a sigil before a call is a reference), a Vault dev server's short root token with no digit. Next to them the
   * references they resemble.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      const secretKey = '@%_t!^xk1=8u-c%hlxtkimrt3g#kysy27nnmr5x+60g!c81^(3';   | @%_t!^xk1=8u-c%hlxtkimrt3g#kysy27nnmr5x+60g!c81^(3
      "vaultToken": "hvs.EgttjZOFOtWRbzcSSmDEcrED",                              | hvs.EgttjZOFOtWRbzcSSmDEcrED
      """)
  void fourteenthCorpusMissesAreFound(String text, String secret) {
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  @ParameterizedTest
  @ValueSource(strings = {"const secretKey = '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/k/)';",
      "SECRET_KEY = '@format(secret_key_for_the_django_app_in_production_env)'",
      "VAULT_TOKEN=hvs.XXXXXXXXXXXXXXXXXXXXXXXX", "vault_token: hvs.ExampleVaultTokenValueHere"})
  void fourteenthCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * The fifteenth held-out corpus's misses (blind run in docs/detection.md; each value made up here): a Bot API path
   * behind another host, {@code gh secret set}'s body, OpenLDAP's {@code -w}, a redis-cli password with {@code %S} in
   * it (a format is {@code %s}), a password echoed into {@code --password-stdin}, a Jenkins parameter's default under
   * its name, a WS-Security password element, a Secret's value kubectl printed in base64, a passphrase of 40 hex, the
   * old and the new value of {@code git diff --word-diff} ({@code [-old-]{+new+}}), literals joined across lines
   * (Python's adjacent ones, Java's leading {@code +}), a presigned URL's URL-encoded session token, Azure's key
   * listing as text (a member between {@code keyName} and {@code value}), a 1Password field's {@code label}.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      "GET /bot2285258642:AAYI5y4Bg_4_gNqqmDfGuhSXI5xSvjwb7j9/sendMessage?chat_id=1 HTTP/1.1" 401 | 2285258642:AAYI5y4Bg_4_gNqqmDfGuhSXI5xSvjwb7j9
      gh secret set VERCEL_TOKEN --repo acme/summit --body 'Wr6z5QrQnDiOx35lXgXz5aJr'             | Wr6z5QrQnDiOx35lXgXz5aJr
      gh secret set SESSION_SECRET -b "QF+ftTpYgaCEWb7AfbYqPu/CNeIErGpIAfDsNC6E3s4="                 | QF+ftTpYgaCEWb7AfbYqPu/CNeIErGpIAfDsNC6E3s4=
      ldapsearch -x -H ldaps://ldap.corp -D 'cn=admin,dc=corp' -w 'Lumen_Cobalt8841*' -b 'dc=corp' | Lumen_Cobalt8841*
      redis-cli -h cache -a 'b__M%S4uuSm.P8YJHw~S' --no-auth-warning INFO keyspace                | b__M%S4uuSm.P8YJHw~S
      echo 'V08WZinR7FoX' \\u007c docker login registry.corp -u deploy --password-stdin            | V08WZinR7FoX
      <name>RESEND_API_KEY</name>\\n  <defaultValue>re_RsB3lT37_kUDG2QPAKQPVsnhue58diNke</defaultValue> | re_RsB3lT37_kUDG2QPAKQPVsnhue58diNke
      <name>DEPLOY_TOKEN</name>\\n  <description>deploys</description>\\n  <defaultValue>Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4</defaultValue> | Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4
      <wsse:Password Type="http://docs.oasis-open.org/wss#PasswordText">cFoRCrTGzhzjp</wsse:Password> | cFoRCrTGzhzjp
      $ kubectl get secret lumen -o jsonpath='{.data.supabase_secret_key}'\\nc2Jfc2VjcmV0Xzljb3VkTnNLUlV2Y3RFdkJMYzNyZmNfVll0YlUzZmc=\\n | c2Jfc2VjcmV0Xzljb3VkTnNLUlV2Y3RFdkJMYzNyZmNfVll0YlUzZmc=
      GPG_PASSPHRASE=641ECCF7FF601F7BCFCBBBA520B8C5EC46A5CCA8                                      | 641ECCF7FF601F7BCFCBBBA520B8C5EC46A5CCA8
      VERCEL_TOKEN=[-MGyU6LewE11TfgIAs449qWqN-]{+bBQKg2hNYo5rw4FaeAa85aRI+}                         | MGyU6LewE11TfgIAs449qWqN
      VERCEL_TOKEN=[-MGyU6LewE11TfgIAs449qWqN-]{+bBQKg2hNYo5rw4FaeAa85aRI+}                         | bBQKg2hNYo5rw4FaeAa85aRI
      MAILGUN_API_KEY=[-key-41c2a1ac5e7960710a73ab8cc16d4493-]{+key-c7fc22a9999fc9f0e9036be5b36ea9dc+} | key-c7fc22a9999fc9f0e9036be5b36ea9dc
      FIREWORKS_API_KEY = (\\n    "fw_lRALjCo2xz4fqqU4Hp7"\\n    "TvKGr"\\n)                        | fw_lRALjCo2xz4fqqU4Hp7
      String GEMINI_API_KEY = "AIza1oMIlSUe81WfMKYFh4ZAmCK8"\\n            + "H_gyvCd7QZc";          | AIza1oMIlSUe81WfMKYFh4ZAmCK8
      GET /v1/s3?X-Amz-Security-Token=IQoJb3JpZ2luX2VjgDruxHCTYV7n6yjN7pmxPVMBPu8pqFNagkW86jurPoX4Q5%2FlTU0CmswFooORCBeZqrSkXRzXnvhuP6iNX5lXD1FVcUsJKjy68qapjAljY82zITtbEgiU&X-Amz-Date=1 | IQoJb3JpZ2luX2VjgDruxHCTYV7n6yjN7pmxPVMBPu8pqFNagkW86jurPoX4Q5%2FlTU0CmswFooORCBeZqrSkXRzXnvhuP6iNX5lXD1FVcUsJKjy68qapjAljY82zITtbEgiU
      {"keyName": "key1", "permissions": "FULL", "value": "u3x5bKOrLGAE7XpH+wcXjeDzNswr91Hg9kpcI23eBDbpIKdRELI8a4G5Qq6UduOz4yP6+mMzakpXtoKFvxuBhg=="} | u3x5bKOrLGAE7XpH+wcXjeDzNswr91Hg9kpcI23eBDbpIKdRELI8a4G5Qq6UduOz4yP6+mMzakpXtoKFvxuBhg==
      MYSQL_URL=[-mariadb://ro:324NfOf1%40Lnf1@pg:3306/wp-]{+mysql://api:Falcon.Marlin9902%23@db-1:3306/shop+} | mysql://api:Falcon.Marlin9902%23@db-1:3306/shop
      {"purpose": "PASSWORD", "label": "password", "value": "Summit.Basalt8463#", "entropy": 74.9}  | Summit.Basalt8463#
      """)
  void fifteenthCorpusMissesAreFound(String escaped, String secret) {
    String text = escaped.replace("\\n", "\n").replace("\\u007c", "|");
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end()))
        .anySatisfy(found -> assertThat(found).contains(secret));
  }

  /**
   * Their look-alikes: a variable's value, a prompt for the password, a digest, an empty default, a format, gpg's key
   * ids and fingerprints, a log's URL-encoded mask, a printed placeholder, nginx's upstream directives, Cloudflare's
   * bot-management cookie.
   */
  @ParameterizedTest
  @ValueSource(strings = {"gh secret set API_TOKEN --body \"$API_TOKEN\"", "gh secret set API_TOKEN < token.txt",
      "echo \"$CR_PAT\" | docker login ghcr.io -u USERNAME --password-stdin", "ldapsearch -x -W -D cn=admin,dc=corp",
      "<wsse:Password Type=\"x#PasswordDigest\">weYI3nXd8LjMNVksCKFV8t3rgHh3Rw==</wsse:Password>",
      "<name>API_KEY</name>\n<defaultValue></defaultValue>", "<project><name>token-service</name><url>x</url>",
      "DB_PASSWORD='%s'", "$ gpg --armor --export-secret-keys 7E85C7F238D74288",
      "$ gpg --list-secret-keys --keyid-format=long", "\"GPG_KEY=641ECCF7FF601F7BCFCBBBA520B8C5EC46A5CCA8\",",
      "GET /api/v2/users/me?token=%5Bhidden%5D HTTP/1.1", "GET /me?token=%3Cyour-token%3E HTTP/1.1",
      "$ kubectl get secret x -o jsonpath='{.data.api_token}'\nY2hhbmdlbWU=\n", "TOKEN_TTL=[-3600-]{+7200+}",
      "AWS_SECRET_KEY: [-${AWS_SECRET_KEY:-}-]{+<your-key>+}", "names = [\n    \"alpha\"\n    \"beta\"\n]",
      "{\"keyName\": \"title\", \"permissions\": \"READ\", \"value\": \"Welcome back dear customer\"}",
      "        proxy_pass http://grafana:3000/;\n", "    fastcgi_pass unix:/run/php/php8.2-fpm.sock;\n",
      "set-cookie: __cf_bm=OCkunBDnlX3HX5A96q2tpWGMzp9zSIxJkGyHC4HOL8J-1739576169-1.0.1.1-JxWdgnd4nMaC37Cthheh; path=/",
      "{\"label\": \"API key\", \"value\": \"apiKey\"}"})
  void fifteenthCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * A GCP service account's JSON in base64 (Terraform's {@code GOOGLE_CREDENTIALS}, a {@code data:} URI), indented or
   * compact: found whole, however long; the base64 of another JSON document is not.
   */
  @Test
  void aServiceAccountInBase64IsFound() {
    java.util.Random random = new java.util.Random(15);
    StringBuilder key = new StringBuilder("-----BEGIN PRIVATE KEY-----\\n");
    for (int i = 0; i < 1600; i++) {
      key.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charAt(random.nextInt(64)));
    }
    key.append("\\n-----END PRIVATE KEY-----\\n");
    String indented = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-prod-1\",\n  \"private_key\": \""
        + key + "\",\n  \"client_email\": \"ci@acme-prod-1.iam.gserviceaccount.com\"\n}\n";
    String compact = indented.replace("\n  ", "").replace("\n}", "}").replace("\": \"", "\":\"");
    java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
    for (String[] text : new String[][] {{"GOOGLE_CREDENTIALS_BASE64=", base64.encodeToString(indented.getBytes(StandardCharsets.UTF_8))},
        {"FIREBASE_SERVICE_ACCOUNT=data:application/json;base64,", base64.encodeToString(compact.getBytes(StandardCharsets.UTF_8))}}) {
      String line = text[0] + text[1] + "\n";
      assertThat(scan(line)).as(line).extracting(f -> line.substring(f.start(), f.end())).contains(text[1]);
    }
    String settings = "SETTINGS_BASE64=" + base64.encodeToString(
        "{\"type\":\"settings\",\"theme\":\"dark\",\"refresh_seconds\":30}".getBytes(StandardCharsets.UTF_8)) + "\n";
    assertThat(scan(settings)).as(settings).isEmpty();
  }


  /**
   * An Android manifest's {@code <meta-data>}: the name attribute names the value attribute's value, on its line or the
   * next; a header's name, a string resource and a build placeholder are no findings.
   */
  @Test
  void anAndroidManifestsMetaDataValueIsFound() {
    String manifest = "<application>\n"
        + "  <meta-data android:name=\"com.raven.API_SECRET\" android:value=\"cbec85a35a6df4da099ba41d9f385d6e\" />\n"
        + "  <meta-data\n      android:name=\"io.sentry.auth-token\"\n"
        + "      android:value=\"Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4Fg6Hj0Ks\" />\n"
        + "  <meta-data android:name=\"com.app.API_KEY_HEADER\" android:value=\"X-Api-Key\" />\n"
        + "  <meta-data android:name=\"com.app.API_KEY\" android:value=\"@string/api_key\" />\n"
        + "  <meta-data android:name=\"com.google.android.geo.API_KEY\" android:value=\"${MAPS_API_KEY}\" />\n"
        + "</application>\n";
    assertThat(scan(manifest)).extracting(f -> manifest.substring(f.start(), f.end()))
        .containsExactly("cbec85a35a6df4da099ba41d9f385d6e", "Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4Fg6Hj0Ks");
  }

  /**
   * nginx's signed links: the literal secret among {@code secure_link_md5}'s variables; an expression of variables
   * only, and a placeholder, are no findings.
   */
  @Test
  void nginxSecureLinkSecretsAreFound() {
    String conf = "location /dl/ {\n    secure_link $arg_md5,$arg_expires;\n"
        + "    secure_link_md5 \"$secure_link_expires$uri$remote_addr BVt4tyAac3VSOcFmmmheJ1o4\";\n"
        + "    secure_link_md5 \"$secure_link_expires$uri ${link_secret}\";\n"
        + "    secure_link_md5 \"$secure_link_expires$uri changeme\";\n}\n";
    assertThat(scan(conf)).extracting(f -> conf.substring(f.start(), f.end()))
        .containsExactly("BVt4tyAac3VSOcFmmmheJ1o4");
  }

  /**
   * A value longer than a usual credential is found whole: an Azure AD refresh token runs to 1,500 characters, and a
   * value cut off at a shorter bound was no finding at all (the thirteenth corpus's 700 to 900).
   */
  @Test
  void aLongRefreshTokenIsFoundWhole() {
    StringBuilder token = new StringBuilder("0.AL8AL4hDp1vbANSjCPcAN01qGQ");
    Random random = new Random(13);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    while (token.length() < 1200) {
      token.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    String text = "AZURE_REFRESH_TOKEN=" + token + "\nNEXT=1\n";
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end())).containsExactly(token.toString());
  }

  /**
   * A README's table of settings: a variable named in the first cell, its value in code in the last (the twelfth
   * corpus's misses); masked values, placeholders and a path in the same table stay out.
   */
  @Test
  void aMarkdownTablesVariableValueIsFound() {
    String discord = "NTA5ODgyOTk3MDgyODU3NDU4.O8xFF_.501RNuwn9LOvyETbKfk7D5Netcviji3GJwFMrD";
    String e2b = "e2b_c53dc904db888f64a2a9175f53720d089e8a9ace";
    String text = "| Variable | Purpose | Example |\n|---|---|---|\n| `DISCORD_TOKEN` | API credential | `" + discord + "` |\n"
        + "| `SLACK_BOT_TOKEN` | optional | `xoxb-336****` |\n| `E2B_API_KEY` | required in prod | `" + e2b + "` |\n"
        + "| `OPENAI_API_KEY` | API credential | `sk-proj...xH_y` |\n| `ATLAS_PRIVATE_KEY` | credential | `[API_KEY]` |\n"
        + "| `API_TOKEN` | the token | see `docs/token.md` |\n";
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end())).containsExactly(discord, e2b);
  }

  /**
   * One base64 key in 64 starts with a slash: it is no path (the fourteenth corpus's Service Bus string), while a
   * path under a key's name stays one.
   */
  @Test
  void aBase64KeyThatStartsWithASlashIsNoPath() {
    String key = "/kO2n3pVyeguDv2lBE+6isdhsylomZFK9lZE3IVH7A0=";
    String text = "export SERVICEBUS_CONNECTION_STRING=\"Endpoint=sb://garnet-garnet.servicebus.windows.net/;"
        + "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + key + "\"\nSHARED_ACCESS_KEY=" + key + "\n"
        + "SSL_KEY=/etc/ssl/private/server.key\nSIGNING_KEY=/run/secrets/signing_key_v2\n";
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end())).hasSize(2)
        .allMatch(found -> found.endsWith(key));
  }

  /** A dockerconfigjson Secret's value is found by what it decodes to; a settings document stays bookkeeping. */
  @Test
  void aDockerConfigSecretIsFoundAndASettingsDocumentIsNot() {
    String auths = java.util.Base64.getEncoder().encodeToString(
        "{\"auths\":{\"ghcr.io\":{\"username\":\"ravi\",\"password\":\"Qm7xLp2Vz9Kt4Wr\"}}}".getBytes(StandardCharsets.UTF_8));
    String settings = java.util.Base64.getEncoder().encodeToString(
        "{\"theme\": \"dark\", \"locale\": \"pt-BR\"}".getBytes(StandardCharsets.UTF_8));
    String text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:\n"
        + "  .dockerconfigjson: " + auths + "\n  config.json: " + settings + "\n";
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end())).containsExactly(auths);
  }

  /**
   * Passwords drawn from every printable character, a line's whole value (the twelfth corpus's commonest misses of
   * database passwords, values made up here): the first byte a YAML block's {@code >} or a {@code ;}, a {@code <},
   * {@code ,} or {@code ;} inside, a leading {@code [} or <code>{</code> in a list {@code printenv} aligns or a
   * command's flag, a Django key after {@code grep -n}'s prefix; redis-cli's numbered reply, HAProxy's userlist and
   * stats page, libcurl's {@code CURLOPT_USERPWD}.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      services:\\n  db:\\n    environment:\\n      POSTGRES_PASSWORD: ;r8/KQLE#-Bn)W2h\\n | ;r8/KQLE#-Bn)W2h
      production:\\n  password: >pT=xNNs8G+hA-R?K!\\n  host: db                       | >pT=xNNs8G+hA-R?K!
      DB_USER=mastodon\\nDB_PASS=*pM<^3{Vu.1h>yB;xFu^\\nSECRET_KEY_BASE=x              | *pM<^3{Vu.1h>yB;xFu^
      [database]\\nUSER = gitea\\nPASSWD = dBiy{F,HYt5A-f@]_4Ak]KW0L\\n              | dBiy{F,HYt5A-f@]_4Ak]KW0L
      DB_HOST                     mysql\\nDB_PASSWORD                 [&C?3D&XhfP:*1O>5nA7eNCzHN_i\\n | [&C?3D&XhfP:*1O>5nA7eNCzHN_i
      app  208  java -Xmx512m -jar app.jar --spring.datasource.password={N>Q?LnWmoZ-QfBimx | {N>Q?LnWmoZ-QfBimx
      src/settings.py:115:DJANGO_SECRET_KEY=t)dfelqga%!lsw!(*yw6kj@+w%v2*l0#8hueli1#v=02)_c&9h | t)dfelqga%!lsw!(*yw6kj@+w%v2*l0#8hueli1#v=02)_c&9h
      environment:\\n  - MYSQL_ROOT_PASSWORD=Zq;8#vL,2mK!pW\\n                          | Zq;8#vL,2mK!pW
      1) "requirepass"\\n2) "E-xUN%T5Up*RkE%BqLa"\\n                                   | E-xUN%T5Up*RkE%BqLa
      userlist ops\\n    user ci insecure-password NWxjTpFiZwQnfx1Dy2Be\\n             | NWxjTpFiZwQnfx1Dy2Be
      listen stats\\n    stats auth admin:zQ5U3#6@bVyc0E%Yw4\\n                         | admin:zQ5U3#6@bVyc0E%Yw4
      curl_easy_setopt(curl, CURLOPT_USERPWD, "svc:Gran1te!0831Vector.");              | svc:Gran1te!0831Vector.
      """)
  void passwordsOfEveryPrintableCharacterAreFound(String escaped, String secret) {
    String text = escaped.replace("\\n", "\n");
    assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).contains(secret);
  }

  /** What code and config write there instead: calls, references, hashes, placeholders, a variable's user:pass. */
  @ParameterizedTest
  @ValueSource(strings = {"  req.apiKey = apiKeys.findByHash(tokenHash);\n",
      "    keyMaterial = tokenStore.lookup(cacheEntry);\n", "anthropicApiKey=$env:ANTHROPIC_API_KEY\n",
      "  ADMIN_PASSWORD_BCRYPT: $apr1$bjkZP4dF$ir4WgYQgXNeICT60k/3F.U\n", "password: [REDACTED-Value#1]\n",
      "  password: {SSHA}K0vj9Hh2Qm1Lp8Rz4Tx7==\n", "PASSWORD=$(openssl rand -base64 32)\n",
      "    password = argv[1];\n", "DB_PASSWORD=${DB_PASSWORD}\n", "  token: ${{ secrets.Deploy_Token }}\n",
      "curl_setopt($ch, CURLOPT_USERPWD, $user . ':' . $pass);", "    stats auth admin:admin\n",
      "1) \"requirepass\"\n2) \"\"\n", "secret: ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)\n",
      "  password: *default_password\n"})
  void symbolPasswordLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /**
   * Code that spells a secret no literal of it holds (the eleventh corpus's commonest misses, each value made up
   * here): literals joined by an operator, on one line or wrapped; character codes in Python, Go, JavaScript, Java;
   * a credential a call takes by position; a Pulumi stack's {@code project:name} key; AWS's {@code Name}/{@code Value}
   * pairs; a {@code random_password}'s result before its hash. The finding is the raw bytes that spell the secret.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      LEGACY = "sk-ant-" + "api03-gNvuSwWkfU12_DwdeGFDrLj8duT7wxkcsWXo9h0Tw88JmQb0ks-iDzjveF96OMSaX5c2YmX6Eni1k2v3MjYgay87HDIkHAA"  # split | sk-ant-" + "api03-gNvuSwWkfU12_DwdeGFDrLj8duT7wxkcsWXo9h0Tw88JmQb0ks-iDzjveF96OMSaX5c2YmX6Eni1k2v3MjYgay87HDIkHAA
      $key = 'xoxb-8559' . '48117781-6800731864711-uLltCqu1QKpIQoETW0RjD8r6';         | xoxb-8559' . '48117781-6800731864711-uLltCqu1QKpIQoETW0RjD8r6
      var legacy = "ghp_T"+"LPbNI6VhM7bdLn4n8JLckXfaiJ8eZ3HnX2r"                      | ghp_T"+"LPbNI6VhM7bdLn4n8JLckXfaiJ8eZ3HnX2r
      String k = "glpat-" +\\n      "8ejtZ" +\\n      "spp0qvMxEOn7v2R";                   | glpat-" +\\n      "8ejtZ" +\\n      "spp0qvMxEOn7v2R
      _S = bytes([111, 85, 73, 69, 56, 69, 77, 116, 56, 107, 106, 89, 98, 77, 98, 99, 87, 110, 111, 47]).decode() | 111, 85, 73, 69, 56, 69, 77, 116, 56, 107, 106, 89, 98, 77, 98, 99, 87, 110, 111, 47
      var obf = string([]byte{0x67, 0x68, 0x70, 0x5f, 0x64, 0x47, 0x6c, 0x4d, 0x6f, 0x69, 0x79, 0x72, 0x6c, 0x66, 0x78, 0x58, 0x31, 0x72, 0x54, 0x6e, 0x79, 0x46, 0x66, 0x33, 0x76, 0x41, 0x37, 0x4e, 0x55, 0x74, 0x46, 0x4f, 0x59, 0x36, 0x34, 0x57, 0x75, 0x59, 0x6c, 0x7a}) | 0x67, 0x68, 0x70, 0x5f, 0x64, 0x47, 0x6c, 0x4d, 0x6f, 0x69, 0x79, 0x72, 0x6c, 0x66, 0x78, 0x58, 0x31, 0x72, 0x54, 0x6e, 0x79, 0x46, 0x66, 0x33, 0x76, 0x41, 0x37, 0x4e, 0x55, 0x74, 0x46, 0x4f, 0x59, 0x36, 0x34, 0x57, 0x75, 0x59, 0x6c, 0x7a
      const obf = String.fromCharCode(101, 74, 35, 86, 45, 71, 71, 112, 117, 66, 97, 98, 77, 52, 100, 80); | 101, 74, 35, 86, 45, 71, 71, 112, 117, 66, 97, 98, 77, 52, 100, 80
      String OBF = new String(new byte[]{35, 55, 61, 118, 55, 107, 37, 101, 115, 109, 35, 111, 43, 98, 50, 43, 66}, UTF_8); | 35, 55, 61, 118, 55, 107, 37, 101, 115, 109, 35, 111, 43, 98, 50, 43, 66
      $db = new PDO('mysql:host=10.4.200.56;dbname=shop', 'shop', 'marigold%1974');    | marigold%1974
      req.SetBasicAuth("api", "4.R4%Pu7vw##_^cwBJ8")                                    | 4.R4%Pu7vw##_^cwBJ8
      c = DriverManager.getConnection("jdbc:postgresql://db/app", "app", "N0t-s0-s3cret!x"); | N0t-s0-s3cret!x
      new PasswordAuthentication("me", "hunter2Hunter!".toCharArray());               | hunter2Hunter!
      r = requests.get(url, auth=("admin", "Xk9#mP2$vL5q"))                            | Xk9#mP2$vL5q
      AwsBasicCredentials.create("AKIAZ3MJJWQ5XLOPK7RA", "q9Hc2vV8kR7xYw1Lm0Zt4bNs6Pe3Ja5Gd8Uf2Ko1"); | q9Hc2vV8kR7xYw1Lm0Zt4bNs6Pe3Ja5Gd8Uf2Ko1
      config:\\n  app:dbPassword: 'wombat!1974'\\n                                        | wombat!1974
      {"environment": [{"Name": "ADMIN_PASSWORD", "Value": "Marigold.Moon40"}]}       | Marigold.Moon40
      Environment:\\n  - Name: DB_PASSWORD\\n    Value: 'Ap9#kLm2Qz7!'\\n                   | Ap9#kLm2Qz7!
      {"attributes": {"id": "none", "length": 24, "result": "*Eei=&J#Y*b%#mC+C2uE2vv&Ma*gnBJ", "bcrypt_hash": "$2a$10$k0kDkZMFrafDs1VfLwiRLAWa4m3AKae/e2cb17xGy0"}} | *Eei=&J#Y*b%#mC+C2uE2vv&Ma*gnBJ
      """)
  void codeThatSpellsASecretIsFound(String escaped, String escapedSecret) {
    String text = escaped.replace("\\n", "\n");
    String secret = escapedSecret.replace("\\n", "\n");
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertThat(scan(text)).as(text)
        .extracting(f -> new String(b, f.start(), f.end() - f.start(), StandardCharsets.UTF_8)).contains(secret);
  }

  /**
   * Their look-alikes: words joined or spelled in codes, binary data, a call given variables or a placeholder, a
   * colon chain that is no Pulumi key, a sibling that names no secret.
   */
  @ParameterizedTest
  @ValueSource(strings = {"msg = \"Hello \" + \"world, \" + \"how are you today?\"",
      "$sql = 'SELECT id, name ' . 'FROM users WHERE id = ?';", "if (c == '+' || c == '.') { return '+' + '.'; }",
      "x = bytes([72, 101, 108, 108, 111, 32, 87, 111, 114, 108, 100, 33]).decode()",
      "static final byte[] IV = new byte[]{0x01, 0x7f, 0x1a, 0x00, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77};",
      "$db = new PDO($dsn, $user, $pass);", "req.SetBasicAuth(user, os.Getenv(\"PASSWORD\"))",
      "c = DriverManager.getConnection(url, \"app\", \"<your-password>\");", "server.login(user, password)",
      "Resources:\n  Db:\n    arn:aws:secretsmanager:eu-west-1:123456789012:secret:db_password: x\n",
      "{\"Name\": \"LOG_LEVEL\", \"Value\": \"debug-verbose-2024\"}"})
  void codeThatSpellsNoSecretIsNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /** A key whole in one of the joined literals is the plain scan's finding, once, not the join's too. */
  @Test
  void aKeyInOneOfTheJoinedLiteralsIsFoundOnce() {
    String text = "k = \"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\" + \"\\n\"";
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end()))
        .containsExactly("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");
  }

  /**
   * A query's result as psql and mysql print it: the cells under a column named for a secret are its values; a
   * column of hashes, a cache key's column, a rule with no header and a table with no such column are not.
   */
  @Test
  void aQueryResultsSecretColumnsAreFound() {
    String psql = " id  | username | api_token | password_hash | tenant\n-----+----------+-----------+---------------+------\n"
        + "   1 | omar     | tok_JTWyYX5y23YYiK66JVo0_btv2kNRP-KOzEV0x1Cd | $2y$13$kokGlhFLg1vvqne/N6Rg4ECaOb1jI2.4UzLi1brB7RYGp19t | a1\n"
        + "   2 | svc-ci   | ueRjDvpHvoCa3zEaySfCx2EnEKsBlqe9L3wPepAdQ7zKK3Wcz7li | $2y$11$2CRarbJsr5wwQfoyFt0fNf10XJ/Sy6APQf2F | a2\n"
        + "(2 rows)\n";
    String mysql = "+----+-------+----------------+\n| id | user  | password       |\n+----+-------+----------------+\n"
        + "|  1 | admin | Winter2024!Ops |\n+----+-------+----------------+\n1 row in set (0.00 sec)\n";
    assertThat(scan(psql)).extracting(f -> psql.substring(f.start(), f.end()))
        .containsExactly("tok_JTWyYX5y23YYiK66JVo0_btv2kNRP-KOzEV0x1Cd", "ueRjDvpHvoCa3zEaySfCx2EnEKsBlqe9L3wPepAdQ7zKK3Wcz7li");
    assertThat(scan(mysql)).extracting(f -> mysql.substring(f.start(), f.end())).containsExactly("Winter2024!Ops");
    for (String none : new String[] {" id | name | cache_key\n----+------+----------\n  1 | a    | user:42:profile:v2x9\n",
        "a-+-b\n 1 | Xk29fjQ0pLm4Zr8TnVx3Ys77\n", " id | city\n----+-----\n  1 | Xk29fjQ0pLm4Zr8TnVx3Ys77\n"}) {
      assertThat(scan(none)).as(none).isEmpty();
    }
  }

  /** Their look-alikes: an npm placeholder, a JWS with ".." elided, a hash under a name that ends in digits. */
  @ParameterizedTest
  @ValueSource(strings = {"NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "token: eyJhbGciOi..",
      "password_md5 = \"5f4dcc3b5aa765d61d8327deb882cf99\"", "key2 = key1.concat(suffix)"})
  void eleventhCorpusLookAlikesAreNot(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  /** A command written in a JSON string inside a JSON string: its password ends at the escaped quote, not after it. */
  @Test
  void aCommandsPasswordInAStringInAStringEndsAtTheEscapedQuote() {
    for (String command : new String[] {"htpasswd -b -c f admin kiwi-stone-lotus7", "redis-cli -a Jasper489.x",
        "sshpass -p Tc8NxSLIu4oIaAnWQ"}) {
      String text = "{\"arguments\":\"{\\\"command\\\":\\\"" + command + "\\\"}\"}";
      String password = command.substring(command.lastIndexOf(' ') + 1);
      assertThat(scan(text)).as(text).extracting(f -> text.substring(f.start(), f.end())).containsExactly(password);
    }
  }

  /** An SSH2 private key (ssh.com's format) is one finding, its block; the public key in the same framing is none. */
  @Test
  void anSsh2PrivateKeyIsFoundAndItsPublicKeyIsNot() {
    String body = "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA8T9m0Lh2v2kBx5qZq1Y3c9fR4eWd8pL0vQx2mN7sK5jH3gF1dS9aP6oI4uY2tR0e"
        + "\nW8qE5rT7yU1iO3pA9sD2fG4hJ6kL8zX0cV3bN5mQ7wE9rT1yU3iO5pA7sD9fG1hJ3kL5zX7cV9bN1mQ3wE5rT7yU9iO1pA3sD5f\n";
    String key = "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key-20240101\"\n" + body
        + "---- END SSH2 ENCRYPTED PRIVATE KEY ----";
    String text = "cat ~/.ssh2/id_rsa_2048_a\n" + key + "\n";
    assertThat(scan(text)).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("private-key");
      assertThat(text.substring(f.start(), f.end())).isEqualTo(key);
    });
    assertThat(scan("---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"rsa-key\"\n" + body + "---- END SSH2 PUBLIC KEY ----"))
        .isEmpty();
    // the same key in a JSON string (its lines and quotes escaped), and a header in prose with no key under it
    String json = "{\"content\": \"" + key.replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    assertThat(scan(json)).singleElement().satisfies(f -> assertThat(f.ruleId()).isEqualTo("private-key"));
    assertThat(scan("the `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----` framing\n" + body + "---- END SSH2 ENCRYPTED PRIVATE KEY ----"))
        .isEmpty();
  }

  /**
   * A Kubernetes Secret's entries are secrets whatever they are called, except what their name or decoded text says
   * is public or bookkeeping; a certificate only under a certificate's name (a PEM bundle may carry its key).
   */
  @Test
  void aKubernetesSecretsPublicEntriesAreNoFindings() {
    String text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: web\ndata:\n"
        + "  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUR4RENDQXF5Z0F3SUJBZ0lVUTNrVng3TG0yUnQ4S3AwV3o1WWI3TmM0SGQ2"
        + "RmoxR3MzQWE4VWUySW81UHk3VHIwRXc5UWsKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n"
        + "  LANGFUSE_PUBLIC_KEY: cGstbGYtNWU2MDEwN2UtZDgxZi00MzMyLThlOTYtYTEwMTIyMWM0OTYw\n"
        + "  TOKEN_HASH: ZTIyODZjZWRkMzg5NWM2ZjZjY2Y1OWE0Nzc3NzNjNjY1ZDZjOTk1NTA5N2MyOWRkZTQ2NTdiM2YyZDVmNjk1NA==\n"
        + "  VERSION: Ny4yMi40Ng==\n  port: NTQzMg==\n  DB_REGION: ZXUtd2VzdC0x\n  SHA: 3e9e4385b2795cdc9cff7f6803477b42639e2158\n"
        + "  AWS_ACCOUNT_ID: MTgzNjcyNTAyNzkw\n"
        + "  AVATAR: ZGF0YTppbWFnZS9wbmc7YmFzZTY0LGlWQk9SdzBLR2dvQUFBQU5TVWhFVWdBQUpBOVY3bTFLS3dldkhsTHlWRDNiTzdpczlMcQ==\n"
        + "  config.json: iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n"
        + "  banner: R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\n"
        + "  api-key: bTl5V1JoN21IOWpOMDNhVTV5RjZMMW5HRW9Ua2RXaTQ=\n"
        + "  ca.pem: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUR4RENDQXF5Z0F3SUJBZ0lVUTNrVng3TG0yUnQ4S3AwV3o1WWI3TmM0SGQ2"
        + "RmoxR3MzQWE4VWUySW81UHk3VHIwRXc5UWsKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n"
        + "  keystore.p12: MIIJqQIBAzCCCW8GCSqGSIb3DQEHAaCCCWAEgglcMIIJWDCCBA8GCSqGSIb3DQEHBqCCBAAw\n";
    // an image (PNG, GIF) is no credential; a keystore's DER bytes are
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.start() + 12))
        .containsExactly("bTl5V1JoN21I", "LS0tLS1CRUdJ", "MIIJqQIBAzCC");

    // a public entry's block scalar is passed over whole: the entries after it are still read
    String block = "apiVersion: v1\nkind: Secret\nstringData:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n"
        + "    MIIDxDCCAqygAwIBAgIUQ3kVx7Lm2Rt8Kp0Wz5Yb7Nc4Hd6Fj1Gs3Aa8Ue2Io5Py7Tr0Ew9Qk\n    -----END CERTIFICATE-----\n"
        + "  smtp-relay: Zq7mPLx42rTyWb9Kc3Nd\n";
    assertThat(scan(block)).extracting(f -> block.substring(f.start(), f.end())).containsExactly("Zq7mPLx42rTyWb9Kc3Nd");

    // the same manifest as an agent's tool read it, each line behind its number (cat -n's tab, Claude Code's arrow):
    // the entries are found, the public one is not, the listing ends where the margin does
    for (String mark : new String[] {"\t", "\u2192"}) {
      String listed = "     1" + mark + "apiVersion: v1\n     2" + mark + "kind: Secret\n     3" + mark + "type: Opaque\n"
          + "     4" + mark + "data:\n     5" + mark + "  redis-password: dmlvbGV0TEFOVEVSTjIwQEA=\n"
          + "     6" + mark + "  VERSION: Ny4yMi40Ng==\n     7" + mark + "  client-secret: Tm9yZHdpbmRAMjAyMiZ0dW5kcmE=\n"
          + "The file has three entries: password: aGVsbG8=\n";
      byte[] bytes = listed.getBytes(StandardCharsets.UTF_8); // the arrow is three bytes
      assertThat(scan(listed)).as(listed)
          .extracting(f -> new String(bytes, f.start(), f.end() - f.start(), StandardCharsets.UTF_8))
          .containsExactly("dmlvbGV0TEFOVEVSTjIwQEA=", "Tm9yZHdpbmRAMjAyMiZ0dW5kcmE=");
    }

    // stringData's bookkeeping (the ninth corpus): URLs with no user, a locale, a header's name, integrity, ciphertext
    String text2 = "apiVersion: v1\nkind: Secret\ntype: Opaque\nstringData:\n"
        + "  DATABASE_URL: jdbc:postgresql://db:5432/app\n  REDIS_URL: \"https://api.stripe.com/v1/charges\"\n"
        + "  DEFAULT_LOCALE: en-US\n  TOKEN_HEADER: X-API-Key\n  integrity: sha256-ImO+rZSq/YmgIGRwzBROsyj2bGlNfSiXVgrMUOpz7ms=\n"
        + "  OPENAI_API_KEY: |\n    $ANSIBLE_VAULT;1.1;AES256\n    7c518375d21ef2906b617a419e3e01792256a7e0c4dc1133\n"
        + "  AWS_SECRET_ACCESS_KEY: AQICAHho4PvvaKNBsUEN16JOcFjFcIj30QnIG6Ls5vrvoyQ9b9qLNUva2RDrmL/ibNRjAFYcicctSDER3wrz"
        + "caZy1CH70Pr/JGqBUUAFuBSnKAcxg6VDM7sKyime0gJTy0tkeS7nCVOtTgnrwevrTND9KaiUWKVyC4Y8jnz+S4g+ltayrcL8hJ9muuU==\n"
        + "  DB_PORT: '5432'\n  AWS_REGION: us-east-1\n"
        + "  SMTP_URL: smtp://relay:Zq7mPLx42rTyWb9Kc3Nd@smtp.internal:587\n  smtp-relay: Zq7mPLx42rTyWb9Kc3Nd\n";
    assertThat(scan(text2)).extracting(f -> text2.substring(f.start(), f.end()))
        .containsExactly("smtp://relay:Zq7mPLx42rTyWb9Kc3Nd@smtp.internal:587", "Zq7mPLx42rTyWb9Kc3Nd");
  }

  /** OpenVPN's static key (tls-auth, tls-crypt) is shared between both ends and secret like a private key. */
  @Test
  void anOpenVpnStaticKeyIsFound() {
    StringBuilder key = new StringBuilder("-----BEGIN OpenVPN Static key V1-----\n");
    java.util.Random random = new java.util.Random(7);
    for (int line = 0; line < 16; line++) {
      for (int i = 0; i < 32; i++) {
        key.append(Character.forDigit(random.nextInt(16), 16));
      }
      key.append('\n');
    }
    key.append("-----END OpenVPN Static key V1-----");
    String text = "# tls-auth\n" + key + "\n";
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end())).containsExactly(key.toString());
  }

  /** A Statsig client SDK key ships in every web page that uses Statsig: public by design, its server secret is not. */
  @Test
  void aStatsigClientKeyIsPublicByDesignAndItsServerSecretIsASecret() {
    assertThat(scan("STATSIG_CLIENT_KEY=client-L2hOSt3MKUzAd1kJDo3NghBUDRNdElzibNXGN3VsHvi"))
        .extracting(Finding::ruleId).containsExactly("statsig-client-key");
    assertThat(Detector.publicByDesign("statsig-client-key")).isTrue();
    assertThat(scan("STATSIG_SERVER_SECRET=secret-UGjsG2hK1HfH4llsmxpa6pAlK2jfG6nMBvnVk1J1pTs"))
        .extracting(Finding::ruleId).containsExactly("statsig-server-secret");
  }

  /**
   * Values that look like ordinary text once decoded or read are still secrets where a password goes: base64 of a
   * passphrase (the fifth corpus's "base64 of text" negatives were let go for this: diceware phrases decode to words
   * too), and a password of Latin letters with an accent.
   */
  @Test
  void aBase64PassphraseAndAnAccentedPasswordAreSecrets() {
    String base64 = java.util.Base64.getEncoder().encodeToString("correct horse battery staple".getBytes(StandardCharsets.US_ASCII));
    String text = "DB_PASSWORD_B64 = \"" + base64 + "\"";
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end())).containsExactly(base64);
    byte[] accented = "password: \"Fu\u00dfballvereinsheim\"".getBytes(StandardCharsets.UTF_8);
    assertThat(Detector.builtIn().scan(accented)).hasSize(1);
  }

  /** A translated label in another script (UTF-8 bytes: the offsets are bytes). */
  @Test
  void aTranslatedPasswordLabelIsNoSecret() {
    assertThat(Detector.builtIn().scan("\"password\": \"\u30d1\u30b9\u30ef\u30fc\u30c9\"".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  /** Private keys in the other forms files carry them: PuTTY's .ppk, and a PEM block in base64 (kubeconfig). */
  @Test
  void puttyKeysAndBase64PemPrivateKeysAreFound() {
    String ppk = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@ci\nPublic-Lines: 2\n"
        + "AAAAC3NzaC1lZDI1NTE5AAAAIHq0nUqSYSK3NvbCQwvhnrA0Dmn7r9KBPzuaC81l\nQ3Yz\nPrivate-Lines: 1\n"
        + "AAAAIIuCvxHqAq9ff7bnCzS1T2GX7ma4HA/T8ma0ffqLmVs1\nPrivate-MAC: 5b1d3a5f1cd7c37f9fb4c7b3d9a2d6bb0e3e8f3f1c0d4a6b\n";
    String text = "const ppk = `" + ppk + "`;";
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end())).containsExactly(ppk.strip());
    assertThat(scan(ppk.substring(0, ppk.indexOf("Private-Lines")))).isEmpty(); // the public half alone

    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n"
        + "aIHSS39WFrSKt1Y7LDQJSSgqrZ1sK5dw7qbdH3LgkDHYcUZ8m7Rwx4Jm4sxTMXo\n-----END RSA PRIVATE KEY-----\n";
    String data = java.util.Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    String kubeconfig = "users:\n- name: ci\n  user:\n    client-key-data: " + data + "\n";
    assertThat(scan(kubeconfig)).extracting(f -> kubeconfig.substring(f.start(), f.end())).containsExactly(data);
    String cert = java.util.Base64.getEncoder().encodeToString(pem.replace("RSA PRIVATE KEY", "CERTIFICATE")
        .getBytes(StandardCharsets.US_ASCII));
    assertThat(scan("    client-certificate-data: " + cert + "\n")).isEmpty();
  }

  /** A .pgpass line as Claude Code's Read tool numbers it: the host follows an arrow (three bytes in UTF-8). */
  @Test
  void aPgpassLineReadByAToolIsFound() {
    byte[] text = "     3\u2192db.internal:*:app:svc:Otter.Maple7533#\n".getBytes(StandardCharsets.UTF_8);
    assertThat(Detector.builtIn().scan(text)).extracting(f -> new String(text, f.start(), f.end() - f.start(),
        StandardCharsets.UTF_8)).containsExactly("Otter.Maple7533#");
  }

  /**
   * A known format's token glued to a word is found when the same bytes are a finding elsewhere in the scan (its
   * copy); alone, glued, it is no finding (a fuzz finding: the copy went out beside its own token).
   */
  @Test
  void aGluedCopyOfAFoundTokenIsFoundButAGluedTokenAloneIsNot() {
    String key = "AKIAZ3MJJWQ5XLOPK7RA";
    String text = "aws_access_key_id = " + key + "\nlog: xx" + key + "AA and " + key + "_suffix " + key + key + "\n";
    assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end())).containsExactly(key, key, key, key, key);
    assertThat(scan("log: xx" + key + "AA")).isEmpty();
    assertThat(scan("log: xx" + key + "AA and AKIAZ3MJJWQ5XLOPK7RB")).extracting(f -> f.ruleId())
        .containsExactly("aws-access-key-id"); // another key is not a copy
  }

  /** Values named by a sibling: env lists, key/value JSON pairs, Android string resources; and their look-alikes. */
  @Test
  void aValueNamedBySiblingIsFoundAndItsLookAlikesAreNot() {
    String[][] found = {
        {"env:\n  - name: DATADOG_API_KEY\n    value: d271a234f8a37f15fcac60e2d4fd25b3\n", "d271a234f8a37f15fcac60e2d4fd25b3"},
        {"  - name: \"TWILIO_AUTH_TOKEN\"\r\n    value: \"4980a7a59b50d1ffcba137b79fa3cb0a\"\r\n", "4980a7a59b50d1ffcba137b79fa3cb0a"},
        {"{\"key\": \"twilio_auth_token\", \"value\": \"09ae4e44426e0ec497337964e054bf63\", \"enabled\": true}",
            "09ae4e44426e0ec497337964e054bf63"},
        {"<string name=\"mistral_api_key\">9dudM2X0yPJXvcFpCN1XMFiCsDuuvUEa</string>", "9dudM2X0yPJXvcFpCN1XMFiCsDuuvUEa"},
        {"AZURE_DEVOPS=HxOyerkev6WdrwDLFnAEf06beAsIPupukR3a55lezlixueK6ZAvYDYXdkZ5nR1SBcKSnyr72nOkZAZDOceJJ\n",
            "HxOyerkev6WdrwDLFnAEf06beAsIPupukR3a55lezlixueK6ZAvYDYXdkZ5nR1SBcKSnyr72nOkZAZDOceJJ"}};
    for (String[] c : found) {
      assertThat(scan(c[0])).as(c[0]).extracting(f -> c[0].substring(f.start(), f.end())).contains(c[1]);
    }
    String[] notFound = {
        "  - name: DATADOG_API_KEY\n    valueFrom:\n      secretKeyRef: {name: dd, key: api-key}\n",
        "  - name: API_KEY_HEADER\n    value: X-Api-Key-9\n",
        "  - name: DATADOG_API_KEY\n\n    value: d271a234f8a37f15fcac60e2d4fd25b3\n", // not the next line
        "{\"key\": \"api_key\", \"value\": \"{{api_key}}\"}",
        "<string name=\"api_key_label\">Your API key 9</string>",
        "HxOyerkev6WdrwDLFnAEf06beAsIPupukR3a55lezlixueK6ZAvYDYXdkZ5nR1SBcKSnyr72nOkZAZDOceJ", // one short
        "xHxOyerkev6WdrwDLFnAEf06beAsIPupukR3a55lezlixueK6ZAvYDYXdkZ5nR1SBcKSnyr72nOkZAZDOceJJ"}; // glued
    for (String text : notFound) {
      assertThat(scan(text)).as(text).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "password = \"changeme\"", "api_key = \"your_api_key_here\"", "token = \"<placeholder>\"", "password: ${DB_PASSWORD}",
      "secret = process.env.SECRET", "token = os.environ['TOKEN']", "password = \"***\"", "API_KEY=xxxxxxxxxxxxxxxxxxxx",
      "password = \"example\"", "password = \"test\"", "password = \"\"", "pwd = 'abc'", "token = getToken()",
      "password = user.password", "request_id = \"550e8400-e29b-41d4-a716-446655440000\"", "commit = \"3f786850e387550fdab836ed7e6dc881de23001b\"",
      "\"integrity\": \"sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+5PyyD+9AGCmOvzTQ0WFb6Tn4iQyVLZL7RG6C8w==\"",
      "img = \"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\"",
      "token = \"__TAKUMO_v1_KEY_8f3a2b1c__\"", "token = s.substring(1)", "VAULT_TOKEN=s.abcdefghijklmnopqrstuvwx",
      "vault_token = s.Xk9mQ2vLp7wZr4tqB3nC8dEfG", "var x = s.Xk9mQ2vLp7wZr4tqB3nC8dEf", "public_key = \"9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit\"",
      "max_tokens = 4096", "for key, value in items:", "tokenizer = AutoTokenizer.from_pretrained(\"bert\")",
      "key_path = \"/etc/ssl/private/server.key\"", "password_length = 16", "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vWx12345",
      "\"token1\": \"xoxp-1234567890\"", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
      "version = \"1.10.2.3\"", "ip = \"127.0.0.1\"", "key = AKIAXXXXXXXXXXXXXXXX", "sort_key = \"created_at_2024\"",
      "\"token\": \"xoxp-572370529330-573807301142-572331691188-####################\"",
      "slack = xoxb-263594206564-2343594206574-**************", "sgp_5555555dAAAAA7777777CcccCFaaaaaaaaaaaaaa",
      "sgp_78ad84a5b6e8a2fe5b_4085fb0ccaddd29db66fd7fe9ba2c1cdce8400cd",
      "db-password: ENC[AES256_GCM,data:O+5l4g==,iv:c/dS4BCBMbnKsXYuzBuCuVQt8RV9bOv5HgdpL+iwmns=,type:str]",
      "apiVersion: v1\nkind: Secret\ndata:\n  extra: YmFyCg==\n  flag: dHJ1ZQ==\n",
      "see ?sig=lhQCvpm8FOFlEsD4qmq5ShuHRWYl398ZpkpmVxKG%2BmZR5%3D (no SAS version in the query)", "ghs_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "LTAIXXXXXXXXXXXXXXXX", "hvs.XXXXXXXXXXXXXXXXXXXXXXXX",
      "SECRET_KEY = 'django-insecure-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
      "see https://api.telegram.org/bot<token>/getMe",
      "curl http://localhost:3000/users/@me", "https://registry.npmjs.org:443/@types/node", "http://host:8080?x=a@b",
      "const publicAPIKey = \"3f9a2b1c8d7e6f50a4b3c2d1e0f9a8b7\";", "HTTPServerName = \"edge-7f3k9q2m\"",
      "const STORAGE_KEY = \"app-state-v2\";", "const clientSecret = process.env.CLIENT_SECRET || '';",
      "token = req.headers.token || \"anonymous\"", "proxy_set_header X-Api-Key $http_x_api_key;",
      "headers = {\"Authorization\": \"Basic \" + credentials}", "proxy_set_header Host $host;",
      "CREATE USER app WITH PASSWORD 'changeme';", "CREATE ROLE app LOGIN PASSWORD 'md5a3556571e93b0d20722ba62be61e8c2d';",
      "ALTER ROLE app PASSWORD 'SCRAM-SHA-256$4096:c2FsdHNhbHQ=$c3RvcmVka2V5c3RvcmVka2V5:c2VydmVya2V5';", "SELECT password FROM users WHERE id = 'abc123def';",
      "proxy_set_header X-Auth-Token \"age1y6s89620nqxmwfuu2009sfa6m5aasct78qz22sqdgzj24x5am2fs49d07a\";",
      "proxy_set_header Authorization \"sha256=b0c24f95632ca3cf68efad900900050126b32d98079f0f56e022817ca9944690\";"})
  void ignoresPlaceholdersReferencesAndNonSecrets(String text) {
    assertThat(scan(text)).as(text).isEmpty();
  }

  @Test
  void overlapsKeepTheLongestMostSpecificMatch() {
    List<Finding> found = scan("DATABASE_URL = \"postgres://user:Pa55w0rd!x@db.internal/app\"");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).category()).isEqualTo(Category.CONN);

    String gh = github("ghp_");
    List<Finding> token = scan("github_token = \"" + gh + "\"");
    assertThat(token).singleElement().satisfies(f -> assertThat(f.ruleId()).isEqualTo("github-token"));
  }

  /**
   * {@link Detector#resolve} keeps what a search of every kept finding would keep (the longest, then the most specific,
   * then the first; none overlapping), on random findings that overlap in every way, many of them at one start.
   */
  @Test
  void resolvingOverlapsKeepsWhatComparingWithEveryKeptFindingWould() {
    java.util.Random random = new java.util.Random(20261207);
    String[] rules = {"context-key", "private-ip", "github-token"};
    for (int round = 0; round < 500; round++) {
      List<Finding> found = new java.util.ArrayList<>();
      for (int i = random.nextInt(40); i >= 0; i--) {
        int start = random.nextInt(200);
        found.add(new Finding(start, start + 1 + random.nextInt(30), Category.KEY, rules[random.nextInt(3)], 0.9));
      }
      List<Finding> byPreference = new java.util.ArrayList<>(found);
      byPreference.sort(java.util.Comparator.comparingInt(Finding::length).reversed()
          .thenComparing(java.util.Comparator.comparingInt((Finding f) -> f.ruleId().startsWith("context-") ? 0
              : f.ruleId().equals("private-ip") ? 1 : 2).reversed())
          .thenComparingInt(Finding::start));
      List<Finding> expected = new java.util.ArrayList<>();
      for (Finding f : byPreference) {
        if (expected.stream().noneMatch(k -> f.start() < k.end() && k.start() < f.end())) {
          expected.add(f);
        }
      }
      expected.sort(java.util.Comparator.comparingInt(Finding::start));
      assertThat(Detector.resolve(found)).as("round %d", round).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void githubTokensNeedAValidChecksum() {
    String valid = github("ghp_");
    String broken = valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A");
    assertThat(scan("x " + valid)).hasSize(1);
    assertThat(scan("x " + broken)).isEmpty();
  }

  @Test
  void adversarialInputsAreScannedWithoutBlowup() {
    // Inputs that make backtracking scanners quadratic; here every byte is looked at a bounded
    // number of times. The test asserts results, not time: the benchmark measures time.
    StringBuilder longLine = new StringBuilder();
    Random random = new Random(7);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 2_000_000; i++) {
      longLine.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    assertThat(scan(longLine.toString()).stream().filter(f -> f.ruleId().startsWith("context"))).isEmpty();
    assertThat(scan("\"".repeat(1_000_000) + "password = \"hunter2-Correct\"")).hasSize(1);
    // Only the last pair ("password=password=") can end in a value; every repeat before it runs on.
    assertThat(scan("password=".repeat(200_000))).hasSizeLessThanOrEqualTo(1);
    assertThat(scan("eyJ".repeat(300_000))).isEmpty();
    assertThat(scan("-----BEGIN PRIVATE KEY-----".repeat(50_000))).isEmpty();
    assertThat(scan("://".repeat(300_000) + "a:b@")).isEmpty();
  }

  @Test
  void resultDoesNotDependOnWhereTheInputIsCutOut() {
    String text = "config:\n  password: hunter2-Correct\n  token: " + github("ghp_") + "\n";
    byte[] padded = ("xx\n" + text + "\nyy").getBytes(StandardCharsets.UTF_8);
    List<Finding> alone = scan(text);
    List<Finding> inside = DETECTOR.scan(padded, 3, 3 + text.length());
    assertThat(inside).hasSameSizeAs(alone);
    for (int i = 0; i < alone.size(); i++) {
      assertThat(inside.get(i).start() - 3).isEqualTo(alone.get(i).start());
      assertThat(inside.get(i).end() - 3).isEqualTo(alone.get(i).end());
    }
  }

  /**
   * A password behind escaped quotes (a log line quoted once more) is found at its raw bytes, and
   * its value is those bytes, escapes and all: what comes back in its place is what was there.
   */
  @Test
  void aSecretFoundUnderAnEscapeLevelIsItsRawBytes() {
    String text = "log: {\\\"password\\\": \\\"Xk9#mQ2v\\\\\\\\L8pR\\\"}";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String raw = "Xk9#mQ2v\\\\\\\\L8pR";
    assertThat(scan(text)).singleElement().satisfies(f -> {
      assertThat(f.start()).isEqualTo(text.indexOf(raw));
      assertThat(new String(f.value(bytes), StandardCharsets.UTF_8)).isEqualTo(raw);
    });
  }

  /**
   * Escapes are undone line by line: a password behind escaped quotes in the middle of a long text
   * is found with the lines around it untouched, also two levels deep and on several lines; a line
   * without escaped quotes is not rescanned (its findings are not doubled).
   */
  @Test
  void escapedQuotesAreLookedThroughOnTheirOwnLines() {
    String filler = "String cacheKey = tenant + \":\" + userId; // the token of the cache\n".repeat(200);
    String once = "log.info(\"{\\\"password\\\": \\\"Xk9#mQ2vL8pR\\\"}\");\n";
    String twice = "String s = \"{\\\"log\\\": \\\"{\\\\\\\"api_token\\\\\\\": \\\\\\\"Tq7Lm2Xz9Pw4Rk8N\\\\\\\"}\\\"}\";\n";
    String plain = "DATABASE_URL=postgres://app:s3cr3t-P4ss@db.internal:5432/app\n";
    String text = filler + once + filler + twice + plain + filler;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(scan(text)).extracting(f -> new String(f.value(bytes), StandardCharsets.UTF_8))
        .containsExactly("Xk9#mQ2vL8pR", "Tq7Lm2Xz9Pw4Rk8N", "postgres://app:s3cr3t-P4ss@db.internal:5432/app");
  }
}
