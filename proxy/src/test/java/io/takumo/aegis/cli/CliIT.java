package io.takumo.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The takumo-aegis CLI as a user runs it: a separate JVM, environment variables, stdout and signals. */
class CliIT {
  @TempDir Path home;

  private Process start(Map<String, String> env, String... args) throws IOException {
    return startWith(List.of(), env, args);
  }

  private Process startWith(List<String> jvmArgs, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("HOME", home.toString());
    builder.environment().keySet().removeIf(k -> k.startsWith("TAKUMO_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void dropSchema(String url, String schema) throws Exception {
    try (var db = new io.takumo.aegis.proxy.store.Database(io.takumo.aegis.proxy.store.DatabaseUrl.parse("url", url), "public");
        var c = db.dataSource().getConnection(); var st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static String read(java.io.InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void keysCreatePrintsOnlyTheKeyAndStoresOnlyItsHash() throws Exception {
    Path store = home.resolve("keys.json");
    Process create = start(Map.of("TAKUMO_KEYS_FILE", store.toString()), "keys", "create", "--name", "laptop",
        "--scopes", "shield:write,audit:read", "--env", "live");
    String out = read(create.getInputStream());
    String err = read(create.getErrorStream());
    assertThat(create.waitFor()).isZero();

    assertThat(out.lines().toList()).hasSize(1);
    String key = out.trim();
    assertThat(key).matches("tk_live_[0-9a-f]{64}");
    assertThat(err).contains(key.substring(0, 12)).doesNotContain(key);
    assertThat(Files.readString(store)).doesNotContain(key).contains("audit:read");

    Process list = start(Map.of("TAKUMO_KEYS_FILE", store.toString()), "keys", "list");
    String listed = read(list.getInputStream());
    assertThat(list.waitFor()).isZero();
    assertThat(listed).contains(key.substring(0, 12)).contains("laptop").doesNotContain(key);

    Process revoke = start(Map.of("TAKUMO_KEYS_FILE", store.toString()), "keys", "revoke", key.substring(0, 12));
    assertThat(revoke.waitFor()).isZero();
    assertThat(Files.readString(store)).contains("\"revoked\"");
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private Path tree() throws IOException {
    Path root = Files.createDirectories(home.resolve("project"));
    Files.writeString(root.resolve(".env"), "DB_PASSWORD=hunter2-Correct\nDEBUG=true\n");
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/app.py"), "import os\n\naws = \"AKIAIOSFODNN7EXAMPLE\"\n");
    Files.writeString(root.resolve("src/clean.py"), "print('hello')\n");
    Files.write(root.resolve("src/image.bin"), new byte[] {0, 1, 2, 'A', 'K', 'I', 'A'});
    return root;
  }

  @Test
  void scanReportsFindingsWithPositionsInEveryFormat() throws Exception {
    Path root = tree();
    Process text = start(Map.of(), "scan", root.toString());
    String out = read(text.getInputStream());
    assertThat(text.waitFor()).isEqualTo(1);
    assertThat(out).contains(".env:1:13: SECRET context-password hunter***")
        .contains("app.py:3:8: KEY aws-access-key-id AKIAIOSF***").doesNotContain("hunter2-Correct");

    Process json = start(Map.of(), "scan", "--format", "json", root.toString());
    var report = JSON.readTree(json.getInputStream());
    assertThat(json.waitFor()).isEqualTo(1);
    assertThat(report).hasSize(2);
    var aws = report.get(0).path("type").asText().equals("aws-access-key-id") ? report.get(0) : report.get(1);
    byte[] file = Files.readAllBytes(root.resolve("src/app.py"));
    assertThat(new String(file, aws.path("start").asInt(), aws.path("end").asInt() - aws.path("start").asInt(),
        StandardCharsets.UTF_8)).isEqualTo("AKIAIOSFODNN7EXAMPLE");
    assertThat(aws.path("file").asText()).isEqualTo(root.resolve("src/app.py").toString());

    Process sarif = start(Map.of(), "scan", "--format", "sarif", root.toString());
    var log = JSON.readTree(sarif.getInputStream());
    assertThat(sarif.waitFor()).isEqualTo(1);
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    var results = log.path("runs").get(0).path("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
        .isPositive();
    assertThat(log.toString()).doesNotContain("hunter2-Correct").doesNotContain("AKIAIOSFODNN7EXAMPLE");
  }

  /** A file that is one value and is named like a secret (a Docker or Kubernetes secret's mount) is that secret. */
  @Test
  void aFileThatHoldsOneValueNamedLikeASecretIsFound() throws Exception {
    Path root = Files.createDirectories(home.resolve("secrets"));
    Files.writeString(root.resolve("db_password"), "Kd82jfLq03PzXw9\n");
    Files.writeString(root.resolve("db_port"), "5432\n");
    Files.writeString(root.resolve("readme"), "Kd82jfLq03PzXw9\n");
    Files.writeString(root.resolve("token_notes.md"), "Kd82jfLq03PzXw9 is rotated monthly\n");
    Process json = start(Map.of(), "scan", "--format", "json", root.toString());
    var report = JSON.readTree(json.getInputStream());
    assertThat(json.waitFor()).isEqualTo(1);
    assertThat(report).hasSize(1);
    assertThat(report.get(0).path("file").asText()).isEqualTo(root.resolve("db_password").toString());
    assertThat(report.get(0).path("type").asText()).isEqualTo("context-password");
    assertThat(report.get(0).path("start").asInt()).isZero();
    assertThat(report.get(0).path("end").asInt()).isEqualTo(15);
  }

  /**
   * bin/takumo-aegis as users run it: the first scan archives the classes it loaded (class data sharing) without a
   * word on stdout or stderr, later runs map the archive and answer the same, and a jar built after the archive
   * gets a new one.
   */
  @Test
  void theLauncherArchivesTheClassesOfItsFirstScanAndUsesThem() throws Exception {
    Path project = Path.of(System.getProperty("user.dir")).getParent();
    Path install = home.resolve("install");
    Files.createDirectories(install.resolve("bin"));
    Files.createDirectories(install.resolve("proxy/target"));
    Files.copy(project.resolve("bin/takumo-aegis"), install.resolve("bin/takumo-aegis"));
    Path jar = install.resolve("proxy/target/takumo-aegis.jar");
    Files.copy(project.resolve("proxy/target/takumo-aegis.jar"), jar);
    Path archive = install.resolve("proxy/target/takumo-aegis-cli.jsa");
    Path root = tree();
    String expected = null;
    for (int run = 0; run < 3; run++) {
      if (run == 2) { // the jar rebuilt since the archive was made
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(jar).toMillis() - 10_000));
      }
      ProcessBuilder builder = new ProcessBuilder("sh", install.resolve("bin/takumo-aegis").toString(), "scan",
          "--format", "json", root.toString());
      builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
          + builder.environment().get("PATH"));
      builder.environment().remove("JAVA_OPTS");
      Process scan = builder.start();
      String out = read(scan.getInputStream());
      String err = read(scan.getErrorStream());
      assertThat(scan.waitFor()).as(err).isEqualTo(1);
      assertThat(err).as("run %d", run).isEmpty();
      assertThat(JSON.readTree(out)).hasSize(2);
      if (expected == null) {
        expected = out;
      }
      assertThat(out).isEqualTo(expected);
      assertThat(archive).exists();
      assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));
      try (var left = Files.list(archive.getParent())) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("takumo-aegis.jar",
            "takumo-aegis-cli.jsa");
      }
    }
  }

