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

  /** A file's text read ahead, with the time its read began. */
  private record Read(long at, String text) {}

  /** Reads of files about to be asked for, each run by whichever thread comes to it first. */
  private final Map<Path, java.util.concurrent.FutureTask<Read>> ahead =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Past this many files a second thread reads ahead. */
  static final int READ_AHEAD_FROM = 256;

  /**
   * Reads {@code files} on a second thread, from the last back, while the loader takes them from
   * the first on: on two cores a first load of 10,000 models read them in about half the time. Only
   * for a load that has no texts kept from an earlier one (which would read few files).
   */
  void readAhead(List<Path> files) {
    if (files.size() < READ_AHEAD_FROM || (kept != null && !kept.isEmpty())) {
      return;
    }
    List<java.util.concurrent.FutureTask<Read>> tasks = new ArrayList<>(files.size());
    for (Path f : files) {
      java.util.concurrent.FutureTask<Read> t =
          new java.util.concurrent.FutureTask<>(
              () -> {
                long at = System.currentTimeMillis();
                return new Read(at, Files.readString(f));
              });
      tasks.add(t);
      ahead.put(f, t);
    }
    Thread reader =
        new Thread(
            () -> {
              for (int i = tasks.size() - 1; i >= 0; i--) {
                tasks.get(i).run(); // nothing when the loader has begun it already
              }
            },
            "sluice-read-ahead");
    reader.setDaemon(true);
    reader.start();
  }

  /** The file's text, read now or by the reader ahead, with the time its read began. */
  private Read read(Path f) throws IOException {
    java.util.concurrent.FutureTask<Read> t = ahead.remove(f);
    if (t == null) {
      long at = System.currentTimeMillis();
      return new Read(at, Files.readString(f));
    }
    t.run();
    try {
      return t.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading " + f);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  /** The file's text, from what the last load read when it did not change since. */
  String raw(Path f) throws IOException {
    if (kept == null) {
      return read(f).text();
    }
    BasicFileAttributes a = attrs.get(f);
    String text = kept.kept(f, a);
    if (text == null) {
      try {
        Read r = read(f);
        text = kept.read(f, a, r.at(), r.text());
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
