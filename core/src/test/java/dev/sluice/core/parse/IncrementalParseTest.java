package dev.sluice.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.Plan;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.SourceFiles;
import dev.sluice.core.project.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parse kept in memory (the app's, after each save) must give what a fresh load and parse with no
 * cache give, whatever was edited: when only models' SQL changed the last project and manifest are
 * patched (and the plan reused), anything else loads and parses in full, and a memory left behind
 * by many edits is never taken for the project as it is.
 */
class IncrementalParseTest {
  @TempDir Path dir;

  private final Map<String, String> env = new HashMap<>(Map.of("SHOP_REGION", "eu"));
  private final Reader live = new Reader();

  /** Modification times well in the past and a second apart: each edit settled and told apart. */
  private long clock = System.currentTimeMillis() - 3_600_000;

  /** What the app keeps between reads of one folder. */
  private final class Reader {
    final SourceFiles files = new SourceFiles();
    final ParseMemory memory = new ParseMemory();

    Manifest read() {
      Project p = new ProjectLoader(env, files).load(dir);
      Target t = p.settings().target(null);
      return Manifest.of(p, new TemplateEngine(p, t, env, Map.of(), "parse"), t, memory);
    }
  }

  @BeforeEach
  void project() throws IOException {
    write("sluice.yml", "name: shop\nvars:\n  min_amount: 10\nmodels:\n  +materialized: view\n");
    write("models/staging/customers.sql", "select 1 as id, 'a' as name\n");
    write(
        "models/staging/orders.sql",
        "select 1 as id, 1 as customer_id, {{ var('min_amount') }} as amount\n");
    write(
        "models/marts/summary.sql",
        "select c.id, sum(o.amount) as total from {{ ref('customers') }} c\n"
            + "join {{ ref('orders') }} o on o.customer_id = c.id group by 1\n");
    write(
        "models/marts/region.sql",
        "select '{{ env_var('SHOP_REGION', 'none') }}' as region, {{ cents('amount') }} as c\n"
            + "from {{ ref('orders') }}\n");
    write("macros/cents.sql", "{% macro cents(col) %}({{ col }} * 100){% endmacro %}\n");
    write("models/schema.yml", schema("people"));
    write("tests/fixtures/customer_rows.csv", "id,name\n1,a\n");
    write("seeds/countries.csv", "code\nNL\n");
    write(
        "dbt_packages/geo/dbt_project.yml",
        "name: geo\nconfig-version: 2\nmodels:\n  geo:\n    +materialized: view\n");
    write("dbt_packages/geo/models/country_list.sql", "select code from {{ ref('countries') }}\n");
  }

  private static String schema(String description) {
    return """
        version: 2
        models:
          - name: customers
            description: %s
            columns:
              - name: id
                tests: [unique, not_null]
          - name: summary
            columns:
              - name: id
                tests:
                  - relationships:
                      to: ref('customers')
                      field: id
        unit_tests:
          - name: summary_adds_up
            model: summary
            given:
              - input: ref('customers')
                format: csv
                fixture: customer_rows
              - input: ref('orders')
                rows:
                  - {id: 1, customer_id: 1, amount: 5}
            expect:
              rows:
                - {id: 1, total: 5}
        """
        .formatted(description);
  }

  @Test
  void everyKindOfEditGivesWhatAFreshParseGives() throws IOException {
    Manifest first = check(live);
    assertThat(first.hasErrors()).as("%s", first.problems()).isFalse();
    assertThat(live.files.swapped()).isFalse();

    // a model's SQL: swapped into the last project and patched into the last manifest
    write(
        "models/marts/summary.sql",
        "select c.id, {{ 1 + 1 }} as two from {{ ref('customers') }} c -- edited\n");
    check(live);
    assertThat(live.files.swapped()).isTrue();
    assertThat(live.memory.patched()).isTrue();
    assertThat(live.memory.rendered()).isEqualTo(1);

    // the same model again, its edges and configuration changed
    write(
        "models/marts/summary.sql",
        "{{ config(materialized='table') }}\nselect o.customer_id as id from {{ ref('orders') }} o\n");
    check(live);
    assertThat(live.memory.patched()).isTrue();

    // two models at once, one of them a package's
    write("models/staging/customers.sql", "select {{ 2 }} as id, 'b' as name\n");
    write(
        "dbt_packages/geo/models/country_list.sql",
        "select code, 1 as n from {{ ref('countries') }}\n");
    check(live);
    assertThat(live.files.swapped()).isTrue();
    assertThat(live.memory.patched()).isTrue();
    assertThat(live.memory.rendered()).as("country_list is of the static shape").isEqualTo(1);

    // a macro
    write("macros/cents.sql", "{% macro cents(col) %}round({{ col }} * 100){% endmacro %}\n");
    check(live);
    assertThat(live.files.swapped()).isFalse();

    // a schema file
    write("models/schema.yml", schema("the people who buy"));
    check(live);
    assertThat(live.files.swapped()).isFalse();

    // a var in the project file
    write("sluice.yml", "name: shop\nvars:\n  min_amount: 20\nmodels:\n  +materialized: view\n");
    Manifest varied = check(live);
    assertThat(varied.parsed().get("model.orders").sql()).contains("20 as amount");

    // a package's project file
    write(
        "dbt_packages/geo/dbt_project.yml",
        "name: geo\nconfig-version: 2\nmodels:\n  geo:\n    +schema: geo\n");
    Manifest placed = check(live);
    assertThat(live.files.swapped()).isFalse();
    assertThat(placed.node("model.country_list").orElseThrow().config().string("schema"))
        .isEqualTo("geo");

    // a unit test's fixture, read on the side
    write("tests/fixtures/customer_rows.csv", "id,name\n1,a\n2,b\n");
    check(live);
    assertThat(live.files.swapped()).isFalse();

    // an environment variable a model reads: the project is as it was, the parse is not
    env.put("SHOP_REGION", "us");
    Manifest moved = check(live);
    assertThat(live.memory.patched()).isFalse();
    assertThat(moved.parsed().get("model.region").sql()).contains("'us'");

    // a model that no longer renders, then renders again
    write("models/marts/region.sql", "select {{ nope( }} from {{ ref('orders') }}\n");
    assertThat(check(live).hasErrors()).isTrue();
    assertThat(live.memory.patched()).isFalse();
    write("models/marts/region.sql", "select 1 as r from {{ ref('orders') }}\n");
    check(live);

    // a model that refs itself: a cycle the whole parse names
    write("models/marts/region.sql", "select * from {{ ref('region') }}\n");
    assertThat(check(live).hasErrors()).isTrue();
    write("models/marts/region.sql", "select 1 as r from {{ ref('orders') }}\n");
    check(live);

    // a model added, then taken away
    write("models/marts/extra.sql", "select * from {{ ref('summary') }}\n");
    check(live);
    assertThat(live.files.swapped()).isFalse();
    Files.delete(dir.resolve("models/marts/extra.sql"));
    check(live);
    assertThat(live.files.swapped()).isFalse();

    // and a model edit after all that is patched again
    write("models/staging/orders.sql", "select 1 as id, 1 as customer_id, 3 as amount\n");
    check(live);
    assertThat(live.memory.patched()).isTrue();
  }

  @Test
  void aMemoryLeftBehindManyEditsAgoGivesWhatAFreshParseGives() throws IOException {
    Reader old = new Reader();
    check(old);
    String before = Files.readString(dir.resolve("models/marts/summary.sql"));
    // edits read by another reader only; one of them put back as it was, with another time
    write("models/marts/summary.sql", "select 9 as id\n");
    write("macros/cents.sql", "{% macro cents(col) %}{{ col }}{% endmacro %}\n");
    write("models/staging/customers.sql", "select 5 as id, 'e' as name\n");
    check(live);
    write("models/marts/summary.sql", before);
    write("sluice.yml", "name: shop\nvars:\n  min_amount: 7\nmodels:\n  +materialized: view\n");
    check(live);
    check(old);
    write("models/staging/customers.sql", "select 6 as id, 'f' as name\n");
    check(old);
    assertThat(old.memory.patched()).isTrue();
  }

  @Test
  void anEditOfTheSameSizeAndTimeRightAfterAReadIsNotMissed() throws IOException {
    check(live);
    // written now: too recent to trust its size and time on the next read
    Path model = dir.resolve("models/staging/customers.sql");
    Files.writeString(model, "select 1 as id, 'x' as name\n");
    FileTime at = Files.getLastModifiedTime(model);
    check(live);
    Files.writeString(model, "select 1 as id, 'y' as name\n");
    Files.setLastModifiedTime(model, at);
    Manifest m = check(live);
    assertThat(m.parsed().get("model.customers").sql()).contains("'y'");
  }

  @Test
  void randomEditsOfEveryKindGiveWhatAFreshParseGives() throws IOException {
    java.util.Random random = new java.util.Random(17);
    int models = 8;
    for (int i = 0; i < models; i++) {
      write("models/gen/g" + i + ".sql", genModel(i, 0, random));
    }
    check(live);
    int patched = 0;
    for (int step = 1; step <= 60; step++) {
      int kind = random.nextInt(10);
      int i = random.nextInt(models);
      switch (kind) {
        case 0, 1, 2, 3 -> write("models/gen/g" + i + ".sql", genModel(i, step, random));
        case 4 ->
            write(
                "models/gen/g" + i + ".sql",
                "{{ config(materialized='"
                    + (step % 2 == 0 ? "table" : "view")
                    + "') }}\n"
                    + genModel(i, step, random));
        case 5 ->
            write(
                "macros/cents.sql",
                "{% macro cents(col) %}({{ col }} * " + step + "){% endmacro %}\n");
        case 6 -> write("models/schema.yml", schema("people " + step));
        case 7 ->
            write(
                "sluice.yml",
                "name: shop\nvars:\n  min_amount: " + step + "\nmodels:\n  +materialized: view\n");
        case 8 -> env.put("SHOP_REGION", "r" + step);
        default -> {
          if (random.nextBoolean()) {
            write("models/gen/g" + models + ".sql", genModel(models, step, random));
            models++;
          } else if (models > 2) {
            models--;
            Files.delete(dir.resolve("models/gen/g" + models + ".sql"));
          }
        }
      }
      check(live);
      patched += live.memory.patched() ? 1 : 0;
    }
    assertThat(patched).as("model edits patched rather than parsed whole").isPositive();
  }

  /** A generated model: it reads one earlier one (or a seed), sometimes through the macro. */
  private static String genModel(int i, int step, java.util.Random random) {
    String from = i == 0 ? "{{ ref('countries') }}" : "{{ ref('g" + random.nextInt(i) + "') }}";
    String col = random.nextInt(3) == 0 ? "{{ cents('1') }}" : String.valueOf(step);
    return "select " + col + " as v, '{{ var('min_amount') }}' as m from " + from + "\n";
  }

  /** Reads with {@code s} and checks it against a fresh load and parse with no cache at all. */
  private Manifest check(Reader s) {
    Manifest kept = s.read();
    // a plan of the kept parse first: it may come from the last plan of the same graph
    Plan keptPlan = Plan.of(kept, Command.BUILD, null, null);
    Project p = new ProjectLoader(env).load(dir);
    Target t = p.settings().target(null);
    Manifest fresh =
        Manifest.of(p, new TemplateEngine(p, t, env, Map.of(), "parse"), t, ParseCache.NONE);
    assertSameParse(kept, fresh);
    assertThat(keptPlan).isEqualTo(Plan.of(fresh, Command.BUILD, null, null));
    Plan.of(kept, Command.BUILD, null, null); // the next check starts from the kept plan again
    return kept;
  }

  private static void assertSameParse(Manifest kept, Manifest fresh) {
    Project a = kept.project();
    Project b = fresh.project();
    assertThat(a.settings()).isEqualTo(b.settings());
    assertThat(a.nodes()).containsExactlyElementsOf(b.nodes());
    assertThat(a.macros()).isEqualTo(b.macros());
    assertThat(a.docs()).isEqualTo(b.docs());
    assertThat(a.problems()).isEqualTo(b.problems());
    assertThat(kept.parsed()).isEqualTo(fresh.parsed());
    assertThat(kept.problems()).isEqualTo(fresh.problems());
    assertThat(kept.dag().nodeIds()).containsExactlyElementsOf(fresh.dag().nodeIds());
    for (String id : fresh.dag().nodeIds()) {
      assertThat(kept.dag().parents(id)).as(id).containsExactlyElementsOf(fresh.dag().parents(id));
      assertThat(kept.dag().children(id))
          .as(id)
          .containsExactlyElementsOf(fresh.dag().children(id));
    }
    assertThat(kept.dag().topologicalOrder())
        .containsExactlyElementsOf(fresh.dag().topologicalOrder());
    for (String id : fresh.dag().nodeIds()) {
      assertThat(kept.node(id)).isEqualTo(fresh.node(id));
    }
  }

  private void write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    Files.setLastModifiedTime(p, FileTime.fromMillis(clock += 1_000));
  }
}
