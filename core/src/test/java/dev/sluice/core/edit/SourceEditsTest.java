package dev.sluice.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.cli.Main;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceEditsTest {
  @TempDir Path dir;

  @Test
  void aFileSourceTableGetsItsOwnSourcesFileAndLoadsInABuild() throws Exception {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "s")
            .file("data/visits.csv", "id,page\n1,home\n2,cart\n3,home\n")
            .file(
                "models/pages.sql",
                "select page, count(*) as n from {{ source('web', 'visits') }} group by page\n");
    ProjectEdit e = SourceEdits.newSourceTable(f.load(), "web", "visits", "data/visits.csv");
    e.apply();
    assertThat(Files.readString(dir.resolve("sources/web.yml")))
        .isEqualTo(
            """
        sources:
          - name: web
            connector: files
            tables:
              - name: visits
                path: data/visits.csv
        """);
    Project p = f.load();
    assertThat(p.problems()).isEmpty();
    SourceTable s = p.source("web", "visits").orElseThrow();
    assertThat(s.isLoaded()).isTrue();

    StringWriter out = new StringWriter();
    int code =
        Main.execute(
            new String[] {"build", "--project", dir.toString()},
            new PrintWriter(out),
            new PrintWriter(out));
    assertThat(code).as(out.toString()).isZero();
    try (DuckDbWarehouse w = DuckDbWarehouse.open(dir.resolve("target/s.duckdb").toString())) {
      assertThat(Tables.count(w, "pages")).isEqualTo(2);
    }
    e.revert();
    assertThat(dir.resolve("sources/web.yml")).doesNotExist();
  }

  @Test
  void aTableOfAKnownSourceJoinsItsListAndKeepsTheFileAsItWas() throws Exception {
    String text =
        """
        # the shop's database
        sources:
          - name: shop
            schema: raw   # loaded elsewhere
            tables:
              - name: orders
        """;
    ProjectFolder f = ProjectFolder.sluice(dir, "s").file("sources/shop.yml", text);
    SourceEdits.newSourceTable(f.load(), "shop", "customers", null).apply();
    assertThat(Files.readString(dir.resolve("sources/shop.yml")))
        .isEqualTo(text + "      - name: customers\n");
    assertThat(f.load().source("shop", "customers")).isPresent();

    assertThatThrownBy(() -> SourceEdits.newSourceTable(f.load(), "shop", "orders", null))
        .isInstanceOf(EditRefusedException.class)
        .hasMessageContaining("already declared in sources/shop.yml");
    assertThatThrownBy(() -> SourceEdits.newSourceTable(f.load(), "shop", "9x", null))
        .hasMessageContaining("not a valid name");
  }
}
