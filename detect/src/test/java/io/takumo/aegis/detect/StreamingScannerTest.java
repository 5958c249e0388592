package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingScannerTest {
  private static final Detector DETECTOR = Detector.builtIn();

  private static List<String> oneShot(byte[] text) {
    List<String> out = new ArrayList<>();
    for (Finding f : DETECTOR.scan(text)) {
      out.add(f.start() + "-" + f.end() + " " + f.ruleId());
    }
    return out;
  }

  private static List<String> streamed(byte[] text, int[] cuts, int horizon) {
    StreamingScanner scanner = new StreamingScanner(DETECTOR, horizon, 4 * horizon);
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= cuts.length; i++) {
      int to = i < cuts.length ? cuts[i] : text.length;
      for (StreamingScanner.StreamFinding f : scanner.feed(text, from, to - from, i == cuts.length)) {
        out.add(f.start() + "-" + f.end() + " " + f.ruleId());
      }
      assertThat(scanner.carried()).isLessThanOrEqualTo(4 * horizon);
      from = to;
    }
    return out;
  }

  private static byte[] sample() {
    String gh = DetectorTest.github("ghp_");
    return ("import os\n\npassword = \"hunter2-Correct\"\nurl = \"postgres://app:s3cr3t-P4ss@db.internal/app\"\n"
        + "token: " + gh + "\nAWS=AKIAIOSFODNN7EXAMPLE\n-----BEGIN EC PRIVATE KEY-----\n"
        + "MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5Oy3s4kZlS5yWoAoGCCqGSM49AwEHoUQDQgAE\n"
        + "-----END EC PRIVATE KEY-----\nok = 1\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everySingleCutGivesTheOneShotResult() {
    byte[] text = sample();
    List<String> expected = oneShot(text);
    assertThat(expected).hasSize(5);
    for (int cut = 0; cut <= text.length; cut++) {
      assertThat(streamed(text, new int[] {cut}, 512)).as("cut at %d", cut).isEqualTo(expected);
    }
  }

  /**
   * Rules that read a line after the name's (an echo's output, a plist's string), a prompt's default, a JWK's
   * sibling, joined literals, character codes, a call's arguments: a cut anywhere between name and value changes
   * nothing.
   */
  @Test
  void valuesOnTheNextLineOrBesideASiblingAreFoundAtEveryCut() {
    byte[] text = ("$ echo $DD_API_KEY\n57c3b81b9e11b23a9ca438f0d352d3c0\n$ ls\n"
        + "  <key>AsanaToken</key>\n  <string>2/1460657153239826/8146391748111128:f8eba9c8924adf4222683036369d9e80</string>\n"
        + "AWS Secret Access Key [None]: PutrONNtnFWu3qfziOqjtFd7I1kPDKl6Ifa6HUGK\n"
        + "{\"crv\": \"P-256\", \"d\": \"hrNbxWWZW6cDrl3-xD-67W4jra0DR3AIb0fYxn2wAXn\", \"kty\": \"EC\"}\n"
        + "SET PASSWORD FOR 'svc_orders'@'%' = 'Canyon_8644#';\n"
        + "$key = 'xoxb-8559' . '48117781-6800731864711-uLltCqu1QKpIQoETW0RjD8r6';\n"
        + "const obf = String.fromCharCode(101, 74, 35, 86, 45, 71, 71, 112, 117, 66, 97, 98, 77, 52, 100, 80);\n"
        + "$db = new PDO('mysql:host=db;dbname=shop', 'shop', 'marigold%1974');\n").getBytes(StandardCharsets.UTF_8);
    List<String> expected = oneShot(text);
    assertThat(expected).hasSize(8);
    for (int cut = 0; cut <= text.length; cut++) {
      assertThat(streamed(text, new int[] {cut}, 512)).as("cut at %d", cut).isEqualTo(expected);
    }
  }

  /**
   * The twelfth session's rules that read past the name's line: a CSV header's and a COPY's rows, what {@code kubectl
   * … | base64 -d} printed, a Format-List pair, redis-cli's numbered reply, a vault's numbered unseal key, a password's
   * whole line: a cut anywhere changes nothing.
   */
  @Test
  void tablesRowsAndPrintedValuesAreFoundAtEveryCut() {
    byte[] text = ("id,email,api_key,created_at\n1,a@b.io,ak_live_Zq8Xw2Lm5Nv9Pk3Rt7Yb1Cd4Fg6Hj0Ks,2025-01-02\n"
        + "2,c@d.io,ak_live_Mn4Bv6Cx8Zl1Kj3Hg5Fd7Sa9Po2Iu4Yt,2025-01-03\n\n"
        + "COPY public.tokens (id, provider, access_token) FROM stdin;\n1\thubspot\tpat-na1-3f2a9c1e-7b4d-4e8f-a1c2-9d0e5f6a7b8c\n\\.\n"
        + "$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n    12\tTq7!vLz2#Mx9Pw\n"
        + "Name  : JWT_SECRET\nValue : Mq7/Vx2Rz9Lp4Wn8Tk3Yb6Hs1Dc5Fg0Ja2Ke7Qu4\n"
        + "1) \"requirepass\"\n2) \"E-xUN%T5Up*RkE%BqLa\"\n"
        + "Unseal Key 1: Xq4Tz0BWvm2N9pLrKs7YcHd1Ju8Ga5Ef3Wi6Oo+Rb2Cd\n"
        + "      POSTGRES_PASSWORD: ;r8/KQLE#-Bn)W2h\n").getBytes(StandardCharsets.UTF_8);
    List<String> expected = oneShot(text);
    assertThat(expected).hasSize(8);
    for (int cut = 0; cut <= text.length; cut++) {
      assertThat(streamed(text, new int[] {cut}, 512)).as("cut at %d", cut).isEqualTo(expected);
    }
  }

  @Test
  void randomMultiCutsOfALargeBodyGiveTheOneShotResult() {
    StringBuilder big = new StringBuilder();
    Random random = new Random(3);
    byte[] sample = sample();
    while (big.length() < 400_000) {
      big.append("public int add(int a, int b) { return a + b; } // ").append(random.nextInt()).append('\n');
      if (random.nextInt(50) == 0) {
        big.append(new String(sample, StandardCharsets.UTF_8));
      }
    }
    byte[] text = big.toString().getBytes(StandardCharsets.UTF_8);
    List<String> expected = oneShot(text);
    for (int round = 0; round < 20; round++) {
      int[] cuts = random.ints(1 + random.nextInt(200), 0, text.length).sorted().distinct().toArray();
      assertThat(streamed(text, cuts, StreamingScanner.DEFAULT_HORIZON)).as("round %d", round).isEqualTo(expected);
    }
  }
}
