package dev.sluice.core.project;

import static dev.sluice.core.project.ProjectLoader.EXPORT_PATH;
import static dev.sluice.core.project.ProjectLoader.folderUnder;
import static dev.sluice.core.project.ProjectLoader.lineAt;
import static dev.sluice.core.project.ProjectLoader.stem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * One pass over one project folder for {@link ProjectLoader}; holds what it has read so far. With a
 * {@link SourceFiles} it takes unchanged texts from there and records in its {@link LoadInputs}
 * everything it read, so that the next load can tell whether only model SQL changed.
 */
final class ProjectReading {
  private final Path root;
  private final ProjectSettings settings;
  private final List<ProjectProblem> problems;
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Path> names = new HashMap<>();
  private final SchemaFileReader schema;
  private final ExportFileReader exports;
  private final UnitTestReader unitTests;
  private final DescribedResources described;
  private final LoadInputs inputs;
  private final ProjectFiles io;

  ProjectReading(
      Path root, ProjectSettings settings, List<ProjectProblem> problems, SourceFiles kept) {
    this.inputs = kept == null ? null : kept.recording(root, settings);
    this.io = new ProjectFiles(root, problems, kept, inputs);
    this.root = root;
    this.settings = settings;
    this.problems = problems;
    this.schema = new SchemaFileReader(problems);
    this.exports = new ExportFileReader(problems);
    this.unitTests = new UnitTestReader(problems, root, settings.testPaths());
    if (inputs != null) {
      unitTests.onFixture(inputs::fixture);
    }
    this.described = new DescribedResources(problems);
  }

  Project read() {
    List<Project.MacroFile> macros = new ArrayList<>();
    for (Path f : io.files(settings.macroPaths(), ".sql")) {
      macros.add(new Project.MacroFile(root.relativize(f), io.text(f)));
    }
    for (Path f : io.files(settings.testPaths(), ".sql")) {
      if (isGenericTestFile(f)) { // dbt reads tests/generic/ as macros: {% test %} blocks
        macros.add(new Project.MacroFile(root.relativize(f), io.text(f)));
      }
    }
    Map<String, String> docs = new LinkedHashMap<>();
    for (Path f : io.files(settings.modelPaths(), ".md")) {
      String md = io.text(f);
      for (dev.sluice.core.sqltext.JinjaBlock b :
          dev.sluice.core.sqltext.JinjaBlock.all(md, "docs")) {
        docs.put(b.name(), md.substring(b.bodyStart(), b.bodyEnd()).strip());
      }
    }
    List<String> ymlRoots = new ArrayList<>(settings.modelPaths());
    ymlRoots.addAll(settings.seedPaths());
    ymlRoots.addAll(settings.snapshotPaths());
    ymlRoots.addAll(settings.sourcePaths());
    for (Path f : io.files(ymlRoots, ".yml", ".yaml")) {
      readYaml(
          f,
          (rel, doc) -> {
            schema.read(rel, doc);
            unitTests.read(rel, doc);
            described.read(rel, doc);
          });
    }
    for (Path f : io.files(List.of(EXPORT_PATH), ".yml", ".yaml")) {
      readYaml(f, exports::read);
    }
    Scope own =
        new Scope(
            settings.name(),
            "",
            settings.modelPaths(),
            settings.seedPaths(),
            settings.snapshotPaths(),
            (kind, path) ->
                ConfigTree.resolve(settings.configTrees().get(kind), settings.name(), path));
    readModels(own);
    readSeeds(own);
    readSnapshots(own);
    for (Scope pkg : packageScopes()) {
      List<String> pkgYml = new ArrayList<>(pkg.under(pkg.modelPaths()));
      pkgYml.addAll(pkg.under(pkg.seedPaths()));
      pkgYml.addAll(pkg.under(pkg.snapshotPaths()));
      for (Path f : io.files(pkgYml, ".yml", ".yaml")) {
        readYaml(
            f,
            (rel, doc) -> {
              schema.read(rel, doc);
              unitTests.read(rel, doc);
              described.read(rel, doc);
            });
      }
      for (Path f : io.files(pkg.under(pkg.modelPaths()), ".md")) {
        String md = io.text(f);
        for (dev.sluice.core.sqltext.JinjaBlock b :
            dev.sluice.core.sqltext.JinjaBlock.all(md, "docs")) {
          docs.putIfAbsent(b.name(), md.substring(b.bodyStart(), b.bodyEnd()).strip());
        }
      }
      readModels(pkg);
      readSeeds(pkg);
      readSnapshots(pkg);
    }
    nodes.addAll(schema.sources);
    schema.sources.forEach(s -> addTests(s, schema.sourceTests.get(s.uniqueId())));
    readSingularTests();
    nodes.addAll(unitTests.tests);
    nodes.addAll(exports.resolve(refableNames()));
    reportOrphanProperties();
    return new Project(root, settings, nodes, macros, docs, problems);
  }

