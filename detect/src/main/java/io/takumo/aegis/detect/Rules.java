package io.takumo.aegis.detect;

import static io.takumo.aegis.detect.Bytes.ALNUM;
import static io.takumo.aegis.detect.Bytes.B32;
import static io.takumo.aegis.detect.Bytes.B64;
import static io.takumo.aegis.detect.Bytes.B64URL;
import static io.takumo.aegis.detect.Bytes.DASH;
import static io.takumo.aegis.detect.Bytes.DIGIT;
import static io.takumo.aegis.detect.Bytes.DJANGO_SYMBOL;
import static io.takumo.aegis.detect.Bytes.DOT;
import static io.takumo.aegis.detect.Bytes.EQUALS;
import static io.takumo.aegis.detect.Bytes.HEX;
import static io.takumo.aegis.detect.Bytes.LOWER;
import static io.takumo.aegis.detect.Bytes.LOWER_HEX;
import static io.takumo.aegis.detect.Bytes.PERCENT;
import static io.takumo.aegis.detect.Bytes.PLUS_SLASH;
import static io.takumo.aegis.detect.Bytes.TILDE;
import static io.takumo.aegis.detect.Bytes.UNDERSCORE;
import static io.takumo.aegis.detect.Bytes.UPPER;
import static io.takumo.aegis.detect.Category.KEY;
import static io.takumo.aegis.detect.Category.SECRET;
import static io.takumo.aegis.detect.Category.TOKEN;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The built-in known formats (SPEC §4.1). Each has an id, a category and a description. */
final class Rules {
  private static final String STRIPE_PUBLISHABLE = "stripe-publishable-key";
  private static final String STATSIG_CLIENT = "statsig-client-key";
  /** A JWT Supabase issued for the {@code anon} role (found by the JWT matcher). */
  static final String SUPABASE_ANON = "supabase-anon-key";
  /**
   * Formats SPEC §4 names that are public by design (a Stripe publishable key ships in every
   * checkout page): the gateway still tokenizes them, audited silently unless a policy asks more, and
   * {@code scan} reports them only when a project turns them on (issue 18, decisions.md).
   */
  static final java.util.Set<String> PUBLIC_BY_DESIGN = java.util.Set.of(STRIPE_PUBLISHABLE, SUPABASE_ANON,
      STATSIG_CLIENT);
  private static final int UPPER_DIGIT = UPPER | DIGIT;

  private Rules() {}

