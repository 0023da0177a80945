package dev.sluice.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.compile.SingleStatement;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hooks run the statements their text holds, and no more: a {@code ;} that a var brings into a
 * pre-hook, post-hook, on-run-start or on-run-end is refused, naming the file, and nothing of the
 * value's second statement runs.
 */
class HostileHooksTest {
  /** Closes the hook's string and adds a statement of its own, as a hostile value would. */
  private static final String HOSTILE = "x'); drop table main.keep; select ('";

  @TempDir Path dir;
  final Cli cli = new Cli();

  private Path project(String hooks) {
    return new ProjectFolder(dir.resolve("p"))
        .file(
            "dbt_project.yml",
            "name: hooks\nprofile: hooks\nmodel-paths: [models]\nseed-paths: [seeds]\n" + hooks)
        .file(
            "profiles.yml",
            "hooks:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                + "      path: hooks.duckdb\n")
        .file("seeds/keep.csv", "id\n1\n2\n")
        .file("models/m.sql", "select * from {{ ref('keep') }}")
        .root();
  }

  private long keptRows(Path p) {
    assertThat(
            cli.run(
                "query",
                "--project",
                p.toString(),
                "--format",
                "csv",
                "select count(*) as n from main.keep"))
        .as(cli.out + cli.err)
        .isZero();
    return Long.parseLong(cli.out.strip().lines().reduce((a, b) -> b).orElseThrow().strip());
  }

  private String vars(String who) {
    return "{who: \"" + who.replace("\"", "\\\"") + "\"}";
  }

  @Test
  void aVarThatWouldAddAStatementToAPostHookIsRefusedNamingTheModel() {
    Path p =
        project(
            "models:\n  hooks:\n    +post-hook: \"create or replace table main.audit as"
                + " select '{{ var('who') }}' as who\"\n");
    assertThat(cli.run("seed", "--project", p.toString())).as(cli.out + cli.err).isZero();
    int code = cli.run("run", "--project", p.toString(), "--vars", vars(HOSTILE));
    assertThat(code).isNotZero();
    assertThat(cli.out + cli.err)
        .contains("post-hook of m")
        .contains("models/m.sql")
        .contains("second statement")
        .doesNotContain("\tat ");
    assertThat(keptRows(p)).isEqualTo(2);
    // the same hook with a harmless value runs
    assertThat(cli.run("run", "--project", p.toString(), "--vars", vars("ann")))
        .as(cli.out + cli.err)
        .isZero();
    assertThat(
            cli.run(
                "query",
                "--project",
                p.toString(),
                "--format",
                "csv",
                "select who from main.audit"))
        .isZero();
    assertThat(cli.out).contains("ann");
  }

  @Test
  void aVarThatWouldAddAStatementToOnRunStartIsRefusedNamingDbtProjectYml() {
    Path p =
        project(
            "on-run-start:\n  - \"create or replace table main.audit as select '{{ var('who')"
                + " }}' as who\"\n");
    assertThat(cli.run("seed", "--project", p.toString(), "--vars", vars("ann")))
        .as(cli.out + cli.err)
        .isZero();
    int code = cli.run("build", "--project", p.toString(), "--vars", vars(HOSTILE));
    assertThat(code).isNotZero();
    assertThat(cli.out + cli.err)
        .contains("dbt_project.yml")
        .contains("on-run-start")
        .contains("second statement");
    assertThat(keptRows(p)).isEqualTo(2);
  }

  @Test
  void statementsWrittenInTheHookItselfAllRunAsDbtAllows() {
    Path p =
        project(
            "models:\n  hooks:\n    +pre-hook: \"create or replace table main.a as select 1 as x;"
                + " create or replace table main.b as select ';' as y; -- done;\"\n"
                + "on-run-end:\n  - \"{% for t in ['c', 'd'] %}create or replace table main.{{ t }}"
                + " as select 1 as z;{% endfor %}\"\n");
    assertThat(cli.run("build", "--project", p.toString())).as(cli.out + cli.err).isZero();
    assertThat(
            cli.run(
                "query",
                "--project",
                p.toString(),
                "--format",
                "csv",
                "select (select count(*) from main.a) + (select count(*) from main.c)"
                    + " + (select count(*) from main.d) as n, (select y from main.b) as y"))
        .as(cli.out + cli.err)
        .isZero();
    assertThat(cli.out).contains("3,;");
  }

  @Test
  void theSplitKeepsMarksInsideStringsAndCommentsAndReportsAStraySemicolon() {
    char m = '\uE000';
    String written = SingleStatement.markWritten("select ';' as a; select {{ x }} -- c;", m);
    assertThat(written).isEqualTo("select '" + m + "' as a" + m + " select {{ x }} -- c" + m);
    assertThat(SingleStatement.splitAtMarks(written.replace("{{ x }}", "2"), m).statements())
        .containsExactly("select ';' as a", "select 2 -- c;");
    SingleStatement.Split stray =
        SingleStatement.splitAtMarks(written.replace("{{ x }}", "2; drop table t"), m);
    assertThat(stray.statements()).isEmpty();
    assertThat(stray.strayAt()).hasValue(1);
    // a value that ends in ';' just before the end of a statement adds nothing to run
    assertThat(SingleStatement.splitAtMarks("select 1;" + m + " select 2;", m).statements())
        .containsExactly("select 1", "select 2");
  }
}
