package dev.sluice.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.AutomationReader;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each orchestrator export of the shop sample, against golden files under
 * src/test/resources/orchestrator-export. Run with {@code -Dgolden.update=true} to rewrite them
 * after a deliberate change, and read the diff.
 */
class OrchestratorExportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/orchestrator-export");
  @TempDir Path dir;

  private static Map<String, String> export(OrchestratorExport.Tool tool) {
    Manifest m = Pipeline.parse(Samples.locate("shop"), PipelineOptions.defaults());
    Automation a = AutomationReader.read(m);
    assertThat(a.problems()).isEmpty();
    return OrchestratorExport.files(
        tool, m, a, new OrchestratorExport.Where("/srv/shop", "sluice"));
  }

  @ParameterizedTest
  @EnumSource(OrchestratorExport.Tool.class)
  void theShopSampleExportsAsItsGoldenFiles(OrchestratorExport.Tool tool) throws Exception {
    Map<String, String> files = export(tool);
    Path golden = GOLDEN.resolve(tool.label());
    if (Boolean.getBoolean("golden.update")) {
      for (var e : files.entrySet()) {
        Path f = golden.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue());
      }
    }
    try (var walk = Files.walk(golden)) {
      assertThat(walk.filter(Files::isRegularFile).map(p -> golden.relativize(p).toString()))
          .containsExactlyInAnyOrderElementsOf(files.keySet());
    }
    for (var e : files.entrySet()) {
      assertThat(e.getValue())
          .as(tool.label() + " " + e.getKey())
          .isEqualTo(Files.readString(golden.resolve(e.getKey())));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = OrchestratorExport.Tool.class,
      names = {"DAGSTER", "AIRFLOW", "PREFECT"})
  void thePythonFilesAreAcceptedByPythonsOwnParser(OrchestratorExport.Tool tool) throws Exception {
    assumeTrue(python3(), "python3 is not installed here, so the parse check cannot run");
    OrchestratorExport.write(
        tool,
        Pipeline.parse(Samples.locate("shop"), PipelineOptions.defaults()),
        AutomationReader.read(Pipeline.parse(Samples.locate("shop"), PipelineOptions.defaults())),
        new OrchestratorExport.Where("/srv/shop", "sluice"),
        dir);
    try (var walk = Files.walk(dir)) {
      for (Path py : walk.filter(p -> p.toString().endsWith(".py")).toList()) {
        Process p =
            new ProcessBuilder(
                    "python3",
                    "-c",
                    "import ast,sys; ast.parse(open(sys.argv[1]).read())",
                    py.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(py + ": " + out).isZero();
      }
    }
  }

  @org.junit.jupiter.api.Test
  void theSystemdUnitsPassSystemdsOwnCheck() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/systemd-analyze")),
        "systemd-analyze is not installed here, so the unit check cannot run");
    Manifest m = Pipeline.parse(Samples.locate("shop"), PipelineOptions.defaults());
    List<Path> units =
        OrchestratorExport.write(
            OrchestratorExport.Tool.SYSTEMD,
            m,
            AutomationReader.read(m),
            new OrchestratorExport.Where(dir.toString(), "sluice"),
            dir.resolve("out"));
    List<String> args = new java.util.ArrayList<>(List.of("systemd-analyze", "verify"));
    units.stream().filter(u -> !u.toString().endsWith(".md")).forEach(u -> args.add(u.toString()));
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEmpty();
    assertThat(p.exitValue()).isZero();
  }

  private static boolean python3() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException | InterruptedException e) {
      return false;
    }
  }
}
