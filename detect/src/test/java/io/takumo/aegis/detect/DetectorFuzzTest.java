package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz targets of the detection engine (Jazzer). {@code make test} runs them over the committed
 * inputs in {@code src/test/resources/io/takumo/aegis/detect/DetectorFuzzTestInputs}; {@code make
 * fuzz} runs each for {@code FUZZ_SECONDS} and keeps what fails there as a new input.
 */
class DetectorFuzzTest {
  private static final Detector DETECTOR = Detector.builtIn();
  private static final JsonScanner JSON = new JsonScanner(DETECTOR);
  private static final String KEY = "AKIAZ3MJJWQ5XLOPK7RA";

  /** Any bytes: no exception, findings inside the input, ordered and not overlapping. */
  @FuzzTest
  void anyBytesGiveWellFormedFindings(byte[] data) {
    for (List<Finding> found : List.of(DETECTOR.scan(data), JSON.scan(data))) {
      int end = 0;
      for (Finding f : found) {
        assertThat(f.start()).isGreaterThanOrEqualTo(end);
        assertThat(f.end()).isLessThanOrEqualTo(data.length);
        assertThat(f.value(data)).isNotEmpty();
        end = f.end();
      }
    }
  }

  /**
   * A key planted in text that is then put into JSON strings one to three levels deep (escaped
   * for each level, as a log line quoted into a tool result is) is found, with its own value,
   * whatever text surrounds it.
   */
  @FuzzTest
  void aKeyNestedInEscapedJsonIsFoundAtEveryDepth(FuzzedDataProvider data) {
    String before = data.consumeString(120);
    String after = data.consumeString(120);
    int depth = data.consumeInt(1, 3);
    String text = before + " " + KEY + " " + after;
    String json = text;
    for (int i = 0; i < depth; i++) {
      json = "{\"content\":\"" + escape(json) + "\"}";
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    List<Finding> found = JSON.scan(bytes);
    assertThat(found).as("the key in %s", json)
        .anySatisfy(f -> assertThat(new String(f.value(bytes), StandardCharsets.UTF_8)).contains(KEY));
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
