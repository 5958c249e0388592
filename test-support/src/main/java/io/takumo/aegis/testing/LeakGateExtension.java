package io.takumo.aegis.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leak while it ran. Registered for every class through
 * JUnit's extension auto-detection (see {@code junit-platform.properties}).
 */
public final class LeakGateExtension implements AfterAllCallback {
  @Override
  public void afterAll(ExtensionContext context) {
    List<String> leaks = LeakGate.drain();
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          leaks.size() + " Netty leak(s) reported:\n" + String.join("\n\n", leaks));
    }
  }
}
