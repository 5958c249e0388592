package io.takumo.aegis.proxy.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.takumo.aegis.proxy.audit.PgAuditSink;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.server.Gateway;
import io.takumo.aegis.testing.StubUpstream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Planted secrets and keys, sent in every place a client can put them, must appear in none of: the
 * application log (every logger, every level, stack traces included), the access log, the audit
 * table filled by real traffic through the PostgreSQL sink.
 */
class NoSecretsAnywhereIT {
  private static final List<String> PLANTED = List.of("AKIAIOSFODNN7EXAMPLE", "hunter2-Correct-Horse",
      "sk-live-in-the-query-string", "postgres://app:s3cr3t-P4ss@db.internal/app", "sk-ant-users-own-provider-key");

  @Test
  void plantedSecretsReachNoLogAndNoAuditRow() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Level rootLevel = root.getLevel();
    root.setLevel(Level.DEBUG); // every line the gateway can write
    ListAppender<ILoggingEvent> all = new ListAppender<>();
    all.start();
    root.addAppender(all);
    Logger access = (Logger) LoggerFactory.getLogger("aegis.access");
    access.addAppender(all);
    try (PostgresFixture pg = new PostgresFixture(); StubUpstream stub = StubUpstream.start()) {
      PgKeyStore keys = new PgKeyStore(pg.db);
      String key = keys.create("it", "org-a", KeyEnvironment.TEST, Scope.all(), null);
      String wrongKey = "tk_test_" + "e".repeat(64);
      try (Gateway gateway = Gateway.start(GatewayConfig.builder()
          .listen(new InetSocketAddress("127.0.0.1", 0)).environment(KeyEnvironment.TEST)
          .keysFile(java.nio.file.Files.createTempDirectory("aegis-pg").resolve("unused.json")).ioThreads(1)
          .upstream(Provider.ANTHROPIC, stub.baseUrl(), "sk-ant-org-key").build(), new CachingKeyStore(keys),
          new PgAuditSink(pg.db))) {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + gateway.port();
        String body = "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"aws " + PLANTED.get(0)
            + " password=" + PLANTED.get(1) + " db " + PLANTED.get(3) + "\"}]}";
        for (String k : List.of(key, wrongKey)) {
          http.send(HttpRequest.newBuilder(URI.create(base + "/v1/messages?token=" + PLANTED.get(2)))
              .header("x-api-key", k).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.discarding());
        }
        http.send(HttpRequest.newBuilder(URI.create(base + "/v1/messages")).header("x-takumo-key", key)
            .header("x-api-key", PLANTED.get(4)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.discarding());
        stub.behavior(StubUpstream.Behavior.close()); // a failure path logs too
        http.send(HttpRequest.newBuilder(URI.create(base + "/v1/messages")).header("x-api-key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(URI.create(base + "/" + PLANTED.get(2))).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        gateway.audit().flush();
      }

      StringBuilder logs = new StringBuilder();
      List<ILoggingEvent> logged;
      synchronized (all) { // AppenderBase.doAppend adds under the appender's lock; an event loop may still log
        logged = List.copyOf(all.list);
      }
      for (ILoggingEvent event : logged) {
        if (event.getLoggerName().startsWith("jdk.")) {
          continue; // the test's own HTTP client logs what it sends; the gateway's lines are the subject
        }
        logs.append(event.getFormattedMessage()).append('\n');
        if (event.getThrowableProxy() != null) {
          logs.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
        }
      }
      StringBuilder rows = new StringBuilder();
      int count = 0;
      try (Connection c = pg.db.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM audit_events")) {
        while (rs.next()) {
          count++;
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            rows.append(rs.getString(i)).append('|');
          }
        }
      }
      assertThat(count).as("audit rows for the authenticated exchanges").isEqualTo(3);
      assertThat(logs).as("log lines").isNotEmpty();
      for (String secret : PLANTED) {
        assertThat(logs.toString()).as("logs").doesNotContain(secret);
        assertThat(rows.toString()).as("audit rows").doesNotContain(secret);
      }
      for (String k : List.of(key, key.substring(8), "e".repeat(64))) {
        assertThat(logs.toString()).doesNotContain(k);
        assertThat(rows.toString()).doesNotContain(k);
      }
    } finally {
      root.detachAppender(all);
      access.detachAppender(all);
      root.setLevel(rootLevel);
    }
  }
}