  static List<PrefixRule> builtIn() {
    List<PrefixRule> r = new ArrayList<>();
    // Cloud providers
    for (String anchor : new String[] {"AKIA", "ASIA", "ABIA", "ACCA"}) {
      // AKIAIOSFODNN7EXAMPLE is tokenized (it has the shape of a real key); AKIAXXXXXXXXXXXXXXXX is not.
      r.add(new PrefixRule("aws-access-key-id", anchor, KEY, "AWS access key id").seg(B32, 16, 16));
    }
    r.add(new PrefixRule("aws-bedrock-api-key-short", "bedrock-api-key-", KEY, "Amazon Bedrock short-lived API key")
        .seg(B64 | EQUALS, 24, 4000).check(Rules::bedrock));
    r.add(new PrefixRule("aws-bedrock-api-key-long", "ABSK", KEY, "Amazon Bedrock long-lived API key")
        .seg(B64 | EQUALS, 100, 300));
    // STS session tokens: base64 of a serialized structure whose first bytes are fixed ("\x21\n\torigin_ec…" today,
    // "\x17\n\x06er/aws…" before): found by their format, not only under an aws_session_token name; URL-encoded too
    // (%2F, %2B: a presigned URL's X-Amz-Security-Token)
    for (String anchor : new String[] {"IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz", "FQoGZXIvYXdz"}) {
      r.add(new PrefixRule("aws-session-token", anchor, TOKEN, "AWS STS session token")
          .seg(B64 | EQUALS | PERCENT, 100, 4000));
    }
    r.add(new PrefixRule("gcp-api-key", "AIza", KEY, "Google API key").seg(B64URL, 35, 35));
    r.add(new PrefixRule("gcp-oauth-client-secret", "GOCSPX-", KEY, "Google OAuth client secret").seg(B64URL, 28, 28));
    r.add(new PrefixRule("gcp-oauth-access-token", "ya29.", TOKEN, "Google OAuth access token").seg(B64URL | DOT, 30, 2048));
    // LTAI + 12 (older ids) to 20 characters (LTAI4…, LTAI5t…)
    r.add(new PrefixRule("alibaba-access-key-id", "LTAI", KEY, "Alibaba Cloud access key id").seg(ALNUM, 12, 20)
        .check(classes(2)));
    // An Azure shared access signature: its sig= parameter (URL-encoded base64 of an HMAC-SHA256) in a query that
    // carries the SAS version (sv=) too; the signature alone is the secret.
    r.add(new PrefixRule("azure-sas-signature", "sig=", TOKEN, "Azure shared access signature")
        .seg(ALNUM | PLUS_SLASH | EQUALS | PERCENT, 43, 120).check(Rules::azureSas).confidence(0.95));
    // Signed URLs grant what their key may read until they expire, to whoever holds them, as a SAS does: CloudFront's
    // Signature= (its base64 with - _ ~ for + = /) in a query with Expires= or Policy=, S3's presigned
    // X-Amz-Signature= (64 hex) with X-Amz-Credential=; the signature is the secret
    r.add(new PrefixRule("cloudfront-signature", "Signature=", TOKEN, "CloudFront signed URL's signature")
        .seg(ALNUM | DASH | UNDERSCORE | TILDE, 100, 1024).check(Rules::cloudFrontSigned).confidence(0.95));
    r.add(new PrefixRule("aws-presigned-signature", "X-Amz-Signature=", TOKEN, "S3 presigned URL's signature")
        .seg(LOWER_HEX, 64, 64).check(Rules::s3Presigned).confidence(0.95));
    r.add(new PrefixRule("digitalocean-token", "dop_v1_", KEY, "DigitalOcean personal access token").seg(LOWER_HEX, 64, 64));
    // the gateway's own keys (SPEC §8): pasted into a prompt, one is a secret like any other
    for (String anchor : new String[] {"tk_live_", "tk_test_"}) {
      r.add(new PrefixRule("takumo-api-key", anchor, KEY, "Takumo Aegis API key").seg(LOWER_HEX, 64, 64));
    }
    // Spaces access key ids since 2023 (the secret beside one is a context rule's)
    r.add(new PrefixRule("digitalocean-spaces-key", "DO00", KEY, "DigitalOcean Spaces access key").seg(UPPER_DIGIT, 16, 16)
        .check(classes(2)));
    // eBay's Cert ID, the application's client secret: PRD- (production) or SBX- (sandbox), then a UUID's groups
    for (String anchor : new String[] {"PRD-", "SBX-"}) {
      r.add(new PrefixRule("ebay-client-secret", anchor, SECRET, "eBay Cert ID (client secret)").seg(LOWER_HEX, 12, 12)
          .sep('-', LOWER_HEX, 4, 4).sep('-', LOWER_HEX, 4, 4).sep('-', LOWER_HEX, 4, 4).sep('-', LOWER_HEX, 4, 4));
    }
    // Lob: live_ or test_ and 35 hex characters (an odd length no other format has; Mollie's are 30 alphanumerics)
    for (String anchor : new String[] {"live_", "test_"}) {
      r.add(new PrefixRule("lob-api-key", anchor, KEY, "Lob API key").seg(LOWER_HEX, 35, 35).check(classes(2)));
    }
    for (String anchor : new String[] {"secret-test-", "secret-live-"}) {
      r.add(new PrefixRule("stytch-secret", anchor, SECRET, "Stytch project secret").seg(B64URL | EQUALS, 36, 44)
          .check(classes(3)));
    }
    // Google's OAuth refresh tokens: 1//0 and base64url (gcloud's, oauth2l's, every installed app's)
    r.add(new PrefixRule("google-oauth-refresh-token", "1//0", TOKEN, "Google OAuth refresh token").seg(B64URL, 40, 256)
        .check(classes(3)));
    // BIP32 extended private keys (a wallet's master key): Base58Check of 78 bytes, checked; not the master keys of
    // BIP-32's own test vectors, which every wallet library's tests print (a crypto test vector, as RFC 8032's)
    r.add(new PrefixRule("bip32-extended-private-key", "xprv", SECRET, "BIP32 extended private key").seg(ALNUM, 107, 107)
        .check((b, start, body, end) -> Checksums.base58Check(b, start, end, 78)
            && !Bytes.startsWithAny(b, start, end, BIP32_TEST_VECTORS, false)));
    r.add(new PrefixRule("digitalocean-oauth", "doo_v1_", KEY, "DigitalOcean OAuth token").seg(LOWER_HEX, 64, 64));
    r.add(new PrefixRule("digitalocean-refresh", "dor_v1_", KEY, "DigitalOcean refresh token").seg(LOWER_HEX, 64, 64));
    r.add(new PrefixRule("cloudflare-origin-ca-key", "v1.0-", KEY, "Cloudflare origin CA key")
        .seg(HEX, 24, 24).sep('-', HEX, 146, 146));
    // Azure DevOps personal access tokens since 2024: 84 characters, the signature AZDO at 76 (the older 52-character
    // base32 ones have no structure and are found by name only)
    // Azure Functions keys: the code= parameter of a function's URL (the key authorizes calls to it), and the
    // identifiable keys Azure issues since 2023 anywhere: 56 characters, the signature AzFu at 44, [AQgw]== last
    r.add(new PrefixRule("azure-function-key", "code=", KEY, "Azure Functions key (code= on an azurewebsites.net URL)")
        .seg(B64URL | PLUS_SLASH | EQUALS | PERCENT, 40, 100).check(Rules::azureFunctionUrl).confidence(0.95));
    r.add(new PrefixRule("azure-function-key", "AzFu", KEY, "Azure Functions key (identifiable format)")
        .left(B64URL, 44).seg(B64URL, 6, 6).sep('=', EQUALS, 1, 1).check(Rules::azureFunctionKey));
    r.add(new PrefixRule("azure-devops-pat", "AZDO", TOKEN, "Azure DevOps personal access token").left(ALNUM, 76)
        .seg(ALNUM, 4, 4));
    r.add(new PrefixRule("azure-ad-client-secret", "Q~", KEY, "Azure AD client secret")
        .left(ALNUM | UNDERSCORE | TILDE | DOT, 4).seg(ALNUM | UNDERSCORE | TILDE | DOT | DASH, 31, 34)
        .check((b, s, body, e) -> Bytes.is(b[s + 3], DIGIT)));
    // Source hosting and package registries
    for (String anchor : new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
      r.add(new PrefixRule("github-token", anchor, KEY, "GitHub token (checksummed)").seg(ALNUM, 36, 36)
          .check((b, s, body, e) -> Checksums.crc32Base62Tail(b, body, e)).confidence(1.0));
    }
    // App installation (ghs_) and user-to-server (ghu_) tokens also come without a valid tail and longer than 36
    // (GitHub lengthened installation tokens): random-looking ones count, at a lower confidence.
    // Refresh tokens of GitHub Apps' user tokens: ghr_ and 76 characters
    r.add(new PrefixRule("github-refresh-token", "ghr_", KEY, "GitHub refresh token").seg(ALNUM, 76, 76)
        .check(classes(3)));
    for (String anchor : new String[] {"ghu_", "ghs_"}) {
      r.add(new PrefixRule("github-app-token", anchor, KEY, "GitHub App token").seg(ALNUM, 36, 255)
          .check((b, s, body, e) -> Bytes.entropy(b, body, e) >= 3.5 && Bytes.classesPresent(b, body, e) >= 3)
          .confidence(0.9));
    }
    // 22 and 59 characters today; the prefix alone says what it is, so a few more or less (gitleaks: any 82) still count
    r.add(new PrefixRule("github-fine-grained-pat", "github_pat_", KEY, "GitHub fine-grained PAT")
        .seg(ALNUM, 20, 26).sep('_', ALNUM, 55, 64));
    for (String anchor : new String[] {"glpat-", "glrt-", "gldt-", "glsoat-", "glcbt-", "glft-", "glimt-", "glagent-",
        "glffct-"}) {
      r.add(new PrefixRule("gitlab-token", anchor, KEY, "GitLab token").seg(B64URL | DOT, 20, 80));
    }
    // a runner's registration token (deprecated since GitLab 16, still in many a .gitlab-ci setup): a fixed prefix
    r.add(new PrefixRule("gitlab-runner-registration-token", "GR1348941", KEY, "GitLab runner registration token")
        .seg(B64URL, 20, 20));
    // JFrog identity and reference tokens: base64 of "reftkn:01:…"
    r.add(new PrefixRule("jfrog-reference-token", "cmVmdGtuOjAxOj", TOKEN, "JFrog reference token").seg(B64, 40, 120));
    // gitleaks' shapes: GitLab's own secrets are hex, but the prefix alone says what they are
    r.add(new PrefixRule("gitlab-oauth-app-secret", "gloas-", KEY, "GitLab OAuth application secret")
        .seg(ALNUM | UNDERSCORE | DASH, 64, 64));
    r.add(new PrefixRule("gitlab-pipeline-trigger", "glptt-", KEY, "GitLab pipeline trigger token")
        .seg(ALNUM | UNDERSCORE | DASH, 20, 40));
    r.add(new PrefixRule("npm-token", "npm_", KEY, "npm access token (checksummed)").seg(ALNUM, 36, 36)
        .check((b, s, body, e) -> Checksums.crc32Base62Tail(b, body, e)).confidence(1.0));
    // without a valid tail but random (a token mistyped, cut and pasted, or made up by a generator): as ghu_/ghs_ are
    r.add(new PrefixRule("npm-token", "npm_", KEY, "npm access token without a valid checksum, random-looking")
        .seg(ALNUM, 36, 36)
        .check((b, s, body, e) -> Bytes.classesPresent(b, body, e) == 3 && Bytes.entropy(b, body, e) >= 4.0)
        .confidence(0.85));
    r.add(new PrefixRule("pypi-token", "pypi-AgEIcHlwaS5vcmc", KEY, "PyPI upload token").seg(B64URL, 50, 400));
    // TestPyPI's: the macaroon's location is test.pypi.org
    r.add(new PrefixRule("pypi-token", "pypi-AgENdGVzdC5weXBpLm9yZw", KEY, "TestPyPI upload token").seg(B64URL, 50, 400));
    r.add(new PrefixRule("rubygems-token", "rubygems_", KEY, "RubyGems API key").seg(LOWER_HEX, 48, 48));
    r.add(new PrefixRule("clojars-token", "CLOJARS_", KEY, "Clojars deploy token").seg(ALNUM, 60, 60));
    // sgp_<40 hex> (legacy) or sgp_<16 hex instance id>_<40 hex>; the bare form has no checksum, so
    // a run of few distinct digits (sgp_5555555dAAAAA7777777…) is taken for a made-up one.
    r.add(new PrefixRule("sourcegraph-token", "sgp_", KEY, "Sourcegraph access token").seg(HEX, 40, 40)
        .check((b, start, body, end) -> Bytes.entropy(b, body, end) >= 3.0));
    r.add(new PrefixRule("sourcegraph-token", "sgp_", KEY, "Sourcegraph access token").seg(HEX, 16, 16)
        .sep('_', HEX, 40, 40));
    r.add(new PrefixRule("sourcegraph-token", "sgp_local_", KEY, "Sourcegraph local access token").seg(HEX, 40, 40));
    // Chat, mail, messaging
    for (String anchor : new String[] {"xoxb-", "xoxp-", "xoxa-", "xoxs-", "xoxr-", "xoxo-", "xoxe-", "xapp-",
        "xoxc-"}) {
      r.add(new PrefixRule("slack-token", anchor, TOKEN, "Slack token").seg(ALNUM | DASH, 10, 300)
          .check(Rules::slack));
    }
    r.add(new PrefixRule("slack-config-token", "xoxe.xox", TOKEN, "Slack configuration token")
        .seg(ALNUM | DASH, 20, 300).check(Rules::slack));
    for (String anchor : new String[] {"hooks.slack.com/services/", "hooks.slack.com/workflows/",
        "hooks.slack.com/triggers/"}) {
      r.add(new PrefixRule("slack-webhook-url", anchor, TOKEN, "Slack webhook URL")
          .seg(ALNUM | UNDERSCORE | PLUS_SLASH | DASH, 20, 200));
    }
    for (String anchor : new String[] {"discord.com/api/webhooks/", "discordapp.com/api/webhooks/"}) {
      r.add(new PrefixRule("discord-webhook-url", anchor, TOKEN, "Discord webhook URL").seg(DIGIT, 15, 22)
          .sep('/', B64URL, 60, 80));
    }
    for (String anchor : new String[] {"open.feishu.cn/open-apis/bot/v2/hook/", "open.larksuite.com/open-apis/bot/v2/hook/"}) {
      r.add(new PrefixRule("feishu-webhook-url", anchor, TOKEN, "Feishu / Lark bot webhook URL").seg(HEX | DASH, 36, 36));
    }
    // NATS nkey seeds: 'S', the key's type (U user, A account), then base32 (58 in all); the third is 'A' for these
    for (String anchor : new String[] {"SUA", "SAA"}) {
      r.add(new PrefixRule("nats-nkey-seed", anchor, SECRET, "NATS nkey seed").seg(B32, 55, 55));
    }
    r.add(new PrefixRule("sendgrid-api-key", "SG.", KEY, "SendGrid API key").seg(B64URL, 22, 22).sep('.', B64URL, 43, 43));
    for (char hex : "0123456789abcdef".toCharArray()) { // three-byte anchors keep the prefilter selective
      r.add(new PrefixRule("twilio-api-key", "SK" + hex, KEY, "Twilio API key SID").seg(LOWER_HEX, 31, 31));
      r.add(new PrefixRule("twilio-account-sid", "AC" + hex, KEY, "Twilio account SID").seg(LOWER_HEX, 31, 31));
    }
    r.add(new PrefixRule("mailgun-api-key", "key-", KEY, "Mailgun private API key").seg(LOWER_HEX, 32, 32));
    r.add(new PrefixRule("mailchimp-api-key", "-us", KEY, "Mailchimp API key").left(LOWER_HEX, 32).seg(DIGIT, 1, 2));
    for (int id = 8; id <= 10; id++) { // bot ids of eight to ten digits
      r.add(new PrefixRule("telegram-bot-token", ":AA", TOKEN, "Telegram bot token").left(DIGIT, id)
          .seg(B64URL, 33, 33));
    }
    // In the Bot API's URLs the token follows /bot whatever its secret part starts with: <8-10 digits>:<35> (the URL
    // is the finding whole); the path behind another host too (a relay, a log's GET /bot<id>:<token>/sendMessage)
    r.add(new PrefixRule("telegram-bot-token", "api.telegram.org/bot", TOKEN, "Telegram bot token in a Bot API URL")
        .seg(DIGIT, 8, 10).sep(':', B64URL, 35, 35));
    r.add(new PrefixRule("telegram-bot-token", "/bot", TOKEN, "Telegram bot token in a Bot API path")
        .seg(DIGIT, 8, 10).sep(':', B64URL, 35, 35)
        .check((b, start, body, end) -> start < TELEGRAM_HOST.length
            || !Bytes.startsWith(b, start - TELEGRAM_HOST.length, start, TELEGRAM_HOST, true)));
    // A GCP service account's JSON in base64 (GOOGLE_CREDENTIALS, a data: URI): its private key inside. Anchored on the
    // base64 of its first member, {"type": "service_account" as tools write it (two or four blanks, a tab, or none)
    for (String anchor : new String[] {"ewogICJ0eXBlIjogInNlcnZpY2VfYWNj", "eyJ0eXBlIjoic2VydmljZV9hY2NvdW50",
        "eyJ0eXBlIjogInNlcnZpY2VfYWNjb3Vu", "ewogICAgInR5cGUiOiAic2VydmljZV9h", "ewoJInR5cGUiOiAic2VydmljZV9hY2Nv"}) {
      r.add(new PrefixRule("gcp-service-account-base64", anchor, SECRET, "GCP service account key JSON in base64")
          .seg(B64 | EQUALS, 200, 16384));
    }
    r.add(new PrefixRule("postman-api-key", "PMAK-", KEY, "Postman API key").seg(HEX, 24, 24).sep('-', HEX, 34, 34));
    // Payments and commerce
    for (String anchor : new String[] {"sk_live_", "sk_test_", "rk_live_", "rk_test_", "sk_prod_", "rk_prod_"}) {
      r.add(new PrefixRule("stripe-key", anchor, KEY, "Stripe API key").seg(ALNUM, 10, 247));
    }
    for (String anchor : new String[] {"pk_live_", "pk_test_"}) { // public by design: see PUBLIC_BY_DESIGN
      r.add(new PrefixRule(STRIPE_PUBLISHABLE, anchor, KEY, "Stripe publishable key (public by design)")
          .seg(ALNUM, 10, 247));
    }
    r.add(new PrefixRule("stripe-webhook-secret", "whsec_", KEY, "Stripe webhook signing secret").seg(ALNUM, 24, 64));
    for (String anchor : new String[] {"shpat_", "shpca_", "shppa_", "shpss_"}) {
      r.add(new PrefixRule("shopify-token", anchor, KEY, "Shopify access token").seg(HEX, 32, 32));
    }
    r.add(new PrefixRule("square-access-token", "sq0atp-", KEY, "Square access token").seg(B64URL, 22, 22));
    r.add(new PrefixRule("square-oauth-secret", "sq0csp-", KEY, "Square OAuth secret").seg(B64URL, 43, 43));
    r.add(new PrefixRule("square-access-token", "EAAA", KEY, "Square access token").seg(B64URL, 60, 60));
    r.add(new PrefixRule("shippo-token", "shippo_live_", KEY, "Shippo API token").seg(HEX, 40, 40));
    r.add(new PrefixRule("shippo-token", "shippo_test_", KEY, "Shippo API token").seg(HEX, 40, 40));
    r.add(new PrefixRule("easypost-api-key", "EZAK", KEY, "EasyPost API key").seg(ALNUM, 54, 54));
    r.add(new PrefixRule("takumo-join-key", "jk_", KEY, "Takumo Aegis coordinator join key").seg(LOWER_HEX, 64, 64));
    // AI providers
    r.add(new PrefixRule("anthropic-api-key", "sk-ant-api03-", KEY, "Anthropic API key").seg(B64URL, 95, 95)
        .check(Rules::endsWithAA));
    r.add(new PrefixRule("anthropic-admin-key", "sk-ant-admin01-", KEY, "Anthropic admin key").seg(B64URL, 95, 95)
        .check(Rules::endsWithAA));
    r.add(new PrefixRule("anthropic-oauth-token", "sk-ant-oat01-", TOKEN, "Anthropic OAuth token (Claude Code)")
        .seg(B64URL, 80, 120));
    r.add(new PrefixRule("anthropic-oauth-token", "sk-ant-ort01-", TOKEN, "Anthropic OAuth refresh token")
        .seg(B64URL, 80, 120));
    r.add(new PrefixRule("openai-project-key", "sk-proj-", KEY, "OpenAI project key").seg(B64URL, 40, 250));
    r.add(new PrefixRule("openai-service-key", "sk-svcacct-", KEY, "OpenAI service account key").seg(B64URL, 40, 250));
    r.add(new PrefixRule("openai-admin-key", "sk-admin-", KEY, "OpenAI admin key").seg(B64URL, 40, 250));
    r.add(new PrefixRule("openai-legacy-key", "sk-", KEY, "OpenAI key (legacy, 48 characters)").seg(ALNUM, 48, 48)
        .check(classes(3)));
    r.add(new PrefixRule("openai-key", "sk-", KEY, "OpenAI key (T3BlbkFJ marker)").seg(B64URL, 40, 200)
        .check((b, s, body, e) -> Bytes.indexOf(b, body, e, T3BLBKFJ) >= 0).confidence(1.0));
    // letters only in every token seen; TruffleHog, which verifies what it finds, takes digits too
    r.add(new PrefixRule("huggingface-token", "hf_", KEY, "Hugging Face access token").seg(ALNUM, 34, 34)
        .check(classes(2)));
    r.add(new PrefixRule("huggingface-org-token", "api_org_", KEY, "Hugging Face organization token").seg(ALNUM, 34, 34)
        .check(classes(2)));
    r.add(new PrefixRule("perplexity-api-key", "pplx-", KEY, "Perplexity API key").seg(ALNUM, 48, 48));
    r.add(new PrefixRule("groq-api-key", "gsk_", KEY, "Groq API key").seg(ALNUM, 52, 52));
    r.add(new PrefixRule("xai-api-key", "xai-", KEY, "xAI API key").seg(ALNUM, 80, 80));
    r.add(new PrefixRule("replicate-token", "r8_", KEY, "Replicate API token").seg(ALNUM, 37, 37));
    // Developer platforms
    r.add(new PrefixRule("databricks-token", "dapi", KEY, "Databricks token").seg(LOWER_HEX, 32, 32));
    r.add(new PrefixRule("atlassian-api-token", "ATATT3", KEY, "Atlassian API token").seg(B64URL | EQUALS, 150, 300));
    r.add(new PrefixRule("sentry-org-token", "sntrys_", TOKEN, "Sentry organization token")
        .seg(B64 | UNDERSCORE | EQUALS, 50, 400));
    r.add(new PrefixRule("sentry-user-token", "sntryu_", TOKEN, "Sentry user token").seg(LOWER_HEX, 64, 64));
    // Nostr's private key in NIP-19's bech32: nsec1 and 58 characters of bech32's alphabet
    r.add(new PrefixRule("nostr-private-key", "nsec1", SECRET, "Nostr private key (nsec)").seg(LOWER | DIGIT, 58, 58));
    // IFTTT's Maker webhooks: https://maker.ifttt.com/trigger/<event>/with/key/<key>
    r.add(new PrefixRule("ifttt-webhook-key", "/with/key/", TOKEN, "IFTTT webhook key").seg(B64URL, 20, 43));
    r.add(new PrefixRule("age-secret-key", "AGE-SECRET-KEY-1", SECRET, "age secret key").seg(UPPER_DIGIT, 58, 58)
        .noPlaceholderCheck());
    r.add(new PrefixRule("grafana-cloud-token", "glc_", KEY, "Grafana Cloud token").seg(B64 | EQUALS, 32, 400));
    r.add(new PrefixRule("grafana-service-account-token", "glsa_", KEY, "Grafana service account token")
        .seg(ALNUM, 32, 32).sep('_', HEX, 8, 8));
    // hvs. + 90 or more (the token's encoded metadata), or + 24 when Vault returns the short form (a dev server's
    // root token): base62, where one in 70 has no digit (hvs.EgttjZOFOtWRbzcSSmDEcrED): letters at random then, not
    // words (hvs.ExampleVaultTokenValueHere)
    r.add(new PrefixRule("vault-service-token", "hvs.", TOKEN, "HashiCorp Vault service token").seg(B64URL, 24, 160)
        .check((b, s, body, e) -> Bytes.classesPresent(b, body, e) >= 3 || Keyword.randomLetters(b, body, e)));
    // hvb. + the batch token's encrypted body: 138 or more from a real Vault, but tools and docs truncate them, and
    // the anchor is rare enough that 40 random characters (three classes) are a token
    r.add(new PrefixRule("vault-batch-token", "hvb.", TOKEN, "HashiCorp Vault batch token").seg(B64URL, 40, 300)
        .check(classes(3)));
    r.add(new PrefixRule("doppler-token", "dp.pt.", KEY, "Doppler token").seg(ALNUM, 43, 43));
    // django-admin startproject's SECRET_KEY: 50 characters of get_random_secret_key()'s alphabet after the prefix
    r.add(new PrefixRule("django-secret-key", "django-insecure-", SECRET, "Django SECRET_KEY (startproject)")
        .seg(LOWER | DIGIT | DJANGO_SYMBOL | DASH | UNDERSCORE | EQUALS | PLUS_SLASH, 50, 50)
        .check((b, s, body, e) -> Bytes.entropy(b, body, e) >= 3.5));
    for (String anchor : new String[] {"dckr_pat_", "dckr_oat_"}) {
      r.add(new PrefixRule("docker-hub-token", anchor, KEY, "Docker Hub access token").seg(B64URL, 27, 36));
    }
    r.add(new PrefixRule("terraform-cloud-token", ".atlasv1.", KEY, "Terraform Cloud / Enterprise API token")
        .left(ALNUM, 14).seg(B64URL | EQUALS, 60, 70));
    r.add(new PrefixRule("pulumi-token", "pul-", KEY, "Pulumi access token").seg(LOWER_HEX, 40, 40));
    for (String anchor : new String[] {"pscale_tkn_", "pscale_oauth_", "pscale_pw_"}) {
      r.add(new PrefixRule("planetscale-token", anchor, KEY, "PlanetScale token").seg(B64URL | DOT, 32, 64));
    }
    r.add(new PrefixRule("linear-api-key", "lin_api_", KEY, "Linear API key").seg(ALNUM, 40, 40));
    r.add(new PrefixRule("linear-oauth-token", "lin_oauth_", TOKEN, "Linear OAuth access token").seg(LOWER_HEX, 64, 64));
    for (String anchor : new String[] {"tvly-dev-", "tvly-prod-", "tvly-"}) {
      r.add(new PrefixRule("tavily-api-key", anchor, KEY, "Tavily API key").seg(ALNUM, 32, 32).check(classes(3)));
    }
    r.add(new PrefixRule("cerebras-api-key", "csk-", KEY, "Cerebras API key").seg(LOWER | DIGIT, 48, 48)
        .check(classes(2)));
    r.add(new PrefixRule("amazon-mws-auth-token", "amzn.mws.", TOKEN, "Amazon MWS auth token")
        .seg(LOWER_HEX, 8, 8).sep('-', LOWER_HEX, 4, 4).sep('-', LOWER_HEX, 4, 4).sep('-', LOWER_HEX, 4, 4)
        .sep('-', LOWER_HEX, 12, 12));
    for (String anchor : new String[] {"ck_", "cs_"}) { // WooCommerce REST API consumer key and secret
      r.add(new PrefixRule("woocommerce-key", anchor, KEY, "WooCommerce consumer key or secret").seg(LOWER_HEX, 40, 40)
          .check(classes(2)));
    }
    for (String anchor : new String[] {"live_", "test_"}) {
      r.add(new PrefixRule("mollie-api-key", anchor, KEY, "Mollie API key").seg(ALNUM, 30, 30)
          .check(Rules::notCamelCaseWords));
    }
    r.add(new PrefixRule("contentful-management-token", "CFPAT-", TOKEN, "Contentful personal access token")
        .seg(B64URL, 43, 43));
    r.add(new PrefixRule("crates-io-token", "cio", TOKEN, "crates.io API token").seg(ALNUM, 32, 32)
        .check(classes(3)));
    r.add(new PrefixRule("notion-token", "ntn_", KEY, "Notion integration token").seg(ALNUM, 40, 60));
    r.add(new PrefixRule("notion-token", "secret_", KEY, "Notion integration secret").seg(ALNUM, 43, 43));
    r.add(new PrefixRule("1password-service-account-token", "ops_eyJ", TOKEN, "1Password service account token")
        .seg(B64 | B64URL | EQUALS, 100, 4000));
    r.add(new PrefixRule("heroku-api-key-v2", "HRKU-AA", KEY, "Heroku API key").seg(B64URL, 58, 58));
    r.add(new PrefixRule("flyio-token", "fo1_", TOKEN, "Fly.io token").seg(B64URL, 43, 43));
    for (String anchor : new String[] {"fm1r_", "fm1a_", "fm2_"}) {
      r.add(new PrefixRule("flyio-token", anchor, TOKEN, "Fly.io macaroon")
          .seg(B64 | B64URL | EQUALS | PERCENT, 100, 4000)); // URL-encoded in a query too
    }
    for (String anchor : new String[] {"EAAM", "EAAC", "EAAG", "EAAI"}) {
      r.add(new PrefixRule("facebook-page-access-token", anchor, TOKEN, "Facebook access token").seg(ALNUM, 90, 400));
    }
    // The sixth held-out corpus's formats (issue 18)
    r.add(new PrefixRule("dropbox-token", "sl.u.", TOKEN, "Dropbox short-lived access token").seg(B64URL, 100, 1400)
        .check(classes(3)));
    r.add(new PrefixRule("onesignal-api-key", "os_v2_app_", KEY, "OneSignal REST API key").seg(LOWER | DIGIT, 56, 200));
    // 58 characters in Honeycomb's examples (a 26-character key id and a 32-character secret); a little more allowed
    // the prefixes alone say what these are: a few characters more or less, or another alphabet, still count
    r.add(new PrefixRule("honeycomb-ingest-key", "hcaik_", KEY, "Honeycomb ingest key").seg(LOWER | DIGIT, 50, 62));
    r.add(new PrefixRule("jina-api-key", "jina_", KEY, "Jina AI API key").seg(B64URL, 60, 60).check(classes(3)));
    r.add(new PrefixRule("posthog-personal-api-key", "phx_", KEY, "PostHog personal API key").seg(ALNUM, 40, 50)
        .check(classes(3)));
    r.add(new PrefixRule("browserbase-api-key", "bb_live_", KEY, "Browserbase API key").seg(B64URL, 27, 27));
    r.add(new PrefixRule("fireworks-api-key", "fw_", KEY, "Fireworks AI API key").seg(ALNUM, 24, 24).check(classes(3)));
    r.add(new PrefixRule("gocardless-token", "live_", TOKEN, "GoCardless live access token")
        .seg(B64URL | EQUALS, 40, 40).check(classes(3)));
    r.add(new PrefixRule("statsig-server-secret", "secret-", KEY, "Statsig server secret key").seg(ALNUM, 43, 43)
        .check(classes(3)));
    r.add(new PrefixRule(STATSIG_CLIENT, "client-", KEY, "Statsig client SDK key (public by design)").seg(ALNUM, 43, 43)
        .check(classes(3)));
    r.add(new PrefixRule("firecrawl-api-key", "fc-", KEY, "Firecrawl API key").seg(LOWER_HEX, 32, 32));
    r.add(new PrefixRule("mailersend-token", "mlsn.", TOKEN, "MailerSend API token").seg(LOWER | DIGIT, 64, 64));
    r.add(new PrefixRule("laravel-app-key", "base64:", SECRET, "Laravel APP_KEY").seg(B64, 43, 43).sep('=', B64, 0, 0)
        .check(classes(3)));
    // LaunchDarkly SDK keys and WakaTime keys: the prefix and a UUID
    for (String[] rule : new String[][] {{"launchdarkly-sdk-key", "sdk-", "LaunchDarkly SDK key"},
        {"wakatime-api-key", "waka_", "WakaTime API key"}}) {
      r.add(new PrefixRule(rule[0], rule[1], KEY, rule[2]).seg(LOWER_HEX, 8, 8)
          .sep('-', LOWER_HEX, 4, 4).sep('-', LOWER_HEX, 4, 4).sep('-', LOWER_HEX, 4, 4).sep('-', LOWER_HEX, 12, 12));
    }
    // a New Relic license key ends with its marker: 36 hex digits, then NRAL
    r.add(new PrefixRule("newrelic-license-key", "NRAL", KEY, "New Relic license key").left(LOWER_HEX, 36)
        .seg(ALNUM, 0, 0));
    // other apps' tokens: EAA and the app's own letter, then alphanumerics only (a base64 blob has + or / by then)
    r.add(new PrefixRule("facebook-page-access-token", "EAA", TOKEN, "Facebook access token").seg(ALNUM, 100, 400)
        .check(classes(3)));
    r.add(new PrefixRule("zapier-webhook-url", "hooks.zapier.com/hooks/catch/", TOKEN, "Zapier webhook URL")
        .seg(DIGIT, 5, 12).sep('/', LOWER | DIGIT, 6, 8));
    // Mattermost incoming webhooks: /hooks/ and the hook's 26-character id (lower case and digits)
    r.add(new PrefixRule("mattermost-webhook-url", "/hooks/", TOKEN, "Mattermost incoming webhook").seg(LOWER | DIGIT, 26, 26)
        .check(classes(2)));
    r.add(new PrefixRule("octopus-deploy-api-key", "API-", KEY, "Octopus Deploy API key").seg(UPPER_DIGIT, 25, 32)
        .check(classes(2)));
    r.add(new PrefixRule("deepseek-api-key", "sk-", KEY, "DeepSeek API key").seg(LOWER_HEX, 32, 32)
        .check(classes(2)));
    r.add(new PrefixRule("adafruit-io-key", "aio_", KEY, "Adafruit IO key").seg(ALNUM, 28, 28)
        .check(classes(2)));
    r.add(new PrefixRule("1password-secret-key", "A3-", SECRET, "1Password account secret key")
        .seg(UPPER_DIGIT | DASH, 33, 40).check(Rules::onePasswordSecretKey));
    r.add(new PrefixRule("dynatrace-token", "dt0c01.", KEY, "Dynatrace API token").seg(ALNUM, 24, 24)
        .sep('.', ALNUM, 64, 64));
    r.add(new PrefixRule("newrelic-key", "NRAK-", KEY, "New Relic user API key").seg(UPPER_DIGIT, 27, 27));
    r.add(new PrefixRule("newrelic-key", "NRII-", KEY, "New Relic insert key").seg(B64URL, 32, 32));
    r.add(new PrefixRule("infracost-token", "ico-", KEY, "Infracost API token").seg(ALNUM, 32, 32));
    r.add(new PrefixRule("octopus-deploy-key", "API-", KEY, "Octopus Deploy API key").seg(UPPER_DIGIT, 26, 26));
    r.add(new PrefixRule("scalingo-token", "tk-us-", KEY, "Scalingo API token").seg(B64URL, 48, 48));
    r.add(new PrefixRule("hubspot-token", "pat-na1-", KEY, "HubSpot private app token").seg(HEX | DASH, 36, 36));
    r.add(new PrefixRule("hubspot-token", "pat-eu1-", KEY, "HubSpot private app token").seg(HEX | DASH, 36, 36));
    r.add(new PrefixRule("intra42-secret", "s-s4t2ud-", KEY, "42 intra client secret").seg(LOWER_HEX, 64, 64));
    r.add(new PrefixRule("intra42-secret", "s-s4t2af-", KEY, "42 intra client secret").seg(LOWER_HEX, 64, 64));
    r.add(new PrefixRule("openshift-token", "sha256~", TOKEN, "OpenShift user token").seg(B64URL, 43, 43));
    r.add(new PrefixRule("frameio-token", "fio-u-", KEY, "Frame.io API token").seg(B64URL, 64, 64));
    // More formats users of AI tools meet: issue 18's review of gitleaks' and TruffleHog's lists
    // (LLM platforms, cloud, CI/CD and artifacts, payments, messaging, observability, SaaS APIs).
    r.add(new PrefixRule("openrouter-api-key", "sk-or-v1-", KEY, "OpenRouter API key").seg(LOWER_HEX, 64, 64));
    r.add(new PrefixRule("elevenlabs-api-key", "sk_", KEY, "ElevenLabs API key").seg(LOWER_HEX, 48, 48));
    for (String anchor : new String[] {"lsv2_pt_", "lsv2_sk_"}) {
      r.add(new PrefixRule("langsmith-api-key", anchor, KEY, "LangSmith API key").seg(LOWER_HEX, 32, 32)
          .sep('_', LOWER_HEX, 10, 10));
    }
    r.add(new PrefixRule("pinecone-api-key", "pcsk_", KEY, "Pinecone API key").seg(ALNUM, 4, 8).sep('_', ALNUM, 50, 80));
    r.add(new PrefixRule("tencent-secret-id", "AKID", KEY, "Tencent Cloud SecretId").seg(ALNUM, 32, 32)
        .check(classes(3)));
    r.add(new PrefixRule("yandex-api-key", "AQVN", KEY, "Yandex Cloud API key").seg(B64URL, 35, 38));
    r.add(new PrefixRule("supabase-access-token", "sbp_", KEY, "Supabase management access token").seg(LOWER_HEX, 40, 40));
    r.add(new PrefixRule("supabase-secret-key", "sb_secret_", KEY, "Supabase secret API key").seg(B64URL, 20, 64));
    r.add(new PrefixRule("neon-api-key", "napi_", KEY, "Neon API key").seg(LOWER | DIGIT, 64, 64));
    r.add(new PrefixRule("netlify-token", "nfp_", KEY, "Netlify personal access token").seg(ALNUM, 36, 40));
    r.add(new PrefixRule("render-api-key", "rnd_", KEY, "Render API key").seg(ALNUM, 32, 32)
        .check(classes(3)));
    r.add(new PrefixRule("tailscale-key", "tskey-", KEY, "Tailscale key").seg(LOWER, 3, 8).sep('-', ALNUM, 8, 24)
        .sep('-', ALNUM, 24, 64));
    // The legacy FCM server key: AAAA + 7, then :APA91b + 134
    r.add(new PrefixRule("firebase-cloud-messaging-key", ":APA91b", KEY, "Firebase Cloud Messaging server key")
        .left(B64URL, 11).seg(B64URL, 130, 140));
    r.add(new PrefixRule("mapbox-secret-token", "sk.eyJ", KEY, "Mapbox secret token").seg(B64URL, 40, 300)
        .sep('.', B64URL, 22, 22));
    for (String anchor : new String[] {"CCIPAT_", "CCIPRJ_"}) {
      r.add(new PrefixRule("circleci-token", anchor, KEY, "CircleCI API token").seg(ALNUM, 22, 22)
          .sep('_', LOWER_HEX, 40, 40));
    }
    r.add(new PrefixRule("buildkite-token", "bkua_", KEY, "Buildkite API access token").seg(LOWER_HEX, 40, 40));
    for (String anchor : new String[] {"pat.", "sat."}) { // Harness: personal and service account tokens
      r.add(new PrefixRule("harness-token", anchor, TOKEN, "Harness API token").seg(B64URL, 22, 22)
          .sep('.', ALNUM, 24, 24).sep('.', ALNUM, 20, 20));
    }
    for (String anchor : new String[] {"squ_", "sqp_", "sqa_"}) {
      r.add(new PrefixRule("sonarqube-token", anchor, KEY, "SonarQube token").seg(ALNUM, 40, 40));
    }
    r.add(new PrefixRule("jfrog-api-key", "AKCp", KEY, "JFrog Artifactory API key").seg(ALNUM, 69, 69));
    r.add(new PrefixRule("jfrog-reference-token", "cmVmdGtu", KEY, "JFrog reference token").seg(ALNUM, 56, 56));
    r.add(new PrefixRule("nuget-api-key", "oy2", KEY, "NuGet API key").seg(LOWER | DIGIT, 43, 43));
    r.add(new PrefixRule("prefect-api-key", "pnu_", KEY, "Prefect API key").seg(ALNUM, 36, 36));
    r.add(new PrefixRule("readme-api-key", "rdme_", KEY, "ReadMe API key").seg(ALNUM, 70, 70));
    r.add(new PrefixRule("typeform-token", "tfp_", KEY, "Typeform personal access token")
        .seg(B64URL | DOT | EQUALS, 59, 59));
    r.add(new PrefixRule("figma-token", "figd_", KEY, "Figma personal access token").seg(B64URL, 38, 44));
    r.add(new PrefixRule("defined-networking-key", "dnkey-", KEY, "Defined Networking API key")
        .seg(ALNUM | UNDERSCORE | EQUALS, 26, 26).sep('-', ALNUM | UNDERSCORE | EQUALS, 52, 52));
    for (String anchor : new String[] {"duffel_test_", "duffel_live_"}) {
      r.add(new PrefixRule("duffel-api-token", anchor, KEY, "Duffel API token").seg(B64URL | EQUALS, 43, 43));
    }
    r.add(new PrefixRule("easypost-api-key", "EZTK", KEY, "EasyPost test API key").seg(ALNUM, 54, 54));
    for (String anchor : new String[] {"FLWSECK_TEST-", "FLWSECK-"}) {
      r.add(new PrefixRule("flutterwave-secret-key", anchor, KEY, "Flutterwave secret key").seg(LOWER_HEX, 32, 32)
          .sep('-', UPPER, 1, 1));
    }
    r.add(new PrefixRule("braintree-access-token", "access_token$production$", KEY, "Braintree / PayPal access token")
        .seg(LOWER | DIGIT, 16, 16).sep('$', LOWER_HEX, 32, 32));
    for (String anchor : new String[] {"access-production-", "access-development-", "access-sandbox-"}) {
      r.add(new PrefixRule("plaid-access-token", anchor, TOKEN, "Plaid access token").seg(LOWER_HEX | DASH, 36, 36));
    }
    r.add(new PrefixRule("sendinblue-api-key", "xkeysib-", KEY, "Brevo (Sendinblue) API key").seg(LOWER_HEX, 64, 64)
        .sep('-', ALNUM, 16, 16));
    // Brevo's SMTP keys: the relay's password, the same shape under its own prefix
    r.add(new PrefixRule("brevo-smtp-key", "xsmtpsib-", SECRET, "Brevo SMTP key").seg(LOWER_HEX, 64, 64)
        .sep('-', ALNUM, 16, 16));
    for (String anchor : new String[] {"pdl_live_apikey_", "pdl_sdbx_apikey_"}) {
      r.add(new PrefixRule("paddle-api-key", anchor, KEY, "Paddle API key").seg(LOWER | DIGIT, 26, 26)
          .sep('_', ALNUM, 22, 22).sep('_', ALNUM, 3, 3));
    }
    // An app-only bearer token: 22 A's, then its URL-encoded base64 (%2B, %2F, %3D give it away)
    r.add(new PrefixRule("twitter-bearer-token", "AAAAAAAAAAAAAAAAAAAAA", TOKEN, "X (Twitter) bearer token")
        .seg(ALNUM | PERCENT, 60, 140).check(Rules::urlEncodedBase64));
    for (String anchor : new String[] {"dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."}) {
      r.add(new PrefixRule("doppler-token", anchor, KEY, "Doppler token").seg(ALNUM, 40, 44));
    }
    r.add(new PrefixRule("doppler-token", "dp.st.", KEY, "Doppler service token").seg(ALNUM, 40, 44));
    r.add(new PrefixRule("doppler-token", "dp.st.", KEY, "Doppler service token")
        .seg(LOWER | DIGIT | DASH | UNDERSCORE, 2, 35).sep('.', ALNUM, 40, 44));
    // base64 of {"k":"<32>","n":"<name>","id":<n>}: 48 characters after the anchor with a one-letter name
    r.add(new PrefixRule("grafana-api-key", "eyJrIjoi", KEY, "Grafana API key (legacy)").seg(B64 | EQUALS, 48, 400));
    r.add(new PrefixRule("microsoft-teams-webhook", "/IncomingWebhook/", TOKEN, "Microsoft Teams incoming webhook")
        .seg(LOWER_HEX, 32, 32).sep('/', LOWER_HEX | DASH, 36, 36));
    return r;
  }

