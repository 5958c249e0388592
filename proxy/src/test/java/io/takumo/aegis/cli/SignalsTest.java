package io.takumo.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SignalsTest {
  /** SIGHUP to this very JVM runs the action (the gateway's certificate reload) and does not stop the JVM. */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void hangUpRunsTheAction() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    Signals.onHangUp(ran::countDown);

    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid())).start();
    assertThat(kill.waitFor()).isZero();

    assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
  }
}
