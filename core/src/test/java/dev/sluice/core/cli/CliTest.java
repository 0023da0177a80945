package dev.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest extends CliTestBase {
  @TempDir Path dir;

  @Test
  void aNamedCommandStartsWithThatCommandAloneAndHelpStillListsThemAll() {
    assertThat(Main.rootFor(new String[] {"ls", "--project", "x"}).getSubcommands().keySet())
        .containsExactly("ls");
    assertThat(Main.rootFor(new String[] {"--help"}).getSubcommands()).containsKeys("ls", "build");
    assertThat(Main.rootFor(new String[] {"lss"}).getSubcommands()).containsKeys("ls", "build");
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("ls", "--project", shop.toString(), "--output", "name")).isZero();
    assertThat(out).contains("customers").contains("orders");
    assertThat(sluice("ls", "--bogus")).isEqualTo(Main.USAGE);
    assertThat(err).contains("--bogus").contains("sluice ls --help");
    assertThat(sluice("--help")).isZero();
    assertThat(out).contains("compile").contains("query");
    assertThat(sluice("lss")).isEqualTo(Main.USAGE);
    assertThat(err).contains("lss");
  }

  @Test
  void queryRunsStatementsThatReturnNoRows() {
    ProjectFolder f = ProjectFolder.sluice(dir, "q").file("models/m.sql", "select 1 as a");
    String project = f.root().toString();
    assertThat(sluice("query", "--project", project, "create sequence s1 start 1")).isZero();
    assertThat(out.strip()).isEqualTo("OK");
    assertThat(sluice("query", "--project", project, "create table t as select 1 as x")).isZero();
    assertThat(sluice("query", "--project", project, "insert into t values (2), (3)")).isZero();
    assertThat(out.strip()).isEqualTo("OK, 2 rows changed");
    assertThat(
            sluice("query", "--project", project, "--format", "csv", "select nextval('s1') as n"))
        .isZero();
    assertThat(out).isEqualTo("n\n1\n".replace("\n", System.lineSeparator()));
  }

  @Test
  void aPlainQueryRunsWhileAModelIsBrokenAndATemplatedOneStillParsesTheProject() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "q")
            .file("models/a.sql", "select 7 as x")
            .file("models/broken.sql", "select {{ nope( }}");
    String project = f.root().toString();
    // plain SQL reads only the project file and the target: the broken model does not stop it
    assertThat(sluice("query", "--project", project, "--format", "csv", "select 42 as n;"))
        .isZero();
    assertThat(out).isEqualTo("n\n42\n".replace("\n", System.lineSeparator()));
    assertThat(sluice("query", "--project", project, "select 1; select 2")).isEqualTo(2);
    assertThat(err)
        .contains("<query>:1: the query holds more than one statement")
        .contains("run one statement at a time");
    assertThat(sluice("query", "--project", project, "--target", "nope", "select 1")).isEqualTo(2);
    assertThat(err).contains("no target named 'nope'; targets are dev");
    // Jinja in the query parses the project, so its errors show as before
    assertThat(sluice("query", "--project", project, "select * from {{ ref('a') }}")).isEqualTo(2);
    assertThat(err).contains("models/broken.sql:1").contains("nothing was run");

    f.file("models/broken.sql", "select 8 as x");
    assertThat(sluice("run", "--project", project)).isZero();
    assertThat(
            sluice(
                "query", "--project", project, "--format", "csv", "select x from {{ ref('a') }}"))
        .isZero();
    assertThat(out).isEqualTo("x\n7\n".replace("\n", System.lineSeparator()));
  }

  @Test
  void buildThenQueryTheSample() {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("build", "--project", shop.toString())).isZero();
    // 31 nodes of pipeline and the export of daily revenue
    assertThat(out)
        .contains("32 of 32")
        .contains("wrote csv target/exports/daily_revenue.csv")
        .contains("ERROR=0");
    assertThat(shop.resolve("target/exports/daily_revenue.csv")).isRegularFile();
    assertThat(
            sluice(
                "query",
                "--project",
                shop.toString(),
                "--format",
                "csv",
                "select count(*) as n from {{ ref('orders') }}"))
        .isZero();
    assertThat(out).isEqualTo("n\n600\n".replace("\n", System.lineSeparator()));
    assertThat(
            sluice(
                "query",
                "--project",
                shop.toString(),
                "--format",
                "json",
                "--limit",
                "1",
                "select country, count(*) as n from {{ ref('customers') }} group by 1 order by 2 desc, 1"))
        .isZero();
    assertThat(out).contains("\"country\" :").contains("\"n\" :");
  }

  @Test
  void lsListsExportsAndBuildSelectsThem() {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("ls", "--project", shop.toString(), "--select", "resource_type:export"))
        .isZero();
    assertThat(out.strip())
        .isEqualTo(
            "export    daily_revenue_csv                        csv          exports/exports.yml");
    assertThat(
            sluice(
                "build",
                "--project",
                shop.toString(),
                "--select",
                "+daily_revenue_csv",
                "--exclude",
                "resource_type:test"))
        .isZero();
    assertThat(out)
        .contains("wrote csv target/exports/daily_revenue.csv")
        .doesNotContain("customers_snapshot");
    assertThat(shop.resolve("target/exports/daily_revenue.csv")).isRegularFile();
  }

  @Test
  void aFailingTestExitsWithOneAndShowsFailingRows() {
    Path p =
        ProjectFolder.sluice(dir, "t")
            .file("seeds/people.csv", "id,name\n1,a\n1,b\n")
            .file(
                "seeds/schema.yml",
                "seeds:\n  - name: people\n    columns:\n      - name: id\n        data_tests: [unique]\n")
            .root();
    assertThat(sluice("build", "--project", p.toString())).isEqualTo(1);
    assertThat(out).contains("FAIL unique_people_id").contains("unique_field=1, n_records=2");
  }

  @Test
  void projectErrorsExitWithTwoAndNameFileAndLine() {
    Path p =
        ProjectFolder.sluice(dir, "t")
            .file("models/a.sql", "select 1 as x")
            .file("models/b.sql", "select *\nfrom {{ source('crm', 'people') }}")
            .file("models/schema.yml", "models:\n  - name: a\n    description: [unclosed\n")
            .root();
    assertThat(sluice("build", "--project", p.toString())).isEqualTo(2);
    assertThat(err)
        .contains("models/schema.yml:")
        .contains("invalid YAML")
        .contains("models/b.sql:2: source('crm', 'people') is not declared in any sources file")
        .contains("nothing was run");
    assertThat(p.resolve("target")).doesNotExist();
  }

  @Test
  void unknownSelectorIsAUsageError() {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("ls", "--project", shop.toString(), "-s", "nope+")).isEqualTo(2);
    assertThat(err).contains("'nope+' matches nothing");
  }

  @Test
  void initCreatesAProjectThatBuilds() {
    Path p = dir.resolve("fresh");
    assertThat(sluice("init", p.toString())).isZero();
    assertThat(sluice("build", "--project", p.toString())).isZero();
    assertThat(out).contains("ERROR=0").contains("PASS");
    assertThat(sluice("init", p.toString())).isEqualTo(2);
  }

  @Test
  void raggedSeedRowIsReportedWithItsLine() throws Exception {
    Path p = ProjectFolder.sluice(dir, "t").file("seeds/s.csv", "a,b\n1,2\n3,4,5\n").root();
    assertThat(sluice("seed", "--project", p.toString())).isEqualTo(1);
    assertThat(out).contains("seeds/s.csv:3: expected 2 fields as in the header, found 3");
    assertThat(Files.exists(p.resolve("target/run_results.json"))).isTrue();
  }
}
