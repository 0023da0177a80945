package dev.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice query --limit} runs the limit inside the query and still says when rows remain. */
class QueryLimitTest extends CliTestBase {
  @TempDir Path dir;

  @Test
  void theLimitKeepsOrderAndTellsWhenThereIsMore() {
    ProjectFolder.sluice(dir, "q")
        .file(
            "models/ten.sql",
            "{{ config(materialized='table') }}\nselect range as id from range(10)\n");
    assertThat(sluice("build", "--project", dir.toString())).as(out + err).isZero();
    String p = dir.toString();
    assertThat(
            sluice(
                "query",
                "--project",
                p,
                "--format",
                "csv",
                "--limit",
                "3",
                "select id from {{ ref('ten') }} order by id desc;"))
        .as(err)
        .isZero();
    assertThat(out.strip().lines()).containsExactly("id", "9", "8", "7");
    assertThat(sluice("query", "--project", p, "--limit", "3", "select id from {{ ref('ten') }}"))
        .isZero();
    assertThat(out).contains("(first 3 rows; use --limit to see more)");
    assertThat(sluice("query", "--project", p, "--limit", "10", "select id from {{ ref('ten') }}"))
        .isZero();
    assertThat(out).doesNotContain("first 10 rows");
    // not a query a subquery can hold: runs as written
    assertThat(sluice("query", "--project", p, "--format", "csv", "--limit", "5", "show tables"))
        .as(err)
        .isZero();
    assertThat(out).contains("ten");
    assertThat(
            sluice(
                "query",
                "--project",
                p,
                "--format",
                "csv",
                "--limit",
                "2",
                "select * from (values (1), (2), (3)) as t(x) -- a trailing comment"))
        .as(err)
        .isZero();
    assertThat(out.strip().lines()).containsExactly("x", "1", "2");
  }
}
