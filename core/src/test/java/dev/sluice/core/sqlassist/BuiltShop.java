package dev.sluice.core.sqlassist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;

/** The shop sample copied into a folder, with two declared sources added, and built. */
final class BuiltShop {
  private BuiltShop() {}

  static Path build(Path dir) {
    Path shop = Samples.copy("shop", dir);
    new ProjectFolder(shop)
        .file(
            "sources/crm.yml",
            """
        sources:
          - name: crm
            schema: main
            tables:
              - name: people
                identifier: raw_customers
              - name: accounts
                columns:
                  - name: account_id
                  - name: opened_at
          - name: billing
            tables:
              - name: invoices
        """);
    try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
      assertThat(p.run(Command.BUILD, null, null, 2, false, RunListener.NONE).exitCode()).isZero();
    }
    return shop;
  }
}
