package io.takumo.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigTest {
  @TempDir Path root;

  @Test
  void keysPublicByDesignAreReportedOnlyWhenTheProjectTurnsThemOn() throws Exception {
    assertThat(ProjectConfig.NONE.reports("stripe-publishable-key")).isFalse();
    assertThat(ProjectConfig.NONE.reports("private-ip")).isFalse();
    assertThat(ProjectConfig.NONE.reports("stripe-key")).isTrue();

    Files.writeString(root.resolve(ProjectConfig.FILE), """
        rules_on: [stripe-publishable-key, private-ip]
        rules_off: [context-password]
        """);
    ProjectConfig project = ProjectConfig.at(root);
    assertThat(project.reports("stripe-publishable-key")).isTrue();
    assertThat(project.reports("private-ip")).isTrue();
    assertThat(project.reports("context-password")).isFalse();
    assertThat(project.reports("aws-access-key-id")).isTrue();
  }
}
