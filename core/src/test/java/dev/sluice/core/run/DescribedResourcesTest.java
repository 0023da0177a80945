package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.cli.Main;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.testing.ProjectFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribedResourcesTest {
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
            .file("models/orders.sql", "select 1 as order_id, 10 as amount, 7 as customer_id\n")
            .file("models/customers_v2.sql", "select 7 as customer_id\n")
            .file(
                "models/schema.yml",
                """
                groups:
                  - name: finance
                    owner: {name: Finance, email: finance@example.com}
                models:
                  - name: orders
                    access: public
                    group: finance
                    config:
                      contract: {enforced: true}
                    columns:
                      - name: order_id
                        data_type: integer
                        constraints:
                          - type: not_null
                          - type: primary_key
                        data_tests: [unique]
                      - name: amount
                        data_type: integer
                  - name: customers
                    latest_version: 2
                    versions:
                      - v: 2
                        columns:
                          - include: all
                semantic_models:
                  - name: orders
                    model: ref('orders')
                    defaults: {agg_time_dimension: ordered_at}
                    entities:
                      - {name: order_id, type: primary}
                    measures:
                      - {name: order_total, agg: sum, expr: amount}
                metrics:
                  - name: order_total
                    label: Order total
                    type: simple
                    type_params: {measure: order_total}
                  - name: orders_count
                    type: simple
                    type_params: {measure: {name: order_count, fill_nulls_with: 0}}
                saved_queries:
                  - name: order_metrics
                    query_params:
                      metrics: [order_total]
                      group_by: ["TimeDimension('order_id__ordered_at', 'day')"]
                exposures:
                  - name: weekly_dashboard
                    type: dashboard
                    owner: {name: Finance}
                    depends_on: [ref('orders')]
                """);
  }

  @Test
  void semanticLayerAndExposuresAreReadWithoutErrorAndNoted() {
    Project p = project.load();
    assertThat(p.problems()).noneMatch(ProjectProblem::isError);
    assertThat(p.problems())
        .anyMatch(
            w ->
                w.message().contains("1 semantic model, 2 metrics, 1 saved query, 1 exposure")
                    && w.message().contains("read but not run"));
    assertThat(sluice("build")).as(out + err).isZero();
    assertThat(out).contains("PASS").contains("ERROR=0");
  }

  @Test
  void lsListsEachResourceTypeAsDbtNamesIt() {
    assertThat(sluice("ls", "--resource-type", "metric", "--output", "name")).isZero();
    assertThat(out.lines()).containsExactly("order_total", "orders_count");
    assertThat(sluice("ls", "--resource-type", "semantic_model,saved_query", "--output", "id"))
        .isZero();
    assertThat(out.lines()).containsExactly("semantic_model.orders", "saved_query.order_metrics");
    assertThat(sluice("ls", "--resource-type", "exposure")).isZero();
    assertThat(out)
        .contains("exposure")
        .contains("weekly_dashboard")
        .contains("not run")
        .contains("models/schema.yml");
    assertThat(sluice("ls", "--resource-type", "test", "--output", "name")).isZero();
    assertThat(out.lines()).containsExactly("unique_orders_order_id");
    assertThat(sluice("ls", "--resource-type", "model", "--output", "name")).isZero();
    assertThat(out.lines()).containsExactlyInAnyOrder("orders", "customers_v2");
    assertThat(sluice("ls", "--resource-type", "widget")).isEqualTo(Main.USAGE);
    assertThat(err).contains("'widget' is not one of");
  }
}
