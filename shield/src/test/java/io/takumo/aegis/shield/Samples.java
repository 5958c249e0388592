package io.takumo.aegis.shield;

import io.takumo.aegis.detect.Detector;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Secrets of the kinds people paste, each in a line of code that gives it away. */
final class Samples {
  static final Detector DETECTOR = Detector.builtIn();
  static final byte[] TOKEN_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final TokenMinter MINTER = new TokenMinter(TOKEN_KEY);

  static final String AWS = "AKIAIOSFODNN7EXAMPLE";
  static final String OPENAI = "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34";
  static final String PASSWORD = "p\"a\\ss-W0rd!é";
  static final String DB_PASSWORD = "s3cr3t-P4ss";
  static final String SLACK = "xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1";
  static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n"
      + "aIHSS39WFrSKt1Y7LDQJSSgqrZ1sK5dw7qbdH3LgkDHYcUZ8m7Rwx4Jm4sxTMXo\n-----END RSA PRIVATE KEY-----";

  /** Lines of code, each holding one secret; the secret is what a token must stand for. */
  record Line(String code, String secret) {}

  static final List<Line> LINES = List.of(
      new Line("aws_key = \"" + AWS + "\"", AWS),
      new Line("client = OpenAI(api_key=\"" + OPENAI + "\")", OPENAI),
      new Line("password = \"hunter2-Correct\"", "hunter2-Correct"),
      new Line("DATABASE_URL=postgres://app:" + DB_PASSWORD + "@db.internal/app", DB_PASSWORD),
      new Line("slack: " + SLACK, SLACK),
      new Line(PEM, PEM));

  private Samples() {}

  static Vault vault() {
    return new Vault(MINTER, 10_000);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String str(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
