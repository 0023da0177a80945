package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installed package's models and seeds, configured as dbt configures them, and the naming macros
 * and materialization blocks of a project and its packages.
 */
class PackageNodesTest {
  @TempDir Path dir;

  private static final String PROFILE =
      """
      shop:
        target: dev
        outputs:
          dev:
            type: duckdb
            path: shop.duckdb
      """;

  /** A project with one model that reads a package's model, and the package in dbt_packages/. */
  private ProjectFolder project(String rootModelsConfig) {
    return new ProjectFolder(dir)
        .file(
            "dbt_project.yml",
            "name: shop\nprofile: shop\nconfig-version: 2\nmodels:\n" + rootModelsConfig)
        .file("profiles.yml", PROFILE)
        .file(
            "models/orders_by_country.sql",
            "select c.country_name, count(*) as n from {{ ref('geo', 'countries') }} as c group by 1")
        .file(
            "dbt_packages/geo/dbt_project.yml",
            """
            name: geo
            config-version: 2
            models:
              geo:
                +schema: geo
                +materialized: view
                legacy:
                  +enabled: false
            seeds:
              geo:
                +schema: geo_raw
            """)
        .file("dbt_packages/geo/seeds/country_codes.csv", "code,name\nNL,Netherlands\nFR,France\n")
        .file(
            "dbt_packages/geo/models/countries.sql",
            "select code, name as country_name from {{ ref('country_codes') }}")
        .file("dbt_packages/geo/models/legacy/old_countries.sql", "select * from nowhere_at_all")
        .file(
            "dbt_packages/geo/macros/naming.sql",
            // a package's own override places nothing, not even its own models, as in dbt
            "{% macro generate_schema_name(custom, node) %}pkg_{{ custom }}{% endmacro %}");
  }

  private static Map<String, String> tablesBySchema(Pipeline p) throws Exception {
    Map<String, String> out = new java.util.TreeMap<>();
    Tables.rows(
            p.warehouse(),
            "select table_schema, table_name, table_type from information_schema.tables"
                + " where table_schema like 'main%'")
        .forEach(
            r ->
                out.put(
                    r.get("table_schema") + "." + r.get("table_name"),
                    String.valueOf(r.get("table_type"))));
    return out;
  }

