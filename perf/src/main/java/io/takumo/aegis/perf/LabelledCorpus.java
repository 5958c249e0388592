package io.takumo.aegis.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * A labelled corpus for the scanner's precision and recall (issue 18), made here from a seed and
 * the public descriptions of each format (not from the detector's own rules): files in 12
 * languages and config syntaxes that look like real code — full of {@code key}, {@code token},
 * {@code secret} and {@code password} identifiers — with planted secrets of 50 formats (some the
 * detector does not know) and hard negatives: references to secrets in CI, shell, template,
 * secret-manager and cloud syntax, placeholders and fixtures, keys public by design, hashes, ids,
 * public keys and certificates.
 *
 * <p>{@code main} writes the tree ({@code SCAN_CORPUS_DIR}, default a temporary directory;
 * {@code SCAN_CORPUS_FILES}, default 600; {@code SCAN_CORPUS_SEED}), runs {@code takumo-aegis scan
 * --format json} on it as a user would (whole process, {@code SCAN_JAR}) and, when
 * {@code SECRETLINT} names a secretlint binary, secretlint with its recommended preset on the same
 * tree; a finding is a true positive when it overlaps a planted secret's bytes. Writes precision,
 * recall and F1, per rule and per format, and MB/s to {@code perf/results/scan-labelled-corpus.md}.
 */
public final class LabelledCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String HEX = "0123456789abcdef";
  private static final String B64 = B62 + "+/";
  private static final String B64URL = B62 + "-_";

  private LabelledCorpus() {}

  /** A planted secret: where it is, and which format. */
  record Label(String file, long start, long end, String format) {}

  /** A finding of a scanner, by byte range. */
  record Hit(String file, long start, long end, String rule) {}

  /** A format: its id, the names code gives such a value, and a generator. */
  private record Format(String id, List<String> names, Function<Random, String> make) {}

  private static String of(Random r, String alphabet, int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** GitHub's token checksum: CRC32 of the 30 random characters, base62, six digits. */
  private static String githubStyle(String prefix, Random r) {
    String random = of(r, B62, 30);
    CRC32 crc = new CRC32();
    crc.update(random.getBytes(StandardCharsets.US_ASCII));
    long v = crc.getValue();
    char[] tail = new char[6];
    for (int i = 5; i >= 0; i--) {
      tail[i] = B62.charAt((int) (v % 62));
      v /= 62;
    }
    return prefix + random + new String(tail);
  }

  private static String b64url(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String password(Random r) {
    String[] words = {"horse", "Maple", "quartz", "Violet", "ember", "Otter", "canyon", "Lumen"};
    return words[r.nextInt(words.length)] + of(r, "!#%&*-_.", 1) + r.nextInt(1000) + words[r.nextInt(words.length)]
        + of(r, B62, 4);
  }

  static List<Format> formats() {
    List<Format> f = new ArrayList<>();
    f.add(new Format("aws-access-key-id", List.of("aws_access_key_id", "AWS_ACCESS_KEY_ID", "accessKeyId"),
        r -> "AKIA" + of(r, UPPER + "234567", 16)));
    f.add(new Format("aws-secret-access-key", List.of("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "secretAccessKey"),
        r -> of(r, B64, 40)));
    f.add(new Format("github-pat", List.of("GITHUB_TOKEN", "gh_token", "githubToken"), r -> githubStyle("ghp_", r)));
    f.add(new Format("github-oauth", List.of("oauth_token", "GH_OAUTH"), r -> githubStyle("gho_", r)));
    f.add(new Format("github-app-token", List.of("installation_token", "GH_APP_TOKEN"), r -> githubStyle("ghs_", r)));
    f.add(new Format("github-user-to-server", List.of("user_token", "GH_USER_TOKEN"), r -> githubStyle("ghu_", r)));
    f.add(new Format("github-fine-grained-pat", List.of("GITHUB_PAT", "repo_token"),
        r -> "github_pat_" + of(r, B62, 22) + "_" + of(r, B62, 59)));
    f.add(new Format("gitlab-pat", List.of("GITLAB_TOKEN", "gitlab_token"), r -> "glpat-" + of(r, B62 + "-_", 20)));
    f.add(new Format("npm-token", List.of("NPM_TOKEN", "npmAuthToken"), r -> githubStyle("npm_", r)));
    f.add(new Format("slack-bot-token", List.of("SLACK_BOT_TOKEN", "slack_token"),
        r -> "xoxb-" + (1000000000L + r.nextInt(999999999)) + "-" + (1000000000000L + r.nextInt(999999999)) + "-"
            + of(r, B62, 24)));
    f.add(new Format("slack-webhook", List.of("SLACK_WEBHOOK_URL", "webhookUrl"),
        r -> "https://hooks.slack.com/services/T" + of(r, UPPER + "0123456789", 10) + "/B"
            + of(r, UPPER + "0123456789", 10) + "/" + of(r, B62, 24)));
    f.add(new Format("stripe-secret-key", List.of("STRIPE_SECRET_KEY", "stripe_key", "stripeSecret"),
        r -> "sk_live_" + of(r, B62, 99)));
    f.add(new Format("stripe-restricted-key", List.of("STRIPE_RESTRICTED_KEY"), r -> "rk_live_" + of(r, B62, 99)));
    f.add(new Format("stripe-webhook-secret", List.of("STRIPE_WEBHOOK_SECRET", "endpointSecret"),
        r -> "whsec_" + of(r, B62, 32)));
    f.add(new Format("google-api-key", List.of("GOOGLE_API_KEY", "mapsKey", "firebaseApiKey"),
        r -> "AIza" + of(r, B64URL, 35)));
    f.add(new Format("sendgrid-api-key", List.of("SENDGRID_API_KEY", "sendgrid_key"),
        r -> "SG." + of(r, B64URL, 22) + "." + of(r, B64URL, 43)));
    f.add(new Format("twilio-api-key", List.of("TWILIO_API_KEY", "twilio_sid"), r -> "SK" + of(r, HEX, 32)));
    f.add(new Format("openai-project-key", List.of("OPENAI_API_KEY", "openai_key", "openaiApiKey"),
        r -> "sk-proj-" + of(r, B64URL, 74) + "T3BlbkFJ" + of(r, B64URL, 74)));
    f.add(new Format("anthropic-api-key", List.of("ANTHROPIC_API_KEY", "anthropic_key", "claudeKey"),
        r -> "sk-ant-api03-" + of(r, B64URL, 93) + "AA"));
    f.add(new Format("huggingface-token", List.of("HF_TOKEN", "hf_token"), r -> "hf_" + of(r, UPPER + UPPER.toLowerCase(Locale.ROOT), 34)));
    f.add(new Format("databricks-token", List.of("DATABRICKS_TOKEN"), r -> "dapi" + of(r, HEX, 32)));
    f.add(new Format("shopify-access-token", List.of("SHOPIFY_ACCESS_TOKEN"), r -> "shpat_" + of(r, HEX, 32)));
    f.add(new Format("jwt", List.of("session_token", "id_token", "jwt"),
        r -> b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64url("{\"sub\":\"" + r.nextInt(1_000_000)
            + "\",\"name\":\"user" + r.nextInt(100) + "\",\"iat\":" + (1_700_000_000 + r.nextInt(10_000_000)) + "}")
            + "." + of(r, B64URL, 43)));
    f.add(new Format("supabase-service-role-key", List.of("SUPABASE_SERVICE_ROLE_KEY", "serviceRoleKey"),
        r -> supabase(r, "service_role")));
    f.add(new Format("postgres-url", List.of("DATABASE_URL", "db_url", "dsn"),
        r -> "postgres://app_" + of(r, "abcdefgh", 3) + ":" + of(r, B62, 16) + "@db-" + r.nextInt(9) + ".internal:5432/app"));
    f.add(new Format("mysql-url", List.of("MYSQL_URL", "databaseUrl"),
        r -> "mysql://root:" + of(r, B62, 14) + "@mysql.prod.internal:3306/shop"));
    f.add(new Format("mongodb-url", List.of("MONGO_URI", "mongoUrl"),
        r -> "mongodb+srv://admin:" + of(r, B62, 12) + "@cluster0." + of(r, "abcdefghijklmnop", 5) + ".mongodb.net/prod"));
    f.add(new Format("redis-url", List.of("REDIS_URL", "cache_url"),
        r -> "rediss://default:" + of(r, B62, 24) + "@cache.internal:6380/0"));
    f.add(new Format("azure-storage-connection-string", List.of("AZURE_STORAGE_CONNECTION_STRING", "storageConn"),
        r -> "DefaultEndpointsProtocol=https;AccountName=acct" + r.nextInt(999) + ";AccountKey=" + of(r, B64, 86)
            + "==;EndpointSuffix=core.windows.net"));
    f.add(new Format("azure-sas-url", List.of("BLOB_SAS_URL", "sasUrl"),
        r -> "https://acct" + r.nextInt(99) + ".blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se="
            + "2027-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig=" + of(r, B62, 40) + "%3D"));
    f.add(new Format("mailgun-api-key", List.of("MAILGUN_API_KEY"), r -> "key-" + of(r, HEX, 32)));
    f.add(new Format("telegram-bot-token", List.of("TELEGRAM_BOT_TOKEN", "botToken"),
        r -> (100000000 + r.nextInt(899999999)) + ":AA" + of(r, B64URL, 33)));
    f.add(new Format("dockerhub-pat", List.of("DOCKERHUB_TOKEN", "docker_password"), r -> "dckr_pat_" + of(r, B64URL, 27)));
    f.add(new Format("terraform-cloud-token", List.of("TFE_TOKEN", "tf_token"),
        r -> of(r, B62, 14) + ".atlasv1." + of(r, B62, 67)));
    f.add(new Format("vault-token", List.of("VAULT_TOKEN", "vaultToken"), r -> "hvs." + of(r, B62 + "_-", 90)));
    f.add(new Format("doppler-token", List.of("DOPPLER_TOKEN"), r -> "dp.st.prd." + of(r, B62, 40)));
    f.add(new Format("digitalocean-token", List.of("DIGITALOCEAN_TOKEN", "do_token"), r -> "dop_v1_" + of(r, HEX, 64)));
    f.add(new Format("linear-api-key", List.of("LINEAR_API_KEY"), r -> "lin_api_" + of(r, B62, 40)));
    f.add(new Format("pypi-token", List.of("PYPI_TOKEN", "TWINE_PASSWORD"),
        r -> "pypi-AgEIcHlwaS5vcmc" + of(r, B64URL, 70)));
    f.add(new Format("alibaba-access-key-id", List.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "aliyun_ak"), r -> "LTAI" + of(r, B62, 20)));
    f.add(new Format("azure-openai-key", List.of("AZURE_OPENAI_API_KEY", "azureOpenAIKey"), r -> of(r, HEX, 32)));
    f.add(new Format("datadog-api-key", List.of("DD_API_KEY", "datadog_api_key"), r -> of(r, HEX, 32)));
    f.add(new Format("newrelic-user-key", List.of("NEW_RELIC_API_KEY"), r -> "NRAK-" + of(r, UPPER + "0123456789", 27)));
    f.add(new Format("age-secret-key", List.of("SOPS_AGE_KEY"),
        r -> "AGE-SECRET-KEY-1" + of(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)));
    f.add(new Format("django-secret-key", List.of("SECRET_KEY"),
        r -> "django-insecure-" + of(r, "abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)", 50)));
    f.add(new Format("password", List.of("db_password", "DB_PASSWORD", "adminPassword", "smtp_password"),
        LabelledCorpus::password));
    f.add(new Format("generic-api-token", List.of("api_token", "API_TOKEN", "serviceToken", "auth_token"),
        r -> of(r, B62, 32)));
    f.add(new Format("client-secret", List.of("client_secret", "CLIENT_SECRET", "oauthClientSecret"),
        r -> of(r, B62 + "-_~.", 34)));
    f.add(new Format("basic-auth-header", List.of("Authorization"),
        r -> "Basic " + Base64.getEncoder().encodeToString(("svc-" + of(r, "abcdefgh", 4) + ":" + of(r, B62, 18))
            .getBytes(StandardCharsets.US_ASCII))));
    f.add(new Format("rsa-private-key", List.of("PRIVATE_KEY", "privateKey"), LabelledCorpus::pem));
    return f;
  }

  /** A Supabase project key: a JWT Supabase signs for {@code role}. */
  private static String supabase(Random r, String role) {
    return b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64url("{\"iss\":\"supabase\",\"ref\":\""
        + of(r, "abcdefghijklmnopqrstuvwxyz", 20) + "\",\"role\":\"" + role + "\",\"iat\":1700000000,\"exp\":2015576000}")
        + "." + of(r, B64URL, 43);
  }

  private static String pem(Random r) {
    StringBuilder out = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\\n");
    for (int i = 0; i < 12; i++) {
      out.append(of(r, B64, 64)).append("\\n");
    }
    return out.append("-----END RSA PRIVATE KEY-----").toString();
  }

  /** Hard negatives: text a scanner must not report. Each yields a name and a value. */
  private static final List<Function<Random, String[]>> NEGATIVES = List.of(
      r -> new String[] {"DB_PASSWORD", "${{ secrets.DB_PASSWORD }}"},
      r -> new String[] {"api_key", "os.environ[\"API_KEY\"]"},
      r -> new String[] {"stripeKey", "process.env.STRIPE_SECRET_KEY"},
      r -> new String[] {"password", "{{ .Values.db.password }}"},
      r -> new String[] {"token", "vault:secret/data/ci#token"},
      r -> new String[] {"db_secret", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-" + of(r, B62, 6)},
      r -> new String[] {"OPENAI_API_KEY", "op://engineering/openai/credential"},
      r -> new String[] {"client_secret", "ref+awsssm://prod/oauth/client_secret"},
      r -> new String[] {"SMTP_PASSWORD", "${SMTP_PASSWORD}"},
      r -> new String[] {"password", "changeme"},
      r -> new String[] {"api_key", "your-api-key-here"},
      r -> new String[] {"secret", "xxxxxxxxxxxxxxxxxxxxxxxx"},
      r -> new String[] {"token", "<YOUR_TOKEN>"},
      r -> new String[] {"password", "test"},
      r -> new String[] {"admin_password", "REPLACE_ME"},
      r -> new String[] {"password", "********"},
      r -> new String[] {"secret_key", "abcdefghijklmnopqrstuvwxyz"},
      r -> new String[] {"STRIPE_PUBLISHABLE_KEY", "pk_live_" + of(r, B62, 99)},
      r -> new String[] {"stripePublicKey", "pk_test_" + of(r, B62, 99)},
      r -> new String[] {"authDomain", "acme-" + r.nextInt(999) + ".firebaseapp.com"},
      r -> new String[] {"SUPABASE_ANON_KEY", supabase(r, "anon")},
      // Sentry DSNs ship in browser bundles: they only let a client submit events (Sentry's docs).
      r -> new String[] {"SENTRY_DSN", "https://" + of(r, HEX, 32) + "@o" + r.nextInt(999999) + ".ingest.sentry.io/"
          + r.nextInt(9999999)},
      r -> new String[] {"appId", "1:" + (100000000000L + r.nextInt(999999999)) + ":web:" + of(r, HEX, 22)},
      r -> new String[] {"integrity", "sha512-" + of(r, B64, 86) + "=="},
      r -> new String[] {"commit_sha", of(r, HEX, 40)},
      r -> new String[] {"checksum", of(r, HEX, 64)},
      r -> new String[] {"request_id", java.util.UUID.nameUUIDFromBytes(of(r, B62, 8).getBytes(StandardCharsets.US_ASCII)).toString()},
      r -> new String[] {"cache_key", "user:" + r.nextInt(99999) + ":profile"},
      r -> new String[] {"token_type", "Bearer"},
      r -> new String[] {"secret_name", "prod/db-password"},
      r -> new String[] {"password_field", "password"},
      r -> new String[] {"key_id", "kid-" + r.nextInt(9999)},
      r -> new String[] {"public_key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + of(r, B64, 43) + " deploy@ci"},
      r -> new String[] {"logo", "data:image/png;base64," + of(r, B64, 120)},
      r -> new String[] {"tokenizer", "tiktoken.get_encoding(\"cl100k_base\")"},
      r -> new String[] {"signing_key_path", "/etc/ssl/private/server.key"});

  /** How each syntax writes {@code name = value} (a string) and a comment. */
  private record Syntax(String ext, String header, String assign, @Nullable String comment) {
    boolean json() {
      return ext.equals("json");
    }
  }

  private static final List<Syntax> SYNTAXES = List.of(
      new Syntax("py", "import os\nimport requests\n\n", "%s = \"%s\"", "# "),
      new Syntax("js", "const axios = require('axios');\n\n", "const %s = '%s';", "// "),
      new Syntax("ts", "import { Client } from './client';\n\n", "export const %s: string = \"%s\";", "// "),
      new Syntax("go", "package config\n\n", "var %s = \"%s\"", "// "),
      new Syntax("java", "package com.acme.config;\n\nclass Settings {\n", "  static final String %s = \"%s\";", "  // "),
      new Syntax("rb", "require 'net/http'\n\n", "%s = '%s'", "# "),
      new Syntax("sh", "#!/usr/bin/env bash\nset -euo pipefail\n\n", "export %s=\"%s\"", "# "),
      new Syntax("env", "", "%s=%s", "# "),
      new Syntax("yaml", "service:\n  name: billing\n", "  %s: \"%s\"", "  # "),
      new Syntax("json", "", "  \"%s\": \"%s\",", null),
      new Syntax("toml", "[service]\nname = \"billing\"\n\n", "%s = \"%s\"", "# "),
      new Syntax("tf", "provider \"aws\" {\n  region = \"us-east-1\"\n}\n\n", "  %s = \"%s\"", "  # "));

  /** Lines of ordinary code full of key/token/secret words, per syntax family. */
  private static final String[] FILLER = {
    "cache_key = build_key(user.id, \"session\")",
    "token = tokenizer.next_token()",
    "if not secret_manager.exists(secret_name): raise KeyError(secret_name)",
    "password_hash = bcrypt.hash(password, rounds=12)",
    "headers[\"Authorization\"] = f\"Bearer {access_token}\"",
    "for key, value in sorted(settings.items()): print(key)",
    "api_key = os.getenv(\"API_KEY\", \"\")",
    "const token = await auth.getToken({ scopes: [\"read\"] });",
    "keyStore.load(null, passwordChars);",
    "if (secret == null || secret.isEmpty()) { throw new IllegalStateException(\"no secret\"); }",
    "expect(response.status).toBe(401); // wrong token",
    "retry_count = 3  # tokens per minute are limited upstream",
    "BEGIN CERTIFICATE is checked by verify_chain(cert_pem)",
    "log.info(\"rotated key {} for tenant {}\", keyId, tenant);",
    "const secretName = `projects/${project}/secrets/${name}/versions/latest`;",
  };

  /** Writes the corpus; returns the labels of the planted secrets. */
  static List<Label> write(Path root, int files, long seed) throws IOException {
    Random r = new Random(seed);
    List<Format> formats = formats();
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      Syntax syntax = SYNTAXES.get(i % SYNTAXES.size());
      Path file = root.resolve("svc-" + (i % 37)).resolve("config_" + i + "." + syntax.ext());
      Files.createDirectories(file.getParent());
      StringBuilder text = new StringBuilder(syntax.json() ? "{\n" : syntax.header());
      int lines = 20 + r.nextInt(60);
      for (int l = 0; l < lines; l++) {
        int dice = r.nextInt(100);
        if (dice < 5) { // a planted secret
          Format f = formats.get(r.nextInt(formats.size()));
          String name = f.names().get(r.nextInt(f.names().size()));
          String value = f.make().apply(r);
          String line = String.format(Locale.ROOT, syntax.assign(), name, value);
          long start = utf8(text) + utf8(line.substring(0, line.indexOf(value)));
          labels.add(new Label(root.relativize(file).toString(), start, start + utf8(value), f.id()));
          text.append(line).append('\n');
        } else if (dice < 17) { // a hard negative
          String[] neg = NEGATIVES.get(r.nextInt(NEGATIVES.size())).apply(r);
          text.append(String.format(Locale.ROOT, syntax.assign(), neg[0], neg[1])).append('\n');
        } else if (syntax.json()) {
          text.append(String.format(Locale.ROOT, syntax.assign(), "field_" + l, "value " + l)).append('\n');
        } else {
          String filler = FILLER[r.nextInt(FILLER.length)];
          text.append(dice < 40 && syntax.comment() != null ? syntax.comment() + filler : filler).append('\n');
        }
      }
      if (syntax.json()) {
        text.append("  \"end\": true\n}\n");
      } else if (syntax.ext().equals("java")) {
        text.append("}\n");
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    return labels;
  }

  private static long utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  /** Precision, recall and F1 of {@code hits} against {@code labels}, overall and per rule and format. */
  static String score(String scanner, List<Label> labels, List<Hit> hits) {
    Map<String, List<Label>> byFile = new HashMap<>();
    labels.forEach(l -> byFile.computeIfAbsent(l.file(), k -> new ArrayList<>()).add(l));
    java.util.Set<Label> found = new java.util.HashSet<>();
    Map<String, int[]> perRule = new TreeMap<>(); // [tp, fp]
    for (Hit h : hits) {
      Label match = null;
      for (Label l : byFile.getOrDefault(h.file(), List.of())) {
        if (h.start() < l.end() && l.start() < h.end()) {
          match = l;
          break;
        }
      }
      int[] counts = perRule.computeIfAbsent(h.rule(), k -> new int[2]);
      if (match != null) {
        found.add(match);
        counts[0]++;
      } else {
        counts[1]++;
      }
    }
    int tp = found.size();
    int fp = perRule.values().stream().mapToInt(c -> c[1]).sum();
    int fn = labels.size() - tp;
    double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double recall = labels.isEmpty() ? 0 : tp / (double) labels.size();
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "### %s%n%nPlanted %d, found %d, missed %d, false positives %d: **precision %.3f, recall %.3f, F1 %.3f**%n%n",
        scanner, labels.size(), tp, fn, fp, precision, recall, f1));
    out.append("| rule | true | false | precision |\n| --- | ---: | ---: | ---: |\n");
    perRule.forEach((rule, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f |%n", rule, c[0], c[1],
        c[0] / (double) (c[0] + c[1]))));
    Map<String, int[]> perFormat = new TreeMap<>(); // [planted, found]
    for (Label l : labels) {
      int[] c = perFormat.computeIfAbsent(l.format(), k -> new int[2]);
      c[0]++;
      c[1] += found.contains(l) ? 1 : 0;
    }
    out.append("\n| format | planted | found | recall |\n| --- | ---: | ---: | ---: |\n");
    perFormat.forEach((format, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f |%n", format, c[0],
        c[1], c[1] / (double) c[0])));
    return out.append('\n').toString();
  }

  /** Hits from {@code takumo-aegis scan --format json}. */
  static List<Hit> aegisHits(JsonNode findings, Path root) {
    List<Hit> out = new ArrayList<>();
    for (JsonNode f : findings) {
      Path file = Path.of(f.path("file").asText());
      String rel = (file.isAbsolute() ? root.relativize(file) : root.toAbsolutePath().relativize(file.toAbsolutePath()))
          .toString();
      out.add(new Hit(rel, f.path("start").asLong(), f.path("end").asLong(), f.path("type").asText()));
    }
    return out;
  }

  /** Hits from {@code secretlint --format json} (ranges are UTF-16 offsets: the corpus is ASCII). */
  static List<Hit> secretlintHits(JsonNode results, Path root) {
    List<Hit> out = new ArrayList<>();
    for (JsonNode file : results) {
      String rel = root.toAbsolutePath().relativize(Path.of(file.path("filePath").asText()).toAbsolutePath()).toString();
      for (JsonNode m : file.path("messages")) {
        out.add(new Hit(rel, m.path("range").path(0).asLong(), m.path("range").path(1).asLong(), m.path("ruleId").asText()));
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    int files = Integer.parseInt(System.getenv().getOrDefault("SCAN_CORPUS_FILES", "600"));
    long seed = Long.parseLong(System.getenv().getOrDefault("SCAN_CORPUS_SEED", "20261206"));
    String dir = System.getenv("SCAN_CORPUS_DIR");
    Path root = dir != null ? Files.createDirectories(Path.of(dir)) : Files.createTempDirectory("aegis-scan-corpus");
    List<Label> labels = write(root, files, seed);
    long bytes;
    try (var walk = Files.walk(root)) {
      bytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "# Scanner precision and recall on a generated corpus (LabelledCorpus, seed %d)%n%n%d files, %.1f MB, %d planted "
            + "secrets of %d formats, hard negatives on about 12%% of the lines.%n%n", seed, files, bytes / 1e6,
        labels.size(), formats().size()));
    String jar = System.getenv().getOrDefault("SCAN_JAR", PerfRunner.ROOT.resolve("proxy/target/takumo-aegis.jar").toString());
    long t0 = System.nanoTime();
    Process aegis = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, "scan",
        "--format", "json", "--no-gitignore", root.toString()).redirectErrorStream(false).start();
    JsonNode findings = JSON.readTree(aegis.getInputStream());
    aegis.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    report.append(score(String.format(Locale.ROOT, "takumo-aegis scan (%.2f s whole process)", seconds), labels,
        aegisHits(findings, root)));
    String secretlint = System.getenv("SECRETLINT");
    if (secretlint != null) {
      Files.writeString(root.resolve(".secretlintrc.json"),
          "{\"rules\":[{\"id\":\"@secretlint/secretlint-rule-preset-recommend\"}]}");
      t0 = System.nanoTime();
      // To a file: node cuts a pipe's output at 64 KiB when the process exits.
      Path results = Files.createTempFile("secretlint", ".json");
      Process lint = new ProcessBuilder(secretlint, "**/*", "--format", "json", "--no-maskSecrets", "--output",
          results.toString()).directory(root.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      lint.waitFor();
      String out = Files.readString(results);
      Files.delete(results);
      seconds = (System.nanoTime() - t0) / 1e9;
      report.append(score(String.format(Locale.ROOT, "secretlint, recommended preset (%.2f s whole process)", seconds),
          labels, secretlintHits(JSON.readTree(out.isBlank() ? "[]" : out), root)));
    }
    PerfRunner.writeResult("scan-labelled-corpus.md", report);
  }
}
