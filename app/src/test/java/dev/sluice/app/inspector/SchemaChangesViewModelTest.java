package dev.sluice.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.cli.Main;
import dev.sluice.core.testing.ProjectFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaChangesViewModelTest {
  @TempDir Path dir;

  private static void load(Path p) {
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {"load", "--project", p.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
  }

  @Test
  void aRawTablesSchemaChangesShowNewestFirst() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "s")
            .file(
                "sources/landing.yml",
                """
                sources:
                  - name: landing
                    connector: files
                    tables:
                      - {name: orders, path: "landing/orders_*.csv", primary_key: id}
                """)
            .file("landing/orders_1.csv", "id,amount\n1,10\n");
    load(f.root());
    f.file("landing/orders_2.csv", "id,amount,channel\n2,oops,web\n");
    load(f.root());

    SchemaChangesViewModel vm = new SchemaChangesViewModel(Runnable::run, Runnable::run);
    vm.show(f.root().resolve("target/s.duckdb").toString(), "landing", "orders");
    assertThat(vm.versions()).hasSize(2);
    assertThat(vm.versions().get(0))
        .startsWith("v2  ")
        .contains("new column channel VARCHAR")
        .contains("1 value of amount did not fit BIGINT and went to amount__v_text");
    assertThat(vm.versions().get(1))
        .startsWith("v1  ")
        .endsWith("created: id BIGINT, amount BIGINT");

    vm.clear();
    assertThat(vm.versions()).isEmpty();
  }

  @Test
  void aTableNeverLoadedHasNoSchemaChanges() {
    SchemaChangesViewModel vm = new SchemaChangesViewModel(Runnable::run, Runnable::run);
    vm.show(dir.resolve("none.duckdb").toString(), "landing", "orders");
    assertThat(vm.versions()).isEmpty();
  }
}
