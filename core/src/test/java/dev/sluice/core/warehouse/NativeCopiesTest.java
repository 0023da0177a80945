package dev.sluice.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tidying after DuckDB loads removes the driver's temporary copy, never an installed library. */
class NativeCopiesTest {
  private final Path tmp = Path.of("/var/tmp/sluice-test");

  @Test
  void theDriversTemporaryCopyIsDebris() {
    assertThat(NativeCopies.isDriversCopy(tmp.resolve("libduckdb_java4711.so"), tmp)).isTrue();
  }

  @Test
  void theLibraryOfAnInstalledPackageIsNotDebris() {
    assertThat(
            NativeCopies.isDriversCopy(
                Path.of("/opt/sluice/lib/app/native/libduckdb_java.so"), tmp))
        .isFalse();
    assertThat(NativeCopies.isDriversCopy(tmp.resolve("native/libduckdb_java9.so"), tmp)).isFalse();
    assertThat(NativeCopies.isDriversCopy(tmp.resolve("libduckdb_java.so"), tmp)).isFalse();
  }
}
