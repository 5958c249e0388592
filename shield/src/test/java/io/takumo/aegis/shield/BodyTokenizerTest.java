package io.takumo.aegis.shield;

import static io.takumo.aegis.shield.Samples.DETECTOR;
import static io.takumo.aegis.shield.Samples.str;
import static io.takumo.aegis.shield.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyTokenizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Shield SHIELD = new Shield(DETECTOR);

  /** Tokenizes {@code body} fed in pieces cut at {@code cuts}. */
  static byte[] tokenize(byte[] body, int[] cuts, Vault vault) {
    return tokenize(body, cuts, vault, null);
  }

  /** Tokenizes {@code body} fed in pieces cut at {@code cuts}, its long strings looked up in {@code memo}. */
  static byte[] tokenize(byte[] body, int[] cuts, Vault vault, @org.jspecify.annotations.Nullable ScanMemo memo) {
    ArrayRewrite out = new ArrayRewrite(body);
    BodyTokenizer tokenizer = new BodyTokenizer(DETECTOR, vault, out, -1, memo);
    int from = 0;
    for (int cut : cuts) {
      tokenizer.feed(body, from, cut - from, false);
      from = cut;
    }
    tokenizer.feed(body, from, body.length - from, true);
    return out.toByteArray();
  }

  /** A memo in a map, counting what it was asked; decoded values copied in and out, as the contract says. */
  static final class MapMemo implements ScanMemo {
    final java.util.Map<Digest, List<io.takumo.aegis.detect.Finding>> kept = new java.util.HashMap<>();
    int hits;
    int misses;

    @Override
    public List<io.takumo.aegis.detect.Finding> recall(Digest digest) {
      List<io.takumo.aegis.detect.Finding> known = kept.get(digest);
      if (known == null) {
        misses++;
        return null;
      }
      hits++;
      return copies(known);
    }

    @Override
    public void keep(Digest digest, List<io.takumo.aegis.detect.Finding> findings) {
      kept.put(digest, copies(findings));
    }

    private static List<io.takumo.aegis.detect.Finding> copies(List<io.takumo.aegis.detect.Finding> findings) {
      return findings.stream().map(f -> f.decoded() == null ? f : new io.takumo.aegis.detect.Finding(f.start(),
          f.end(), f.category(), f.ruleId(), f.confidence(), f.decoded().clone())).toList();
    }
  }

  @Test
  void aStringSentAgainGetsTheFindingsOfItsFirstScanWhateverTheCuts() throws Exception {
    byte[] body = anthropicBody(new Random(7)); // long strings with escapes, nested JSON, a password member
    byte[] fresh;
    try (Vault vault = Samples.vault()) {
      fresh = tokenize(body, new int[0], vault);
    }
    MapMemo memo = new MapMemo();
    try (Vault vault = Samples.vault()) {
      assertThat(tokenize(body, new int[0], vault, memo)).isEqualTo(fresh);
    }
    assertThat(memo.misses).isGreaterThanOrEqualTo(3);
    assertThat(memo.hits).isZero();
    int remembered = memo.misses;
    for (int cut = 1; cut < body.length; cut += 97) { // the next turns: the same strings, other chunks
      try (Vault vault = Samples.vault()) {
        assertThat(str(tokenize(body, new int[] {cut}, vault, memo))).as("cut at %d", cut).isEqualTo(str(fresh));
      }
    }
    assertThat(memo.misses).isEqualTo(remembered);
    assertThat(memo.hits).isGreaterThan(remembered);
    assertThat(str(fresh)).doesNotContain(Samples.OPENAI);
  }

  @Test
  void theMemberNameIsPartOfWhatIsRemembered() throws Exception {
    Random random = new Random(11);
    StringBuilder value = new StringBuilder(); // random, not base64 (media is not scanned): a secret only under a secret's name
    while (value.length() < ScanMemo.MIN_BYTES + 64) {
      value.append("abcdfghijmnopqrstuvwxzABCDFGHJLMNPQRSTUVWXZ23456789!#".charAt(random.nextInt(52)));
    }
    byte[] asSecret = JSON.writeValueAsBytes(JSON.createObjectNode().put("client_secret", value.toString()));
    byte[] asText = JSON.writeValueAsBytes(JSON.createObjectNode().put("notes", value.toString()));
    MapMemo memo = new MapMemo();
    // a vault per body, as per exchange: one that knows the secret replaces its copies whatever their name
    try (Vault first = Samples.vault(); Vault second = Samples.vault(); Vault third = Samples.vault()) {
      assertThat(str(tokenize(asSecret, new int[0], first, memo))).doesNotContain(value);
      assertThat(str(tokenize(asText, new int[0], second, memo))).contains(value);
      assertThat(str(tokenize(asSecret, new int[0], third, memo))).doesNotContain(value);
      assertThat(str(tokenize(asText, new int[0], first, memo))).doesNotContain(value);
    }
    assertThat(memo.misses).isEqualTo(2);
    assertThat(memo.hits).isEqualTo(2);
  }

  @Test
  void shortStringsAreScannedEveryTime() throws Exception {
    byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("text", "key " + Samples.OPENAI));
    MapMemo memo = new MapMemo();
    try (Vault vault = Samples.vault()) {
      assertThat(str(tokenize(body, new int[0], vault, memo))).doesNotContain(Samples.OPENAI);
    }
    assertThat(memo.misses + memo.hits).isZero();
  }

  /**
   * Code that spells a key in pieces (joined literals, character codes) in a tool result: no piece goes out, and the
   * answer that echoes the tokens gets the pieces back exactly as they were, escapes and all.
   */
  @Test
  void aKeySpelledInPiecesGoesOutAsOneTokenAndComesBackAsItWas() throws Exception {
    String code = "LEGACY = \"sk-ant-\" + \"api03-gNvuSwWkfU12_DwdeGFDrLj8duT7wxkcsWXo9h0Tw88JmQb0ks-iDzjveF96OMSaX5c2YmX6"
        + "Eni1k2v3MjYgay87HDIkHAA\"\n_S = bytes([111, 85, 73, 69, 56, 69, 77, 116, 56, 107, 106, 89, 98, 77]).decode()\n";
    byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("model", "claude-sonnet-4-5")
        .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", code))));
    try (Vault vault = Samples.vault()) {
      byte[] out = tokenize(body, new int[0], vault);
      String sent = JSON.readTree(out).get("messages").get(0).get("content").asText();
      assertThat(sent).doesNotContain("api03-gNvu", "111, 85, 73").contains("LEGACY = \"__TAKUMO_v1_", "bytes([__TAKUMO_v1_");
      ArrayRewrite back = new ArrayRewrite(out);
      Rehydrator rehydrator = new Rehydrator(vault, back, true);
      rehydrator.feed(out, 0, out.length, true);
      assertThat(JSON.readTree(back.toByteArray()).get("messages").get(0).get("content").asText()).isEqualTo(code);
    }
  }

  /** An Anthropic request in the shape Claude Code sends, a secret in every place a body carries text. */
  static byte[] anthropicBody(Random random) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024).put("stream", true);
    body.putArray("system").addObject().put("type", "text").put("text", "You are a coding agent. " + filler(random, 200));
    ArrayNode tools = body.putArray("tools");
    tools.addObject().put("name", "Write").put("description", "Writes a file").putObject("input_schema").put("type", "object");
    ArrayNode messages = body.putArray("messages");
    ObjectNode user = messages.addObject().put("role", "user");
    user.putArray("content").addObject().put("type", "text")
        .put("text", "Fix this file:\n" + code(random) + "\nand the key " + Samples.OPENAI);
    ObjectNode assistant = messages.addObject().put("role", "assistant");
    ObjectNode toolUse = assistant.putArray("content").addObject().put("type", "tool_use").put("id", "toolu_01").put("name", "Write");
    toolUse.putObject("input").put("file_path", "/app/.env").put("content", code(random));
    ObjectNode result = messages.addObject().put("role", "user");
    ObjectNode block = result.putArray("content").addObject().put("type", "tool_result").put("tool_use_id", "toolu_01");
    block.putArray("content").addObject().put("type", "text").put("text", "wrote:\n" + code(random));
    body.putObject("metadata").put("echo_of_unparsed_tool_input", "{\"db_password\": \"" + Samples.PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    return JSON.writeValueAsBytes(body);
  }

  static String code(Random random) {
    StringBuilder sb = new StringBuilder();
    for (Samples.Line line : Samples.LINES) {
      sb.append(filler(random, random.nextInt(80))).append('\n').append(line.code()).append('\n');
    }
    return sb.toString();
  }

  static String filler(Random random, int words) {
    String[] vocabulary = {"def", "return", "x", "= 1", "for i in range(10):", "print(i)", "\t", "if", "else:", "é", "\"quoted\"", "\\path"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(7) == 0 ? '\n' : ' ');
    }
    return sb.toString();
  }

  private static List<String> allStrings(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> allStrings(child, out));
    return out;
  }

  @Test
  void everySecretInEveryPlaceIsReplacedAndTheBodyStaysValidJson() throws Exception {
    byte[] body = anthropicBody(new Random(1));
    try (Vault vault = Samples.vault()) {
      byte[] out = tokenize(body, new int[0], vault);
      String text = str(out);
      for (Samples.Line line : Samples.LINES) {
        assertThat(text).doesNotContain(line.secret());
      }
      assertThat(text).doesNotContain("s-W0rd");
      JsonNode parsed = JSON.readTree(out);
      assertThat(parsed.get("model").asText()).isEqualTo("claude-sonnet-4-5");
      assertThat(String.join("\n", allStrings(parsed, new ArrayList<>()))).contains("__TAKUMO_v1_KEY_", "__TAKUMO_v1_SECRET_");
      assertThat(str(Shield.rehydrate(out, vault).content())).isEqualTo(str(body));
    }
  }

  @Test
  void everySingleCutGivesTheSameOutput() throws Exception {
    byte[] body = utf8("{\"messages\":[{\"role\":\"user\",\"content\":\"key " + Samples.AWS + " and password = \\\"hunter2-Correct\\\"\"}],"
        + "\"db_password\":\"" + Samples.PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    byte[] expected;
    try (Vault vault = Samples.vault()) {
      expected = tokenize(body, new int[0], vault);
    }
    assertThat(str(expected)).doesNotContain(Samples.AWS).doesNotContain("hunter2").doesNotContain("W0rd");
    for (int cut = 0; cut <= body.length; cut++) {
      try (Vault vault = Samples.vault()) {
        assertThat(str(tokenize(body, new int[] {cut}, vault))).as("cut at %d", cut).isEqualTo(str(expected));
      }
    }
    for (int a = 0; a <= body.length; a += 7) {
      for (int b = a; b <= body.length; b += 5) {
        try (Vault vault = Samples.vault()) {
          assertThat(str(tokenize(body, new int[] {a, b}, vault))).isEqualTo(str(expected));
        }
      }
    }
  }

  @Test
  void randomMultiCutsOfLargeBodiesGiveTheSameOutput() throws Exception {
    for (long seed = 0; seed < 12; seed++) {
      Random random = new Random(seed);
      byte[] body = anthropicBody(random);
      byte[] expected;
      try (Vault vault = Samples.vault()) {
        expected = tokenize(body, new int[0], vault);
        assertThat(str(Shield.rehydrate(expected, vault).content())).isEqualTo(str(body));
      }
      for (int round = 0; round < 20; round++) {
        int[] cuts = random.ints(random.nextInt(40) + 1, 0, body.length + 1).sorted().toArray();
        try (Vault vault = Samples.vault()) {
          assertThat(str(tokenize(body, cuts, vault))).as("seed %d cuts %s", seed, Arrays.toString(cuts)).isEqualTo(str(expected));
        }
      }
    }
  }

  @Test
  void textBodiesAreScannedAsTextWhateverTheCuts() {
    StringBuilder sb = new StringBuilder();
    Random random = new Random(5);
    while (sb.length() < 200_000) {
      sb.append(code(random));
    }
    byte[] body = utf8(sb.toString());
    byte[] expected;
    try (Vault vault = Samples.vault()) {
      expected = tokenize(body, new int[0], vault);
      for (Samples.Line line : Samples.LINES) {
        assertThat(str(expected)).doesNotContain(line.secret());
      }
      assertThat(str(Shield.rehydrate(expected, vault).content())).isEqualTo(str(body));
    }
    for (int round = 0; round < 10; round++) {
      int[] cuts = random.ints(random.nextInt(60) + 1, 0, body.length + 1).sorted().toArray();
      try (Vault vault = Samples.vault()) {
        assertThat(str(tokenize(body, cuts, vault))).isEqualTo(str(expected));
      }
    }
  }

  @Test
  void jsonThatTurnsOutMalformedIsScannedAsTextFromTheLastBytePassedOn() {
    byte[] body = utf8("{\"a\": \"fine\", oops\npassword = \"hunter2-Correct\"\nand " + Samples.AWS + "\n");
    try (Vault vault = Samples.vault()) {
      String out = str(tokenize(body, new int[] {9, 20}, vault));
      assertThat(out).startsWith("{\"a\": \"fine\", oops\npassword = \"__TAKUMO_v1_SECRET_").doesNotContain("hunter2").doesNotContain(Samples.AWS);
    }
    byte[] truncated = utf8("{\"messages\": [{\"content\": \"my key is " + Samples.AWS);
    try (Vault vault = Samples.vault()) {
      assertThat(str(tokenize(truncated, new int[] {30}, vault))).doesNotContain(Samples.AWS).contains("__TAKUMO_v1_KEY_");
    }
  }

  @Test
  void theSameSecretGetsTheSameTokenEverywhereAndDetectionsAreLocated() {
    byte[] content = utf8("line one\nkey = " + Samples.AWS + "\n  again: " + Samples.AWS + "\n");
    try (Vault vault = Samples.vault()) {
      Shield.Tokenized t = SHIELD.tokenize(content, vault);
      assertThat(t.detections()).hasSize(2);
      assertThat(t.detections().get(0).line()).isEqualTo(2);
      assertThat(t.detections().get(0).column()).isEqualTo(7);
      assertThat(t.detections().get(1).line()).isEqualTo(3);
      assertThat(t.detections().get(0).token()).isEqualTo(t.detections().get(1).token());
      assertThat(vault.size()).isEqualTo(1);
    }
  }

  /**
   * A secret found once (here by its name) is replaced wherever the body repeats it after that, where no rule would
   * see it: bare in a later message, glued to words, JSON-escaped, in a member name; with one secret (searched by its
   * rarest byte) and with many (searched by byte pairs); whatever the cuts. Tokens are the original's.
   */
  /**
   * In JSON inside a string, the bytes a secret found at the inner level has, seen one level up, are another text:
   * {@code f7context-\\\\} (four backslashes at the inner level) once escaped is what two backslashes look like
   * inside the inner string. They are not a copy; a token there would rehydrate to the wrong bytes (a fuzz finding).
   * Its true copy, escaped twice, still is.
   */
  @Test
  void aSecretsBytesAtAnotherEscapeLevelAreNotItsCopy() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String twoBackslashes = "f7context-" + "\\".repeat(2);
    // the second value is four backslashes and an escaped quote to the detector at the inner level: the secret
    String msg = "token=\"" + twoBackslashes + " was logged; token=\"f7context-" + "\\".repeat(5) + "\"";
    String inner = json.writeValueAsString(json.createObjectNode().put("msg", msg));
    byte[] body = utf8(json.writeValueAsString(json.createObjectNode().put("log", inner)));
    try (Vault vault = Samples.vault()) {
      byte[] out = tokenize(body, new int[0], vault);
      String tokenized = json.readTree(json.readTree(out).get("log").asText()).get("msg").asText();
      assertThat(tokenized).startsWith("token=\"" + twoBackslashes + " was logged; token=\"__TAKUMO_v1_TOKEN_");
      assertThat(Shield.rehydrate(out, vault).content()).isEqualTo(body);
    }
  }


  @Test
  void aSecretFoundOnceIsReplacedWhereverTheBodyRepeatsItAfterwards() throws Exception {
    for (int count : new int[] {1, 7}) {
      List<String> secrets = new ArrayList<>();
      StringBuilder config = new StringBuilder();
      StringBuilder later = new StringBuilder("I log in with ");
      for (int i = 0; i < count; i++) {
        String secret = i == 0 ? "Kx\"9mQ2vLp7wZ" : "Otter.Maple" + (7533 + i * 17) + "#";
        secrets.add(secret);
        config.append("db_password_").append(i).append(" = '").append(secret).append("'\n");
        later.append(secret).append(" and x").append(secret).append("y, ");
      }
      ObjectNode body = JSON.createObjectNode();
      ArrayNode messages = body.putArray("messages");
      messages.addObject().put("role", "user").put("content", "config:\n" + config);
      messages.addObject().put("role", "user").put("content", later.toString());
      body.putObject("metadata").put(secrets.get(count - 1), "as a member name");
      byte[] raw = JSON.writeValueAsBytes(body);
      byte[] expected;
      try (Vault vault = Samples.vault()) {
        expected = tokenize(raw, new int[0], vault);
        JsonNode parsed = JSON.readTree(expected);
        for (String secret : secrets) {
          assertThat(parsed.toString()).doesNotContain(secret);
        }
        String first = parsed.get("messages").get(0).get("content").asText();
        String token = first.substring(first.indexOf("__TAKUMO_v1_SECRET_"), first.indexOf("__'") + 2);
        assertThat(parsed.get("messages").get(1).get("content").asText()).startsWith("I log in with " + token + " and x" + token + "y");
        assertThat(str(Shield.rehydrate(expected, vault).content())).isEqualTo(str(raw));
      }
      Random random = new Random(count);
      for (int round = 0; round < 30; round++) {
        int[] cuts = random.ints(random.nextInt(8) + 1, 0, raw.length + 1).sorted().toArray();
        try (Vault vault = Samples.vault()) {
          assertThat(str(tokenize(raw, cuts, vault))).as("cuts %s", Arrays.toString(cuts)).isEqualTo(str(expected));
        }
      }
    }
  }

  /**
   * What decides that copies are sought is the rule that found the secret, wherever it was found: a password found
   * by its name before the body (a header, with TAKUMO_SCAN_HEADERS=on) is replaced in the body; a format's token
   * put in the vault is not searched for (the detector finds it wherever it stands).
   */
  @Test
  void copiesAreSoughtForWhatAContextRuleFoundBeforeTheBody() {
    try (Vault vault = Samples.vault()) {
      String token = str(vault.put(io.takumo.aegis.detect.Category.SECRET, utf8("Otter.Maple7533#"), "context-password"));
      vault.put(io.takumo.aegis.detect.Category.KEY, utf8("Kx9mQ2vLp7wZr4tqB3nC"), "stripe-key");
      String out = str(tokenize(utf8("{\"content\": \"login Otter.Maple7533# or Kx9mQ2vLp7wZr4tqB3nC\"}"), new int[0], vault));
      assertThat(out).isEqualTo("{\"content\": \"login " + token + " or Kx9mQ2vLp7wZr4tqB3nC\"}");
    }
  }

  @Test
  void aFullVaultRefusesTheBody() {
    try (Vault vault = new Vault(Samples.MINTER, 2)) {
      assertThatThrownBy(() -> tokenize(utf8(code(new Random(2))), new int[0], vault)).isInstanceOf(VaultFullException.class);
    }
  }

  @Test
  void base64MediaIsPassedThroughUnscanned() throws Exception {
    byte[] image = new byte[6000];
    new Random(9).nextBytes(image);
    ObjectNode body = JSON.createObjectNode();
    body.putArray("messages").addObject().putArray("content").addObject().put("type", "image").putObject("source")
        .put("type", "base64").put("media_type", "image/png").put("data", java.util.Base64.getEncoder().encodeToString(image));
    byte[] raw = JSON.writeValueAsBytes(body);
    try (Vault vault = Samples.vault()) {
      assertThat(tokenize(raw, new int[] {100, 3000}, vault)).isEqualTo(raw);
      assertThat(vault.size()).isZero();
    }
  }

  /** One JSON string far past {@link BodyTokenizer#LONG_STRING}, with secrets (escaped in the JSON) all along it. */
  static byte[] longStringBody(Random random, int bytes) throws Exception {
    StringBuilder text = new StringBuilder();
    while (text.length() < bytes) {
      text.append(code(random)).append("\nconfig: db_password = \"").append(Samples.DB_PASSWORD).append("\"\n")
          .append(Samples.PEM).append('\n');
    }
    ObjectNode body = JSON.createObjectNode().put("model", "claude-sonnet-4-5");
    body.putArray("messages").addObject().put("role", "user").put("content", text.toString());
    return JSON.writeValueAsBytes(body);
  }

  @Test
  void aStringLongerThanTheWindowIsScannedAsItArrivesWithBoundedMemory() throws Exception {
    Random random = new Random(11);
    byte[] body = longStringBody(random, 4 << 20);
    byte[] expected;
    try (Vault vault = Samples.vault()) {
      ArrayRewrite out = new ArrayRewrite(body);
      BodyTokenizer tokenizer = new BodyTokenizer(DETECTOR, vault, out);
      int maxHeld = 0;
      for (int from = 0; from < body.length; from += 16 << 10) {
        int n = Math.min(16 << 10, body.length - from);
        tokenizer.feed(body, from, n, from + n == body.length);
        maxHeld = Math.max(maxHeld, tokenizer.heldCapacity());
      }
      expected = out.toByteArray();
      assertThat(maxHeld).as("bytes held for a 4 MiB string").isLessThanOrEqualTo(2 * BodyTokenizer.LONG_STRING);
      String text = str(expected);
      for (Samples.Line line : Samples.LINES) {
        assertThat(text).doesNotContain(line.secret());
      }
      assertThat(text).doesNotContain(Samples.DB_PASSWORD).doesNotContain("MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn");
      assertThat(JSON.readTree(expected).path("messages").get(0).path("content").asText()).contains("__TAKUMO_v1_SECRET_");
      assertThat(str(Shield.rehydrate(expected, vault).content())).isEqualTo(str(body));
    }
    for (int round = 0; round < 4; round++) {
      int[] cuts = random.ints(random.nextInt(200) + 1, 0, body.length + 1).sorted().toArray();
      try (Vault vault = Samples.vault()) {
        assertThat(str(tokenize(body, cuts, vault))).as("cuts %s", Arrays.toString(cuts)).isEqualTo(str(expected));
      }
    }
  }

  @Test
  void aTruncatedLongStringIsScannedToTheEnd() throws Exception {
    byte[] whole = longStringBody(new Random(3), BodyTokenizer.LONG_STRING + 50_000);
    byte[] body = Arrays.copyOf(whole, whole.length - 10); // no closing quote, brace or bracket
    try (Vault vault = Samples.vault()) {
      String out = str(tokenize(body, new int[] {1000, BodyTokenizer.LONG_STRING + 7}, vault));
      assertThat(out).doesNotContain(Samples.AWS).doesNotContain(Samples.DB_PASSWORD);
      assertThat(str(Shield.rehydrate(utf8(out), vault).content())).isEqualTo(str(body));
    }
  }
}
