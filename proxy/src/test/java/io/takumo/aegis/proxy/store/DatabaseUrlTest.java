package io.takumo.aegis.proxy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void libpqAndJdbcFormsParse() {
    DatabaseUrl libpq = DatabaseUrl.parse("f", "postgresql://app:p%40ss@db.internal:6432/aegis?sslmode=require");
    assertThat(libpq.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/aegis?sslmode=require");
    assertThat(libpq.user()).isEqualTo("app");
    assertThat(libpq.password()).isEqualTo("p@ss");
    DatabaseUrl jdbc = DatabaseUrl.parse("f", "jdbc:postgresql://db/aegis?user=app&password=s3cret");
    assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://db/aegis?user=app&password=s3cret");
  }

  @Test
  void passwordsNeverReachMessages() {
    assertThat(DatabaseUrl.parse("f", "postgresql://app:s3cret@db/aegis").toString()).doesNotContain("s3cret");
    assertThat(DatabaseUrl.parse("f", "jdbc:postgresql://db/aegis?user=app&password=s3cret").toString())
        .doesNotContain("s3cret");
    assertThat(DatabaseUrl.redact("Unable to obtain connection (jdbc:postgresql://db/a?password=s3cret&ssl=true)"))
        .doesNotContain("s3cret").contains("ssl=true");
    assertThatThrownBy(() -> DatabaseUrl.parse("TAKUMO_DATABASE_URL", "mysql://root:s3cret@db/x"))
        .hasMessageContaining("TAKUMO_DATABASE_URL").hasMessageNotContaining("s3cret");
  }
}
