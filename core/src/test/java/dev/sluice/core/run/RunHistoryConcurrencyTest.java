package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryConcurrencyTest {
  @TempDir Path dir;

  @Test
  void twoThreadsOpeningTheHistoryOfANewFileAtOnceBothSucceed() throws Exception {
    for (int round = 0; round < 20; round++) {
      String file = dir.resolve("round" + round + ".duckdb").toString();
      try (DuckDbWarehouse w = DuckDbWarehouse.open(file)) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Throwable>> both = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          both.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      together.await();
                      new RunHistory(w).runs(1);
                      return null;
                    } catch (Throwable e) {
                      return e;
                    }
                  }));
        }
        for (CompletableFuture<Throwable> f : both) {
          assertThat(f.get()).as("round " + round).isNull();
        }
      }
    }
  }
}
