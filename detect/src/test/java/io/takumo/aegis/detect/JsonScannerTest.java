package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonScannerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonScanner SCANNER = new JsonScanner(Detector.builtIn());
  private static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n"
      + "aIHSS39WFrSKt1Y7LDQJSSgqrZ1sK5dw7qbdH3LgkDHYcUZ8m7Rwx4Jm4sxTMXo\n-----END RSA PRIVATE KEY-----";

  /** Serializes {@code value} into a JSON body, finds it, and checks the raw span decodes back to it. */
  private static void assertFoundExactly(ObjectNode body, String secret) throws Exception {
    byte[] raw = JSON.writeValueAsBytes(body);
    List<Finding> found = SCANNER.scan(raw);
    assertThat(found).anySatisfy(f -> {
      String rawSpan = new String(raw, f.start(), f.length(), StandardCharsets.UTF_8);
      assertThat(JSON.readValue("\"" + rawSpan + "\"", String.class)).isEqualTo(secret);
    });
  }

  @Test
  void escapesDoNotHideAPemKeyAndTheRawSpanCoversTheEscapes() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("messages").addObject().put("role", "user").put("content", "Here is my key:\n" + PEM + "\nthanks");
    assertFoundExactly(body, PEM);
  }

  @Test
  void passwordWithQuotesAndBackslashesInAMember() throws Exception {
    String password = "p\"a\\ss-W0rd!é";
    ObjectNode body = JSON.createObjectNode();
    body.put("db_password", password);
    assertFoundExactly(body, password);
  }

  @Test
  void unicodeEscapedKeyIsFound() {
    String raw = "{\"content\":\"key AKIA\\u0049OSFODNN7EXAMPLE here\"}";
    List<Finding> found = SCANNER.scan(raw.getBytes(StandardCharsets.UTF_8));
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(raw.substring(f.start(), f.end())).isEqualTo("AKIA\\u0049OSFODNN7EXAMPLE");
      assertThat(f.ruleId()).isEqualTo("aws-access-key-id");
    });
  }

  @Test
  void toolCallArgumentsAreJsonInsideAString() throws Exception {
    ObjectNode args = JSON.createObjectNode();
    args.put("file_path", "/app/.env");
    args.put("content", "DB_PASSWORD=hunter2-Correct\nSTRIPE=sk_live_51HxQ2eKf8Jz0qWpLmZr8TnVx3Ys\n");
    ObjectNode body = JSON.createObjectNode();
    body.putObject("function").put("name", "write_file").put("arguments", JSON.writeValueAsString(args));

    byte[] raw = JSON.writeValueAsBytes(body);
    List<Finding> found = SCANNER.scan(raw);
    assertThat(found).extracting(Finding::ruleId).contains("context-password", "stripe-key");
    for (Finding f : found) { // each span is inside the raw bytes, escapes and all
      String span = new String(raw, f.start(), f.length(), StandardCharsets.UTF_8);
      assertThat(span).doesNotStartWith("\"").doesNotEndWith("\"");
    }
  }

  /** Postman's and Terraform's variable lists: a "key" or "name" member names the "value" of its own object only. */
  @Test
  void aValueNamedByItsKeyMemberIsJudgedByThatName() {
    String laravel = "base64:q3Zc9PbM0x1Ae7YkR2tLw5sV8nJ4hG6fD1uQyXoBzTk=";
    String json = "{\"variable\": [{\"key\": \"appKey\", \"value\": \"" + laravel + "\"},"
        + " {\"key\": \"baseUrl\", \"value\": \"https://api.example.com/v2\"},"
        + " {\"name\": \"DB_PASSWORD\", \"type\": \"string\", \"value\": \"Otter.Maple7533#\"},"
        + " {\"value\": \"Heron.Birch9911#\"}, {\"key\": \"requestId\", \"value\": \"Xk9mQ2vLp7wZr4tqB3nC\"}]}";
    byte[] raw = json.getBytes(StandardCharsets.UTF_8);
    assertThat(SCANNER.scan(raw))
        .extracting(f -> new String(raw, f.start(), f.end() - f.start(), StandardCharsets.UTF_8))
        .containsExactly(laravel, "Otter.Maple7533#");
  }

  /** Terraform state's outputs and JSON variables: the object's own member name names its "value" or "default". */
  @Test
  void anObjectsValueIsJudgedByTheNameItIsUnder() {
    String json = "{\"outputs\": {\"db_password\": {\"value\": \"nQs6uXOUqkRoks1mEds8PQu\", \"type\": \"string\"},"
        + " \"endpoint\": {\"value\": \"Xk9mQ2vLp7wZr4tqB3nC\"}}, \"variable\": {\"api_token\": {\"default\":"
        + " \"Kx9mQ2vLp7wZr4tqB3nD\"}}, \"items\": [{\"value\": \"Heron.Birch9911#\"}]}";
    byte[] raw = json.getBytes(StandardCharsets.UTF_8);
    assertThat(SCANNER.scan(raw)).extracting(f -> new String(raw, f.start(), f.end() - f.start(), StandardCharsets.UTF_8))
        .containsExactly("nQs6uXOUqkRoks1mEds8PQu", "Kx9mQ2vLp7wZr4tqB3nD");
  }

  @Test
  void base64MediaIsNotScannedAsText() throws Exception {
    StringBuilder base64 = new StringBuilder();
    while (base64.length() < 4096) {
      base64.append("iVBORw0KGgoAAAANSUhEUgAKIAIOSFODNN7EXAMPLEAAAAEAAAABCAYAAAAfFcSJ");
    }
    ObjectNode body = JSON.createObjectNode();
    body.putObject("source").put("type", "base64").put("media_type", "image/png").put("data", base64.toString());
    assertThat(SCANNER.scan(JSON.writeValueAsBytes(body))).isEmpty();
  }

  @Test
  void notJsonIsScannedAsText() {
    assertThat(SCANNER.scan("password = \"hunter2-Correct\"".getBytes(StandardCharsets.UTF_8))).hasSize(1);
    assertThat(SCANNER.scan("{ broken json password = \"hunter2-Correct\"".getBytes(StandardCharsets.UTF_8))).hasSize(1);
  }

  @Test
  void everyCutOfTheDocumentGivesTheSameAnswerAsTheWhole() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", "claude-sonnet-4-5");
    body.putArray("messages").addObject().put("role", "user").put("content", "token = \"" + DetectorTest.github("ghp_") + "\"");
    byte[] raw = JSON.writeValueAsBytes(body);
    List<Finding> whole = SCANNER.scan(raw);
    assertThat(whole).hasSize(1);
    // A scan of a sub-range that holds the whole string value finds the same bytes.
    int open = new String(raw, StandardCharsets.UTF_8).indexOf("[");
    List<Finding> inner = SCANNER.scan(raw, open, raw.length - 1);
    assertThat(inner).extracting(Finding::start).containsExactlyElementsOf(whole.stream().map(Finding::start).toList());
  }

  @Test
  void escapesNotedByTheWalkDecodeAsSearchedEscapesDo() {
    // Pieces a string may hold: runs, one-byte escapes, a backslash before a quote, hex escapes (a surrogate
    // pair, a lone or broken half, too few hex digits), bytes past ASCII.
    String[] pieces = {"abc", "key = ", "\\n", "\\\"", "\\\\", "\\\\\\\"", "\\u0041", "\\uD83D\\uDE00", "\\uD83Dx",
        "\\uD83D\\u0041", "\\u12", "\\uZZZZ", "\\/", "\\q", "é", "sk-proj-Ab12Cd34Ef56Gh78Ij90"};
    java.util.Random random = new java.util.Random(20261206);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder content = new StringBuilder();
      for (int n = random.nextInt(12); n >= 0; n--) {
        content.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] b = ("[\"" + content + "\"]").getBytes(StandardCharsets.UTF_8);
      JsonScanner.Escapes escapes = new JsonScanner.Escapes();
      int s = 2;
      int e = JsonScanner.stringEnd(b, s, b.length);
      for (int p = s; p < e; p++) { // as a walk meets them: the byte after a backslash skipped
        if (b[p] == '\\') {
          escapes.add(p - s);
          p++;
        }
      }
      JsonScanner.Decoded searched = JsonScanner.decode(b, s, e);
      JsonScanner.Decoded known = JsonScanner.decode(b, s, e, escapes);
      assertThat(java.util.Arrays.copyOf(known.bytes, known.length))
          .as(content.toString()).isEqualTo(java.util.Arrays.copyOf(searched.bytes, searched.length));
      for (int x = 0; x <= known.length; x++) {
        assertThat(known.raw(x)).as("%s at %d", content, x).isEqualTo(searched.raw(x));
      }
      assertThat(SCANNER.scanString(b, s, e, escapes, null, 0, 0)).isEqualTo(SCANNER.scanString(b, s, e, null, 0, 0));
    }
  }

  @Test
  void aDecodedOffsetMapsToTheEscapeItCameFromOrLinearlyAfterIt() {
    byte[] b = "ab\\ncd\\u00e9f".getBytes(StandardCharsets.US_ASCII); // a b, newline, c d, e-acute in hex, f
    JsonScanner.Decoded d = JsonScanner.decode(b, 0, b.length);
    assertThat(new String(d.bytes, 0, d.length, StandardCharsets.UTF_8)).isEqualTo("ab\ncd\u00e9f");
    int[] expected = {0, 1, 2, 4, 5, 6, 6, 12, 13}; // é is two decoded bytes, both at its escape
    for (int x = 0; x < expected.length; x++) {
      assertThat(d.raw(x)).as("decoded %d", x).isEqualTo(expected[x]);
    }
  }
  /**
   * A JWK's private member is known by its sibling "kty", written before or after it (libraries write "kty" first;
   * sorted members put "d" first); a public JWK, and a "d" in an object with no "kty", are no findings. The same in
   * a tool call's arguments, JSON in a string.
   */
  @Test
  void aJwksPrivateMemberIsFoundByItsKtySibling() throws Exception {
    String d = "hrNbxWWZW6cDrl3-xD-67W4jra0DR3AIb0fYxn2wAXn";
    String y = "CXn3iseUq8kPjW3DEqyi63akkeinA9KuAIKTYtUNc8o";
    String first = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"y\":\"" + y + "\",\"d\":\"" + d + "\"}]}";
    String sorted = "{\"crv\":\"P-256\",\"d\":\"" + d + "\",\"kty\":\"EC\",\"y\":\"" + y + "\"}";
    for (String jwk : new String[] {first, sorted}) {
      assertThat(SCANNER.scan(jwk.getBytes(StandardCharsets.UTF_8))).as(jwk)
          .extracting(f -> jwk.substring(f.start(), f.end())).containsExactly(d);
    }
    ObjectNode call = JSON.createObjectNode();
    call.put("path", "keys/jwks.private.json").put("content", first);
    assertFoundExactly(JSON.createObjectNode().put("arguments", JSON.writeValueAsString(call)), d);
    for (String none : new String[] {"{\"kty\":\"EC\",\"crv\":\"P-256\",\"y\":\"" + y + "\"}",
        "{\"point\":{\"d\":\"" + d + "\"},\"kty\":\"EC\"}", "{\"d\":\"" + d + "\"}"}) {
      assertThat(SCANNER.scan(none.getBytes(StandardCharsets.UTF_8))).as(none).isEmpty();
    }
  }

  /**
   * A sorted RSA JWK puts "d", "dp" and "dq" before "kty" and "p", "q", "qi" after it: every private member is found
   * (a CRT exponent alone factors the modulus), the public "e" and "n" are not; the same members in an object with
   * no "kty" are no findings.
   */
  @Test
  void aSortedRsaJwksPrivateMembersAreAllFound() {
    String[] names = {"d", "dp", "dq", "e", "kty", "n", "p", "q", "qi"};
    java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
    java.util.Random random = new java.util.Random(18);
    String b64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder json = new StringBuilder("{");
    for (String name : names) {
      StringBuilder v = new StringBuilder();
      if (name.equals("kty")) {
        v.append("RSA");
      } else if (name.equals("e")) {
        v.append("AQAB");
      } else {
        for (int i = 0; i < (name.equals("n") || name.equals("d") ? 342 : 171); i++) {
          v.append(b64url.charAt(random.nextInt(64)));
        }
      }
      values.put(name, v.toString());
      json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":\"").append(v).append('"');
    }
    String jwk = json.append('}').toString();
    assertThat(SCANNER.scan(jwk.getBytes(StandardCharsets.UTF_8))).as(jwk)
        .extracting(f -> jwk.substring(f.start(), f.end()))
        .containsExactlyInAnyOrder(values.get("d"), values.get("dp"), values.get("dq"), values.get("p"),
            values.get("q"), values.get("qi"));
    String noKty = jwk.replace("\"kty\":\"RSA\",", "");
    assertThat(SCANNER.scan(noKty.getBytes(StandardCharsets.UTF_8))).as(noKty).isEmpty();
  }

  /** Terraform state: a random_password's "result" after its "bcrypt_hash"; a random_string's (no hash) is none. */
  @Test
  void aTerraformRandomPasswordsResultIsFound() {
    String password = "K3ttl3=River26-xQ";
    String state = "{\"resources\":[{\"type\":\"random_password\",\"instances\":[{\"attributes\":{"
        + "\"bcrypt_hash\":\"$2a$10$pav3ktTQxXEEgl1rLQN0jqNESm0utbz4qvolm6s0PlzVcFJhohiGH\",\"id\":\"none\","
        + "\"keepers\":{\"rotation\":\"1\"},\"length\":17,\"result\":\"" + password + "\",\"special\":true}}]},"
        + "{\"type\":\"random_string\",\"instances\":[{\"attributes\":{\"id\":\"x\",\"length\":8,"
        + "\"result\":\"a8Xk2pQz\"}}]}]}";
    assertThat(SCANNER.scan(state.getBytes(StandardCharsets.UTF_8)))
        .extracting(f -> state.substring(f.start(), f.end())).containsExactly(password);
  }
  /** 1Password's item (op item get --format json): a field's "label" names its "value"; a form's empty field is none. */
  @Test
  void aOnePasswordFieldsValueIsNamedByItsLabel() {
    String password = "wWG5W!JCce=ah3WA6_y@bq2U1aDk";
    String item = "{\"fields\": [{\"id\": \"username\", \"type\": \"STRING\", \"label\": \"username\", \"value\": \"svc-ci\"},"
        + " {\"id\": \"password\", \"type\": \"CONCEALED\", \"purpose\": \"PASSWORD\", \"label\": \"password\","
        + " \"value\": \"" + password + "\", \"entropy\": 115.2}, {\"label\": \"Password\", \"value\": \"\"}]}";
    assertThat(SCANNER.scan(item.getBytes(StandardCharsets.UTF_8)))
        .extracting(f -> item.substring(f.start(), f.end())).containsExactly(password);
  }

  /** Azure's key listing: "keyName" names its "value", as "key" and "name" do (a numbered key is a key). */
  @Test
  void anAzureKeyListingsValueIsNamedByItsKeyName() {
    String key = "JuJF664Ip07YOU5ERNCxqJxHvEJB3CtjOy+ZgpbrCF5PfM1yrHkMdgK10NGaXydlb7a2nGDtEJ2kNnMvg91M0g==";
    String listing = "[{\"creationTime\": \"2026-03-01T10:00:00Z\", \"keyName\": \"key1\", \"permissions\": \"FULL\", "
        + "\"value\": \"" + key + "\"}, {\"keyName\": \"title\", \"value\": \"Welcome back, dear customer\"}]";
    assertThat(SCANNER.scan(listing.getBytes(StandardCharsets.UTF_8)))
        .extracting(f -> listing.substring(f.start(), f.end())).containsExactly(key);
  }

  /**
   * AWS's pairs: an ECS task definition's {"Name", "Value"} (capitalised), SSM's answer with the parameter's path as
   * its name (the last segment names it) and members between; a pair whose name names no secret is none.
   */
  @Test
  void awsNameAndValuePairsAreNamedInAnyCase() {
    String body = "{\"containerDefinitions\": [{\"environment\": [{\"Name\": \"ADMIN_PASSWORD\", \"Value\": "
        + "\"Marigold.Moon40\"}, {\"Name\": \"LOG_LEVEL\", \"Value\": \"debug-verbose-2024\"}]}], \"Parameter\": "
        + "{\"Name\": \"/prod/airtable/pat\", \"Type\": \"SecureString\", \"Value\": \"xK8vLq2PmZ9rT4wY7nB3cF6hJ1dS5gA0\", "
        + "\"Version\": 5}}";
    assertThat(SCANNER.scan(body.getBytes(StandardCharsets.UTF_8))).extracting(f -> body.substring(f.start(), f.end()))
        .containsExactly("Marigold.Moon40", "xK8vLq2PmZ9rT4wY7nB3cF6hJ1dS5gA0");
  }

  /** Terraform's random_password with its result before its hash (a state a tool rewrote): found as after it. */
  @Test
  void aRandomPasswordsResultBeforeItsHashIsFound() {
    String state = "{\"attributes\": {\"id\": \"none\", \"length\": 24, \"result\": \"*Eei=&J#Y*b%#mC+C2uE2vv&Ma*gnBJ\", "
        + "\"bcrypt_hash\": \"$2a$10$k0kDkZMFrafDs1VfLwiRLAWa4m3AKae/e2cb17xGy0kO8Xq4e.7Wy\"}, "
        + "\"other\": {\"result\": \"Xk29fjQ0pLm4Zr8TnVx3Ys77\"}}";
    assertThat(SCANNER.scan(state.getBytes(StandardCharsets.UTF_8))).extracting(f -> state.substring(f.start(), f.end()))
        .containsExactly("*Eei=&J#Y*b%#mC+C2uE2vv&Ma*gnBJ");
  }
}