  @Test
  void packageModelsAndSeedsBuildWithThePackagesConfigsAndTheProjectsOverrides() throws Exception {
    Path root = project("  geo:\n    +materialized: table\n").root();
    try (Pipeline p = Pipeline.open(root, PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
      assertThat(s.results())
          .allSatisfy(
              r ->
                  assertThat(r.status())
                      .as(r.nodeId() + ": " + r.message())
                      .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
      assertThat(s.results().stream().map(NodeResult::nodeId))
          .containsExactlyInAnyOrder(
              "seed.country_codes", "model.countries", "model.orders_by_country");
      // the package's +schema (with dbt's default naming), the project's +materialized
      assertThat(tablesBySchema(p))
          .containsEntry("main_geo_raw.country_codes", "BASE TABLE")
          .containsEntry("main_geo.countries", "BASE TABLE")
          .containsEntry("main.orders_by_country", "VIEW")
          .doesNotContainKey("main_geo.old_countries");
      assertThat(Tables.rows(p.warehouse(), "select * from main.orders_by_country order by 1"))
          .extracting(r -> r.get("country_name"))
          .containsExactly("France", "Netherlands");
    }
  }

  @Test
  void theProjectsGenerateSchemaNamePlacesThePackagesModelsToo() throws Exception {
    Path root =
        project("  geo:\n    legacy:\n      +enabled: true\n")
            .file(
                "macros/naming.sql",
                """
                {% macro generate_schema_name(custom_schema_name, node) -%}
                  {%- if custom_schema_name is none -%}{{ target.schema }}
                  {%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
                {%- endmacro %}
                """)
            .root();
    try (Pipeline p = Pipeline.open(root, PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, "+orders_by_country", null, 1, false, RunListener.NONE);
      assertThat(s.results())
          .allSatisfy(
              r ->
                  assertThat(r.status())
                      .as(r.nodeId() + ": " + r.message())
                      .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
      // the project's model has no custom schema: the target's
      assertThat(tablesBySchema(p).keySet()).containsExactly("main.orders_by_country");
      assertThat(
              Tables.rows(
                  p.warehouse(),
                  "select table_schema || '.' || table_name as t from information_schema.tables"
                      + " where table_schema like '%geo%' order by 1"))
          .extracting(r -> r.get("t"))
          .containsExactly("geo.countries", "geo_raw.country_codes");
      // the project's `+enabled: true` under the package's folder wins over the package's false
      assertThat(p.manifest().node("model.old_countries")).isPresent();
    }
  }

  @Test
  void aPackageModelWithTheNameOfAProjectModelIsAnErrorNamingBoth() {
    Path root =
        project("  +materialized: view\n").file("models/countries.sql", "select 1 as code").root();
    var loaded = new dev.sluice.core.project.ProjectLoader(Map.of()).load(root);
    assertThat(loaded.problems())
        .filteredOn(ProjectProblem::isError)
        .anySatisfy(
            pr ->
                assertThat(pr.toString())
                    .contains("dbt_packages/geo/models/countries.sql")
                    .contains("models/countries.sql")
                    .contains("ambiguous"));
  }

  @Test
  void aModelOnACustomMaterializationIsAnErrorNamingTheBlockAndAnUnusedBlockIsHarmless()
      throws Exception {
    ProjectFolder f =
        project("  +materialized: view\n")
            .file(
                "dbt_packages/geo/macros/materializations.sql",
                """
                {% macro helper() %}1{% endmacro %}

                {% materialization snapshot_table, adapter='duckdb' %}
                  {% call statement('main') %}create table {{ this }} as {{ sql }}{% endcall %}
                  {{ return({'relations': [this]}) }}
                {% endmaterialization %}
                {% macro after() %}2{% endmacro %}
                """);
    // unused: the project builds, and the macros around the block still work
    f.file("models/uses_macros.sql", "select {{ geo.helper() }} as a, {{ geo.after() }} as b");
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, "uses_macros", null, 1, false, RunListener.NONE);
      assertThat(s.results())
          .singleElement()
          .satisfies(r -> assertThat(r.status()).isEqualTo(NodeStatus.SUCCESS));
      assertThat(Tables.rows(p.warehouse(), "select a + b as c from main.uses_macros"))
          .extracting(r -> ((Number) r.get("c")).intValue())
          .containsExactly(3);
    }
    f.file("models/uses_it.sql", "{{ config(materialized='snapshot_table') }} select 1 as x");
    var loaded = new dev.sluice.core.project.ProjectLoader(Map.of()).load(f.root());
    var manifest = dev.sluice.core.parse.Manifest.of(loaded);
    assertThat(manifest.problems())
        .filteredOn(ProjectProblem::isError)
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.file()).isEqualTo(Path.of("models/uses_it.sql"));
              assertThat(pr.message())
                  .contains("custom materialization 'snapshot_table' is not supported yet")
                  .contains("dbt_packages/geo/macros/materializations.sql:3");
            });
  }

  @Test
  void generateDatabaseNameThatNamesTheTargetsDatabaseBuildsAndAnyOtherIsAClearError()
      throws Exception {
    ProjectFolder f =
        project("  +materialized: view\n")
            .file(
                "macros/db.sql",
                """
                {% macro generate_database_name(custom_database_name=none, node=none) -%}
                  {%- if custom_database_name is none -%}{{ target.database }}
                  {%- else -%}{{ custom_database_name | trim }}{%- endif -%}
                {%- endmacro %}
                """);
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
      assertThat(s.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(NodeStatus.SUCCESS));
    }
    f.file("models/elsewhere.sql", "{{ config(database='archive') }} select 1 as x");
    var manifest =
        dev.sluice.core.parse.Manifest.of(
            new dev.sluice.core.project.ProjectLoader(Map.of()).load(f.root()));
    assertThat(manifest.problems())
        .filteredOn(ProjectProblem::isError)
        .extracting(ProjectProblem::toString)
        .singleElement()
        .asString()
        .contains("models/elsewhere.sql")
        .contains("database 'archive' by the project's generate_database_name")
        .contains("'shop'");
  }

  @Test
  void rootTopLevelConfigsReachPackageModelsButItsFolderConfigsDoNot() {
    Path root = project("  +tags: [everything]\n  shop:\n    +tags: [mine]\n").root();
    var loaded = new dev.sluice.core.project.ProjectLoader(Map.of()).load(root);
    assertThat(loaded.node("model.countries").orElseThrow().config().tags())
        .containsExactly("everything");
    assertThat(loaded.node("model.orders_by_country").orElseThrow().config().tags())
        .contains("everything", "mine");
    assertThat(loaded.packageOf(loaded.node("seed.country_codes").orElseThrow())).isEqualTo("geo");
    assertThat(List.of(loaded.node("model.old_countries"))).allMatch(java.util.Optional::isEmpty);
  }
}
