package dev.sluice.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint that notices outside changes: what the person edits counts, build output not. */
class FingerprintTest {
  @TempDir Path dir;

  @Test
  void aProjectFileChangesItAndWhatBuildsAndToolsWriteDoesNot() throws Exception {
    Files.createDirectories(dir.resolve("models/staging"));
    Files.writeString(dir.resolve("sluice.yml"), "name: shop\n");
    Path model = Files.writeString(dir.resolve("models/staging/stg_orders.sql"), "select 1");
    Files.createDirectories(dir.resolve("target/run"));
    Files.createDirectories(dir.resolve(".sluice"));
    Files.createDirectories(dir.resolve(".git"));
    long before = ProjectViewModel.fingerprint(dir);
    assertThat(ProjectViewModel.fingerprint(dir)).isEqualTo(before);

    Files.writeString(dir.resolve("target/run/stg_orders.sql"), "select 1");
    Files.writeString(dir.resolve("target/manifest.json"), "{}");
    Files.writeString(dir.resolve(".sluice/cache"), "x");
    Files.writeString(dir.resolve(".git/index"), "x");
    assertThat(ProjectViewModel.fingerprint(dir)).isEqualTo(before);

    Files.writeString(model, "select 2"); // same size: the time tells
    Files.setLastModifiedTime(model, FileTime.fromMillis(1_000_000));
    long edited = ProjectViewModel.fingerprint(dir);
    assertThat(edited).isNotEqualTo(before);
    Files.writeString(dir.resolve("models/staging/stg_customers.sql"), "select 3");
    assertThat(ProjectViewModel.fingerprint(dir)).isNotEqualTo(edited);
  }

  @Test
  void aFolderThatIsNotThereHasTheFingerprintOfNothing() {
    assertThat(ProjectViewModel.fingerprint(dir.resolve("gone")))
        .isEqualTo(ProjectViewModel.fingerprint(dir));
  }
}
