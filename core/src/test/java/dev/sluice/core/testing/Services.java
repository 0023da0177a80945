package dev.sluice.core.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * Database servers for integration tests. Without them the tests skip and say how to start them;
 * with SLUICE_REQUIRE_SERVICES=1 (as CI sets) a missing server fails the test instead.
 */
public final class Services {
  private Services() {}

  public static void requirePostgres() {
    require(
        5432,
        "PostgreSQL on 127.0.0.1:5432 (trust auth, database test)",
        "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
  }

  public static void requireMariaDb() {
    require(
        3306,
        "MariaDB on 127.0.0.1:3306 (root, no password, database test)",
        "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
  }

  private static void require(int port, String what, String howToStart) {
    boolean up;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      up = true;
    } catch (IOException e) {
      up = false;
    }
    if (up) {
      return;
    }
    String message =
        what + " is not running; start it with: " + howToStart + " (or run .ci/run, which does)";
    if ("1".equals(System.getenv("SLUICE_REQUIRE_SERVICES"))) {
      throw new AssertionError(message);
    }
    Assumptions.assumeTrue(false, message);
  }
}
