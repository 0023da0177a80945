package dev.sluice.core.sqlassist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.sqlassist.Suggestion.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompleterTest {
  @TempDir static Path dir;
  static Pipeline pipeline;
  static Completer built;
  static Completer declaredOnly;

  @BeforeAll
  static void buildShop() {
    Path shop = BuiltShop.build(dir);
    pipeline = Pipeline.open(shop, PipelineOptions.defaults());
    built = new Completer(SqlContext.load(pipeline.manifest(), pipeline.warehouse()));
    declaredOnly = new Completer(SqlContext.of(pipeline.manifest()));
  }

  @AfterAll
  static void close() {
    pipeline.close();
  }

  /** Completes where {@code |} stands in the text. */
  private static Completion at(Completer c, String textWithCaret) {
    int caret = textWithCaret.indexOf('|');
    return c.complete(
        textWithCaret.substring(0, caret) + textWithCaret.substring(caret + 1), caret);
  }

  private static List<String> labels(Completion c) {
    return c.items().stream().map(Suggestion::label).toList();
  }

  @Test
  void refOffersModelSeedAndSnapshotNamesStartingWithTheTypedWord() {
    Completion c = at(built, "select * from {{ ref('stg_|') }}");
    assertThat(labels(c))
        .containsExactly("stg_customers", "stg_order_items", "stg_orders", "stg_products");
    assertThat(c.items()).allSatisfy(s -> assertThat(s.kind()).isEqualTo(Kind.REF));
    assertThat(c.items().get(0).insertText()).isEqualTo("stg_customers");
    assertThat(c.replaceFrom()).isEqualTo("select * from {{ ref('".length());
    assertThat(c.replaceTo()).isEqualTo(c.replaceFrom() + 4);
  }

  @Test
  void refNamesComeWhileTheTagIsStillOpenAtTheEndOfALine() {
    assertThat(labels(at(built, "select *\nfrom {{ ref('stg_|\nwhere 1 = 1")))
        .contains("stg_orders");
    assertThat(labels(at(built, "select *\nfrom {{ ref('|"))).contains("stg_orders", "customers");
    // the editor closes brackets and quotes as they are typed
    assertThat(labels(at(built, "select *\nfrom {{ ref('|')\nwhere 1 = 1"))).contains("stg_orders");
    assertThat(labels(at(built, "select *\nfrom {{ ref('|')"))).contains("stg_orders");
  }

  @Test
  void macrosComeRightAfterAnOpenedTagAtTheEndOfALine() {
    assertThat(labels(at(built, "select\n  {{ |\nfrom x"))).contains("ref", "source");
    assertThat(labels(at(built, "select {{ |"))).contains("ref");
  }

  @Test
  void refPutsPrefixMatchesBeforeNamesThatOnlyContainTheWord() {
    List<String> labels = labels(at(built, "from {{ ref('order|"));
    assertThat(labels).startsWith("order_totals", "orders");
    assertThat(labels)
        .contains("order_totals", "stg_orders", "stg_order_items", "raw_orders")
        .doesNotContain("customers", "customers_snapshot");
    assertThat(labels.indexOf("order_totals")).isLessThan(labels.indexOf("stg_orders"));
    assertThat(labels).doesNotHaveDuplicates();
  }

  @Test
  void aNameTypedInFullComesFirst() {
    assertThat(labels(at(built, "from {{ ref('orders|")))
        .startsWith("orders", "raw_orders", "stg_orders");
  }

  @Test
  void refWithNothingTypedOffersEveryRefableNodeButNoTests() {
    List<String> labels = labels(at(built, "{{ ref(\"|\") }}"));
    assertThat(labels).contains("raw_orders", "customers_snapshot", "daily_revenue").hasSize(14);
  }

  @Test
  void refNamesAreOfferedInsideTemplateStatementsToo() {
    assertThat(labels(at(built, "{% set rel = ref('raw_c|') %}"))).containsExactly("raw_customers");
  }

  @Test
  void sourceOffersSourceNamesThenThatSourcesTables() {
    assertThat(labels(at(built, "from {{ source('|"))).containsExactly("billing", "crm");
    assertThat(labels(at(built, "from {{ source('crm', '|"))).containsExactly("accounts", "people");
    assertThat(labels(at(built, "from {{ source('crm', 'acc|"))).containsExactly("accounts");
  }

  @Test
  void aliasColumnsComeFromTheBuiltRelationARefNames() {
    Completion c = at(built, "select o.|\nfrom {{ ref('orders') }} o");
    assertThat(labels(c))
        .containsExactly(
            "order_id", "customer_id", "order_date", "status", "items", "amount", "is_returned");
    assertThat(c.items()).allSatisfy(s -> assertThat(s.kind()).isEqualTo(Kind.COLUMN));
  }

  @Test
  void aliasColumnsFilterByTheTypedWordAndReplaceIt() {
    Completion c =
        at(
            built,
            "select c.cust|omer\nfrom {{ ref('orders') }} o\njoin {{ ref('stg_customers') }} as c using (customer_id)");
    assertThat(labels(c)).containsExactly("customer_id", "customer_name");
    assertThat(c.replaceFrom()).isEqualTo("select c.".length());
    assertThat(c.replaceTo()).isEqualTo("select c.customer".length());
  }

  @Test
  void aliasOfAPlainTableNameUsesTheWarehouseCatalog() {
    assertThat(labels(at(built, "select o.|\nfrom main.stg_products o")))
        .containsExactly("product_id", "product_name", "category", "unit_price_cents");
    assertThat(labels(at(built, "select stg_products.pro| from stg_products")))
        .containsExactly("product_id", "product_name");
  }

  @Test
  void aliasOfASourceUsesTheSourcesTable() {
    assertThat(labels(at(built, "select p.| from {{ source('crm', 'people') }} p")))
        .contains("customer_id", "first_name");
    assertThat(labels(at(built, "select a.| from {{ source('crm', 'accounts') }} a")))
        .containsExactly("account_id", "opened_at");
  }

  @Test
  void aliasOfACteUsesTheNamesInItsSelectList() {
    String customers =
        """
        with customer_orders as (
            select
                customer_id,
                count(*) as orders,
                min(order_date) as first_order_date,
                sum(case when not is_returned then amount else 0 end) as lifetime_value
            from {{ ref('orders') }}
            group by customer_id
        )
        select o.|
        from {{ ref('stg_customers') }} as c
        left join customer_orders as o using (customer_id)
        """;
    assertThat(labels(at(built, customers)))
        .containsExactly("customer_id", "orders", "first_order_date", "lifetime_value");
  }

  @Test
  void aliasOfACteSelectingStarTakesItsRelationsColumns() {
    String text = "with p as (select * from {{ ref('stg_products') }})\nselect p.| from p";
    assertThat(labels(at(built, text)))
        .containsExactly("product_id", "product_name", "category", "unit_price_cents");
  }

  @Test
  void aliasOfAModelNotBuiltYetUsesItsSchemaFileColumns() {
    assertThat(labels(at(declaredOnly, "select c.| from {{ ref('stg_customers') }} c")))
        .containsExactly("customer_id", "country");
    assertThat(labels(at(declaredOnly, "select o.| from {{ ref('orders') }} o")))
        .containsExactly("order_id", "amount");
  }

  @Test
  void unknownAliasOffersNothing() {
    assertThat(at(built, "select x.| from {{ ref('orders') }} o").items()).isEmpty();
  }

  @Test
  void keywordsAreFilteredByTheTypedWordAndFollowItsCase() {
    Completion lower = at(built, "sel|");
    assertThat(lower.items().get(0))
        .isEqualTo(new Suggestion("select", Kind.KEYWORD, "select", "keyword"));
    assertThat(lower.replaceFrom()).isZero();
    assertThat(labels(at(built, "SEL|")).get(0)).isEqualTo("SELECT");
    assertThat(labels(at(built, "select * from t gro|"))).startsWith("group by");
  }

  @Test
  void functionsComeFromTheWarehouse() {
    List<Suggestion> items = at(built, "select date_tr|").items();
    assertThat(items).extracting(Suggestion::label).contains("date_trunc");
    assertThat(items)
        .filteredOn(s -> s.label().equals("date_trunc"))
        .singleElement()
        .satisfies(s -> assertThat(s.kind()).isEqualTo(Kind.FUNCTION));
  }

  @Test
  void plainSqlOffersColumnsOfTheRelationsInScopeFirst() {
    List<Suggestion> items = at(built, "select cust|\nfrom {{ ref('orders') }} o").items();
    assertThat(items.get(0))
        .isEqualTo(new Suggestion("customer_id", Kind.COLUMN, "customer_id", "o"));
  }

  @Test
  void afterFromRelationsComeFirstAndAModelInsertsARef() {
    List<Suggestion> items = at(built, "select * from ord|").items();
    assertThat(items.get(0))
        .isEqualTo(new Suggestion("orders", Kind.REF, "{{ ref('orders') }}", "model"));
    assertThat(items).extracting(Suggestion::label).contains("main.orders");
  }

  @Test
  void nothingIsOfferedInsideACommentOrAString() {
    assertThat(at(built, "select 1 -- sel|").items()).isEmpty();
    assertThat(at(built, "select 1 /* from o.| */").items()).isEmpty();
    assertThat(at(built, "select 'sel|'").items()).isEmpty();
    assertThat(at(built, "{# ref('|') #}").items()).isEmpty();
  }

  @Test
  void afterOpeningATemplateExpressionMacrosAndTemplateFunctionsAreOffered() {
    Completion c = at(built, "select {{ |");
    assertThat(labels(c))
        .contains(
            "ref",
            "source",
            "config",
            "var",
            "env_var",
            "is_incremental",
            "this",
            "cents_to_currency");
    assertThat(c.items())
        .filteredOn(s -> s.label().equals("cents_to_currency"))
        .singleElement()
        .satisfies(s -> assertThat(s.kind()).isEqualTo(Kind.MACRO));
    assertThat(at(built, "select {{ cen|").items())
        .containsExactly(
            new Suggestion("cents_to_currency", Kind.MACRO, "cents_to_currency(", "project macro"));
    assertThat(at(built, "{{ re|").items().get(0).insertText()).isEqualTo("ref(");
  }

  @Test
  void columnsOfIsCaseInsensitiveAndEmptyWhenUnknown() {
    SqlContext ctx = SqlContext.load(pipeline.manifest(), pipeline.warehouse());
    assertThat(ctx.columnsOf("MAIN.Stg_Products"))
        .containsExactly("product_id", "product_name", "category", "unit_price_cents");
    assertThat(ctx.columnsOf("\"main\".\"stg_products\"")).hasSize(4);
    assertThat(ctx.columnsOf("stg_products")).hasSize(4);
    assertThat(ctx.columnsOf("nothing_here")).isEmpty();
  }
}
