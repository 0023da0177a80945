package dev.sluice.core.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one load reads: found by {@link FolderWalk} with their attributes, their texts taken
 * from {@link SourceFiles} when unchanged, and each walk and text recorded in the load's {@link
 * LoadInputs} (both null for a loader that keeps nothing).
 */
final class ProjectFiles {
  private final Path root;
  private final List<ProjectProblem> problems;
  private final SourceFiles kept;
  private final LoadInputs inputs;
  private final Map<Path, BasicFileAttributes> attrs = new HashMap<>();

  ProjectFiles(Path root, List<ProjectProblem> problems, SourceFiles kept, LoadInputs inputs) {
    this.root = root;
    this.problems = problems;
    this.kept = kept;
    this.inputs = inputs;
  }

  /** The files under {@code dirs} with one of these endings (see {@link FolderWalk#files}). */
  List<Path> files(List<String> dirs, String... endings) {
    if (inputs == null) {
      return FolderWalk.files(root, dirs, endings, problems, attrs);
    }
    List<ProjectProblem> found = new ArrayList<>();
    List<Path> out = FolderWalk.files(root, dirs, endings, found, attrs);
    problems.addAll(found);
    inputs.walked(dirs, endings, out, found, attrs);
    return out;
  }

  boolean isEmpty(Path f) {
    if (attrs.containsKey(f)) {
      return attrs.get(f).size() == 0;
    }
    try {
      return Files.size(f) == 0;
    } catch (IOException e) {
      return false; // reading it later says what is wrong
    }
  }

  /** {@code f} relative to the root: by its text when it lies under it, cheaper than relativize. */
  Path relative(Path f) {
    String r = root.toString();
    String s = f.toString();
    String sep = f.getFileSystem().getSeparator();
    if (s.startsWith(r) && s.startsWith(sep, r.length()) && !s.contains(sep + ".")) {
      return f.getFileSystem().getPath(s.substring(r.length() + sep.length()));
    }
    return root.relativize(f);
  }

  /** The file's text, from what the last load read when it did not change since. */
  String raw(Path f) throws IOException {
    if (kept == null) {
      return Files.readString(f);
    }
    BasicFileAttributes a = attrs.get(f);
    String text = kept.kept(f, a);
    if (text == null) {
      long readAt = System.currentTimeMillis();
      try {
        text = kept.read(f, a, readAt, Files.readString(f));
      } catch (IOException e) {
        kept.forget(f);
        throw e;
      }
    }
    inputs.read(f, text);
    return text;
  }

  String text(Path f) {
    try {
      return raw(f);
    } catch (java.nio.charset.CharacterCodingException e) {
      problems.add(
          ProjectProblem.error(
              root.relativize(f),
              0,
              "this file is not UTF-8 text; save it as UTF-8 (Sluice reads every project file"
                  + " as UTF-8)"));
      try {
        // keep going with what can be read, so that one pass lists every problem
        return new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException again) {
        throw new UncheckedIOException(again);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
