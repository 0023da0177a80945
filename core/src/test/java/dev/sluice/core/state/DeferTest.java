package dev.sluice.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --defer: a modified model builds in dev while reading its unbuilt upstream from prod's file. */
class DeferTest extends CliTestBase {
  @TempDir Path dir;

  @Test
  void aModifiedModelReadsItsUnbuiltUpstreamFromTheOtherTarget() throws Exception {
    new ProjectFolder(dir)
        .file(
            "sluice.yml",
            """
            name: dfr
            target: dev
            targets:
              dev: {type: duckdb, path: target/dev.duckdb}
              prod: {type: duckdb, path: target/prod.duckdb}
            """)
        .file("seeds/raw.csv", "id,v\n1,10\n2,20\n")
        .file("models/stg.sql", "select id, v * 2 as v2 from {{ ref('raw') }}")
        .file(
            "models/mart.sql",
            "{{ config(materialized='table') }}\nselect sum(v2) as total from {{ ref('stg') }}");
    assertThat(sluice("build", "--project", dir.toString(), "--target", "prod")).isZero();
    Path saved = Files.createDirectories(dir.resolve("prod-state"));
    Files.copy(dir.resolve("target/manifest.json"), saved.resolve("manifest.json"));
    Files.writeString(
        dir.resolve("models/mart.sql"),
        "{{ config(materialized='table') }}\nselect sum(v2) + 1 as total from {{ ref('stg') }}");

    assertThat(
            sluice(
                "build",
                "--project",
                dir.toString(),
                "--select",
                "state:modified",
                "--state",
                saved.toString()))
        .isEqualTo(1); // without --defer, stg is not in dev
    assertThat(
            sluice(
                "build",
                "--project",
                dir.toString(),
                "--select",
                "state:modified",
                "--state",
                saved.toString(),
                "--defer"))
        .isZero();
    assertThat(out).contains("1 of 1 created table main.mart");
    try (DuckDbWarehouse dev = DuckDbWarehouse.open(dir.resolve("target/dev.duckdb").toString())) {
      long total =
          dev.jdbi()
              .withHandle(
                  h -> h.createQuery("select total from main.mart").mapTo(Long.class).one());
      assertThat(total).isEqualTo(61);
      assertThat(dev.exists("main", "stg")).isFalse();
    }
  }

  @Test
  void deferWithoutAStateFolderIsAClearError() {
    ProjectFolder.sluice(dir, "x").file("models/a.sql", "select 1 as one");
    assertThat(sluice("build", "--project", dir.toString(), "--defer")).isEqualTo(2);
    assertThat(err).contains("--defer reads upstreams from a saved manifest: add --state DIR");
  }
}
