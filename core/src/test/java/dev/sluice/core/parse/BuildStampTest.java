package dev.sluice.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache kept by one build of Sluice is not taken by another: their stamps differ. */
class BuildStampTest {
  @TempDir Path dir;

  @Test
  void aRebuiltJarOrAnotherVersionHasAnotherStamp() throws Exception {
    Path jar = Files.write(dir.resolve("sluice-core.jar"), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    String first = BuildStamp.of("1.0", jar);
    assertThat(BuildStamp.of("1.0", jar)).isEqualTo(first);
    assertThat(BuildStamp.of("1.1", jar)).isNotEqualTo(first);

    Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000)); // the jar built again
    assertThat(BuildStamp.of("1.0", jar)).isNotEqualTo(first);

    // class folders (no jar) and no version: the version alone tells them apart
    assertThat(BuildStamp.of(null, dir)).isEqualTo(BuildStamp.of(null, null)).contains("dev");
  }

  @Test
  void thisBuildHasOne() {
    assertThat(BuildStamp.THIS).startsWith("sluice ");
  }
}