  private static final byte[] T3BLBKFJ = "T3BlbkFJ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BEDROCK = "bedrock.amazonaws.com".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] SAS_VERSION = "sv=".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] CLOUDFRONT_EXPIRES = Detector.ascii("Expires=");
  private static final byte[] CLOUDFRONT_POLICY = Detector.ascii("Policy=");
  private static final byte[] AMZ_CREDENTIAL = Detector.ascii("X-Amz-Credential=");

  private static boolean cloudFrontSigned(byte[] b, int start, int body, int end) {
    int from = Math.max(0, start - 2048);
    return (queryParameter(b, from, start, CLOUDFRONT_EXPIRES) || queryParameter(b, from, start, CLOUDFRONT_POLICY))
        && Bytes.entropy(b, body, end) >= 4.0;
  }

  private static boolean s3Presigned(byte[] b, int start, int body, int end) {
    return queryParameter(b, Math.max(0, start - 2048), start, AMZ_CREDENTIAL);
  }

  /** Whether {@code name} (with its {@code =}) starts a query parameter in {@code b[from, to)}: after ? or &. */
  private static boolean queryParameter(byte[] b, int from, int to, byte[] name) {
    for (int at = Bytes.indexOf(b, from, to, name); at >= 0; at = Bytes.indexOf(b, at + 1, to, name)) {
      if (at > 0 && (b[at - 1] == '?' || b[at - 1] == '&')) {
        return true;
      }
    }
    return false;
  }

