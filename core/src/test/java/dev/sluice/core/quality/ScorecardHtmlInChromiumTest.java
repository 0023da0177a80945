package dev.sluice.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.core.cli.Main;
import java.awt.image.BufferedImage;
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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report from the file system in headless Chromium (no network) and checks that its
 * charts are in the rendered DOM and on the screenshot.
 */
class ScorecardHtmlInChromiumTest {
  @TempDir Path dir;

  static String chromium() {
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (new File(c).canExecute()) {
        return c;
      }
    }
    return null;
  }

  private String browser(String chromium, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(chromium);
    cmd.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void theReportOpensFromTheFileSystemWithItsChartsDrawn() throws Exception {
    String chromium = chromium();
    assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium)");
    Path root = ScorecardTest.fixture(dir.resolve("p")).root();
    ScorecardTest.build(root);
    ScorecardTest.build(root);
    Path html = root.resolve("target/quality.html");
    StringWriter out = new StringWriter();
    int code =
        Main.execute(
            new String[] {"quality", "--project", root.toString(), "--html", html.toString()},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));
    assertThat(code).isZero();
    assertThat(Files.readString(html))
        .as("nothing to fetch: no scripts, links or remote sources")
        .doesNotContain("<script", "<link", "src=\"http", "href=\"http", "url(")
        .contains("<svg");

    String dom = browser(chromium, "--dump-dom", html.toUri().toString());
    assertThat(dom).contains("<svg id=\"chart-tables\"").contains("<svg id=\"chart-trend\"");
    assertThat(count(dom, "<rect class=\"bar\"")).as("one bar per table").isEqualTo(2);
    Matcher trend =
        Pattern.compile("<polyline class=\"trend\"[^>]*points=\"([^\"]*)\"").matcher(dom);
    assertThat(trend.find()).isTrue();
    assertThat(trend.group(1).split(" ")).as("one point per run").hasSize(2);
    assertThat(count(dom, "<svg class=\"spark\"")).isEqualTo(2);
    assertThat(dom).contains("relationships_orders_customer_id__ref_customers__id");

    Path png = dir.resolve("shot.png");
    browser(chromium, "--window-size=1100,900", "--screenshot=" + png, html.toUri().toString());
    BufferedImage img = ImageIO.read(png.toFile());
    // the orders bar is drawn in the "good" green, the customers bar in the "fair" yellow
    assertThat(pixels(img, 0x2e7d32)).isGreaterThan(2000);
    assertThat(pixels(img, 0xf9a825)).isGreaterThan(2000);
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static int pixels(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y) & 0xffffff;
        if (Math.abs((p >> 16) - (rgb >> 16)) < 8
            && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 8
            && Math.abs((p & 0xff) - (rgb & 0xff)) < 8) {
          n++;
        }
      }
    }
    return n;
  }
}
