package dev.sluice.core.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The files a load reads from a list of folders: one walk each, keeping each file's attributes. */
final class FolderWalk {
  private FolderWalk() {}

  /** Told of each file a walk finds, with its attributes. */
  interface Visit {
    void file(Path p, BasicFileAttributes a);
  }

  /**
   * The regular files under {@code dirs} (relative to {@code root}) whose names end with one of
   * {@code endings}, hidden ones left out, sorted by path within each folder; their attributes go
   * into {@code attrs} and a broken symbolic link becomes a warning in {@code problems}.
   *
   * @throws UncheckedIOException when a folder cannot be walked
   */
  static List<Path> files(
      Path root,
      List<String> dirs,
      String[] endings,
      List<ProjectProblem> problems,
      Map<Path, BasicFileAttributes> attrs) {
    List<Path> out = new ArrayList<>();
    for (String d : dirs) {
      List<Path> found = new ArrayList<>();
      walk(
          root,
          d,
          endings,
          problems,
          (p, a) -> {
            found.add(p);
            attrs.put(p, a);
          });
      found.sort(Comparator.comparing(Path::toString));
      out.addAll(found);
    }
    return out;
  }

  /** The same files as {@link #files}, each told to {@code visit} in the order met. */
  static void visit(
      Path root, List<String> dirs, String[] endings, List<ProjectProblem> problems, Visit visit) {
    for (String d : dirs) {
      walk(root, d, endings, problems, visit);
    }
  }

  private static void walk(
      Path root, String d, String[] endings, List<ProjectProblem> problems, Visit visit) {
    Path dir = root.resolve(d);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes a) throws IOException {
              String whole = p.toString();
              String n = whole.substring(whole.lastIndexOf(p.getFileSystem().getSeparator()) + 1);
              boolean named = false;
              for (String e : endings) {
                named |= n.endsWith(e);
              }
              if (a.isSymbolicLink()) {
                if (!Files.exists(p)) {
                  if (named) {
                    problems.add(
                        ProjectProblem.warning(
                            root.relativize(p),
                            0,
                            "a broken or looping symbolic link; it is skipped"));
                  }
                  return FileVisitResult.CONTINUE;
                }
                a = Files.readAttributes(p, BasicFileAttributes.class);
              }
              if (a.isRegularFile() && named && !n.startsWith(".")) {
                visit.file(p, a);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
