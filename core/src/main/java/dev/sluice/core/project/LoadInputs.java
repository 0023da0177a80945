package dev.sluice.core.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one load of a project depended on: the settings (which hold what the environment and
 * {@code vars} gave), every folder walked with the files it held and their size and time, the text
 * of every file read, the installed packages (their project files), the unit-test fixtures looked
 * up and the file of each model. A load is a function of these alone, so when the next load finds
 * them all as they were except the text of some model files, the result is the last project with
 * those models' SQL swapped in ({@link #swap}); anything else changed and it gives up, and a full
 * load follows.
 */
final class LoadInputs {
  private record Walk(List<String> dirs, String[] endings) {}

  private record Fixture(String fileName, Path found, String text) {}

  /** One file found: its size and time, the text it was read as (null: not read) and its model. */
  private static final class Input {
    long size;
    long modified;
    boolean settled;
    String text;
    int model = -1;
    int met;

    void stamp(BasicFileAttributes a, long now) {
      size = a.size();
      modified = a.lastModifiedTime().toMillis();
      settled = modified < now - SourceFiles.SETTLED_MILLIS;
    }

    boolean same(BasicFileAttributes a) {
      return size == a.size() && modified == a.lastModifiedTime().toMillis();
    }
  }

  private final Path root;
  private final ProjectSettings settings;
  private final List<Walk> walks = new ArrayList<>();
  private final List<ProjectProblem> walkProblems = new ArrayList<>();
  private final Map<Path, Input> inputs = new HashMap<>();
  private final List<Fixture> fixtures = new ArrayList<>();
  private boolean packagesRead;
  private InstalledPackages packages;
  private List<ProjectProblem> settingsProblems;
  private Project project;
  private int swaps;

  LoadInputs(Path root, ProjectSettings settings) {
    this.root = root;
    this.settings = settings;
  }

  /** A folder list walked for files with these endings, what it found, and its problems. */
  void walked(
      List<String> dirs,
      String[] endings,
      List<Path> found,
      List<ProjectProblem> problems,
      Map<Path, BasicFileAttributes> attrs) {
    walks.add(new Walk(List.copyOf(dirs), endings.clone()));
    walkProblems.addAll(problems);
    long now =
        System.currentTimeMillis(); // before any of them is read: settled errs on the safe side
    for (Path p : found) {
      inputs.computeIfAbsent(p, k -> new Input()).stamp(attrs.get(p), now);
    }
  }

  /** The text a file was read as. */
  void read(Path file, String text) {
    Input in = inputs.get(file);
    if (in != null) {
      in.text = text;
    }
  }

  /** The model read from {@code file} is the node at {@code index} of the project. */
  void model(Path file, int index) {
    Input in = inputs.get(file);
    if (in != null) {
      in.model = index;
    }
  }

  void packages(InstalledPackages p) {
    packagesRead = true;
    packages = p;
  }

  void fixture(String fileName, Path found, String text) {
    fixtures.add(new Fixture(fileName, found, text));
  }

  /** The load ended with this project; the settings read gave these problems. */
  void finish(Project loaded, List<ProjectProblem> problemsOfSettings) {
    this.project = loaded;
    this.settingsProblems = List.copyOf(problemsOfSettings);
  }

