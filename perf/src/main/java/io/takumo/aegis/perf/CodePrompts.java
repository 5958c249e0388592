package io.takumo.aegis.perf;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Prompts as a coding agent sends them (issue 19): source files in several languages, dense with
 * {@code key}, {@code token}, {@code secret}, {@code password}, {@code cache} and {@code BEGIN
 * CERTIFICATE} identifiers and string literals ({@code "sk-test"}-like values, quotes, backslashes,
 * tabs and newlines that become JSON escapes), with three real secrets per 16 KiB. The friendly
 * prompts of {@link AddedLatency#request} repeat one line with no such words; the context rules
 * wake on nearly every line of these.
 */
final class CodePrompts {
  private static final String[] LINES = {
    "public final class TokenCache {",
    "  private final Map<String, Token> tokensByKey = new ConcurrentHashMap<>();",
    "  private static final String TOKEN_HEADER = \"Authorization\";",
    "  Token token(String apiKey) { return tokensByKey.computeIfAbsent(apiKey, k -> fetch(k)); }",
    "  if (secret == null || secret.isBlank()) { throw new IllegalStateException(\"no secret configured\"); }",
    "  String cacheKey = tenant + \":\" + userId + \":session\";",
    "  keyStore.load(in, passwordChars); // the keystore password comes from the vault",
    "  log.debug(\"rotated signing key {} for {}\", keyId, tenant);",
    "}",
    "def refresh_token(client_id: str, refresh_token: str) -> dict:",
    "    \"\"\"Exchange a refresh token for a new access token.\"\"\"",
    "    resp = session.post(TOKEN_URL, data={\"grant_type\": \"refresh_token\", \"refresh_token\": refresh_token})",
    "    secret_name = f\"projects/{project}/secrets/{name}/versions/latest\"",
    "    api_key = os.environ.get(\"OPENAI_API_KEY\", \"\")",
    "    if not password_hash or not bcrypt.checkpw(password.encode(), password_hash):",
    "        raise AuthError(\"invalid password for %s\" % username)",
    "    headers[\"x-api-key\"] = settings.api_key  # never log this",
    "const token = await auth.getToken({ scopes: ['read:user'], audience: 'api' });",
    "export const SECRET_HEADER = 'x-webhook-secret';",
    "const stripeKey = process.env.STRIPE_SECRET_KEY ?? '';",
    "if (!signature || !verify(payload, signature, secret)) return res.status(401).json({ error: 'bad signature' });",
    "const testKey = 'sk-test-not-a-real-key'; // fixture",
    "  password: ${{ secrets.DB_PASSWORD }}",
    "  api_key: {{ .Values.openai.apiKey }}",
    "  token_ttl_seconds: 3600",
    "# -----BEGIN CERTIFICATE----- blocks are checked by verify_chain(cert_pem) below",
    "\tfor key, value := range secrets { if strings.HasPrefix(key, \"TOKEN_\") { delete(secrets, key) } }",
    "\tpasswordLength := 16 // min length for generated passwords",
    "String json = \"{\\\"token\\\":\\\"\" + token + \"\\\",\\\"expires_in\\\":3600}\";",
    "assertThat(response.header(\"x-ratelimit-remaining\")).isEqualTo(\"59\"); // per key",
    "SELECT id, key_prefix, sha256 FROM api_keys WHERE status = 'active' AND org_id = ?;",
    "// TODO: move the signing key to KMS; the cache key includes the key version",
  };
  private static final String[] SECRETS = {
    "aws_access_key_id = \"AKIAZ7QW3RTY5UIO2PAS\"",
    "client = OpenAI(api_key=\"sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34\")",
    "DATABASE_URL=postgres://app:s3cr3t-P4ss@db.internal:5432/app",
  };

  private CodePrompts() {}

  /** About {@code size} bytes of code, with a real secret every 5.4 KiB (three per 16 KiB). */
  static String code(int size, long seed) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder(size + 256);
    int planted = 0;
    int nextSecret = 5_500;
    while (out.length() < size) {
      if (out.length() >= nextSecret) {
        out.append(SECRETS[planted++ % SECRETS.length]).append('\n');
        nextSecret += 5_500;
      } else {
        out.append(LINES[random.nextInt(LINES.length)]).append('\n');
      }
    }
    if (planted == 0) {
      out.append(SECRETS[0]).append('\n'); // a 1 KiB prompt still carries one
    }
    return out.toString();
  }

  /** Turns per conversation of {@link #conversationTurn}. */
  static final int TURNS = 20;
  /** The user turns of a conversation, escaped: 4 KiB of code each, the same in every conversation. */
  private static final String[] TURN_TEXTS = new String[TURNS];

  static {
    for (int i = 0; i < TURNS; i++) {
      TURN_TEXTS[i] = new String(JsonStringEncoder.getInstance().quoteAsString(code(4 << 10, 100 + i)));
    }
  }

  /**
   * Request {@code n} of a stream of coding conversations, as an agent sends them: conversation {@code n / 20},
   * turn {@code n % 20 + 1}, every earlier turn (each answered briefly) resent before the new one. Each
   * conversation's turns start with its own number, so no two conversations share a string (RelaySimulation
   * gives each virtual user a conversation of its own, its 20 turns in order).
   */
  static byte[] conversationTurn(long n) {
    long conversation = n / TURNS;
    int turns = (int) (n % TURNS) + 1;
    StringBuilder body = new StringBuilder(turns * (5 << 10) + 128)
        .append("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"messages\":[");
    for (int i = 0; i < turns; i++) {
      body.append(i == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"// conversation ").append(conversation)
          .append(", turn ").append(i + 1).append("\\n").append(TURN_TEXTS[i]).append("\"}");
      if (i + 1 < turns) {
        body.append(",{\"role\":\"assistant\",\"content\":\"Done: turn ").append(i + 1).append(".\"}");
      }
    }
    return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An Anthropic Messages request whose body is about {@code size} bytes of escaped code. */
  static byte[] messages(int size, boolean stream) {
    String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(code((int) (size * 0.93), size)));
    return ("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"stream\":" + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + escaped + "\"}]}").getBytes(StandardCharsets.UTF_8);
  }
}
