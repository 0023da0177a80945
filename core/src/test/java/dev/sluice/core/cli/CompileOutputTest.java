package dev.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.ProjectFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile} writes its folder in bulk and leaves the warehouse alone unless asked. */
class CompileOutputTest extends CliTestBase {
  @TempDir Path dir;

  private ProjectFolder project() {
    return ProjectFolder.sluice(dir, "shop")
        .file("models/a.sql", "select 1 as id\n")
        .file("models/sub/b.sql", "select id from {{ ref('a') }}\n");
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void everythingCompiledIsOneFreshFolderAndNoWarehouseIsOpened() throws IOException {
    project();
    assertThat(sluice("compile", "--project", dir.toString())).as(err).isZero();
    Path compiled = dir.resolve("target/compiled");
    assertThat(files(compiled))
        .containsExactly(Path.of("shop/models/a.sql"), Path.of("shop/models/sub/b.sql"));
    assertThat(Files.readString(compiled.resolve("shop/models/sub/b.sql")))
        .contains("from \"main\".\"a\"");
    // nothing asked the warehouse anything, so no DuckDB file was made
    try (Stream<Path> s = Files.walk(dir)) {
      assertThat(s.filter(p -> p.toString().endsWith(".duckdb")).toList()).isEmpty();
    }
    // a model deleted since: its compiled file goes with the next full compile
    Files.delete(dir.resolve("models/sub/b.sql"));
    // what a compile killed half way leaves: a hidden folder beside the real one
    Files.createDirectories(compiled.resolve(".shop.new-deadbeef/models"));
    Files.writeString(compiled.resolve(".shop.new-deadbeef/models/a.sql"), "sel");
    assertThat(sluice("compile", "--project", dir.toString())).as(err).isZero();
    assertThat(files(compiled)).containsExactly(Path.of("shop/models/a.sql"));
  }

  @Test
  void aSelectionRewritesOnlyTheFilesThatChanged() throws IOException {
    project();
    assertThat(sluice("compile", "--project", dir.toString())).as(err).isZero();
    Path a = dir.resolve("target/compiled/shop/models/a.sql");
    Path b = dir.resolve("target/compiled/shop/models/sub/b.sql");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(a, old);
    Files.setLastModifiedTime(b, old);
    Files.writeString(dir.resolve("models/sub/b.sql"), "select id + 1 as id from {{ ref('a') }}\n");
    assertThat(sluice("compile", "--project", dir.toString(), "--select", "a", "b"))
        .as(err)
        .isZero();
    assertThat(Files.getLastModifiedTime(a)).isEqualTo(old);
    assertThat(Files.getLastModifiedTime(b)).isNotEqualTo(old);
    assertThat(Files.readString(b)).contains("select id + 1 as id");
  }

  @Test
  void isIncrementalStillAsksTheWarehouse() throws IOException {
    ProjectFolder.sluice(dir, "shop")
        .file(
            "models/events.sql",
            "{{ config(materialized='incremental') }}\n"
                + "select 1 as id\n"
                + "{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}\n");
    assertThat(sluice("compile", "--project", dir.toString(), "--select", "events"))
        .as(err)
        .isZero();
    assertThat(out).doesNotContain("where id >");
    assertThat(sluice("build", "--project", dir.toString())).as(out + err).isZero();
    assertThat(sluice("compile", "--project", dir.toString(), "--select", "events"))
        .as(err)
        .isZero();
    assertThat(out).contains("where id > (select max(id) from \"main\".\"events\")");
  }
}
