package io.takumo.aegis.proxy.store;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.proxy.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * {@code TAKUMO_DATABASE_URL} in either form SPEC §13 allows: the libpq URI
 * ({@code postgresql://user:pass@host:5432/db?sslmode=require}) or JDBC
 * ({@code jdbc:postgresql://host:5432/db?user=…}). {@link #toString()} hides the password.
 */
public record DatabaseUrl(String jdbcUrl, @Nullable String user, @Nullable String password) {
  public DatabaseUrl {
    requireNonNull(jdbcUrl, "jdbcUrl");
  }

  public static DatabaseUrl parse(String field, String raw) {
    String value = raw.trim();
    if (value.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(value, null, null);
    }
    if (!value.startsWith("postgresql://") && !value.startsWith("postgres://")) {
      throw new ConfigException(field + ": " + redact(value)
          + " (expected: postgresql://user:pass@host:5432/db or jdbc:postgresql://host:5432/db)");
    }
    try {
      URI uri = new URI(value);
      String host = uri.getHost() == null ? "localhost" : uri.getHost();
      int port = uri.getPort() > 0 ? uri.getPort() : 5432;
      String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
      String jdbc = "jdbc:postgresql://" + host + ':' + port + '/' + db + (uri.getRawQuery() == null ? "" : '?' + uri.getRawQuery());
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
      }
      return new DatabaseUrl(jdbc, user, password);
    } catch (URISyntaxException e) {
      throw new ConfigException(field + ": " + redact(value) + " (expected: a postgresql:// URI; " + e.getReason() + ')');
    }
  }

  /** {@code text} with any password in a URL or a {@code password=} parameter replaced, for messages. */
  public static String redact(String url) {
    return url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + redact(jdbcUrl) + (user == null ? "" : ", user=" + user) + ']';
  }
}
