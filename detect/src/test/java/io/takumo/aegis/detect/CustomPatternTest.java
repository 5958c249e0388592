package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomPatternTest {
  @Test
  void customPatternsFindTheOrganizationsOwnFormats() {
    Detector detector = Detector.builtIn().withCustomPatterns(List.of(
        CustomPattern.of("acme-deploy-key", "ACME-[0-9A-F]{16}", Category.KEY, "ACME deploy key"),
        CustomPattern.of("internal-host", "[a-z0-9-]+\\.corp\\.acme\\.net", Category.HOST, "internal hosts")));
    String text = "deploy: ACME-0123456789ABCDEF to build-7.corp.acme.net with AKIAIOSFODNN7EXAMPLE";

    List<Finding> found = detector.scan(text.getBytes(StandardCharsets.UTF_8));

    assertThat(found).extracting(Finding::ruleId).containsExactly("acme-deploy-key", "internal-host", "aws-access-key-id");
    Finding key = found.get(0);
    assertThat(text.substring(key.start(), key.end())).isEqualTo("ACME-0123456789ABCDEF");
    assertThat(found.get(1).category()).isEqualTo(Category.HOST);
  }

  @Test
  void badPatternsAreRefusedNamingTheRule() {
    assertThatThrownBy(() -> CustomPattern.of("broken", "ACME-[0-9", Category.KEY, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pattern of broken").hasMessageContaining("expected: a Java regular expression");
  }

  @Test
  void catastrophicBacktrackingFailsInsteadOfHanging() {
    Detector detector = Detector.builtIn().withCustomPatterns(List.of(
        CustomPattern.of("evil", "(a+)+b", Category.SECRET, "exponential on a run of a")));
    byte[] input = ("a".repeat(5000) + "c").getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> detector.scan(input)).isInstanceOf(PatternBudgetExceeded.class)
        .hasMessageContaining("evil");
  }

  @Test
  void detectorsWithTheSameRulesHaveTheSameRulesId() {
    CustomPattern acme = CustomPattern.of("acme-id", "ACME-[0-9]{8}", Category.SECRET, "");
    assertThat(Detector.builtIn().rulesId()).isEqualTo(Detector.builtIn().rulesId());
    assertThat(Detector.builtIn().withCustomPatterns(List.of(acme)).rulesId())
        .isEqualTo(Detector.builtIn().withCustomPatterns(List.of(CustomPattern.of("acme-id", "ACME-[0-9]{8}",
            Category.SECRET, "another description"))).rulesId())
        .isNotEqualTo(Detector.builtIn().rulesId())
        .isNotEqualTo(Detector.builtIn().withCustomPatterns(List.of(CustomPattern.of("acme-id", "ACME-[0-9]{9}",
            Category.SECRET, ""))).rulesId())
        .isNotEqualTo(Detector.builtIn().withCustomPatterns(List.of(CustomPattern.of("acme-id", "ACME-[0-9]{8}",
            Category.KEY, ""))).rulesId());
  }
}
