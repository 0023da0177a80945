package dev.sluice.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.sluice.core.project.Target;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixture models whose column lineage is known by hand. */
class ColumnLineageTest {
  @TempDir Path dir;

  private ProjectFolder project() {
    return ProjectFolder.sluice(dir, "fx")
        .file(
            "seeds/raw_people.csv",
            "id,first_name,last_name,team_id,score,joined_at\n1,a,b,1,2,2024-01-01\n")
        .file("seeds/raw_teams.csv", "team_id,team_name\n1,x\n");
  }

  @Test
  void aRenamedColumnPointsAtItsOriginalName() {
    project()
        .file(
            "models/stg_people.sql",
            "select id as person_id, first_name from {{ ref('raw_people') }}");
    ProjectLineage l = Lineages.of(dir);
    assertThat(Lineages.direct(l, "stg_people", "person_id"))
        .containsExactly(entry("raw_people.id", "renamed"));
    assertThat(Lineages.direct(l, "stg_people", "first_name"))
        .containsExactly(entry("raw_people.first_name", "copied"));
  }

  @Test
  void anExpressionReadsEveryColumnInIt() {
    project()
        .file(
            "models/people.sql",
            "select first_name || ' ' || last_name as full_name, 42 as answer,"
                + " case when score > 1 then 'hi' else 'lo' end as band from {{ ref('raw_people') }}");
    ProjectLineage l = Lineages.of(dir);
    assertThat(Lineages.direct(l, "people", "full_name"))
        .containsExactly(
            entry("raw_people.first_name", "expression"),
            entry("raw_people.last_name", "expression"));
    assertThat(Lineages.direct(l, "people", "answer")).isEmpty();
    assertThat(l.of("model.people").orElseThrow().column("answer").orElseThrow().isKnown())
        .isTrue();
    assertThat(Lineages.direct(l, "people", "band"))
        .containsExactly(entry("raw_people.score", "expression"));
  }

  @Test
  void anAggregateIsToldApartFromItsGroupKey() {
    project()
        .file(
            "models/team_scores.sql",
            "select team_id, sum(score) as total, count(*) as people from {{ ref('raw_people') }}"
                + " where joined_at > '2020-01-01' group by team_id having sum(score) > 0");
    ProjectLineage l = Lineages.of(dir);
    assertThat(Lineages.direct(l, "team_scores", "team_id"))
        .containsExactly(entry("raw_people.team_id", "copied"));
    assertThat(Lineages.direct(l, "team_scores", "total"))
        .containsExactly(entry("raw_people.score", "aggregate"));
    assertThat(Lineages.direct(l, "team_scores", "people")).isEmpty();
    assertThat(l.of("model.team_scores").orElseThrow().keys())
        .extracting(k -> k.from().display() + " " + k.how().label())
        .containsExactlyInAnyOrder("raw_people.joined_at filter", "raw_people.score filter");
  }

  @Test
  void aJoinOfTwoSourcesTakesEachColumnFromItsSideAndNamesBothKeys() {
    Target target =
        project()
            .file(
                "models/sources.yml",
                "version: 2\nsources:\n  - name: app\n    schema: app\n    tables: [{name: orders}, {name: users}]\n")
            .file(
                "models/user_orders.sql",
                "select o.id as order_id, u.name as user_name, amount, o.user_id"
                    + " from {{ source('app', 'orders') }} o"
                    + " join {{ source('app', 'users') }} u on o.user_id = u.id")
            .load()
            .settings()
            .target(null);
    try (DuckDbWarehouse w = DuckDbWarehouse.open(target)) {
      w.jdbi()
          .useHandle(
              h -> {
                h.execute("create schema app");
                h.execute("create table app.orders (id int, user_id int, amount decimal(10,2))");
                h.execute("create table app.users (id int, name varchar)");
              });
    }
    ProjectLineage l = Lineages.of(dir);
    assertThat(Lineages.direct(l, "user_orders", "order_id"))
        .containsExactly(entry("app.orders.id", "renamed"));
    assertThat(Lineages.direct(l, "user_orders", "user_name"))
        .containsExactly(entry("app.users.name", "renamed"));
    // unqualified, but only orders has it: the warehouse says so
    assertThat(Lineages.direct(l, "user_orders", "amount"))
        .containsExactly(entry("app.orders.amount", "copied"));
    assertThat(l.of("model.user_orders").orElseThrow().keys())
        .extracting(k -> k.from().display() + " " + k.how().label())
        .containsExactlyInAnyOrder("app.orders.user_id join key", "app.users.id join key");
  }

  @Test
  void aStarThroughTwoCtesExpandsWithExcludeAndReplace() {
    project()
        .file(
            "models/people.sql",
            """
            with src as (select * from {{ ref('raw_people') }}),
            trimmed as (select * exclude (joined_at, last_name) from src)
            select * replace (score * 10 as score) rename (first_name as name) from trimmed
            """);
    ProjectLineage l = Lineages.of(dir);
    ModelLineage m = l.of("model.people").orElseThrow();
    assertThat(m.complete()).isTrue();
    assertThat(m.columnNames()).containsExactly("id", "name", "team_id", "score");
    assertThat(Lineages.direct(l, "people", "name"))
        .containsExactly(entry("raw_people.first_name", "renamed"));
    assertThat(Lineages.direct(l, "people", "score"))
        .containsExactly(entry("raw_people.score", "expression"));
  }

