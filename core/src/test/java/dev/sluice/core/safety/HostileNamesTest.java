package dev.sluice.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.ProjectFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names in schema files are data: they never run as SQL and never become paths. */
class HostileNamesTest {
  private static final String INJECTION =
      "units_sold is null) as a; drop table main.raw_orders; select count(*) as n from"
          + " (select 1 as units_sold where units_sold";

  @TempDir Path dir;
  final Cli cli = new Cli();

  private Path shop() {
    return ProjectFolder.sluice(dir.resolve("shop"), "shop")
        .file("seeds/raw_orders.csv", "id,units_sold\n1,3\n2,5\n")
        .root();
  }

  @Test
  void aColumnNameWithAStatementInItDoesNotDropATable() {
    Path p = shop();
    new ProjectFolder(p)
        .file(
            "seeds/schema.yml",
            "seeds:\n  - name: raw_orders\n    columns:\n      - name: \""
                + INJECTION.replace("\"", "\\\"")
                + "\"\n        tests: [not_null]\n");
    int code = cli.run("build", "--project", p.toString());
    assertThat(code).isNotZero();
    assertThat(
            cli.run(
                "query",
                "--project",
                p.toString(),
                "--format",
                "csv",
                "select count(*) as n from {{ ref('raw_orders') }}"))
        .isZero();
    assertThat(cli.out.strip()).endsWith("2");
  }

  @Test
  void aModelWithASecondStatementIsRefusedWithItsFile() {
    Path p = shop();
    new ProjectFolder(p).file("models/two.sql", "select 1 as x;\ndrop table main.raw_orders\n");
    assertThat(cli.run("build", "--project", p.toString())).isNotZero();
    assertThat(cli.out + cli.err).contains("models/two.sql").contains("more than one statement");
    assertThat(
            cli.run(
                "query",
                "--project",
                p.toString(),
                "--format",
                "csv",
                "select count(*) as n from {{ ref('raw_orders') }}"))
        .isZero();
  }

  @Test
  void aTrailingSemicolonAndSemicolonsInStringsAndCommentsAreStillOneStatement() {
    Path p = shop();
    new ProjectFolder(p)
        .file("models/fine.sql", "-- a; b\nselect 'a;b' as x, 1 as \"c;d\" /* ; */ ;\n");
    assertThat(cli.run("build", "--project", p.toString())).as(cli.out + cli.err).isZero();
  }

  @Test
  void columnNamesAreQuotedUnlessTheSchemaSaysQuoteFalse() {
    Path p = shop();
    new ProjectFolder(p)
        .file("seeds/raw_orders.csv", "id,Units Sold\n1,3\n2,5\n")
        .file(
            "seeds/schema.yml",
            "seeds:\n  - name: raw_orders\n    columns:\n"
                + "      - name: Units Sold\n        tests: [not_null]\n"
                + "      - name: coalesce(id, 0)\n        quote: false\n        tests: [not_null]\n");
    assertThat(cli.run("build", "--project", p.toString())).isZero();
    assertThat(cli.out).contains("PASS not_null_raw_orders_Units_Sold").contains("ERROR=0");
  }

  @Test
  void aColumnNameWithDotsAndSlashesWritesNoFileOutsideTheProject() throws IOException {
    Path p = shop();
    new ProjectFolder(p)
        .file(
            "seeds/schema.yml",
            "seeds:\n  - name: raw_orders\n    columns:\n"
                + "      - name: x/../../../../escaped\n        tests: [not_null]\n");
    cli.run("compile", "--project", p.toString());
    assertThat(cli.err).doesNotContain("Exception").doesNotContain("\tat ");
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(f -> f.getFileName().toString().contains("escaped")))
          .allMatch(f -> f.startsWith(p.resolve("target/compiled")));
    }
  }

  @Test
  void anExportThroughASymlinkOutOfTheProjectIsRefused() throws IOException {
    Path p = shop();
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createDirectories(p.resolve("target"));
    Files.createSymbolicLink(p.resolve("target/out"), outside);
    new ProjectFolder(p)
        .file(
            "exports/exports.yml",
            "exports:\n  - name: orders_csv\n    model: raw_orders\n    path: target/out/orders.csv\n"
                + "    format: csv\n");
    assertThat(cli.run("build", "--project", p.toString())).isNotZero();
    assertThat(cli.out + cli.err).contains("refusing to write");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void anExportToAFolderThatCannotBeWrittenSaysWhy() {
    Path p = shop();
    assertThat(cli.run("export", "--project", p.toString(), "--out", "/proc/sluice-x"))
        .isEqualTo(2);
    assertThat(cli.err)
        .contains("/proc/sluice-x")
        .containsPattern("(denied|no such|not|read-only)");
  }

  @Test
  void derivedFileNamesHaveNoPathSyntax() {
    assertThat(SafePaths.fileName("x/../../escaped")).isEqualTo("x_.._.._escaped");
    assertThat(SafePaths.fileName("..")).doesNotContain("..");
    assertThat(SafePaths.fileName("")).isNotEmpty();
    assertThat(SafePaths.fileName(".hidden")).doesNotStartWith(".");
  }
}
