package dev.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice query --explain} and {@code sluice explain} print the profiled plan as a tree. */
class ExplainCliTest extends CliTestBase {
  @TempDir Path dir;

  @Test
  void aQueryAndAModelPrintTheirPlanAndBadSqlPrintsDuckDbsMessage() {
    ProjectFolder.sluice(dir, "q")
        .file(
            "models/numbers.sql",
            "{{ config(materialized='table') }}\nselect range as id, range % 3 as g"
                + " from range(1000)\n")
        .file(
            "models/groups.sql",
            "select g, count(*) as n from {{ ref('numbers') }} where id > 10 group by g\n")
        .file("models/broken.sql", "select no_such_column from {{ ref('numbers') }}\n");
    String p = dir.toString();
    assertThat(sluice("build", "--project", p, "--select", "numbers")).as(out + err).isZero();

    assertThat(
            sluice(
                "query",
                "--project",
                p,
                "--explain",
                "select g, count(*) from {{ ref('numbers') }} group by g"))
        .as(err)
        .isZero();
    assertThat(out).startsWith("Query plan: ").contains("<- hottest").contains("GROUP_BY");
    assertThat(out.lines().filter(l -> l.contains("SCAN")).findFirst().orElseThrow())
        .as("the scan is indented below what reads it")
        .startsWith("  ")
        .contains("1,000 rows");

    assertThat(sluice("explain", "--project", p, "--select", "groups")).as(err).isZero();
    assertThat(out).contains("Filters").contains("numbers");

    assertThat(sluice("explain", "--project", p, "--select", "broken")).isEqualTo(Main.FAILED);
    assertThat(err)
        .startsWith("explain of broken failed: ")
        .contains("no_such_column")
        .doesNotContain("\tat ");
    assertThat(sluice("explain", "--project", p)).isEqualTo(Main.USAGE);
    assertThat(err).contains("explain needs --select");
  }
}