  private void readYaml(Path f, BiConsumer<Path, Yaml.Value> reader) {
    Path rel = io.relative(f);
    try {
      reader.accept(rel, Yaml.parse(io.raw(f)));
    } catch (Yaml.SyntaxError e) {
      problems.add(
          new ProjectProblem(
              rel, e.line(), e.column(), ProjectProblem.Severity.ERROR, e.getMessage()));
    } catch (IOException e) {
      problems.add(
          ProjectProblem.error(
              rel, 0, "cannot read: " + dev.sluice.core.safety.IoMessages.describe(e)));
    }
  }

  /** The names {@code ref()} accepts: every model, seed and snapshot read so far. */
  private Set<String> refableNames() {
    // a set view: export files are few, the names many
    return new java.util.AbstractSet<>() {
      @Override
      public boolean contains(Object o) {
        return o instanceof String name && names.containsKey("ref." + name);
      }

      @Override
      public java.util.Iterator<String> iterator() {
        Set<String> out = new TreeSet<>();
        names.keySet().stream()
            .filter(k -> k.startsWith("ref."))
            .forEach(k -> out.add(k.substring(4)));
        return out.iterator();
      }

      @Override
      public int size() {
        return (int) names.keySet().stream().filter(k -> k.startsWith("ref.")).count();
      }
    };
  }

  /**
   * The installed packages as places to read models, seeds and snapshots from, with their own
   * project files' configs rendered as the project's are.
   */
  private List<Scope> packageScopes() {
    List<Scope> out = new ArrayList<>();
    Target target = settings.targets().get(settings.defaultTarget());
    for (InstalledPackages.Package p : packages().packages()) {
      if (p.name().equals(settings.name())) {
        continue; // a project that installs itself (local: ../ of its own folder)
      }
      Map<String, Object> vars = new LinkedHashMap<>(p.vars());
      vars.putAll(settings.vars());
      Map<String, Map<String, Object>> own = ConfigJinja.render(p.configTrees(), target, vars);
      String base = p.dir().toString().replace('\\', '/');
      out.add(
          new Scope(
              p.name(),
              base,
              p.modelPaths(),
              p.seedPaths(),
              p.snapshotPaths(),
              (kind, path) ->
                  ConfigTree.resolve(own.get(kind), p.name(), path)
                      .merge(
                          ConfigTree.resolveForPackage(
                              settings.configTrees().get(kind), p.name(), path))));
    }
    return out;
  }

