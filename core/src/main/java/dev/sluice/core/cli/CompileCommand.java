package dev.sluice.core.cli;

import dev.sluice.core.compile.CompileCache;
import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.io.FileTree;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.plan.Selector;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.run.RunArtifacts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Renders the selected nodes' SQL into target/compiled without running anything. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description =
        "Write the compiled SQL of the selected nodes under target/compiled; print it for one node.")
final class CompileCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin SelectionOptions selection;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Pipeline pipeline =
        Pipeline.openForCompiling(project.project, project.pipelineOptions(), err::println)) {
      Manifest m = pipeline.manifest();
      pipeline.warnings().forEach(err::println);
      Compiler compiler = pipeline.compiler(false, "compile");
      CompileCache cache = compiler.cacheIn(pipeline.targetDir());
      Set<String> ids = Selector.select(m, selection.select(), selection.exclude());
      Path dir =
          dev.sluice.core.safety.SafePaths.under(
              pipeline.targetDir(),
              pipeline.targetDir().resolve("compiled").resolve(m.project().name()));
      int failed = 0;
      int written = 0;
      java.util.Map<String, String> compiledSql = new java.util.LinkedHashMap<>();
      java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
      CompiledNode last = null;
      for (String id : m.dag().topologicalOrder()) {
        if (!ids.contains(id)) {
          continue;
        }
        Node n = m.node(id).orElseThrow();
        CompiledNode c = compiler.compile(n);
        if (!c.ok()) {
          c.problems().stream().filter(ProjectProblem::isError).forEach(err::println);
          failed++;
          continue;
        }
        if (c.sql() == null) {
          continue;
        }
        files.put(RunArtifacts.compiledName(n), c.sql() + "\n");
        compiledSql.put(id, c.sql());
        written++;
        last = c;
      }
      boolean everything = selection.select() == null && selection.exclude() == null;
      if (everything) {
        cache.retain(
            m.project().nodes().stream()
                .map(Node::uniqueId)
                .collect(java.util.stream.Collectors.toSet()));
      }
      // the compiled files (mostly the file system's time) and manifest.json (mostly encoding)
      // are written at once, on two threads
      dev.sluice.core.io.Aside<Integer> writer =
          dev.sluice.core.io.Aside.start(
              "sluice-compiled-files",
              // everything compiled: only changed files written, files of deleted models go
              () -> everything ? FileTree.sync(dir, files) : FileTree.update(dir, files));
      try {
        RunArtifacts.writeManifest(
            m, pipeline.target(), compiledSql, "compile", pipeline.targetDir());
      } catch (java.io.IOException | RuntimeException e) {
        try {
          writer.join(); // nothing left writing; the manifest's failure is the one told
        } catch (java.io.IOException | RuntimeException alsoFailed) {
          e.addSuppressed(alsoFailed);
        }
        throw e;
      }
      writer.join();
      cache.save();
      if (written == 1 && last != null) {
        out.println(last.sql());
      } else {
        out.println(
            "Compiled "
                + written
                + " node"
                + (written == 1 ? "" : "s")
                + " into "
                + pipeline.manifest().project().root().relativize(dir));
      }
      return failed > 0 ? Main.FAILED : Main.OK;
    }
  }
}
