package io.takumo.aegis.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A secret's name in another language, written in prose as people paste secrets into a chat with an agent:
 * {@code Das Passwort für die Staging-DB lautet …}, {@code La contraseña es …}, {@code Пароль от базы: …},
 * {@code 数据库密码是 …}, {@code パスワードは「…」です}, {@code API 키는 … 입니다}. The English names and names in code
 * ({@code db_senha = "…"}) are {@link Keyword}'s; this reads a sentence: the name (any inflection: the word may go
 * on, {@code пароля}, {@code şifresi}), at most seven more words ({@code La contraseña de la base de datos de staging
 * es …}), a connector (a colon, fullwidth or not, {@code =}, a dash, a word for "is", or a particle glued to the name:
 * {@code は}, {@code 는}, {@code 是}), then the value.
 *
 * <p>The value runs, after an opening quote of any script ({@code 「}, {@code «}, {@code “}), up to a blank, a quote
 * or a character of three bytes or more (Korean, Japanese, Chinese, Devanagari, {@code 。}): ASCII and two-byte
 * letters ({@code ÇamlıkRocket2015}); it has eight characters or more and holds a letter and a digit, or is a
 * passphrase ({@code lagoon.nordic.fjord}), or has ten or more of three classes and a symbol words do not use
 * ({@code IKIur#TmVl&cr}; not {@code Değiştir-Kaydet}): prose says
 * "the password is required" and "パスワードは8文字以上" all the time. With no connector, only the first word after the
 * name (or after a possessive: {@code Token API saya …}, {@code kata sandi database-nya …}), and only when it looks
 * generated (Turkish and Hindi put the value there). The name's {@link Keyword} judges the rest, as for a value in
 * code.
 */
final class ForeignNames {
  /**
   * One kind per row, then its names: lower case where the script has case (matched ignoring ASCII case). Each wakes
   * the detector where it occurs; the ASCII ones are names in code too ({@code db_senha}, {@link Keyword}).
   */
  private static final String[][] NAMES = {
      {"PASSWORD", "passwort", "kennwort", "parola", "wachtwoord", "contraseña", "senha", "mot de passe", "mdp", "palavra-passe",
          "hasło", "haslo", "heslo", "lösenord", "adgangskode", "jelszó", "jelszo", "şifre", "Şifre", "mật khẩu",
          "kata sandi", "парол", "Парол", "κωδικός", "Κωδικός", "密码", "密碼", "口令", "パスワード", "暗証番号", "비밀번호",
          "패스워드", "암호", "비번", "पासवर्ड", "كلمة المرور", "كلمة السر", "كلمة مرور", "סיסמה", "รหัสผ่าน", "رمز عبور"},
      {"TOKEN", "токен", "Токен", "令牌", "トークン", "토큰", "टोकन", "الرمز", "ce jeton", "mon jeton", "טוקן", "โทเค็น"},
      {"KEY", "clé", "klucz", "sleutel", "schlüssel", "schluessel", "schlussel", "anahtar", "ключ", "Ключ", "密钥",
          "密鑰", "秘钥", "私钥", "キー", "鍵", "키", "कुंजी", "مفتاح", "nyckel", "nøgle", "nøkkel", "mi clave", "tu clave",
          "minha chave", "sua chave",
          "מפתח", "คีย์"},
      {"SECRET", "geheimnis", "secreto", "sekret", "секрет", "Секрет", "シークレット", "시크릿", "秘密"},
  };

  /**
   * Names in code only, with no trigger of their own: each has no byte pair that is rare in code ({@code contrasena}
   * would wake the detector at every {@code as}, {@code clave} at every {@code java}), so the detector finds them
   * only where another name wakes it ({@code DB_PASSORD} at its {@code pass}, {@code CLAVE_API_KEY}).
   */
  private static final String[][] CODE_ONLY = {
      {"PASSWORD", "contrasena", "passord", "losenord", "sifre", "salasana"},
      {"KEY", "clave", "chave", "chiave"},
      {"SECRET", "segreto"},
      {"TOKEN", "jeton"},
  };

  /** A name and the kind of secret it names. */
  record Name(byte[] literal, Keyword kind) {}

  /** The names that wake the detector. */
  static List<Name> names() {
    List<Name> out = new ArrayList<>();
    for (String[] row : NAMES) {
      Keyword kind = Keyword.valueOf(row[0]);
      for (int i = 1; i < row.length; i++) {
        out.add(new Name(row[i].getBytes(StandardCharsets.UTF_8), kind));
      }
    }
    return out;
  }

  /** Every name of {@link #NAMES} in UTF-8 (no Keyword here: Keyword's lexicon is built from this class). */
  private static final byte[][] NAME_BYTES = java.util.Arrays.stream(NAMES)
      .flatMap(row -> java.util.Arrays.stream(row, 1, row.length)).map(w -> w.getBytes(StandardCharsets.UTF_8))
      .toArray(byte[][]::new);

  /** Whether {@code b[from, to)} is one of the names, ignoring ASCII case ({@code "contraseña"} as a value). */
  static boolean isName(byte[] b, int from, int to) {
    for (byte[] name : NAME_BYTES) {
      if (name.length == to - from && Bytes.startsWith(b, from, to, name, true)) {
        return true;
      }
    }
    return false;
  }

  /** The names code writes (one word of ASCII letters) of the kind named {@code kind}, for {@link Keyword}'s lexicon. */
  static String[] codeNames(String kind) {
    List<String> out = new ArrayList<>();
    for (String[][] rows : new String[][][] {NAMES, CODE_ONLY}) {
      for (String[] row : rows) {
        for (int i = 1; row[0].equals(kind) && i < row.length; i++) {
          if (row[i].chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            out.add(row[i]);
          }
        }
      }
    }
    return out.toArray(new String[0]);
  }

  /** Words for "is" between a name and its value, each followed by a blank. */
  private static final byte[][] IS = words("is", "ist", "lautet", "es", "est", "é", "è", "era", "sind", "jest", "je",
      "to", "är", "er", "on", "adalah", "là", "c'est", "это", "—", "–", "-", "->", "→", "هي", "هو", "היא", "הוא", "है", "是",
      "为",
      // what a password was changed to: ho cambiato la password … in …, zmieniłem hasło … na …, mudei a senha … para …
      "in", "na", "para");

  /**
   * The end of a word for "is" in some language at {@code p} and the blank after it ({@code la password di the NAS
   * è …}, {@code kata sandi … adalah …}), or 0.
   */
  static int is(byte[] b, int p, int to) {
    int end = isWord(b, p, to);
    return end > 0 && end < to && b[end] == ' ' ? end + 1 : 0;
  }

  /**
   * Words for "is" that may stand right after an English name ({@code le Linode token est …}): not those English
   * puts there ({@code token is required}, {@code key to the door}, {@code key in the map}, {@code key - value}).
   */
  private static final byte[][] RIGHT_AFTER = words("ist", "lautet", "es", "est", "é", "è", "era", "sind", "jest", "är",
      "adalah", "là", "c'est", "это", "هي", "है");

  /** {@link #RIGHT_AFTER} by first byte: looked up after every name a sentence holds. */
  private static final byte[][][] RIGHT_AFTER_BY_FIRST = Placeholders.byFirstByte(RIGHT_AFTER);

  /** As {@link #is}, for the first word after an English name: one of {@link #RIGHT_AFTER}. */
  static int isRightAfterAName(byte[] b, int p, int to) {
    byte[][] candidates = p < to ? RIGHT_AFTER_BY_FIRST[Bytes.lower(b[p])] : null;
    int end = candidates == null ? 0 : word(b, p, to, candidates);
    return end > 0 && end < to && b[end] == ' ' ? end + 1 : 0;
  }

  /** The end of the word for "is" that starts at {@code p}, or 0. */
  private static int isWord(byte[] b, int p, int to) {
    byte[][] candidates = p < to ? IS_BY_FIRST[Bytes.lower(b[p])] : null;
    return candidates == null ? 0 : word(b, p, to, candidates);
  }

  /** {@link #IS} by first byte: a sentence's every word is looked up, most start no word for "is". */
  private static final byte[][][] IS_BY_FIRST = Placeholders.byFirstByte(IS);
  /** Particles and words glued to the name that say "is" or mark the topic (は, 는, 은, 是, 为) or "changed to" (改成了). */
  private static final byte[][] GLUED = words("は", "는", "은", "是", "为", "為", "就是", "改成了", "改成", "改为", "改為",
      "คือ"); // Thai writes "is" with no blank: รหัสผ่านฐานข้อมูลคือ …
  /** Opening quotes of other scripts: 「 『 “ « „ ‘ ‹, and » as German, Danish and Swedish open with it. */
  private static final byte[][] OPENERS = words("「", "『", "“", "«", "„", "‘", "‹", "»");
  private static final byte[] STOP = words("。")[0];
  /** How far after the name the connector may be, in bytes and in words. */
  private static final int REACH = 64;
  private static final int WORDS = 7;
  private static final int MIN_LENGTH = 8;
  private static final int MAX_LENGTH = 512;

  private ForeignNames() {}

  /** The value a sentence gives the name that ends at {@code ne}, or null. */
  static @Nullable Value after(byte[] b, int ns, int ne, int from, int to) {
    int limit = Math.min(to, ne + REACH);
    int words = 0;
    Value direct;
    int mine;
    for (int p = ne; p < limit; ) {
      byte c = b[p];
      int connector = 0;
      if (c == ':' || c == '=') {
        connector = 1;
      } else if (Bytes.startsWith(b, p, to, Value.WIDE_COLON, false)) {
        connector = Value.WIDE_COLON.length;
      } else if (c == ' ' || c == '\t') {
        int w = Value.skipBlanks(b, p, to);
        int is = isWord(b, w, to);
        if (is > 0 && is < to && (b[is] == ' ' || b[is] == ':')) {
          connector = is + 1 - p;
        } else if (words == 0 && (direct = value(b, w, to)) != null
            && (strong(b, direct, !namesAPassword(b, ns, ne, to)) || Value.afterAUser(b, ns, from))) {
          // the value right after the name: Turkish, Hindi (veritabanı şifresi …, पासवर्ड … है), a user's pair
          // (login admin, hasło …)
          return direct;
        } else if (words == 0 && (mine = possessive(b, w, to)) > 0) {
          p = mine; // Token API saya …, kata sandi database-nya …: "my", "its" before the value
          continue;
        } else if (++words > WORDS) {
          return null;
        } else {
          p = w;
          continue;
        }
      } else if (c == '\'' && p > ne && p + 1 < to && letter(b[p - 1]) && letter(b[p + 1])) {
        p++; // an elision, not a quote: mot de passe d'admin, c'est
      } else if (c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '`' || c == '\\' || c == '<' || c == '{'
          || c == '?' || c == '!' || c == '.' && (p + 1 >= to || b[p + 1] == ' ') || Bytes.startsWith(b, p, to, STOP, false)) {
        return null; // the sentence, or the string it is written in, ends
      } else {
        int glued = word(b, p, to, GLUED);
        connector = glued > 0 ? glued - p : 0;
      }
      if (connector > 0 && !describedBefore(b, ne, p)) {
        Value value = value(b, p + connector, to);
        if (value != null) {
          return value;
        }
        p += connector;
      } else {
        p++;
      }
    }
    return null;
  }

  /** Whether the word of ASCII letters that ends at {@code p} says what follows describes a secret: Schlüssel-ID. */
  private static boolean describedBefore(byte[] b, int ne, int p) {
    int ws = p;
    while (ws > ne && Bytes.is(b[ws - 1], Bytes.UPPER | Bytes.LOWER)) {
      ws--;
    }
    return ws < p && Keyword.describesASecret(b, ws, p);
  }

  /** The value at {@code p}, after blanks and an opening quote, or null when there is none of a secret's shape. */
  private static @Nullable Value value(byte[] b, int p, int to) {
    int v = Value.skipBlanks(b, p, to);
    if (v + 1 < to && b[v] == '\\' && (b[v + 1] == '"' || b[v + 1] == '\'')) {
      v += 2; // a quote escaped once more (the sentence is in a JSON string)
    } else if (v < to && (b[v] == '"' || b[v] == '\'' || b[v] == '`')) {
      v++;
    } else {
      int opener = word(b, v, to, OPENERS);
      v = opener > 0 ? opener : v;
    }
    int e = v;
    boolean letter = false;
    boolean digit = false;
    while (e < to && e - v <= MAX_LENGTH) {
      byte c = b[e];
      if (c > ' ' && c != '"' && c != '\'' && c != '`' && c != '\\') {
        letter |= Bytes.is(c, Bytes.UPPER | Bytes.LOWER);
        digit |= Bytes.is(c, Bytes.DIGIT);
        e++;
      } else if ((c & 0xff) >= 0xc3 && (c & 0xff) <= 0xdf && e + 1 < to && (b[e + 1] & 0xc0) == 0x80) {
        e += 2; // a letter of two bytes (ÇamlıkRocket2015, Пингвин…); three-byte characters (입니다, です, 。) end it
      } else {
        break; // a blank, a quote, a control byte, a symbol of U+0080–U+00BF («, ¡), a wide character
      }
    }
    while (e > v && (b[e - 1] == ',' || b[e - 1] == '.' || b[e - 1] == ';' || b[e - 1] == ')' || b[e - 1] == '!'
        || b[e - 1] == '?' || b[e - 1] == ':')) {
      e--;
    }
    return e - v >= MIN_LENGTH && e - v <= MAX_LENGTH
        && (letter && digit || Value.passphrase(b, v, e) || e - v >= 10 && Bytes.classesPresent(b, v, e) >= 3
        && symbol(b, v, e)) ? new Value(v, e, false, true) : null;
  }

  /** Whether a symbol words do not use is in {@code b[from, to)}: {@code #}, {@code &}, {@code !}, not {@code -}. */
  private static boolean symbol(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] > ' ' && !Bytes.is(b[i], Bytes.ALNUM) && b[i] != '-' && b[i] != '_' && b[i] != '.' && b[i] != '\'') {
        return true;
      }
    }
    return false;
  }

  /**
   * A value given with no connector must look generated: ten characters or more of three classes of characters, or
   * all four (upper, lower, digit, other: {@code Salsa444$}).
   */
  private static boolean strong(byte[] b, Value v, boolean hexCounts) {
    int classes = Bytes.classesPresent(b, v.start(), v.end());
    int length = v.end() - v.start();
    return length >= 10 && classes >= 3 || classes == 4 // IKIur#TmVl&cr, Salsa444$
        || hexCounts && length >= 24 && Bytes.entropy(b, v.start(), v.end()) >= 3.5; // мой токен <hex>: random
  }

  /** The names of passwords: hex after one is a hash more often than the password (veritabanı şifresi <hex> ile başlar). */
  private static final byte[][] PASSWORD_NAMES = java.util.Arrays.stream(NAMES[0], 1, NAMES[0].length)
      .map(w -> w.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
  private static final byte[] PASS = Detector.ascii("pass");

  /** Whether the name at {@code b[ns, ne)} is a password's, in another language or in English (DB_PASSWORD). */
  private static boolean namesAPassword(byte[] b, int ns, int ne, int to) {
    if (Placeholders.containsIgnoreCase(b, ns, ne, PASS)) {
      return true;
    }
    for (byte[] name : PASSWORD_NAMES) {
      if (Bytes.startsWith(b, ns, to, name, true)) {
        return true;
      }
    }
    return false;
  }

  /** Indonesian and Malay "my", "your"; and "its", glued: a word that may stand between a name and its value. */
  private static final byte[][] POSSESSIVES = words("saya", "aku", "anda", "kamu");
  private static final byte[] NYA = words("-nya")[0];

  /** The end of the possessive word at {@code p} ({@link #POSSESSIVES}, or a word that ends in -nya), or 0. */
  private static int possessive(byte[] b, int p, int to) {
    int e = p;
    while (e < to && e - p < 32 && b[e] > ' ') {
      e++;
    }
    if (e - p > NYA.length && Bytes.startsWith(b, e - NYA.length, e, NYA, true)) {
      return e;
    }
    int w = word(b, p, to, POSSESSIVES);
    return w == e ? e : 0;
  }

  private static boolean letter(byte c) {
    return Bytes.is(c, Bytes.UPPER | Bytes.LOWER) || c < 0;
  }

  /** The end of the one of {@code words} that starts at {@code p}, or 0. */
  private static int word(byte[] b, int p, int to, byte[][] words) {
    for (byte[] w : words) {
      if (Bytes.startsWith(b, p, to, w, true)) {
        return p + w.length;
      }
    }
    return 0;
  }

  /** The words in UTF-8, longest first: {@link #word} takes the first that matches ("est" before "es"). */
  private static byte[][] words(String... words) {
    byte[][] out = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      out[i] = words[i].getBytes(StandardCharsets.UTF_8);
    }
    java.util.Arrays.sort(out, (x, y) -> y.length - x.length);
    return out;
  }
}
