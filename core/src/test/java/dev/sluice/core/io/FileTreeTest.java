package dev.sluice.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
  @TempDir Path dir;

  private List<String> names(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void replaceSwapsInExactlyTheNewFilesAndLeavesNothingBeside() throws IOException {
    Path out = dir.resolve("compiled");
    FileTree.replace(out, Map.of("a.sql", "one", "x/b.sql", "two"));
    FileTree.replace(out, Map.of("x/b.sql", "three", "x/y/c.sql", "four"));
    assertThat(names(out)).containsExactly("x/b.sql", "x/y/c.sql");
    assertThat(Files.readString(out.resolve("x/b.sql"))).isEqualTo("three");
    assertThat(names(dir)).containsExactly("compiled/x/b.sql", "compiled/x/y/c.sql");
  }

  @Test
  void aPathLeavingTheFolderIsRefusedAndTheOldFolderStays() throws IOException {
    Path out = dir.resolve("compiled");
    FileTree.replace(out, Map.of("a.sql", "one"));
    assertThatThrownBy(() -> FileTree.replace(out, Map.of("../evil.sql", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(names(dir)).containsExactly("compiled/a.sql");
  }

  @Test
  void updateWritesOnlyWhatChanged() throws IOException {
    Path out = dir.resolve("compiled");
    assertThat(FileTree.update(out, Map.of("a.sql", "one", "b.sql", "two"))).isEqualTo(2);
    assertThat(FileTree.update(out, Map.of("a.sql", "one", "b.sql", "2"))).isEqualTo(1);
    assertThat(Files.readString(out.resolve("b.sql"))).isEqualTo("2");
    assertThat(names(out)).containsExactly("a.sql", "b.sql");
  }

  @Test
  void updateRefusesAFolderThatLinksOut() throws IOException {
    Path out = dir.resolve("compiled");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve("models"), elsewhere);
    assertThatThrownBy(() -> FileTree.update(out, Map.of("models/a.sql", "x")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside");
    assertThat(names(elsewhere)).isEmpty();
  }
}