  /** A SAS signature: its query names a SAS version (sv=) within the 512 bytes before it, and it is random. */
  private static boolean azureSas(byte[] b, int start, int body, int end) {
    int from = Math.max(0, start - 512);
    int sv = Bytes.indexOf(b, from, start, SAS_VERSION);
    return sv >= 0 && (sv == 0 || b[sv - 1] == '?' || b[sv - 1] == '&' || b[sv - 1] == '"' || b[sv - 1] == '\'')
        && Bytes.entropy(b, body, end) >= 3.5;
  }

  private static final byte[] AZURE_FUNCTIONS_HOST = ".azurewebsites.net/".getBytes(StandardCharsets.US_ASCII);

  /**
   * A function key in its URL: {@code code=} opens a query parameter of a URL on a Functions host, within the 512
   * bytes before it on its line, and the key is random (an OAuth redirect's {@code ?code=} elsewhere is not one).
   */
  private static boolean azureFunctionUrl(byte[] b, int start, int body, int end) {
    if (start == 0 || b[start - 1] != '?' && b[start - 1] != '&') {
      return false;
    }
    int from = start;
    while (from > 0 && start - from < 512 && b[from - 1] != '\n' && b[from - 1] != ' ' && b[from - 1] != '"') {
      from--;
    }
    return Bytes.indexOf(b, from, start, AZURE_FUNCTIONS_HOST) >= 0 && Bytes.entropy(b, body, end) >= 3.5;
  }

