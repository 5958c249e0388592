package io.takumo.aegis.shield;

import static io.takumo.aegis.shield.Samples.str;
import static io.takumo.aegis.shield.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.detect.Category;
import org.junit.jupiter.api.Test;

class RehydratorTest {
  private static String rehydrate(byte[] in, int[] cuts, Vault vault, boolean json) {
    ArrayRewrite out = new ArrayRewrite(in);
    Rehydrator r = new Rehydrator(vault, out, json);
    int from = 0;
    for (int cut : cuts) {
      r.feed(in, from, cut - from, false);
      from = cut;
    }
    r.feed(in, from, in.length - from, true);
    return str(out.toByteArray());
  }

  @Test
  void everyCutOfTextAndJsonGivesTheSameAnswer() {
    try (Vault vault = Samples.vault()) {
      String token = str(vault.put(Category.SECRET, utf8("pa\"ss\\word\nnext")));
      String text = "a " + token + " b _" + token + "_ __" + token + "__x";
      String expectedText = text.replace(token, "pa\"ss\\word\nnext");
      String json = "{\"text\": \"" + text + "\", \"args\": \"{\\\"k\\\": \\\"" + token + "\\\"}\"}";
      String expectedJson = "{\"text\": \"" + expectedText.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
          + "\", \"args\": \"{\\\"k\\\": \\\"pa\\\\\\\"ss\\\\\\\\word\\\\nnext\\\"}\"}";
      byte[] t = utf8(text);
      byte[] j = utf8(json);
      for (int a = 0; a <= t.length; a++) {
        assertThat(rehydrate(t, new int[] {a}, vault, true)).as("text cut at %d", a).isEqualTo(expectedText);
      }
      for (int a = 0; a <= j.length; a++) {
        for (int b = a; b <= j.length; b += 9) {
          assertThat(rehydrate(j, new int[] {a, b}, vault, true)).as("json cut at %d, %d", a, b).isEqualTo(expectedJson);
        }
      }
    }
  }

  /**
   * A string that begins with a bracket but is text (found by fuzzing: {@code [2[2"""…}): the tokenizer
   * scanned it as text, so its tokens go back escaped once, also after a quote that would have opened a
   * string of the JSON it looked like, while a string of real JSON inside a string is escaped twice.
   */
  @Test
  void textThatBeginsLikeJsonGetsItsSecretsBackEscapedOnce() {
    try (Vault vault = Samples.vault()) {
      String token = str(vault.put(Category.SECRET, utf8("pa\\ss\"word")));
      String once = "pa\\\\ss\\\"word"; // the secret in a string of the answer
      String twice = "pa\\\\\\\\ss\\\\\\\"word"; // in a string of JSON inside a string
      String[][] cases = {
          // a token between the values of what began like JSON
          {"{\"t\": \"[2, \\\"a\\\" " + token + " \\\"" + token + "\\\"]\"}",
              "{\"t\": \"[2, \\\"a\\\" " + once + " \\\"" + once + "\\\"]\"}"},
          // a word no JSON has between its strings
          {"{\"t\": \"[note, \\\"" + token + "\\\"]\"}", "{\"t\": \"[note, \\\"" + once + "\\\"]\"}"},
          // a form feed between values: not JSON either (the tokenizer's walk refuses it too)
          {"{\"t\": \"[2,\\f\\\"" + token + "\\\"]\"}", "{\"t\": \"[2,\\f\\\"" + once + "\\\"]\"}"},
          // a complete value and then more: [] ends the JSON, the quote after it is text (a fuzz finding)
          {"{\"t\": \"[]]\\\" key=" + token + "\"}", "{\"t\": \"[]]\\\" key=" + once + "\"}"},
          {"{\"t\": \"{} \\\"" + token + "\\\"\"}", "{\"t\": \"{} \\\"" + once + "\\\"\"}"},
          // its brackets and quotes written as hex escapes: still JSON inside the string
          {"{\"t\": \"\\u005B2, \\u0022" + token + "\\\"]\"}", "{\"t\": \"\\u005B2, \\u0022" + twice + "\\\"]\"}"},
          // real JSON inside a string: escaped twice, as before
          {"{\"t\": \"[2, true, null, \\\"" + token + "\\\"]\"}",
              "{\"t\": \"[2, true, null, \\\"" + twice + "\\\"]\"}"}};
      for (String[] c : cases) {
        byte[] in = utf8(c[0]);
        for (int a = 0; a <= in.length; a++) {
          assertThat(rehydrate(in, new int[] {a}, vault, true)).as("%s cut at %d", c[0], a).isEqualTo(c[1]);
        }
      }
    }
  }
}
