package io.takumo.aegis.detect;

import org.jspecify.annotations.Nullable;

/**
 * {@code key=value;} connection strings (SQL Server / ADO.NET, Azure Storage, Service Bus): when a
 * password or account key sits in one, the whole string is one CONN finding (SPEC §4 overlaps).
 */
final class ConnectionStrings {
  private static final byte[][] MARKERS = {Detector.ascii("server="), Detector.ascii("data source="),
      Detector.ascii("accountname="), Detector.ascii("host="), Detector.ascii("endpoint="),
      Detector.ascii("defaultendpointsprotocol="), Detector.ascii("database="), Detector.ascii("initial catalog=")};

  private ConnectionStrings() {}

  /** {start, end} of the connection string around the value {@code b[vs, ve)}, or null. */
  static int @Nullable [] widen(byte[] b, int vs, int ve, int from, int to) {
    boolean inList = (ve < to && b[ve] == ';') || (vs > from + 1 && Bytes.is(b[vs - 1], Bytes.EQUALS));
    if (!inList) {
      return null;
    }
    int start = vs;
    while (start > from && vs - start < 1024 && !ends(b[start - 1])) {
      start--;
    }
    int end = ve;
    while (end < to && end - ve < 1024 && !ends(b[end])) {
      end++;
    }
    int semicolons = 0;
    for (int i = start; i < end; i++) {
      if (b[i] == ';') {
        semicolons++;
      }
    }
    if (semicolons < 2) {
      return null;
    }
    for (byte[] marker : MARKERS) {
      if (Placeholders.containsIgnoreCase(b, start, end, marker)) {
        while (start < end && b[start] == ' ') {
          start++;
        }
        return new int[] {start, end};
      }
    }
    return null;
  }

  private static boolean ends(byte c) {
    return c == '"' || c == '\'' || c == '`' || c == '\n' || c == '\r';
  }
}