  private void readModels(Scope scope) {
    for (String modelPath : scope.under(scope.modelPaths())) {
      List<Path> files = io.files(List.of(modelPath), ".sql");
      io.readAhead(files);
      for (Path f : files) {
        Path rel = io.relative(f);
        String name = stem(f);
        String folder = folderUnder(root.resolve(modelPath), f);
        NodeConfig config = scope.configs().apply("models", pathFor(folder, name));
        Properties props = schema.byKind.get("models").get(name);
        String description = "";
        List<Column> columns = List.of();
        if (props != null) {
          config = config.merge(props.config());
          description = props.description();
          columns = props.columns();
        }
        if (!config.enabled() || !claim(name, rel)) {
          continue;
        }
        Model model = new Model(name, rel, io.text(f), folder, config, description, columns);
        if (inputs != null) {
          inputs.model(f, nodes.size());
        }
        nodes.add(model);
        if (props != null) {
          addTests(model, props.tests());
        }
      }
    }
  }

  private void readSeeds(Scope scope) {
    for (String seedPath : scope.under(scope.seedPaths())) {
      for (Path f : io.files(List.of(seedPath), ".csv")) {
        Path rel = io.relative(f);
        String name = stem(f);
        String folder = folderUnder(root.resolve(seedPath), f);
        NodeConfig config = scope.configs().apply("seeds", pathFor(folder, name));
        Properties props = schema.byKind.get("seeds").get(name);
        if (props != null) {
          config = config.merge(props.config());
        }
        if (!config.enabled() || !claim(name, rel)) {
          continue;
        }
        if (io.isEmpty(f)) {
          problems.add(
              ProjectProblem.error(
                  rel,
                  1,
                  "this seed file is empty; a seed needs a header row with its column names"));
          continue;
        }
        Seed seed =
            new Seed(
                name,
                rel,
                folder,
                config,
                props == null ? "" : props.description(),
                props == null ? List.of() : props.columns());
        nodes.add(seed);
        if (props != null) {
          addTests(seed, props.tests());
        }
      }
    }
  }

  private void readSnapshots(Scope scope) {
    for (String snapPath : scope.under(scope.snapshotPaths())) {
      for (Path f : io.files(List.of(snapPath), ".sql")) {
        Path rel = io.relative(f);
        String text = io.text(f);
        boolean any = false;
        for (dev.sluice.core.sqltext.JinjaBlock m :
            dev.sluice.core.sqltext.JinjaBlock.all(text, "snapshot")) {
          any = true;
          String name = m.name();
          int line = lineAt(text, m.start());
          NodeConfig config =
              scope
                  .configs()
                  .apply("snapshots", pathFor(folderUnder(root.resolve(snapPath), f), name));
          Properties props = schema.byKind.get("snapshots").get(name);
          if (props != null) {
            config = config.merge(props.config());
          }
          if (!claim(name, rel)) {
            continue;
          }
          // keep the body on its original lines so that errors point at the right place
          String body =
              "\n".repeat(lineAt(text, m.bodyStart()) - 1)
                  + text.substring(m.bodyStart(), m.bodyEnd());
          Snapshot snap =
              new Snapshot(name, rel, line, body, config, props == null ? "" : props.description());
          nodes.add(snap);
          if (props != null) {
            addTests(snap, props.tests());
          }
        }
        if (!any) {
          problems.add(
              ProjectProblem.error(
                  rel,
                  1,
                  "no {% snapshot name %} ... {% endsnapshot %} block in this snapshot file"));
        }
      }
    }
  }

  private boolean isGenericTestFile(Path f) {
    Path rel = io.relative(f);
    return rel.getNameCount() > 2 && rel.getName(1).toString().equals("generic");
  }

  private void readSingularTests() {
    for (Path f : io.files(settings.testPaths(), ".sql")) {
      Path rel = io.relative(f);
      if (isGenericTestFile(f)) {
        continue;
      }
      NodeConfig config =
          ConfigTree.resolve(settings.configTrees().get("tests"), settings.name(), List.of());
      String name = stem(f);
      if (names.containsKey("test." + name)) {
        problems.add(
            ProjectProblem.error(
                rel,
                1,
                "test '" + name + "' is defined twice (also " + names.get("test." + name) + ")"));
        continue;
      }
      names.put("test." + name, rel);
      nodes.add(new SingularTest(name, rel, io.text(f), config, ""));
    }
  }

