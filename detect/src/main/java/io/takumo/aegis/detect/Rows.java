package io.takumo.aegis.detect;

import java.util.List;

/**
 * Values a table's header names: a CSV export's first line ({@code id,email,api_key,created_at}, then its rows) and a
 * PostgreSQL dump's {@code COPY t (id, provider, access_token, …) FROM stdin;} (then tab-separated rows up to {@code
 * \.}). A column named for a secret makes the field at its place in every row that secret's value, judged by the value
 * model of the name's kind. Found from the name's context trigger, so a line of code that only looks like a header
 * costs one look at its line.
 */
final class Rows {
  /** Rows read after a header, and bytes: a dump's table can be long, a secret column's rows are judged alike. */
  private static final int MAX_ROWS = 256;
  private static final int MAX_BYTES = 64 << 10;
  private static final int MAX_LINE = 4096;
  /**
   * Columns read: a secret column among a header's first 32. Each is read on its own (a header of many secret names
   * reads its rows once per name), so this and {@link #MAX_BYTES} bound the work per header; that a table's rows end
   * at a line without the separator, and a header starts its block, gives each row one header: the work stays linear
   * in the input, whatever an input repeats.
   */
  private static final int MAX_COLUMN = 32;
  private static final byte[] COPY = Detector.ascii("COPY ");
  private static final byte[] FROM_STDIN = Detector.ascii(") FROM stdin;");

  private Rows() {}

  /**
   * The findings of the column named {@code b[is, ie)} when that name is a field of a CSV header or a {@code COPY}'s
   * column list; false when it is neither (the caller goes on with the name's other syntaxes).
   */
  static boolean column(byte[] b, int is, int ie, int from, int to, List<Finding> out) {
    boolean copy = is - 2 >= from && b[is - 1] == ' ' && (b[is - 2] == ',' || b[is - 2] == '(');
    if (!copy && is > from && b[is - 1] != ',' && b[is - 1] != '\n') {
      return false;
    }
    // Each side is walked only over what a header holds (names, commas; a column list's blanks), so a line of code
    // that is no header stops the walk at its first bracket, dot or operator.
    int eol = ie;
    while (eol < to && eol - ie < MAX_LINE && headerByte(b[eol], copy)) {
      eol++;
    }
    if (copy ? eol >= to || b[eol] != ')' : eol < to && b[eol] != '\n' && b[eol] != '\r') {
      return false; // the list or the header goes on past the names: code (f(a, token, b.c)), not a table's head
    }
    int bol = is;
    while (bol > from && is - bol < MAX_LINE && headerByte(b[bol - 1], copy)) {
      bol--;
    }
    int column = copy ? copyColumn(b, bol, is, eol, from, to) : csvColumn(b, bol, is, eol, from, to);
    if (column < 0) {
      return false;
    }
    if (column >= MAX_COLUMN) {
      return true;
    }
    Keyword kind = Keyword.classify(b, is, ie);
    if (kind == null) {
      return true;
    }
    eol = ByteScan.newline(b, eol, to);
    byte separator = copy ? (byte) '\t' : (byte) ',';
    int row = eol + 1;
    for (int n = 0; n < MAX_ROWS && row < to && row - eol < MAX_BYTES; n++) {
      int end = ByteScan.newline(b, row, Math.min(to, row + MAX_LINE));
      int lineEnd = end > row && b[end - 1] == '\r' ? end - 1 : end;
      if (lineEnd == row || ByteScan.indexOf(b, row, lineEnd, separator) == lineEnd) {
        break; // a blank line or one without the separator ends an export, \. a COPY's data
      }
      field(b, row, lineEnd, column, separator, kind, out);
      if (end >= to || b[end] != '\n') {
        break;
      }
      row = end + 1;
    }
    return true;
  }

  private static boolean headerByte(byte c, boolean copy) {
    return Bytes.is(c, Bytes.IDENT) || c == ',' || c == '"' || copy && c == ' ';
  }

  /**
   * The index of the field at {@code is} in a CSV header of names only that spans its line, {@code b[bol, eol)}, or
   * -1.
   */
  private static int csvColumn(byte[] b, int bol, int is, int eol, int from, int to) {
    if (bol > from && b[bol - 1] != '\n' || eol < to && b[eol] != '\n' && b[eol] != '\r' || eol >= to) {
      return -1; // a blank, a bracket, an operator on the line: code or prose, not a header of names
    }
    if (bol > from && namesOnly(b, bol - 1, from)) {
      return -1; // the line above is of names and commas too: a row of the table, not its head
    }
    int commas = 0;
    int column = 0;
    for (int i = bol; i < eol; i++) {
      if (b[i] == ',') {
        commas++;
        column += i < is ? 1 : 0;
      }
    }
    return commas >= 2 ? column : -1;
  }

  /** Whether the line that ends at {@code eol} (its newline) is of names and commas only, two commas or more. */
  private static boolean namesOnly(byte[] b, int eol, int from) {
    int commas = 0;
    int p = eol > from && b[eol - 1] == '\r' ? eol - 1 : eol;
    for (int n = 0; p > from && n < MAX_LINE && b[p - 1] != '\n'; p--, n++) {
      if (b[p - 1] == ',') {
        commas++;
      } else if (!Bytes.is(b[p - 1], Bytes.IDENT) && b[p - 1] != '"') {
        return false;
      }
    }
    return commas >= 2;
  }

  /**
   * The index of the column at {@code is} in {@code COPY t (a, b, …) FROM stdin;}, whose list is {@code b[bol, eol)}
   * (its parentheses just outside), or -1.
   */
  private static int copyColumn(byte[] b, int bol, int is, int eol, int from, int to) {
    if (bol <= from || b[bol - 1] != '(' || eol >= to || !Bytes.startsWith(b, eol, to, FROM_STDIN, false)) {
      return -1;
    }
    int table = bol - 1;
    while (table > from && bol - table < 256 && (Bytes.is(b[table - 1], Bytes.IDENT) || b[table - 1] == '"')) {
      table--;
    }
    int copy = table - COPY.length;
    if (copy < from || !Bytes.startsWith(b, copy, table, COPY, false) || copy > from && b[copy - 1] != '\n') {
      return -1;
    }
    int column = 0;
    for (int i = bol; i < is; i++) {
      column += b[i] == ',' ? 1 : 0;
    }
    return column;
  }

  /** The field {@code column} of the row {@code b[row, end)}, a finding when the kind accepts it. */
  private static void field(byte[] b, int row, int end, int column, byte separator, Keyword kind, List<Finding> out) {
    int start = row;
    int index = 0;
    boolean quoted = false;
    for (int i = row; i <= end; i++) {
      if (i < end && b[i] == '"' && separator == ',') {
        quoted = !quoted; // a CSV field in quotes holds commas: "$argon2id$v=19$m=65536,t=3,p=4$…"
        continue;
      }
      if (i < end && (b[i] != separator || quoted)) {
        continue;
      }
      if (index == column) {
        int s = start;
        int e = i;
        if (e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
          s++;
          e--;
        }
        if (e > s && kind.accepts(b, s, e, true, false)) {
          out.add(kind.finding(kind.secretStart(b, s, e), e));
        }
        return;
      }
      index++;
      start = i + 1;
    }
  }
}
