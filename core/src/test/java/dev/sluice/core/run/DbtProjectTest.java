package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing dbt project for DuckDB opens and builds as it is, into the relations dbt would make.
 */
class DbtProjectTest {
  @TempDir Path dir;

  @Test
  void dbtProjectBuildsIntoTheSchemasDbtWouldUse() {
    Path p =
        new ProjectFolder(dir)
            .file(
                "dbt_project.yml",
                """
            name: 'bikes'
            version: '1.0.0'
            profile: 'bikes'
            model-paths: ["models"]
            seed-paths: ["seeds"]
            macro-paths: ["macros"]
            clean-targets: ["target", "dbt_packages"]
            models:
              bikes:
                staging:
                  +materialized: view
                  +schema: staging
                marts:
                  +materialized: table
            seeds:
              bikes:
                +schema: raw
            """)
            .file(
                "profiles.yml",
                """
            bikes:
              target: dev
              outputs:
                dev:
                  type: duckdb
                  path: "{{ env_var('BIKES_DB', 'bikes.duckdb') }}"
                  threads: 2
            """)
            .file(
                "seeds/rides.csv",
                "ride_id,station_id,minutes\n1,10,12\n2,10,30\n3,11,7\n4,12,45\n")
            .file(
                "seeds/stations.csv", "station_id,station_name\n10,Harbour\n11,Old Town\n12,Park\n")
            .file(
                "macros/hours.sql",
                "{% macro to_hours(col) %}round({{ col }} / 60.0, 2){% endmacro %}")
            .file(
                "models/staging/stg_rides.sql",
                "select ride_id, station_id, {{ to_hours('minutes') }} as hours from {{ ref('rides') }}")
            .file(
                "models/staging/sources.yml",
                """
            version: 2
            sources:
              - name: raw
                schema: main_raw
                tables:
                  - name: stations
            """)
            .file(
                "models/staging/stg_stations.sql", "select * from {{ source('raw', 'stations') }}")
            .file(
                "models/marts/station_usage.sql",
                """
            {{ config(alias='usage_by_station') }}
            select s.station_name, count(*) as rides, sum(r.hours) as hours
            from {{ ref('stg_rides') }} r join {{ ref('stg_stations') }} s using (station_id)
            group by 1
            """)
            .file(
                "models/marts/schema.yml",
                """
            version: 2
            models:
              - name: station_usage
                columns:
                  - name: station_name
                    data_tests:
                      - unique
                      - accepted_values:
                          arguments:
                            values: ['Harbour', 'Old Town', 'Park']
            """)
            .root();
    try (Pipeline pipeline = Pipeline.open(p, PipelineOptions.defaults().withEnv(Map.of()))) {
      // the source `raw.stations` is the seed's table: as with dbt, seed first, then build
      assertThat(pipeline.run(Command.SEED, null, null, 0, false, RunListener.NONE).exitCode())
          .isZero();
      RunSummary s = pipeline.run(Command.BUILD, null, null, 0, false, RunListener.NONE);
      assertThat(s.results())
          .allSatisfy(
              r ->
                  assertThat(r.status())
                      .as(r.nodeId() + ": " + r.message())
                      .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
      assertThat(pipeline.target().path()).endsWith("bikes.duckdb");
      var w = pipeline.warehouse();
      assertThat(w.relationKind("main_raw", "rides")).isPresent();
      assertThat(w.relationKind("main_staging", "stg_rides"))
          .contains(dev.sluice.core.warehouse.Warehouse.RelationKind.VIEW);
      assertThat(
              Tables.rows(
                  w, "select station_name, rides, hours from main.usage_by_station order by 1"))
          .extracting(
              r ->
                  List.of(
                      r.get("station_name"),
                      ((Number) r.get("rides")).intValue(),
                      r.get("hours").toString()))
          .containsExactly(
              List.of("Harbour", 2, "0.7"),
              List.of("Old Town", 1, "0.12"),
              List.of("Park", 1, "0.75"));
    }
  }
}
