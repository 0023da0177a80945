package dev.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice load --list} and {@code --drop-load}: a batch dropped and loaded again. */
class LoadBatchCliTest extends CliTestBase {
  @TempDir Path dir;

  private String query(String sql) {
    assertThat(sluice("query", "--project", dir.toString(), "--format", "csv", sql))
        .as(err)
        .isZero();
    return out.strip().replace(System.lineSeparator(), "|");
  }

  @Test
  void aDroppedLoadLeavesTheRawTableAndTheNextLoadTakesItAgain() {
    ProjectFolder p =
        ProjectFolder.sluice(dir, "batches")
            .file(
                "sources/landing.yml",
                """
                sources:
                  - name: landing
                    connector: files
                    tables:
                      - {name: orders, path: "landing/orders_*.csv", primary_key: id, cursor: updated_at}
                """)
            .file(
                "landing/orders_1.csv",
                "id,amount,updated_at\n1,10,2026-01-01 10:00:00\n2,20,2026-01-01 11:00:00\n");
    assertThat(sluice("load", "--project", dir.toString())).as(err).isZero();
    p.file("landing/orders_2.csv", "id,amount,updated_at\n3,30,2026-01-02 10:00:00\n");
    assertThat(sluice("load", "--project", dir.toString())).as(err).isZero();
    String secondLoad =
        query("select load_id from _sluice.loads where rows = 1 and status = 'success'");
    secondLoad = secondLoad.substring(secondLoad.indexOf('|') + 1);

    assertThat(sluice("load", "--project", dir.toString(), "--list")).isZero();
    assertThat(out).contains(secondLoad).contains("landing.orders").contains("success");

    assertThat(
            sluice("load", "--project", dir.toString(), "--drop-load", secondLoad.substring(0, 8)))
        .as(err)
        .isZero();
    assertThat(out)
        .contains("1 row from landing.orders")
        .contains("cursor back to 2026-01-01 11:00:00")
        .contains("1 file forgotten");
    assertThat(query("select id from landing.orders order by id")).isEqualTo("id|1|2");
    assertThat(query("select cursor_value from _sluice.load_state"))
        .isEqualTo("cursor_value|2026-01-01 11:00:00");

    assertThat(sluice("load", "--project", dir.toString())).as(err).isZero();
    assertThat(query("select id from landing.orders order by id")).isEqualTo("id|1|2|3");
    assertThat(sluice("load", "--project", dir.toString(), "--list")).isZero();
    Matcher dropped = Pattern.compile(Pattern.quote(secondLoad) + ".*dropped").matcher(out);
    assertThat(dropped.find()).as(out).isTrue();
  }

  @Test
  void anUnknownLoadIdSaysWhereToLook() {
    ProjectFolder.sluice(dir, "batches");
    assertThat(sluice("load", "--project", dir.toString(), "--drop-load", "nope")).isEqualTo(1);
    assertThat(err).contains("no successful load or run with id nope").contains("--list");
  }
}
