package dev.sluice.core.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.core.cli.Main;
import dev.sluice.core.testing.Samples;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs site of the built shop sample, opened from the file system in headless Chromium: the
 * graph renders, search finds a node, and a column's lineage shows on the graph and in the pane.
 */
class DocsSiteTest {
  @TempDir Path dir;
  Path site;

  @BeforeEach
  void generate() {
    assumeTrue(chromium() != null, "Chromium is not installed");
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    assertThat(sluice("build", "--project", shop.toString())).isZero();
    site = dir.resolve("site");
    assertThat(sluice("docs", "generate", "--project", shop.toString(), "--out", site.toString()))
        .isZero();
    assertThat(shop.resolve("target/catalog.json")).isRegularFile();
  }

  @Test
  void theGraphDrawsEveryNodeAndEdge() throws Exception {
    String dom = dom("");
    assertThat(count(dom, "<g class=\"node model\"")).isEqualTo(9);
    assertThat(count(dom, "<g class=\"node seed\"")).isEqualTo(4);
    assertThat(count(dom, "<path class=\"edge\"")).isGreaterThanOrEqualTo(12);
    assertThat(dom).contains("<h1 id=\"title\">shop</h1>");
  }

  @Test
  void searchFindsANodeByNameOrColumn() throws Exception {
    String dom = dom("#search=lifetime");
    assertThat(dom).contains("<li data-id=\"model.customers\"");
    assertThat(count(dom, "<li data-id=")).isEqualTo(1);
    assertThat(dom).contains("class=\"node model match\" data-id=\"model.customers\"");
  }

  @Test
  void aNodeShowsItsColumnsWithWarehouseTypesAndTestResults() throws Exception {
    String dom = dom("#node=model.customers");
    assertThat(dom).contains("<h2 id=\"node-name\">customers</h2>");
    assertThat(dom)
        .containsPattern(
            "data-col=\"customer_id\"[^<]*>customer_id</button></td><td class=\"type\">BIGINT");
    assertThat(dom).contains("unique <span class=\"status pass\">pass</span>");
    assertThat(dom).contains("<summary>Compiled SQL</summary>");
  }

  @Test
  void aColumnsLineageLightsUpItsUpstreamOnTheGraph() throws Exception {
    String dom = dom("#column=model.customers%7Clifetime_value");
    assertThat(dom).contains("Lineage of customers.lifetime_value");
    assertThat(dom).contains("<b>raw_products.unit_price_cents</b>");
    assertThat(dom).contains("class=\"node model up\" data-id=\"model.orders\"");
    assertThat(dom).contains("class=\"node seed up\" data-id=\"seed.raw_order_items\"");
    assertThat(dom).doesNotContain("class=\"node model up\" data-id=\"model.product_sales\"");
    Path shot = Path.of("target", "docs-site-lineage.png").toAbsolutePath();
    run(
        List.of("--window-size=1400,900", "--screenshot=" + shot),
        "#column=model.customers%7Clifetime_value");
    assertThat(shot).isRegularFile();
  }

  private String dom(String hash) throws Exception {
    return run(List.of("--dump-dom"), hash);
  }

  private String run(List<String> extra, String hash) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(chromium());
    cmd.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + Files.createTempDirectory(dir, "chromium")));
    cmd.addAll(extra);
    cmd.add(site.resolve("index.html").toUri() + hash);
    Path out = Files.createTempFile(dir, "dom", ".html");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String chromium() {
    for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        File f = new File(d, name);
        if (f.canExecute()) {
          return f.getAbsolutePath();
        }
      }
    }
    return null;
  }

  private static int sluice(String... args) {
    StringWriter o = new StringWriter();
    return Main.execute(args, new PrintWriter(o, true), new PrintWriter(new StringWriter(), true));
  }
}