  @Test
  void scanHonoursIgnoresGitignoreAndRecursionFlags() throws Exception {
    Path root = tree();
    Process ignored = start(Map.of(), "scan", "--ignore", "**/*.py", root.toString());
    assertThat(read(ignored.getInputStream())).contains(".env").doesNotContain("app.py");
    assertThat(ignored.waitFor()).isEqualTo(1);

    Process flat = start(Map.of(), "scan", "--no-recursive", root.toString());
    assertThat(read(flat.getInputStream())).contains(".env").doesNotContain("app.py");
    flat.waitFor();

    Process init = new ProcessBuilder("git", "init", "-q", root.toString()).start();
    assertThat(init.waitFor()).isZero();
    Files.writeString(root.resolve(".gitignore"), ".env\n");
    Process inGit = start(Map.of(), "scan", root.toString());
    assertThat(read(inGit.getInputStream())).contains("app.py").doesNotContain(".env:");
    inGit.waitFor();
    Process noGitignore = start(Map.of(), "scan", "--no-gitignore", root.toString());
    assertThat(read(noGitignore.getInputStream())).contains(".env:");
    noGitignore.waitFor();

    Process clean = start(Map.of(), "scan", root.resolve("src/clean.py").toString());
    clean.getInputStream().readAllBytes();
    assertThat(clean.waitFor()).isZero();
  }

