package dev.sluice.core.interop;

import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.parse.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes files that run a project's schedules and sensors with another tool, each step calling
 * {@code sluice build --select}: so the definitions stay in the project and the tool only decides
 * when. Each file is written whole beside its place and moved in, so a failure leaves no half file.
 */
public final class OrchestratorExport {
  /** The tools there are files for. */
  public enum Tool {
    DAGSTER,
    AIRFLOW,
    PREFECT,
    CRON,
    SYSTEMD;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Tool parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown export '" + s + "'; use dbt, dagster, airflow, prefect, cron or systemd");
      }
    }
  }

  /**
   * What the files need to know beyond the project.
   *
   * @param projectDir where the project lives on the machine that runs the tool
   * @param sluice the command that runs sluice there
   */
  public record Where(String projectDir, String sluice) {}

  private OrchestratorExport() {}

  /** The files for a tool, by path relative to the output folder. */
  public static Map<String, String> files(
      Tool tool, Manifest manifest, Automation automation, Where where) {
    String name = manifest.project().name();
    Map<String, String> files = new LinkedHashMap<>();
    Steps steps = Steps.of(manifest, null);
    switch (tool) {
      case DAGSTER ->
          files.put("definitions.py", DagsterFile.text(name, manifest, steps, automation, where));
      case AIRFLOW ->
          files.put(
              "dags/sluice_" + PythonText.identifier(name) + ".py",
              AirflowFile.text(name, manifest, steps, automation, where));
      case PREFECT ->
          files.put("flow.py", PrefectFile.text(name, manifest, steps, automation, where));
      case CRON -> files.put("crontab", CronFile.text(name, automation, where));
      case SYSTEMD -> files.putAll(SystemdFiles.files(name, where));
    }
    files.put("README.md", ExportReadme.text(tool, name, automation, where));
    return files;
  }

  /** Writes the files under {@code out}; returns the paths written. */
  public static List<Path> write(
      Tool tool, Manifest manifest, Automation automation, Where where, Path out)
      throws IOException {
    List<Path> written = new ArrayList<>();
    for (var e : files(tool, manifest, automation, where).entrySet()) {
      Path file = out.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
      Files.writeString(tmp, e.getValue());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.add(file);
    }
    return written;
  }
}