  /**
   * The project as a full load would read it now, when nothing it depends on changed but the text
   * of model files: the last project with those models' SQL swapped in, every other node the very
   * object it was. Null when anything else changed (or cannot be told), for a full load to follow.
   * A file whose size and time are as they were, and were so well before it was read, is taken as
   * it was (as {@link SourceFiles} does); any other is read again, through {@code files}.
   */
  Project swap(
      Path root, ProjectSettings now, List<ProjectProblem> problemsOfSettings, SourceFiles files) {
    if (project == null
        || !this.root.equals(root)
        || !settings.equals(now)
        || !settingsProblems.equals(problemsOfSettings)
        || !sidesAsTheyWere()) {
      return null;
    }
    int mark = ++swaps;
    int[] met = {0};
    boolean[] differs = {false};
    Map<Input, String> changed = new HashMap<>();
    List<ProjectProblem> problems = new ArrayList<>();
    long readAt = System.currentTimeMillis();
    try {
      // each folder once, for every ending any walk of it looked for: a file found is one some
      // walk finds by its name alone, so the same names found means the same files for each walk
      for (Map.Entry<String, String[]> w : folders().entrySet()) {
        FolderWalk.visit(
            root,
            List.of(w.getKey()),
            w.getValue(),
            problems,
            (f, a) -> {
              Input in = inputs.get(f);
              if (in == null) {
                differs[0] = true; // a new file
                return;
              }
              if (differs[0] || in.met == mark) {
                return; // walked twice (tests are looked through for macros and for tests)
              }
              in.met = mark;
              met[0]++;
              if (in.same(a) && (in.settled || in.text == null)) {
                return; // a file only stated (a seed) counts by its size and time
              }
              if (in.text == null) {
                differs[0] = true;
                return;
              }
              String text = files.kept(f, a);
              if (text == null) {
                try {
                  text = files.read(f, a, readAt, Files.readString(f));
                } catch (IOException e) { // not UTF-8 any more, or gone: a full load says so
                  files.forget(f);
                  differs[0] = true;
                  return;
                }
              }
              if (text != in.text && !text.equals(in.text)) {
                if (in.model < 0) {
                  differs[0] = true; // a macro, schema file, test or snapshot changed
                  return;
                }
                changed.put(in, text);
              }
              in.stamp(a, readAt);
            });
      }
    } catch (UncheckedIOException e) {
      return null;
    }
    if (differs[0]
        || met[0] != inputs.size()
        || !new java.util.HashSet<>(problems).equals(new java.util.HashSet<>(walkProblems))) {
      return null; // something changed, or a file went
    }
    if (changed.isEmpty()) {
      return project;
    }
    List<Node> nodes = new ArrayList<>(project.nodes());
    List<Node> swapped = new ArrayList<>();
    changed.forEach(
        (in, text) -> {
          Model model = ((Model) nodes.get(in.model)).withSql(text);
          nodes.set(in.model, model);
          swapped.add(model);
          in.text = text;
        });
    project = project.withNodes(nodes); // the same ids in the same order: its index is shared
    files.keep(swapped);
    return project;
  }

  private Map<String, String[]> folders;

  /** Each folder walked, with every ending looked for in it. */
  private Map<String, String[]> folders() {
    if (folders == null) {
      Map<String, java.util.Set<String>> endings = new java.util.LinkedHashMap<>();
      for (Walk w : walks) {
        for (String d : w.dirs()) {
          endings
              .computeIfAbsent(d, k -> new java.util.LinkedHashSet<>())
              .addAll(List.of(w.endings()));
        }
      }
      Map<String, String[]> out = new java.util.LinkedHashMap<>();
      endings.forEach((d, e) -> out.put(d, e.toArray(new String[0])));
      folders = out;
    }
    return folders;
  }

  /** Whether the installed packages and the fixtures read as they did. */
  private boolean sidesAsTheyWere() {
    if (packagesRead) {
      InstalledPackages p = InstalledPackages.read(root);
      if (!p.packages().equals(packages.packages())
          || !p.dispatch().equals(packages.dispatch())
          || !p.problems().equals(packages.problems())) {
        return false;
      }
    }
    for (Fixture x : fixtures) {
      Path found = UnitTestReader.locate(root, settings.testPaths(), x.fileName());
      if (!Objects.equals(found, x.found())) {
        return false;
      }
      if (found != null) {
        String text;
        try {
          text = Files.readString(found, StandardCharsets.UTF_8);
        } catch (IOException e) {
          text = null;
        }
        if (!Objects.equals(text, x.text())) {
          return false;
        }
      }
    }
    return true;
  }
}