  @Test
  void aHundredMegabyteTreeScansInASmallHeapAndSecretsOnWindowEdgesAreFoundOnce() throws Exception {
    Path root = Files.createDirectories(home.resolve("big"));
    byte[] filler = "public static int add(int a, int b) { return a + b; } // code\n".repeat(1 << 12)
        .getBytes(StandardCharsets.US_ASCII);
    for (int f = 0; f < 40; f++) {
      try (var out = Files.newOutputStream(root.resolve("file" + f + ".java"))) {
        for (int i = 0; i < 2 << 20; i += filler.length) {
          out.write(filler);
        }
      }
    }
    // One 20 MiB file with a key straddling the 16 MiB scan window edge.
    String key = "AKIAIOSFODNN7EXAMPLE";
    int edge = 16 << 20;
    try (var out = Files.newOutputStream(root.resolve("edge.txt"))) {
      byte[] pad = new byte[edge - 10];
      java.util.Arrays.fill(pad, (byte) 'x');
      for (int i = 0; i < pad.length; i += 64) {
        pad[i] = '\n';
      }
      out.write(pad);
      out.write((" " + key + " ").getBytes(StandardCharsets.US_ASCII));
      out.write("\n".repeat(4 << 20).getBytes(StandardCharsets.US_ASCII));
    }
    Process scan = startWith(List.of("-Xmx96m"), Map.of(), "scan", "--format", "json", root.toString());
    var report = JSON.readTree(scan.getInputStream());
    String err = read(scan.getErrorStream());
    assertThat(scan.waitFor()).as(err).isEqualTo(1);
    assertThat(report).hasSize(1);
    assertThat(report.get(0).path("start").asLong()).isEqualTo(edge - 10 + 1);
  }

  @Test
  void keysLiveInPostgresWhenADatabaseIsConfigured() throws Exception {
    String url = System.getenv().getOrDefault("TAKUMO_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test");
    String schema = "aegis_cli_" + Long.toHexString(System.nanoTime());
    Map<String, String> env = Map.of("TAKUMO_DATABASE_URL", url, "TAKUMO_DATABASE_SCHEMA", schema);
    try {
      Process migrate = start(env, "db", "migrate");
      String migrated = read(migrate.getErrorStream());
      assertThat(migrate.waitFor()).as(migrated).isZero();
      assertThat(migrated).containsPattern("Schema " + schema + " is at version \\d+ \\([1-9]\\d* migration");
      Process again = start(env, "db", "migrate"); // idempotent
      assertThat(read(again.getErrorStream())).contains("(0 migration(s) applied)");
      assertThat(again.waitFor()).isZero();

      Process create = start(env, "keys", "create", "--name", "ci", "--env", "live", "--org", "acme");
      String key = read(create.getInputStream()).trim();
      assertThat(create.waitFor()).isZero();
      assertThat(key).matches("tk_live_[0-9a-f]{64}");

      Process list = start(env, "keys", "list");
      String listed = read(list.getInputStream());
      assertThat(list.waitFor()).isZero();
      assertThat(listed).contains(key.substring(0, 12)).contains("active").doesNotContain(key);

      Process revoke = start(env, "keys", "revoke", key.substring(0, 12));
      assertThat(revoke.waitFor()).isZero();
      Process after = start(env, "keys", "list");
      assertThat(read(after.getInputStream())).contains("revoked");
      after.waitFor();
    } finally {
      dropSchema(url, schema);
    }
  }

