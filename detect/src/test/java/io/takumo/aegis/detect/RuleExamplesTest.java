package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every known-format rule with its own positive and negative examples, generated from the rule's
 * own definition: a random token of the right alphabet and lengths (with a valid checksum where the
 * format has one) must be found whole; the same token one byte short, or glued to a word, must not.
 */
class RuleExamplesTest {
  private static final Detector DETECTOR = Detector.builtIn();
  /** Formats a random string cannot satisfy: a valid example is given instead. */
  private static final Map<String, String> GIVEN = Map.of(
      "aws-bedrock-api-key-short", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbg==",
      "1password-secret-key", "A3-ASWWYB-798JRYLJVD4-23DC2-86TVM-H43EB",
      "azure-ad-client-secret", "bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR",
      // Base58Check of a version, depth, parent, index, chain code and key (made here, random)
      "bip32-extended-private-key", "xprv9v6gULBZCRV1tJvUYw43NqxRk1JVbGksvodJ9QhNbteaSV8S1noeUUzkxwTsa6GReAAYbFRqSwduvLyjTPx7Hz2v5Bb9ZDbjYs1GuiKJqXJ");
  /** Formats found only in their setting: what comes before the token (a SAS signature's query). */
  private static final Map<String, String> SETTING = Map.of("azure-sas-signature", "https://a.blob.core.windows.net/c?sv=2022-11-02&sp=r&",
      "azure-function-key", "https://fn-orders.azurewebsites.net/api/Ship?",
      "cloudfront-signature", "https://d1a2b3c4.cloudfront.net/videos/intro.mp4?Expires=1739088020&",
      "aws-presigned-signature", "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
          + "AKIAZ3MJJWQ5XLOPK7RA%2F20250101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20250101T000000Z&");

  static Stream<PrefixRule> rules() {
    return Rules.builtIn().stream();
  }

  private static String alphabet(int mask) {
    StringBuilder out = new StringBuilder();
    for (int c = 33; c < 127; c++) {
      if (Bytes.is((byte) c, mask)) {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  private static String randomOf(String letters, int length, Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(letters.charAt(random.nextInt(letters.length())));
    }
    return out.toString();
  }

  /** A random token for {@code rule} that passes its checks, or null when none is found quickly. */
  static String example(PrefixRule rule, Random random) {
    String anchor = new String(rule.anchor, StandardCharsets.US_ASCII);
    String given = GIVEN.get(rule.id);
    if (given != null && given.startsWith(anchor.substring(0, 2))) {
      return given;
    }
    switch (rule.id) { // structure a random string will not hit
      case "cloudfront-signature": // the checks look for Expires= and X-Amz-Credential= before, as the setting gives
        return anchor + randomOf(alphabet(Bytes.ALNUM | Bytes.DASH | Bytes.UNDERSCORE), 172, random);
      case "aws-presigned-signature":
        return anchor + randomOf(alphabet(Bytes.LOWER_HEX), 64, random);
      case "azure-sas-signature": // the check looks for sv= before it, which the setting gives
        return anchor + randomOf(alphabet(Bytes.ALNUM), 40, random) + "%2B" + randomOf(alphabet(Bytes.ALNUM), 4, random)
            + "%3D";
      case "twitter-bearer-token": // URL-encoded base64 carries an escape
        return anchor + "A" + randomOf(alphabet(Bytes.ALNUM), 50, random) + "%2B" + randomOf(alphabet(Bytes.ALNUM), 40, random)
            + "%3D";
      case "azure-function-key": // the URL's key: its check looks at the query and host before it
        if (anchor.equals("code=")) {
          return anchor + randomOf(alphabet(Bytes.ALNUM), 54, random) + "==";
        }
        break;
      case "slack-token":
      case "slack-config-token":
        return anchor + "263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1";
      case "anthropic-api-key":
      case "anthropic-admin-key":
        return anchor + randomOf(alphabet(Bytes.B64URL), 93, random) + "AA";
      case "openai-key": // the legacy shape satisfies both OpenAI rules
      case "openai-legacy-key":
        return anchor + randomOf(alphabet(Bytes.ALNUM), 20, random) + "T3BlbkFJ" + randomOf(alphabet(Bytes.ALNUM), 20, random);
      default:
        break;
    }
    for (int attempt = 0; attempt < 2000; attempt++) {
      StringBuilder token = new StringBuilder();
      String left = alphabet(rule.leftMask & Bytes.ALNUM);
      for (int i = 0; i < rule.leftCount; i++) {
        token.append(left.charAt(random.nextInt(left.length())));
      }
      token.append(new String(rule.anchor, StandardCharsets.US_ASCII));
      int bodyStart = token.length();
      for (int[] seg : rule.segments) {
        if (seg[3] >= 0) {
          token.append((char) seg[3]);
        }
        String letters = alphabet(seg[0] & (Bytes.ALNUM | Bytes.HEX | Bytes.DASH | Bytes.UNDERSCORE));
        if (letters.isEmpty()) {
          letters = alphabet(seg[0]);
        }
        int length = Math.max(seg[1], Math.min(seg[2], seg[1] + 8));
        for (int i = 0; i < length; i++) {
          token.append(letters.charAt(random.nextInt(letters.length())));
        }
      }
      if (rule.check == null) {
        return token.toString();
      }
      byte[] bytes = token.toString().getBytes(StandardCharsets.US_ASCII);
      if (rule.confidence == 1.0 && rule.id.endsWith("-token") && bytes.length - bodyStart == 36) {
        String random30 = token.substring(bodyStart, bodyStart + 30);
        return token.substring(0, bodyStart) + random30 + Checksums.crc32Base62(random30); // GitHub, npm
      }
      if (rule.check.test(bytes, 0, bodyStart, bytes.length) && !Placeholders.inToken(bytes, bodyStart, bytes.length)) {
        return token.toString();
      }
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void ruleFindsItsFormatWholeAndNothingElse(PrefixRule rule) {
    Random random = new Random(rule.id.hashCode() ^ new String(rule.anchor, StandardCharsets.US_ASCII).hashCode());
    String token = example(rule, random);
    assertThat(token).as("an example of %s", rule.id).isNotNull();

    String setting = SETTING.getOrDefault(rule.id, "");
    String text = "config = \"" + setting + token + "\"\n";
    List<Finding> found = DETECTOR.scan(text.getBytes(StandardCharsets.US_ASCII));
    int start = text.indexOf(token);
    assertThat(found).as("%s in %s", rule.id, text).anySatisfy(f -> {
      assertThat(f.start()).isEqualTo(start);
      assertThat(f.end()).isEqualTo(start + token.length());
      assertThat(f.category()).isEqualTo(rule.category);
    });

    // continues a word: not this format (an anchor that starts a path segment, /IncomingWebhook/, follows anything)
    String glued = "config = \"" + setting + "x" + token + "\"\n";
    if (rule.anchor[0] != '/') {
      assertThat(DETECTOR.scan(glued.getBytes(StandardCharsets.US_ASCII)))
          .noneSatisfy(f -> assertThat(f.ruleId()).isEqualTo(rule.id));
    }
    String shortened = "config = \"" + setting + token.substring(0, token.length() - 1) + "\"\n";
    if (rule.segments.get(rule.segments.size() - 1)[1] == rule.segments.get(rule.segments.size() - 1)[2]) {
      // Fixed-length formats: one byte short is not the format.
      assertThat(DETECTOR.scan(shortened.getBytes(StandardCharsets.US_ASCII)))
          .noneSatisfy(f -> assertThat(f.ruleId()).isEqualTo(rule.id));
    }
  }
}
