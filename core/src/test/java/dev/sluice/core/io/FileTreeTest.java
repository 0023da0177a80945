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
  void manyFilesWrittenFromTwoThreadsAreAllThereWhole() throws IOException {
    Path out = dir.resolve("compiled");
    Map<String, String> files = new java.util.LinkedHashMap<>();
    for (int i = 0; i < FileTree.TWO_THREADS_FROM * 3 + 1; i++) {
      files.put("d" + (i % 7) + "/m" + i + ".sql", "select " + i + " as id\n");
    }
    FileTree.replace(out, files);
    assertThat(names(out)).hasSize(files.size());
    for (Map.Entry<String, String> f : files.entrySet()) {
      assertThat(Files.readString(out.resolve(f.getKey()))).isEqualTo(f.getValue());
    }
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
  void syncWritesOnlyWhatChangedAndDeletesWhatIsGone() throws IOException {
    Path out = dir.resolve("compiled");
    assertThat(FileTree.sync(out, Map.of("a.sql", "one", "x/b.sql", "two", "y/c.sql", "3")))
        .isEqualTo(3);
    Object a = Files.readAttributes(out.resolve("a.sql"), "unix:ino").get("ino");
    java.nio.file.attribute.FileTime stamp = java.nio.file.attribute.FileTime.fromMillis(1_000);
    Files.setLastModifiedTime(out.resolve("a.sql"), stamp);
    // b changes, c goes, d comes
    assertThat(FileTree.sync(out, Map.of("a.sql", "one", "x/b.sql", "2", "z/d.sql", "4")))
        .isEqualTo(3);
    assertThat(names(out)).containsExactly("a.sql", "x/b.sql", "z/d.sql");
    assertThat(Files.readString(out.resolve("x/b.sql"))).isEqualTo("2");
    // the unchanged file is the same file, not written again
    assertThat(Files.readAttributes(out.resolve("a.sql"), "unix:ino").get("ino")).isEqualTo(a);
    assertThat(Files.getLastModifiedTime(out.resolve("a.sql"))).isEqualTo(stamp);
    assertThat(Files.exists(out.resolve("y"))).as("an emptied folder goes too").isFalse();
    assertThat(names(dir)).allMatch(n -> n.startsWith("compiled/"));
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
