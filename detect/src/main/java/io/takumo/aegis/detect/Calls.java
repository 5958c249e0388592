package io.takumo.aegis.detect;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Credentials passed by position to the calls that take them: {@code new PDO($dsn, 'shop', '…')}, {@code
 * req.SetBasicAuth("api", "…")}, {@code DriverManager.getConnection(url, "app", "…")}, {@code new
 * BasicAWSCredentials("AKIA…", "…")}. No name stands beside the value, but the API says what it is: the library's
 * documentation is the context. Only string literals are judged (a variable is the usual argument, and no secret),
 * each by the value model of the kind of name the parameter has.
 */
final class Calls {
  private Calls() {}

  /**
   * One call: the bytes of its name before the trigger's literal, checked when the trigger fires; the literal (the
   * name's end and its parenthesis: {@code dCredentials(} keys on a pair rarer in code than {@code password}'s, which
   * a code-heavy prompt holds thousands of times); which argument holds the secret (-1: the last), and its kind.
   */
  record Call(byte[] before, byte[] literal, int argument, Keyword kind) {}

  /** Arguments read, at most; bytes of one argument read, at most. */
  private static final int MAX_ARGUMENTS = 6;
  private static final int MAX_ARGUMENT = 512;

  static final List<Call> CALLS = List.of(
      call("new PDO(", 2, Keyword.PASSWORD), // PHP: dsn, username, password[, options]
      call("new mysqli(", 2, Keyword.PASSWORD), // host, username, password, database
      call("mysqli_connect(", 2, Keyword.PASSWORD),
      call("mysql_connect(", 2, Keyword.PASSWORD),
      call("SetBasicAuth(", 1, Keyword.PASSWORD), // Go's net/http: username, password
      call("smtp.PlainAuth(", 2, Keyword.PASSWORD), // Go: identity, username, password, host
      call("getConnection(", -1, Keyword.PASSWORD), // JDBC: (url, user, password) or a DataSource's (user, password)
      call("UsernamePasswor", "dCredentials(", 1, Keyword.PASSWORD), // Apache HttpClient
      call("Passwor", "dAuthentication(", 1, Keyword.PASSWORD), // java.net, JavaMail: user, password[.toCharArray()]
      call("NetworkCredential(", 1, Keyword.PASSWORD), // .NET: userName, password[, domain]
      call("Credentials.basic(", 1, Keyword.PASSWORD), // OkHttp
      call("HTTPBasicAuth(", 1, Keyword.PASSWORD), // Python requests
      call("HTTPDiges", "tAuth(", 1, Keyword.PASSWORD),
      call("auth=(", 1, Keyword.PASSWORD), // requests.get(url, auth=("user", "…"))
      call(".login(", 1, Keyword.PASSWORD), // smtplib, ftplib, imaplib: user, password
      call("simple_bind_s(", 1, Keyword.PASSWORD), // python-ldap: who, cred
      call("BasicAWSCredentials(", 1, Keyword.SECRET), // AWS SDK for Java 1: access key id, secret key
      call("AwsBasicCredentials.create(", 1, Keyword.SECRET), // AWS SDK for Java 2
      call("NewStaticCredentials(", 1, Keyword.SECRET), // AWS SDK for Go: id, secret, token
      call("NewStaticCredentialsProvider(", 1, Keyword.SECRET)); // AWS SDK for Go v2

  private static final java.util.Map<byte[], Call> BY_LITERAL = new java.util.IdentityHashMap<>();

  static {
    for (Call call : CALLS) {
      BY_LITERAL.put(call.literal(), call);
    }
  }

  /** The call whose trigger literal is {@code literal} (the same array: the detector's triggers hold them). */
  static Call of(byte[] literal) {
    return java.util.Objects.requireNonNull(BY_LITERAL.get(literal));
  }

  private static Call call(String literal, int argument, Keyword kind) {
    return call("", literal, argument, kind);
  }

  private static Call call(String before, String literal, int argument, Keyword kind) {
    return new Call(Detector.ascii(before), Detector.ascii(literal), argument, kind);
  }

  /**
   * The argument {@code call} gives its secret in, when it is a string literal ({@code "…"} or {@code '…'}, maybe
   * converted: {@code "…".toCharArray()}), of the call whose trigger literal is at {@code at} (its name's first
   * bytes before it, its argument list after); null otherwise.
   */
  static @Nullable Value secretArgument(byte[] b, int at, int from, int to, Call call) {
    int start = at - call.before().length;
    if (start < from || !Bytes.startsWith(b, start, at, call.before(), false)) {
      return null;
    }
    Arguments list = arguments(b, at + call.literal().length, to, MAX_ARGUMENTS);
    if (list == null) {
      return null;
    }
    int index = call.argument() < 0 ? list.count() - 1 : call.argument();
    return index > 0 && index < list.count() ? list.literals()[index] : null;
  }

  /**
   * An argument list read to its closing parenthesis: each argument's string literal, or null where it is something
   * else; how many; and where the closing parenthesis is.
   */
  record Arguments(@Nullable Value[] literals, int count, int close) {}

  /** The list that starts at {@code p} (after its opening parenthesis), of at most {@code max} arguments, or null. */
  static @Nullable Arguments arguments(byte[] b, int p, int to, int max) {
    Value[] literals = new Value[max];
    int n = 0;
    int q = p;
    while (n < max) {
      q = Value.skipSpace(b, q, to);
      int start = q;
      Value literal = q < to && (b[q] == '"' || b[q] == '\'') ? Value.quoted(b, q, to) : null;
      int end = skipArgument(b, literal != null ? literal.end() + 1 : q, to);
      if (end < 0) {
        return null;
      }
      int next = literal != null ? Value.skipSpace(b, literal.end() + 1, end) : end;
      if (next != end && b[next] != '.') {
        literal = null; // "…" + suffix: an expression, not the literal alone (nor converted: "…".toCharArray())
      }
      literals[n++] = literal;
      q = end;
      if (b[q] == ')' || q - start > MAX_ARGUMENT) {
        break;
      }
      q++; // the comma
    }
    return q < to && b[q] == ')' ? new Arguments(literals, n, q) : null; // not cut off, nor longer than max
  }

  /** The comma or closing parenthesis that ends the argument whose rest starts at {@code p}, or -1. */
  private static int skipArgument(byte[] b, int p, int to) {
    int depth = 0;
    for (int q = p; q < to && q - p <= MAX_ARGUMENT; q++) {
      byte c = b[q];
      if (c == '"' || c == '\'') {
        q = Literals.closingQuote(b, q, to);
        if (q < 0) {
          return -1;
        }
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          return c == ')' ? q : -1;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return q;
      } else if (c == ';') {
        return -1; // the statement ended: no call of ours
      }
    }
    return -1;
  }

}
