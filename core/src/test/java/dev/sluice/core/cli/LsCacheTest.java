package dev.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice ls} prints the same with no parse cache, a warm one, a stale one and a broken one:
 * the cache only ever saves work.
 */
class LsCacheTest extends CliTestBase {
  @TempDir Path dir;

  private String ls(Path shop) {
    assertThat(sluice("ls", "--project", shop.toString())).as(err).isZero();
    return out;
  }

  /** What {@code ls} prints with no cache at all. */
  private String cold(Path shop) throws IOException {
    Files.deleteIfExists(shop.resolve("target/partial_parse.json"));
    String cold = ls(shop);
    Files.deleteIfExists(shop.resolve("target/partial_parse.json"));
    return cold;
  }

  @Test
  void aWarmStaleOrBrokenCachePrintsWhatNoCachePrints() throws IOException {
    Path shop = Samples.copy("shop", dir);
    Path cache = shop.resolve("target/partial_parse.json");
    String cold = ls(shop);
    assertThat(cold).contains("orders").contains("relationships_stg_orders_customer_id");
    assertThat(cache).isRegularFile();
    assertThat(ls(shop)).isEqualTo(cold);
    assertThat(ls(shop)).isEqualTo(cold);

    // a model's config in its SQL changes: the kept rendering no longer holds
    Path orders = shop.resolve("models/marts/orders.sql");
    Files.writeString(
        orders, "{{ config(materialized='incremental') }}\n" + Files.readString(orders));
    String edited = ls(shop);
    assertThat(edited).isNotEqualTo(cold).contains("incremental");
    assertThat(edited).isEqualTo(cold(shop));

    // a macro changes under a warm cache, then a macro file breaks: every parse says so
    ls(shop);
    Path money = shop.resolve("macros/money.sql");
    Files.writeString(money, Files.readString(money) + "\n{# a comment #}\n");
    assertThat(ls(shop)).isEqualTo(edited);
    Files.writeString(
        shop.resolve("macros/broken.sql"), "{% macro oops() %}{% if %}{% endmacro %}");
    assertThat(sluice("ls", "--project", shop.toString())).isEqualTo(Main.USAGE);
    String broken = err;
    assertThat(broken).contains("macros/broken.sql");
    assertThat(sluice("ls", "--project", shop.toString())).isEqualTo(Main.USAGE);
    assertThat(err).isEqualTo(broken);
    Files.delete(shop.resolve("macros/broken.sql"));

    // a cache file that is not JSON is only slower
    ls(shop);
    Files.writeString(cache, "not json\n{\"id\":");
    assertThat(ls(shop)).isEqualTo(edited);
    assertThat(ls(shop)).isEqualTo(edited);
  }
}