  @Test
  void coordinatorAdministration() throws Exception {
    String url = System.getenv().getOrDefault("TAKUMO_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test");
    String schema = "aegis_cli_" + Long.toHexString(System.nanoTime());
    Map<String, String> env = Map.of("TAKUMO_DATABASE_URL", url, "TAKUMO_DATABASE_SCHEMA", schema);
    try {
      Process create = start(env, "coordinator", "join-keys", "create", "--name", "edge");
      String key = read(create.getInputStream()).trim();
      String created = read(create.getErrorStream());
      assertThat(create.waitFor()).as(created).isZero();
      assertThat(key).matches("jk_[0-9a-f]{64}");
      assertThat(created).contains(key.substring(0, 11)).doesNotContain(key);

      Process list = start(env, "coordinator", "join-keys", "list");
      String listed = read(list.getInputStream());
      assertThat(list.waitFor()).isZero();
      assertThat(listed).contains(key.substring(0, 11)).contains("active").contains("edge").doesNotContain(key);

      Path config = home.resolve("fleet.yaml");
      Files.writeString(config, """
          provider_keys: [{provider: anthropic, api_key: sk-ant-api03-fleetwidekeyfleetwidekey}]
          custom_patterns: [{name: acme, pattern: "ACME_[0-9a-f]{32}", category: KEY}]
          proxy: {ca_cert_pem: "-----BEGIN CERTIFICATE-----", ca_key_sealed: c2VhbGVka2V5bWF0ZXJpYWw=}
          """);
      Process set = start(env, "coordinator", "config", "set", config.toString());
      String setOut = read(set.getInputStream());
      assertThat(set.waitFor()).as(read(set.getErrorStream())).isZero();
      assertThat(setOut.trim()).isEqualTo("config version 1");
      Process show = start(env, "coordinator", "config", "show");
      String shown = read(show.getInputStream());
      assertThat(show.waitFor()).isZero();
      assertThat(shown).contains("# version 1").contains("\"acme\"").contains("sk-ant***")
          .doesNotContain("fleetwidekey").contains("\"ca_key_sealed\": \"(set)\"").doesNotContain("c2VhbGVk");

      Files.writeString(config, "custom_patterns: [{name: x, pattern: y, category: NOPE}]\n");
      Process bad = start(env, "coordinator", "config", "set", config.toString());
      String refused = read(bad.getErrorStream());
      assertThat(bad.waitFor()).isEqualTo(2);
      assertThat(refused).contains("custom_patterns[0].category: 'NOPE'");
      Files.writeString(config, "custom_patterns: [{name: x, pattern: y, category: KEY, colour: blue}]\n");
      Process typo = start(env, "coordinator", "config", "set", config.toString());
      assertThat(read(typo.getErrorStream())).contains("does not match the takumo.config.v1.Config schema");
      assertThat(typo.waitFor()).isEqualTo(2);

      Process fleet = start(env, "coordinator", "fleet", "list");
      assertThat(read(fleet.getInputStream())).startsWith("INSTANCE");
      assertThat(fleet.waitFor()).isZero();

      Process revoke = start(env, "coordinator", "join-keys", "revoke", key.substring(0, 11));
      assertThat(revoke.waitFor()).isZero();
      Process after = start(env, "coordinator", "join-keys", "list");
      assertThat(read(after.getInputStream())).contains("revoked");
      after.waitFor();
    } finally {
      dropSchema(url, schema);
    }
  }

