package dev.sluice.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.cli.Main;
import dev.sluice.core.testing.ProjectFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {
  @TempDir Path dir;

  @Test
  void aRunMadeWithTheCliShowsInTheAppsHistory() {
    Path p = ProjectFolder.sluice(dir, "h").file("models/a.sql", "select 1 as x").root();
    int code =
        Main.execute(
            new String[] {"run", "--project", p.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    HistoryViewModel vm = new HistoryViewModel(Runnable::run, Runnable::run);
    String db = p.resolve("target/h.duckdb").toString();
    vm.refresh(db);
    assertThat(vm.runs()).hasSize(1);
    assertThat(vm.runs().get(0).invokedFrom()).isEqualTo("cli");
    assertThat(vm.runs().get(0).status()).isEqualTo("succeeded");
    List<String> shown = new ArrayList<>();
    vm.open(
        db,
        vm.runs().get(0).runId(),
        nodes -> nodes.forEach(n -> shown.add(n.nodeId() + "=" + n.status().label())));
    assertThat(shown).containsExactly("model.a=success");
  }

  @Test
  void aProjectNeverRunHasNoHistory() {
    HistoryViewModel vm = new HistoryViewModel(Runnable::run, Runnable::run);
    vm.refresh(dir.resolve("none.duckdb").toString());
    assertThat(vm.runs()).isEmpty();
  }
}