  private void addTests(Node target, List<Properties.TestDeclaration> tests) {
    if (tests == null) {
      return;
    }
    NodeConfig base =
        ConfigTree.resolve(settings.configTrees().get("tests"), settings.name(), List.of());
    for (Properties.TestDeclaration d : tests) {
      String pkg =
          d.testName().contains(".") ? d.testName().substring(0, d.testName().indexOf('.')) : null;
      if (pkg != null && !installedPackages().contains(pkg)) {
        problems.add(
            ProjectProblem.warning(
                d.file(),
                d.line(),
                "test '"
                    + d.testName()
                    + "' comes from package "
                    + pkg
                    + ", which is not installed under "
                    + InstalledPackages.FOLDER
                    + "/, so it is skipped; install the project's packages first"));
        continue;
      }
      String name =
          d.customName() != null ? d.customName() : TestNames.generic(target, d).replace('.', '_');
      String unique = name;
      for (int i = 2; names.containsKey("test." + unique); i++) {
        unique = name + "_" + i;
      }
      names.put("test." + unique, d.file());
      NodeConfig config = base.merge(d.config());
      if (!config.enabled()) {
        continue;
      }
      nodes.add(
          new GenericTest(
              unique,
              d.testName(),
              target.uniqueId(),
              d.column(),
              d.arguments(),
              d.file(),
              d.line(),
              config,
              ""));
    }
  }

  private Set<String> installed;
  private InstalledPackages packages;

  /** The installed packages, read once per load (and recorded: a package's project file counts). */
  private InstalledPackages packages() {
    if (packages == null) {
      packages = InstalledPackages.read(root);
      if (inputs != null) {
        inputs.packages(packages);
      }
    }
    return packages;
  }

  private Set<String> installedPackages() {
    if (installed == null) {
      installed = new TreeSet<>();
      packages().packages().forEach(p -> installed.add(p.name()));
    }
    return installed;
  }

  private void reportOrphanProperties() {
    schema.byKind.forEach(
        (kind, props) ->
            props
                .values()
                .forEach(
                    p -> {
                      String singular = kind.substring(0, kind.length() - 1);
                      if (nodes.stream()
                          .noneMatch(
                              n ->
                                  n.kind().label().equals(singular) && n.name().equals(p.name()))) {
                        problems.add(
                            ProjectProblem.warning(
                                p.file(),
                                p.line(),
                                singular
                                    + " '"
                                    + p.name()
                                    + "' is described here but has no file"));
                      }
                    }));
  }

  /** Models, seeds and snapshots share one namespace: {@code ref()} must mean one thing. */
  private boolean claim(String name, Path file) {
    Path other = names.putIfAbsent("ref." + name, file);
    if (other != null) {
      problems.add(
          ProjectProblem.error(
              file,
              1,
              "the name '"
                  + name
                  + "' is already used by "
                  + other
                  + "; ref('"
                  + name
                  + "') would be ambiguous, so rename one of them"));
      return false;
    }
    return true;
  }

  /**
   * Where nodes are read from: the project itself, or one installed package with its own folders
   * and its own project file's configs (the project's {@code models: <package>:} entries win).
   */
  private record Scope(
      String name,
      String base,
      List<String> modelPaths,
      List<String> seedPaths,
      List<String> snapshotPaths,
      java.util.function.BiFunction<String, List<String>, NodeConfig> configs) {

    List<String> under(List<String> dirs) {
      if (base.isEmpty()) {
        return dirs;
      }
      List<String> out = new ArrayList<>();
      dirs.forEach(d -> out.add(base + "/" + d));
      return out;
    }
  }

  private static List<String> pathFor(String folder, String name) {
    List<String> parts = ConfigTree.folders(folder);
    parts.add(name);
    return parts;
  }
}
