package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.cli.Main;
import dev.sluice.core.testing.ProjectFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitTestsTest {
  @TempDir Path dir;
  ProjectFolder project;
  String out;
  String err;

  int sluice(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--project";
    all[args.length + 1] = project.root().toString();
    int code = Main.execute(all, new PrintWriter(o, true), new PrintWriter(e, true));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @BeforeEach
  void writeProject() {
    project =
        ProjectFolder.sluice(dir, "shop")
            .file("seeds/raw_orders.csv", "id,amount,status,placed_at\n1,10.00,paid,2024-01-01\n")
            .file(
                "models/stg_orders.sql",
                "select id, amount, status, placed_at from {{ ref('raw_orders') }}\n")
            .file(
                "models/orders.sql",
                "{{ config(materialized='incremental') }}\n"
                    + "select id, amount * {{ var('rate', 1) }} as amount, status\n"
                    + "from {{ ref('stg_orders') }}\n"
                    + "{% if is_incremental() %}where id > 100{% endif %}\n")
            .file(
                "models/schema.yml",
                """
                models:
                  - name: stg_orders
                    columns:
                      - name: id
                        data_type: integer
                      - name: amount
                        data_type: decimal(10,2)
                      - name: status
                        data_type: varchar
                      - name: placed_at
                        data_type: date
                unit_tests:
                  - name: doubles_amounts
                    model: orders
                    overrides:
                      vars: {rate: 2}
                    given:
                      - input: ref('stg_orders')
                        rows:
                          - {id: 1, amount: 10}
                          - {id: 2, amount: 2.5, status: open}
                    expect:
                      rows:
                        - {id: 1, amount: 20, status: null}
                        - {id: 2, amount: 5, status: open}
                  - name: incremental_keeps_new_ids
                    model: orders
                    overrides:
                      macros: {is_incremental: true}
                    given:
                      - input: ref('stg_orders')
                        format: csv
                        rows: |
                          id,amount
                          50,1
                          150,3
                    expect:
                      format: sql
                      rows: "select 150 as id, 3 as amount, null as status"
                """);
  }

  @Test
  void unitTestsPassWithoutAnyUpstreamModelBuilt() throws Exception {
    assertThat(sluice("test", "--select", "resource_type:unit_test")).as(out + err).isZero();
    assertThat(out)
        .contains("OK=2 WARN=0 ERROR=0")
        .contains("doubles_amounts")
        .contains("incremental_keeps_new_ids");
    // nothing upstream was built: the seed's table does not exist
    assertThat(
            sluice(
                "query",
                "select count(*) from information_schema.tables where table_name in ('raw_orders', 'stg_orders')"))
        .isZero();
    assertThat(out).contains("0");
    String results = Files.readString(project.root().resolve("target/run_results.json"));
    assertThat(results).contains("unit_test.shop.orders.doubles_amounts").contains("\"pass\"");
  }

  @Test
  void aFailingUnitTestShowsTheDifferingRows() {
    project.file(
        "models/more.yml",
        """
        unit_tests:
          - name: wrong_total
            model: orders
            given:
              - input: ref('stg_orders')
                rows:
                  - {id: 1, amount: 10}
                  - {id: 2, amount: 2.5}
            expect:
              rows:
                - {id: 1, amount: 10}
                - {id: 2, amount: 3}
        """);
    assertThat(sluice("test", "--select", "wrong_total")).isEqualTo(Main.FAILED);
    assertThat(out)
        .contains("FAIL")
        .contains("wrong_total")
        .contains("differ from the expected")
        .containsPattern("\\{diff=missing, id=2, amount=3(\\.0+)?}")
        .containsPattern("\\{diff=unexpected, id=2, amount=2\\.50*}")
        .doesNotContain("id=1,");
  }

  @Test
  void selectingTheModelRunsItsUnitTestsAndBuildRunsThemToo() {
    assertThat(sluice("ls", "--resource-type", "unit_test", "--output", "name")).isZero();
    assertThat(out.lines())
        .containsExactlyInAnyOrder("doubles_amounts", "incremental_keeps_new_ids");
    assertThat(sluice("test", "--select", "orders")).as(out + err).isZero();
    assertThat(out).contains("Running test with 2 nodes");
    assertThat(sluice("build")).as(out + err).isZero();
    assertThat(out)
        .contains("PASS doubles_amounts")
        .contains("PASS incremental_keeps_new_ids")
        .contains("ERROR=0");
  }

  @Test
  void expectedValuesTakeTheModelsTypesAndProjectMacrosCanBeOverridden() {
    project
        .file("macros/today.sql", "{% macro today() %}current_date{% endmacro %}")
        .file(
            "models/order_days.sql",
            "select id, date_trunc('day', placed_at::timestamp) as day, {{ today() }} as seen\n"
                + "from {{ ref('stg_orders') }}\n")
        .file(
            "models/more.yml",
            """
            unit_tests:
              - name: days_are_timestamps
                model: order_days
                overrides:
                  macros: {today: "date '2024-05-01'"}
                given:
                  - input: ref('stg_orders')
                    rows:
                      - {id: 1, placed_at: "2024-01-01"}
                expect:
                  rows:
                    - {id: 1, day: "2024-01-01", seen: "2024-05-01"}
            """);
    assertThat(sluice("test", "--select", "days_are_timestamps")).as(out + err).isZero();
    assertThat(out).contains("PASS days_are_timestamps");
  }

  @Test
  void anInputTheModelReadsButNoRowsAreGivenForIsNamed() {
    project.file(
        "models/more.yml",
        """
        unit_tests:
          - name: forgot_input
            model: stg_orders
            given: []
            expect:
              rows: []
        """);
    assertThat(sluice("test", "--select", "forgot_input")).isNotZero();
    assertThat(out + err).contains("forgot_input").contains("ref('raw_orders')").contains("given:");
  }
}