  @Test
  void aUnionTakesEachColumnFromEveryBranch() {
    project()
        .file(
            "models/names.sql",
            "select first_name as name, 'person' as kind from {{ ref('raw_people') }}"
                + " union all select team_name, 'team' from {{ ref('raw_teams') }}");
    ProjectLineage l = Lineages.of(dir);
    assertThat(Lineages.direct(l, "names", "name"))
        .containsExactly(
            entry("raw_people.first_name", "renamed"), entry("raw_teams.team_name", "renamed"));
    assertThat(Lineages.direct(l, "names", "kind")).isEmpty();
  }

  @Test
  void aWindowFunctionReadsItsArgumentsPartitionAndOrder() {
    project()
        .file(
            "models/ranked.sql",
            "select id, row_number() over (partition by team_id order by score desc) as rank_in_team,"
                + " sum(score) over () as all_scores from {{ ref('raw_people') }}");
    ProjectLineage l = Lineages.of(dir);
    assertThat(Lineages.direct(l, "ranked", "rank_in_team"))
        .containsExactly(
            entry("raw_people.team_id", "window"), entry("raw_people.score", "window"));
    assertThat(Lineages.direct(l, "ranked", "all_scores"))
        .containsExactly(entry("raw_people.score", "window"));
  }

  @Test
  void aColumnAMacroWritesIsFollowedThroughTheRenderedSql() {
    project()
        .file(
            "macros/full_name.sql",
            "{% macro full_name(a, b) %}{{ a }} || ' ' || {{ b }}{% endmacro %}")
        .file(
            "models/people.sql",
            "select {{ full_name('first_name', 'last_name') }} as full_name from {{ ref('raw_people') }}");
    ProjectLineage l = Lineages.of(dir);
    assertThat(Lineages.direct(l, "people", "full_name"))
        .containsOnlyKeys("raw_people.first_name", "raw_people.last_name");
  }

  @Test
  void lineageFollowsEveryModelToTheSourceColumns() {
    project()
        .file(
            "models/stg_people.sql",
            "select id as person_id, team_id, score from {{ ref('raw_people') }}")
        .file("models/stg_teams.sql", "select * from {{ ref('raw_teams') }}")
        .file(
            "models/team_totals.sql",
            "select t.team_name, sum(p.score) as total from {{ ref('stg_people') }} p"
                + " join {{ ref('stg_teams') }} t using (team_id) group by all");
    ProjectLineage l = Lineages.of(dir);
    assertThat(Lineages.sources(l, "team_totals", "total"))
        .containsExactly(entry("raw_people.score", "aggregate"));
    assertThat(Lineages.sources(l, "team_totals", "team_name"))
        .containsExactly(entry("raw_teams.team_name", "copied"));
    Trace down = Trace.downstream(l, new ColumnRef("seed.raw_people", "score"));
    assertThat(down.steps())
        .extracting(s -> s.column().display())
        .containsExactly("stg_people.score", "team_totals.total");
    Trace teamKey = Trace.downstream(l, new ColumnRef("seed.raw_teams", "team_id"));
    assertThat(teamKey.ends()).containsKey(new ColumnRef("model.team_totals", "*"));
  }

  @Test
  void aColumnThatCannotBeResolvedIsUnknownNotGuessed() {
    project()
        .file(
            "models/mixed.sql",
            "select p.id, f.whatever, team_name from {{ ref('raw_people') }} p"
                + " cross join read_csv('elsewhere.csv') f cross join {{ ref('raw_teams') }}");
    ProjectLineage l = Lineages.of(dir);
    ModelLineage m = l.of("model.mixed").orElseThrow();
    assertThat(m.column("id").orElseThrow().isKnown()).isTrue();
    ColumnLineage whatever = m.column("whatever").orElseThrow();
    assertThat(whatever.isKnown()).isFalse();
    assertThat(whatever.sources()).isEmpty();
    // team_name might come from the CSV file too, whose columns are not known
    ColumnLineage teamName = m.column("team_name").orElseThrow();
    assertThat(teamName.isKnown()).isFalse();
    assertThat(teamName.unknown()).contains("team_name");
    assertThat(teamName.sources()).isEmpty();
  }

  @Test
  void aSyntaxErrorIsAProblemWithItsFileAndLine() {
    project().file("models/broken.sql", "select id,\n  from from {{ ref('raw_people') }}");
    ModelLineage m = Lineages.of(dir).of("model.broken").orElseThrow();
    assertThat(m.columns()).isEmpty();
    assertThat(m.problems()).singleElement().asString().startsWith("models/broken.sql:2: ");
  }

  @Test
  void aModelIsAnalysedAgainOnlyWhenItsSqlOrItsUpstreamColumnsChange() {
    project()
        .file("models/a.sql", "select id, score from {{ ref('raw_people') }}")
        .file("models/b.sql", "select * from {{ ref('a') }}")
        .file("models/c.sql", "select team_name from {{ ref('raw_teams') }}");
    LineageCache cache = new LineageCache();
    Lineages.of(dir, cache);
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.hits()).isZero();
    Lineages.of(dir, cache);
    assertThat(cache.hits()).isEqualTo(3);
    project().file("models/a.sql", "select id, score, team_id from {{ ref('raw_people') }}");
    ProjectLineage l = Lineages.of(dir, cache);
    assertThat(cache.hits()).isEqualTo(4); // only c was unchanged
    assertThat(l.of("model.b").orElseThrow().columnNames())
        .containsExactly("id", "score", "team_id");
    assertThat(Map.copyOf(Lineages.direct(l, "b", "team_id"))).containsEntry("a.team_id", "copied");
  }
}
