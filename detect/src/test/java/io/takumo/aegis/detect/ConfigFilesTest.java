package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Config files recognized by shape (SPEC §4.3): each secret in them is found, exactly. */
class ConfigFilesTest {
  private static final JsonScanner SCANNER = new JsonScanner(Detector.builtIn());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "docker config.json|{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"ZGV2dXNlcjpzM2NyM3QtcGFzcw==\"}}}|ZGV2dXNlcjpzM2NyM3QtcGFzcw==",
      ".npmrc _auth|registry=https://npm.acme.net/\\n_auth=ZGV2dXNlcjpzM2NyM3QtcGFzcw==\\nalways-auth=true|ZGV2dXNlcjpzM2NyM3QtcGFzcw==",
      ".npmrc token|//npm.acme.net/:_authToken=Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB|Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB",
      ".pypirc|[pypi]\\nusername = __token__\\npassword = Xk2n7Pq9-RsTu-8vWq|Xk2n7Pq9-RsTu-8vWq",
      ".netrc|machine api.heroku.com\\n  login me@acme.net\\n  password 3fa85f64-5717-4562-b3fc-2c963f66afa6|3fa85f64-5717-4562-b3fc-2c963f66afa6",
      ".netrc, one line|machine api.heroku.com login me@acme.net password Hx7-Rq2-Lm9-Tz4|Hx7-Rq2-Lm9-Tz4",
      ".netrc, machine and password|machine ftp.acme.net password Hx7-Rq2-Lm9-Tz4|Hx7-Rq2-Lm9-Tz4",
      ".netrc, default|machine a.acme.net login a password Qz8-Wn3-Kp5\\ndefault password Hx7-Rq2-Lm9-Tz4|Hx7-Rq2-Lm9-Tz4",
      ".netrc, account|machine a.acme.net\\n    login a\\n    account ops\\n    password Hx7-Rq2-Lm9-Tz4|Hx7-Rq2-Lm9-Tz4",
      "kubernetes secret|apiVersion: v1\\nkind: Secret\\nmetadata:\\n  name: db\\ndata:\\n  conn: cG9zdGdyZXM6Ly9hcHA6cHdAZGI=\\n|cG9zdGdyZXM6Ly9hcHA6cHdAZGI=",
      "toml|[database]\\nhost = \"db\"\\npassword = \"Tr0ub4dor&3\"\\n|Tr0ub4dor&3",
      "properties|spring.datasource.password=Qw3rty!2024\\nserver.port=8080|Qw3rty!2024",
      "ini|[client]\\nuser = app\\npassword = Qw3rty!2024\\n|Qw3rty!2024"})
  void findsTheSecretInTheFile(String kind, String file, String secret) {
    String text = file.replace("\\n", "\n");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Finding> found = SCANNER.scan(bytes);
    int start = text.indexOf(secret);
    assertThat(found).as(kind).anySatisfy(f -> {
      assertThat(f.start()).isEqualTo(start);
      assertThat(f.end()).isEqualTo(start + secret.length());
    });
  }

  /** Prose with a netrc keyword in it is not a .netrc: the word before "password" must be a netrc value. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "raise AuthError(\"invalid password for %s\" % username)",
      "# the machine learning service checks the password hashed with bcrypt",
      "machine learning model, then the password reset flow",
      "login form: the user types a password twice"})
  void proseIsNotANetrcFile(String line) {
    assertThat(SCANNER.scan(line.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}
