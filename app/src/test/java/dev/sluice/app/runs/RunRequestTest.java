package dev.sluice.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.plan.Command;
import org.junit.jupiter.api.Test;

class RunRequestTest {
  @Test
  void graphActionsBecomeTheCliSelectors() {
    assertThat(RunRequest.withUpstream("model.orders").select()).isEqualTo("+orders");
    assertThat(RunRequest.withDownstream("source.shop_db.orders").select())
        .isEqualTo("source:shop_db.orders+");
    assertThat(RunRequest.test("model.orders").command()).isEqualTo(Command.TEST);
    assertThat(RunRequest.node("model.orders").commandLine())
        .isEqualTo("sluice build --select 'orders'");
    assertThat(RunRequest.everything().commandLine()).isEqualTo("sluice build");
  }

  @Test
  void severalNodesRetriesAndTypedSelectorsAreCliSelectorsToo() {
    assertThat(
            RunRequest.nodes(java.util.List.of("model.orders", "seed.raw_items"), true, false)
                .select())
        .isEqualTo("+orders +raw_items");
    assertThat(RunRequest.retryFrom(java.util.List.of("model.b", "model.a")).commandLine())
        .isEqualTo("sluice build --select 'a+ b+'");
    assertThat(RunRequest.selector(" tag:staging ").select()).isEqualTo("tag:staging");
  }

  @Test
  void badgeTextSaysRowsAndTime() {
    var r =
        new dev.sluice.core.run.NodeResult(
            "model.a",
            "a",
            "model",
            dev.sluice.core.run.NodeStatus.SUCCESS,
            java.time.Instant.now(),
            1234,
            42,
            "",
            null,
            null,
            java.util.List.of(),
            null);
    assertThat(NodeRunState.SUCCEEDED.badgeText(r)).isEqualTo("42 rows · 1.23s");
    assertThat(NodeRunState.TEST_FAILED.badgeText(r)).isEqualTo("fail · 42");
  }
}
