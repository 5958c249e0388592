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
}