  @Test
  void caExportPrintsTheCertificateOrAFleetConfigSectionWithTheKeySealed() throws Exception {
    Map<String, String> env = Map.of("TAKUMO_CA_DIR", home.resolve("ca").toString());
    Process export = start(env, "ca", "export");
    String pem = read(export.getInputStream());
    assertThat(export.waitFor()).isZero();
    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----").endsWith("-----END CERTIFICATE-----\n");

    Process unsealed = start(env, "ca", "export", "--fleet");
    assertThat(read(unsealed.getInputStream())).isEmpty();
    assertThat(read(unsealed.getErrorStream())).contains("TAKUMO_ENCRYPTION_KEY");
    assertThat(unsealed.waitFor()).isEqualTo(1);

    String encryption = "ab".repeat(32);
    Process fleet = start(Map.of("TAKUMO_CA_DIR", home.resolve("ca").toString(), "TAKUMO_ENCRYPTION_KEY", encryption),
        "ca", "export", "--fleet");
    String yaml = read(fleet.getInputStream());
    assertThat(fleet.waitFor()).isZero();
    assertThat(yaml).startsWith("proxy:\n").doesNotContain("PRIVATE KEY")
        .doesNotContain(Files.readString(home.resolve("ca/ca.key")).lines().skip(1).findFirst().orElseThrow());
    var config = io.takumo.aegis.proxy.config.RuntimeConfig.compile(
        io.takumo.aegis.proxy.config.GatewayConfig.builder().encryptionKey(java.util.HexFormat.of().parseHex(encryption))
            .build(),
        new io.takumo.aegis.coordinator.client.Snapshot(1, io.takumo.aegis.coordinator.client.ConfigDecoder.decode(
            io.takumo.aegis.proto.ConfigFiles.parse(yaml, false)), io.takumo.aegis.coordinator.client.Snapshot.Source.LOCAL));
    assertThat(java.util.Objects.requireNonNull(config.proxyCa()).certificatePem()).isEqualTo(pem);
  }

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.email=ci@example.com",
        "-c", "user.name=ci"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = read(git.getInputStream());
    assertThat(git.waitFor()).as(said).isZero();
  }

  @Test
  void scanStagedReadsTheIndexHonoursAllowCommentsAndABaseline() throws Exception {
    Path repo = Files.createDirectories(home.resolve("repo"));
    git(repo, "init", "-q");
    String key = "AKIA" + "Q3EGRZKP7NVX5TY2";
    Files.writeString(repo.resolve("deploy.py"), "aws_key = \"" + key + "\"\n");
    Files.writeString(repo.resolve("docs.md"), "Example: `" + key + "` # aegis:allow\n");
    Files.writeString(repo.resolve("clean.txt"), "nothing here\n");
    git(repo, "add", "deploy.py", "docs.md", "clean.txt");
    Files.writeString(repo.resolve("deploy.py"), "aws_key = os.environ['AWS_KEY']\n"); // fixed, but not staged

    Process staged = start(Map.of(), "scan", "--staged", "--format", "json", repo.toString());
    var report = JSON.readTree(staged.getInputStream());
    String err = read(staged.getErrorStream());
    assertThat(staged.waitFor()).as(err).isEqualTo(1);
    assertThat(report).hasSize(1); // the index's deploy.py; docs.md's line says aegis:allow
    assertThat(report.get(0).path("file").asText()).isEqualTo("deploy.py");
    assertThat(report.get(0).path("fingerprint").asText()).matches("[0-9a-f]{64}");

    git(repo, "add", "deploy.py");
    Process clean = start(Map.of(), "scan", "--staged", repo.toString());
    read(clean.getInputStream());
    assertThat(clean.waitFor()).isZero();

    Path tree = Files.createDirectories(home.resolve("tree"));
    Files.writeString(tree.resolve("old.env"), "AWS_ACCESS_KEY_ID=" + key + "\n");
    Path baseline = home.resolve("baseline.json");
    Process write = start(Map.of(), "scan", "--write-baseline", baseline.toString(), tree.toString());
    read(write.getInputStream());
    assertThat(write.waitFor()).isZero();
    assertThat(Files.readString(baseline)).contains("old.env").doesNotContain(key);
    Process known = start(Map.of(), "scan", "--baseline", baseline.toString(), tree.toString());
    assertThat(read(known.getInputStream())).isEmpty();
    assertThat(known.waitFor()).isZero();
    Files.writeString(tree.resolve("new.env"), "STRIPE_KEY=sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc" + "\n");
    Process fresh = start(Map.of(), "scan", "--baseline", baseline.toString(), tree.toString());
    assertThat(read(fresh.getInputStream())).contains("new.env").doesNotContain("old.env");
    assertThat(fresh.waitFor()).isEqualTo(1);

    Process notBaseline = start(Map.of(), "scan", "--baseline", tree.resolve("old.env").toString(), tree.toString());
    assertThat(read(notBaseline.getErrorStream())).contains("not readable as a baseline").doesNotContain("Exception:");
    assertThat(notBaseline.waitFor()).isEqualTo(2);
    Process outside = start(Map.of(), "scan", "--staged", tree.toString());
    assertThat(read(outside.getErrorStream())).contains("--staged: git rev-parse failed");
    assertThat(outside.waitFor()).isEqualTo(2);
  }

  @Test
  void scanGitFindsWhatEveryCommitAddedWithItsCommitAndLine() throws Exception {
    Path repo = Files.createDirectories(home.resolve("history"));
    git(repo, "init", "-q");
    String key = "AKIA" + "Q3EGRZKP7NVX5TY2";
    Files.writeString(repo.resolve("app.py"), "import os\n\nx = 1\n");
    git(repo, "add", "app.py");
    git(repo, "commit", "-q", "-m", "first");
    Files.writeString(repo.resolve("app.py"), "import os\n\nx = 1\naws_key = \"" + key + "\"\n");
    git(repo, "commit", "-q", "-am", "the leak");
    Files.writeString(repo.resolve("app.py"), "import os\n\nx = 1\naws_key = os.environ['AWS_KEY']\n");
    git(repo, "commit", "-q", "-am", "the fix"); // the work tree is clean: only history holds it

    Process tree = start(Map.of(), "scan", "--no-gitignore", repo.resolve("app.py").toString());
    read(tree.getInputStream());
    assertThat(tree.waitFor()).isZero();

    Process history = start(Map.of(), "scan", "--git", "--format", "json", repo.toString());
    var report = JSON.readTree(history.getInputStream());
    String err = read(history.getErrorStream());
    assertThat(history.waitFor()).as(err).isEqualTo(1);
    assertThat(report).hasSize(1);
    var found = report.get(0);
    assertThat(found.path("file").asText()).isEqualTo("app.py");
    assertThat(found.path("line").asInt()).isEqualTo(4);
    assertThat(found.path("commit").asText()).matches("[0-9a-f]{40}");
    assertThat(found.path("date").asText()).startsWith("20");

    Process recent = start(Map.of(), "scan", "--git", "--range", "HEAD~1..HEAD", repo.toString());
    read(recent.getInputStream());
    assertThat(recent.waitFor()).as("the fix alone adds no secret").isZero();
    Process bad = start(Map.of(), "scan", "--git", "--range", "nope..HEAD", repo.toString());
    assertThat(read(bad.getErrorStream())).contains("--git: git log failed").doesNotContain("Exception");
    assertThat(bad.waitFor()).isEqualTo(2);
  }

  @Test
  void aProjectConfigAddsFormatsAllowsPathsAndTurnsRulesOffAndCsvAndRedactionFollowIt() throws Exception {
    Path root = Files.createDirectories(home.resolve("project"));
    Files.writeString(root.resolve(".takumo-aegis.yaml"), """
        custom_patterns:
          - {name: acme-deploy-key, pattern: "ACME_[0-9a-f]{32}", category: KEY}
        allow_paths: ["fixtures/**"]
        rules_off: [context-password]
        """);
    String key = "AKIA" + "Q3EGRZKP7NVX5TY2";
    Files.writeString(root.resolve("app.env"), "DEPLOY=ACME_" + "0123abcd".repeat(4) + "\npassword = \"Xk9mQ2vLp7wZr4tq\"\n");
    Files.createDirectories(root.resolve("fixtures"));
    Files.writeString(root.resolve("fixtures/keys.env"), "AWS_ACCESS_KEY_ID=" + key + "\n");
    String publishable = "pk_live_" + "51HxQ2eKf8Jz0qWpLmZr8TnVx3Ys";
    Files.writeString(root.resolve("main.py"), "aws = \"" + key + "\"\nstripe = Stripe('" + publishable + "')\n");

    Process csv = start(Map.of(), "scan", "--format", "csv", root.toString());
    List<String> rows = read(csv.getInputStream()).lines().toList();
    assertThat(csv.waitFor()).isEqualTo(1);
    assertThat(rows.get(0)).isEqualTo("file,line,column,category,type,confidence,fingerprint,commit,date");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).contains("app.env,1,8,KEY,acme-deploy-key,");
    assertThat(rows.get(2)).contains("main.py,1,8,KEY,aws-access-key-id,");
    assertThat(String.join("\n", rows)).doesNotContain(key).doesNotContain("fixtures").doesNotContain("context-password")
        .doesNotContain("stripe-publishable-key"); // public by design: reported only with rules_on

    Process masked = start(Map.of(), "scan", root.resolve("main.py").toString());
    assertThat(read(masked.getInputStream())).contains("AKIAQ3EG***").doesNotContain(key);
    masked.waitFor();
    Process whole = start(Map.of(), "scan", "--no-redact", root.resolve("main.py").toString());
    assertThat(read(whole.getInputStream())).contains(key);
    whole.waitFor();

    Files.writeString(root.resolve(".takumo-aegis.yaml"), "colour: blue\n");
    Process bad = start(Map.of(), "scan", root.toString());
    assertThat(read(bad.getErrorStream())).contains(".takumo-aegis.yaml").contains("colour").doesNotContain("\tat ");
    assertThat(bad.waitFor()).isEqualTo(2);
  }

  @Test
  void scanGitReadsQuotedPathsAndAddedLinesThatLookLikeDiffHeaders() throws Exception {
    Path repo = Files.createDirectories(home.resolve("odd-history"));
    git(repo, "init", "-q");
    String key = "AKIA" + "Q3EGRZKP7NVX5TY2";
    Files.writeString(repo.resolve("we\"ird\tname.txt"), "x\nkey = \"" + key + "\"\n");
    Files.writeString(repo.resolve("notes.md"), "++ " + key + "\n+++ b/elsewhere.txt\n");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "odd");
    Process history = start(Map.of(), "scan", "--git", "--format", "json", repo.toString());
    var report = JSON.readTree(history.getInputStream());
    String err = read(history.getErrorStream());
    assertThat(history.waitFor()).as(err).isEqualTo(1);
    assertThat(report).hasSize(2);
    assertThat(report.findValuesAsText("file")).containsExactlyInAnyOrder("notes.md", "we\"ird\tname.txt");
  }

  @Test
  void usageErrorsExit2() throws Exception {
    Process bad = start(Map.of(), "keys", "create", "--name", "x", "--scopes", "shield:everything");
    String err = read(bad.getErrorStream());
    assertThat(bad.waitFor()).isEqualTo(2);
    assertThat(err).contains("shield:everything").contains("expected one of");

    Process version = start(Map.of(), "--version");
    assertThat(read(version.getInputStream())).startsWith("takumo-aegis ");
    assertThat(version.waitFor()).isZero();
  }

  @Test
  void badConfigurationFailsStartNamingTheField() throws Exception {
    Process gateway = start(Map.of("TAKUMO_LISTEN_ADDR", "nowhere"), "gateway");
    String err = read(gateway.getErrorStream());
    assertThat(gateway.waitFor()).isEqualTo(2);
    assertThat(err).contains("TAKUMO_LISTEN_ADDR: nowhere (expected: host:port");
  }

  @Test
  void gatewayPrintsAFirstKeyServesAndDrainsOnSigterm() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process gateway = start(Map.of("TAKUMO_LISTEN_ADDR", "127.0.0.1:" + port, "TAKUMO_ENVIRONMENT", "test"), "gateway");
    CompletableFuture<Void> listening = new CompletableFuture<>();
    StringBuilder log = new StringBuilder();
    Thread stderr = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(gateway.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (log) {
            log.append(line).append('\n');
          }
          if (line.contains("gateway listening on")) {
            listening.complete(null);
          }
        }
      } catch (IOException e) {
        listening.completeExceptionally(e);
      }
    });
    stderr.start();
    try {
      BufferedReader stdout = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8));
      String key = null;
      String line;
      while (key == null && (line = stdout.readLine()) != null) {
        if (line.contains("export ANTHROPIC_API_KEY=")) {
          key = line.substring(line.indexOf('=') + 1);
        }
      }
      assertThat(key).matches("tk_test_[0-9a-f]{64}");
      assertThat(Files.readString(home.resolve(".takumo/keys.json"))).doesNotContain(key);
      listening.get(30, TimeUnit.SECONDS);

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/health"))
          .header("x-api-key", key).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    } finally {
      gateway.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its pipes
    }
    assertThat(gateway.waitFor(40, TimeUnit.SECONDS)).isTrue();
    stderr.join(10_000);
    synchronized (log) {
      assertThat(log.toString()).contains("draining").contains("gateway stopped");
    }
  }

  @Test
  void tokenizeThenRehydrateRoundTripsThroughAnEncryptedSessionFile() throws Exception {
    String original = "aws_key = \"AKIAIOSFODNN7EXAMPLE\"\npassword: 'hunter2-\"quoted\\path'\nünïcödé\n";
    Path source = home.resolve("settings.py");
    Files.writeString(source, original, StandardCharsets.UTF_8);
    Path session = home.resolve("s.session");
    Path tokenized = home.resolve("settings.tokenized.py");
    Map<String, String> env = Map.of("TAKUMO_SESSION_KEY", "correct horse battery staple");

    Process tokenize = start(env, "tokenize", source.toString(), "-o", tokenized.toString(), "--session-file", session.toString());
    String report = read(tokenize.getErrorStream());
    assertThat(tokenize.waitFor()).as(report).isZero();
    assertThat(report).contains("settings.py:1:12: KEY").contains("2 secret(s) tokenized").doesNotContain("AKIAIOSFODNN7EXAMPLE");
    String out = Files.readString(tokenized);
    assertThat(out).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("hunter2").contains("__TAKUMO_v1_KEY_");
    byte[] stored = Files.readAllBytes(session);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("hunter2");
    assertThat(Files.getPosixFilePermissions(session)).containsExactlyInAnyOrder(
        java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

    Process rehydrate = start(env, "rehydrate", "--session-file", session.toString());
    try (var stdin = rehydrate.getOutputStream()) {
      stdin.write(("The model says:\n" + out).getBytes(StandardCharsets.UTF_8));
    }
    String restored = read(rehydrate.getInputStream());
    assertThat(rehydrate.waitFor()).isZero();
    assertThat(restored).isEqualTo("The model says:\n" + original);

    // A second file in the same session gets the same token for the same secret.
    Path second = home.resolve("second.env");
    Files.writeString(second, "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n");
    Process again = start(env, "tokenize", "-q", second.toString(), "--session-file", session.toString());
    String secondOut = read(again.getInputStream());
    assertThat(again.waitFor()).isZero();
    String token = out.substring(out.indexOf("__TAKUMO_v1_KEY_"), out.indexOf("__TAKUMO_v1_KEY_") + 26);
    assertThat(secondOut).isEqualTo("AWS_ACCESS_KEY_ID=" + token + "\n");

    Process wrong = start(Map.of("TAKUMO_SESSION_KEY", "wrong"), "rehydrate", tokenized.toString(), "--session-file", session.toString());
    String wrongErr = read(wrong.getErrorStream());
    assertThat(wrong.waitFor()).isEqualTo(2);
    assertThat(wrongErr).contains("cannot be opened with this passphrase");
    Process noKey = start(Map.of(), "rehydrate", tokenized.toString(), "--session-file", session.toString());
    assertThat(read(noKey.getErrorStream())).contains("TAKUMO_SESSION_KEY");
    assertThat(noKey.waitFor()).isEqualTo(2);
  }
}
