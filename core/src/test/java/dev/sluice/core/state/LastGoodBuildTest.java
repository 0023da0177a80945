package dev.sluice.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.SelectorException;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code state:modified} without --state: changed since the last successful build. */
class LastGoodBuildTest extends CliTestBase {
  @TempDir Path dir;

  @Test
  void modifiedMeansChangedSinceTheNodeLastBuiltWithoutFailing() throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    String p = shop.toString();

    assertThat(sluice("build", "--project", p, "--select", "state:modified+")).isEqualTo(2);
    assertThat(err)
        .contains("'state:modified+' compares with the last successful build")
        .contains("none recorded yet")
        .doesNotContain("\tat ");

    assertThat(sluice("build", "--project", p)).as(out + err).isZero();
    assertThat(shop.resolve("target/last_good_build/manifest.json")).isRegularFile();
    assertThat(sluice("build", "--project", p, "--select", "state:modified+")).isZero();
    assertThat(out).contains("Nothing is new or modified against the last successful build");

    // an edited model and a new one are modified; their downstream comes with the +
    Path orders = shop.resolve("models/staging/stg_orders.sql");
    Files.writeString(orders, Files.readString(orders) + "\n-- reviewed\n");
    Files.writeString(shop.resolve("models/marts/fresh.sql"), "select 1 as one\n");
    try (Pipeline pipeline = Pipeline.open(shop, PipelineOptions.defaults())) {
      assertThat(order(pipeline, "state:modified"))
          .containsExactlyInAnyOrder("model.stg_orders", "model.fresh");
      assertThat(order(pipeline, "state:new")).containsExactly("model.fresh");
      assertThat(order(pipeline, "state:modified+"))
          .contains("model.stg_orders", "model.orders", "model.customers", "model.fresh")
          .doesNotContain("model.stg_customers", "model.stg_products");
      assertThat(order(pipeline, "state:modified.configs")).containsExactly("model.fresh");
      assertThat(
              pipeline
                  .run(Command.BUILD, "state:modified", null, 2, false, RunListener.NONE)
                  .exitCode())
          .isZero();
    }

    // built well, they are no longer modified; a model whose build fails stays modified
    Path products = shop.resolve("models/staging/stg_products.sql");
    Files.writeString(products, Files.readString(products).replace("category", "categroy"));
    try (Pipeline pipeline = Pipeline.open(shop, PipelineOptions.defaults())) {
      assertThat(order(pipeline, "state:modified")).containsExactly("model.stg_products");
      assertThat(
              pipeline
                  .run(Command.BUILD, "state:modified", null, 2, false, RunListener.NONE)
                  .exitCode())
          .isNotZero();
      assertThat(order(pipeline, "state:modified")).containsExactly("model.stg_products");
    }
    Files.writeString(products, Files.readString(products).replace("categroy", "category"));
    try (Pipeline pipeline = Pipeline.open(shop, PipelineOptions.defaults())) {
      assertThatThrownBy(() -> pipeline.plan(Command.BUILD, "state:modified", null))
          .isInstanceOf(SelectorException.class)
          .hasMessage(
              "'state:modified' picks nothing: no node changed since the last successful build");
    }

    // the CLI's --state DIR still compares with another manifest
    Path prod = dir.resolve("prod");
    Files.createDirectories(prod);
    Files.copy(shop.resolve("target/last_good_build/manifest.json"), prod.resolve("manifest.json"));
    Files.writeString(orders, Files.readString(orders) + "\n-- again\n");
    assertThat(
            sluice(
                "build", "--project", p, "--select", "state:modified", "--state", prod.toString()))
        .as(out + err)
        .isZero();
    assertThat(out)
        .contains("created view main.stg_orders")
        .doesNotContain("main.stg_customers")
        .doesNotContain("main.orders");
  }

  private static List<String> order(Pipeline pipeline, String select) {
    return pipeline.plan(Command.BUILD, select, null).order().stream()
        .filter(id -> !id.startsWith("test."))
        .toList();
  }
}