  /** An identifiable Functions key's last body byte before {@code ==} is one of A, Q, g, w (its checksum's bits). */
  private static boolean azureFunctionKey(byte[] b, int start, int body, int end) {
    byte last = b[end - 3];
    return (last == 'A' || last == 'Q' || last == 'g' || last == 'w') && Bytes.classesPresent(b, start, end) >= 3;
  }

  private static final byte[][] URL_ENCODED_B64 = {"%2B".getBytes(StandardCharsets.US_ASCII),
      "%2F".getBytes(StandardCharsets.US_ASCII), "%3D".getBytes(StandardCharsets.US_ASCII)};

  /** URL-encoded base64: one of its escapes is there. */
  /** A body with at least {@code n} of upper case, lower case and digits: random, not a word or a number. */
  private static final byte[] TELEGRAM_HOST = Detector.ascii("telegram.org");

  /** The heads of the master keys of BIP-32's test vectors 1 to 4 (their Base58Check verified). */
  private static final byte[][] BIP32_TEST_VECTORS = {Detector.ascii("xprv9s21ZrQH143K3QTDL4LX"),
      Detector.ascii("xprv9s21ZrQH143K31xYSDQp"), Detector.ascii("xprv9s21ZrQH143K25QhxbucbD"),
      Detector.ascii("xprv9s21ZrQH143K48vGoLGR")};

