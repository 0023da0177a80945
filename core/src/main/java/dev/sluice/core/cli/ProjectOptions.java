package dev.sluice.core.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that opens a project shares. */
final class ProjectOptions {
  @Option(
      names = "--project",
      paramLabel = "DIR",
      description = "The project folder (default: the current folder).")
  Path project = Path.of(".");

  @Option(
      names = {"-t", "--target"},
      paramLabel = "NAME",
      description = "The target to use (default: the project's).")
  String target;

  @Option(
      names = "--vars",
      paramLabel = "YAML",
      description = "Variables for var(), as YAML: --vars '{day: 2024-01-01}'.")
  String vars;

  /** The pipeline options these flags describe. */
  dev.sluice.core.pipeline.PipelineOptions pipelineOptions() {
    return dev.sluice.core.pipeline.PipelineOptions.defaults()
        .withTarget(target)
        .withVars(parsedVars());
  }

  Map<String, Object> parsedVars() {
    if (vars == null || vars.isBlank()) {
      return Map.of();
    }
    try {
      Object v = dev.sluice.core.project.Yaml.parse(vars).plain();
      if (v instanceof Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), x));
        return out;
      }
    } catch (dev.sluice.core.project.Yaml.SyntaxError e) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "--vars: " + e.getMessage());
    }
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "--vars must be a YAML map");
  }
}
