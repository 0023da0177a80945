package dev.sluice.core.sqlassist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.project.Node;
import dev.sluice.core.sqlassist.Diagnostic.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsTest {
  @TempDir static Path dir;
  static Pipeline pipeline;

  @BeforeAll
  static void buildShop() {
    pipeline = Pipeline.open(BuiltShop.build(dir), PipelineOptions.defaults());
  }

  @AfterAll
  static void close() {
    pipeline.close();
  }

  private static Node model(String name) {
    return pipeline.manifest().node("model." + name).orElseThrow();
  }

  private static String underlined(String text, Diagnostic d) {
    return text.substring(d.startOffset(), d.endOffset());
  }

  @Test
  void aCorrectModelHasNoDiagnostics() {
    Node orders = model("orders");
    assertThat(Diagnostics.check(pipeline, orders, dev.sluice.core.parse.Manifest.sqlOf(orders)))
        .isEmpty();
    Node daily = model("daily_revenue");
    assertThat(Diagnostics.check(pipeline, daily, dev.sluice.core.parse.Manifest.sqlOf(daily)))
        .isEmpty();
  }

  @Test
  void aMisspeltKeywordOnTheFirstLineIsAParseErrorThere() {
    String text = "selct order_id\nfrom {{ ref('stg_orders') }}\n";
    List<Diagnostic> ds = Diagnostics.check(pipeline, model("orders"), text);
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.column()).isEqualTo(1);
              assertThat(underlined(text, d)).isEqualTo("selct");
              assertThat(d.message()).contains("syntax error at or near \"selct\"");
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
            });
  }

  @Test
  void anUnknownColumnInTheMiddleIsUnderlinedWhereItIsWritten() {
    String text =
        """
        select
            order_id,
            custmer_id,
            status
        from {{ ref('stg_orders') }}
        """;
    assertThat(Diagnostics.check(pipeline, model("orders"), text))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(3);
              assertThat(d.column()).isEqualTo(5);
              assertThat(underlined(text, d)).isEqualTo("custmer_id");
              assertThat(d.message()).contains("custmer_id").contains("customer_id");
            });
  }

  @Test
  void anErrorAfterAMultiLineConfigBlockKeepsItsLine() {
    String text =
        """
        {{
          config(
            materialized='table',
            tags=['x']
          )
        }}
        select
            o.order_id,
            o.bogus
        from {{ ref('stg_orders') }} as o
        """;
    assertThat(Diagnostics.check(pipeline, model("orders"), text))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(9);
              assertThat(underlined(text, d)).isEqualTo("o.bogus");
            });
  }

  @Test
  void anErrorInAModelThatRefsAnEphemeralModelIsPlacedInItsOwnText() {
    String text =
        dev.sluice.core.parse.Manifest.sqlOf(model("orders")).replace("t.items,", "t.itemz,");
    assertThat(Diagnostics.check(pipeline, model("orders"), text))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(6);
              assertThat(underlined(text, d)).isEqualTo("t.itemz");
              assertThat(d.message()).contains("itemz");
            });
  }

  @Test
  void aTableThatDoesNotExistIsUnderlinedAtTheRefThatPrintsIt() {
    String text =
        "select *\nfrom {{ ref('stg_orders') }} o\njoin main.no_such_table n using (order_id)\n";
    assertThat(Diagnostics.check(pipeline, model("orders"), text))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(3);
              assertThat(underlined(text, d)).startsWith("main.no_such_table");
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
            });
  }

  @Test
  void anUnknownRefIsReportedOnItsLineWithTheNameUnderlined() {
    String text = "select *\nfrom {{ ref('ordrs') }}\n";
    assertThat(Diagnostics.check(pipeline, model("customers"), text))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(2);
              assertThat(underlined(text, d)).isEqualTo("ordrs");
              assertThat(d.message())
                  .contains("ref('ordrs') does not match")
                  .contains("did you mean 'orders'");
            });
  }

  @Test
  void anUnknownSourceIsReported() {
    String text = "select *\n\nfrom {{ source('crm', 'peeple') }}\n";
    assertThat(Diagnostics.check(pipeline, model("customers"), text))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(3);
              assertThat(d.message()).contains("source('crm', 'peeple') is not declared");
            });
  }

  @Test
  void aTemplateSyntaxErrorIsReportedOnItsLine() {
    String text = "select *\nfrom {{ ref('orders') }}\n{% if is_incremental() %}\nwhere 1 = 1\n";
    List<Diagnostic> ds = Diagnostics.check(pipeline, model("customers"), text);
    assertThat(ds).isNotEmpty().allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
    assertThat(ds.get(0).line()).isEqualTo(3);
    assertThat(ds.get(0).message()).containsIgnoringCase("endif");
  }

  @Test
  void parseOnlyFindsSyntaxErrorsInPlainSqlWithoutAWarehouse() {
    String sql = "select 1\nfrom t\nwhere";
    assertThat(Diagnostics.parseOnly(sql))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(3);
              assertThat(d.column()).isEqualTo(1);
              assertThat(underlined(sql, d)).isEqualTo("where");
            });
    String accented = "select 'ééé' as x frm t";
    assertThat(Diagnostics.parseOnly(accented))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.column()).isEqualTo(accented.indexOf("frm") + 1);
              assertThat(underlined(accented, d)).isEqualTo("frm");
            });
    assertThat(Diagnostics.parseOnly("select * from no_table_needed")).isEmpty();
    assertThat(Diagnostics.parseOnly("create table x as select 1")).isEmpty();
  }
}