  private static PrefixRule.Check classes(int n) {
    return (b, s, body, e) -> Bytes.classesPresent(b, body, e) >= n;
  }

  private static boolean urlEncodedBase64(byte[] b, int start, int body, int end) {
    for (byte[] escape : URL_ENCODED_B64) {
      if (Bytes.indexOf(b, body, end, escape) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAA(byte[] b, int start, int body, int end) {
    return b[end - 1] == 'A' && b[end - 2] == 'A';
  }

  /** A3-XXXXXX-(XXXXXXXXXXX|XXXXXX-XXXXX)-XXXXX-XXXXX-XXXXX. */
  private static boolean onePasswordSecretKey(byte[] b, int start, int body, int end) {
    int dashes = 0;
    for (int i = body; i < end; i++) {
      dashes += b[i] == '-' ? 1 : 0;
    }
    return (dashes == 4 || dashes == 5) && b[end - 6] == '-';
  }

  /**
   * Random alphanumerics, not a test's name written in camelCase ({@code test_ShouldReturn404WhenUserMissing}): all
   * three classes, and a high entropy or few vowels (words are two-fifths vowels, random letters one-fifth).
   */
  private static boolean notCamelCaseWords(byte[] b, int start, int body, int end) {
    int letters = 0;
    int vowels = 0;
    for (int i = body; i < end; i++) {
      if (Bytes.is(b[i], UPPER | LOWER)) {
        letters++;
        switch (b[i] | 0x20) {
          case 'a': case 'e': case 'i': case 'o': case 'u':
            vowels++;
            break;
          default:
            break;
        }
      }
    }
    return Bytes.classesPresent(b, body, end) == 3 && (Bytes.entropy(b, body, end) >= 4.2 || vowels * 4 < letters);
  }

  /** Slack tokens: digits and dashes in the body, not a word like {@code xoxb-Slack_BOT_TOKEN}. */
  private static boolean slack(byte[] b, int start, int body, int end) {
    int dashes = 0;
    int digits = 0;
    for (int i = body; i < end; i++) {
      if (b[i] == '-') {
        dashes++;
      } else if (Bytes.is(b[i], DIGIT)) {
        digits++;
      }
    }
    // a token of two parts ends in a random one of 16 bytes or more (legacy xoxb-<id>-<19…24>, xoxe-1-<base64>):
    // xoxb-57614325986-HwDXai75a3 is a truncated or made-up one; longer shapes (xoxs-<d>-<d>-<d>-<10 hex>) pass
    int last = end;
    while (last > body && b[last - 1] != '-') {
      last--;
    }
    return dashes >= 1 && digits >= 6 && end - body >= 20 && (dashes >= 2 || end - last >= 16);
  }

  /** Short-lived Bedrock keys are base64 of a presigned URL on bedrock.amazonaws.com. */
  private static boolean bedrock(byte[] b, int start, int body, int end) {
    int len = Math.min(end - body, 40) & ~3;
    try {
      byte[] decoded = Base64.getDecoder().decode(java.util.Arrays.copyOfRange(b, body, body + len));
      return Bytes.startsWith(decoded, 0, decoded.length, BEDROCK, false);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
