package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code sluice.yml} (or {@code dbt_project.yml} with its {@code profiles.yml}) says about a
 * project as a whole.
 *
 * @param projectFile the file read, relative to the root
 * @param configTrees the per-folder configuration trees keyed by resource kind (models, seeds,
 *     snapshots, tests, sources), as dbt_project.yml writes them
 */
public record ProjectSettings(
    String name,
    Path projectFile,
    List<String> modelPaths,
    List<String> seedPaths,
    List<String> testPaths,
    List<String> macroPaths,
    List<String> snapshotPaths,
    List<String> sourcePaths,
    String targetPath,
    Map<String, Object> vars,
    Map<String, Map<String, Object>> configTrees,
    Map<String, Target> targets,
    String defaultTarget) {

  public ProjectSettings {
    vars = NodeConfig.frozen(vars);
    // in file order, never Map.copyOf's order, which changes from one process to the next: the
    // settings' text is part of the partial-parse fingerprint
    configTrees = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configTrees));
    targets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targets));
  }

  public boolean isDbtProject() {
    return projectFile.getFileName().toString().equals("dbt_project.yml");
  }

  /** The target to use: the one named, or the default. */
  public Target target(String name) {
    String wanted = name == null ? defaultTarget : name;
    Target t = targets.get(wanted);
    if (t == null) {
      throw new ProjectException(
          ProjectProblem.error(
              projectFile,
              0,
              "no target named '"
                  + wanted
                  + "'; targets are "
                  + String.join(", ", targets.keySet())));
    }
    return t;
  }

  /**
   * What the project file configures for a node by its folder ({@code models:} per-folder configs),
   * before schema files and the SQL's {@code config()}.
   */
  public NodeConfig folderConfig(String kind, String folder, String name) {
    List<String> path = ConfigTree.folders(folder);
    path.add(name);
    return ConfigTree.resolve(configTrees.get(kind), this.name, path);
  }
}
