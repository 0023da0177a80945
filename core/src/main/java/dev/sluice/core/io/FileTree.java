package dev.sluice.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Many files under one folder written as one change. A temporary file and a rename per file made a
 * compile of 10,000 models spend most of its time in the file system; these write plain files into
 * a folder no reader looks at and swap the whole folder in, or skip the files that did not change.
 * Either way a reader, or a process killed half way, never sees a half-written file.
 */
public final class FileTree {
  private static final String NEW = ".new-";
  private static final String OLD = ".old-";

  private FileTree() {}

  /**
   * Makes {@code dir} hold exactly {@code files} (paths relative to it, with {@code /}): they are
   * written into a fresh sibling folder, which is then renamed into place; the old folder is
   * renamed aside and deleted. A process killed before the swap leaves the old folder whole, one
   * killed after it the new one; the hidden leftovers are removed by the next call.
   */
  public static void replace(Path dir, Map<String, String> files) throws IOException {
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    String name = dir.getFileName().toString();
    removeLeftovers(parent, name);
    String id = UUID.randomUUID().toString().substring(0, 8);
    Path fresh = parent.resolve("." + name + NEW + id);
    Path aside = parent.resolve("." + name + OLD + id);
    try {
      Files.createDirectory(fresh);
      Set<Path> made = new HashSet<>();
      made.add(fresh);
      List<Path> paths = new java.util.ArrayList<>(files.size());
      List<String> texts = new java.util.ArrayList<>(files.size());
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = inside(fresh, f.getKey());
        Path folder = file.getParent();
        if (made.add(folder)) {
          Files.createDirectories(folder);
        }
        paths.add(file);
        texts.add(f.getValue());
      }
      writeAll(paths, texts);
      boolean had = Files.exists(dir);
      if (had) {
        Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
      if (had) {
        deleteTree(aside);
      }
    } finally {
      deleteTree(fresh);
    }
  }

  /** Past this many files a second thread writes half of them. */
  static final int TWO_THREADS_FROM = 256;

  /**
   * Writes the files, from two threads when there are many, each taking whole folders: making a
   * file is mostly time in the kernel, where two writers in one folder wait on its lock (spinning,
   * on ext4), while two in different folders made 10,000 small files in about half the time of one
   * on a 2-core machine ({@code bin/bench scale compile}).
   */
  private static void writeAll(List<Path> paths, List<String> texts) throws IOException {
    int n = paths.size();
    if (n < TWO_THREADS_FROM) {
      for (int i = 0; i < n; i++) {
        Files.write(paths.get(i), texts.get(i).getBytes(StandardCharsets.UTF_8));
      }
      return;
    }
    // the files in folder order, cut in two halves: only the folder at the cut is shared
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparing(i -> paths.get(i).getParent().toString()));
    int half = n / 2;
    IOException[] failed = new IOException[2];
    Thread other =
        new Thread(
            () -> {
              try {
                for (int k = half; k < n; k++) {
                  int i = order[k];
                  Files.write(paths.get(i), texts.get(i).getBytes(StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                failed[1] = e;
              }
            },
            "sluice-file-writer");
    other.start();
    try {
      for (int k = 0; k < half; k++) {
        int i = order[k];
        Files.write(paths.get(i), texts.get(i).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      failed[0] = e;
    }
    try {
      other.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing files");
    }
    if (failed[0] != null || failed[1] != null) {
      throw failed[0] != null ? failed[0] : failed[1];
    }
  }

  /**
   * Makes {@code dir} hold exactly {@code files}, touching only what differs: a missing folder is
   * made as {@link #replace} makes it; in an existing one each file whose text changed is replaced
   * atomically, the rest are left alone, and files no longer wanted are deleted. A reader sees each
   * file whole, old or new. On a disk where making a file costs far more than reading one, a full
   * compile after a one-model edit then writes one file, not all of them.
   *
   * @return how many files were written or deleted
   */
  public static int sync(Path dir, Map<String, String> files) throws IOException {
    if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      replace(dir, files);
      return files.size();
    }
    removeLeftovers(dir.toAbsolutePath().getParent(), dir.getFileName().toString());
    Map<Path, Long> present = new java.util.HashMap<>();
    Files.walkFileTree(
        dir,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path p, java.nio.file.attribute.BasicFileAttributes a) {
            present.put(p, a.isRegularFile() ? a.size() : -1);
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    int changed = 0;
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = inside(dir, f.getKey());
      byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
      Long size = present.remove(file);
      if (size != null
          && size == bytes.length
          && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
        continue;
      }
      refuseLinksOut(dir, file);
      AtomicFiles.write(file, f.getValue());
      changed++;
    }
    Set<Path> emptied = new HashSet<>();
    for (Path gone : present.keySet()) {
      Files.deleteIfExists(gone);
      emptied.add(gone.getParent());
      changed++;
    }
    // folders left empty go too, deepest first
    List<Path> folders = new java.util.ArrayList<>(emptied);
    folders.sort(Comparator.comparing(Path::getNameCount).reversed());
    for (Path f = null; !folders.isEmpty(); ) {
      f = folders.remove(0);
      if (f.startsWith(dir) && !f.equals(dir) && isEmptyFolder(f)) {
        Files.delete(f);
        Path up = f.getParent();
        if (!folders.contains(up)) {
          folders.add(up);
          folders.sort(Comparator.comparing(Path::getNameCount).reversed());
        }
      }
    }
    return changed;
  }

  /**
   * Writes {@code files} under {@code dir} (paths relative to it), leaving every file whose text is
   * already the same untouched and replacing each changed one atomically. Other files stay.
   *
   * @return how many files were written
   */
  public static int update(Path dir, Map<String, String> files) throws IOException {
    int written = 0;
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = inside(dir, f.getKey());
      byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
      if (same(file, bytes)) {
        continue;
      }
      refuseLinksOut(dir, file);
      AtomicFiles.write(file, f.getValue());
      written++;
    }
    return written;
  }

  private static boolean isEmptyFolder(Path f) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(f)) {
      return !s.iterator().hasNext();
    }
  }

  private static boolean same(Path file, byte[] bytes) throws IOException {
    try {
      return Files.size(file) == bytes.length
          && java.util.Arrays.equals(Files.readAllBytes(file), bytes);
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
  }

  /** Refuses a file whose folder, after symlinks, lies outside {@code root}. */
  private static void refuseLinksOut(Path root, Path file) throws IOException {
    Path folder = file.getParent();
    while (folder != null && !Files.exists(folder)) {
      folder = folder.getParent();
    }
    if (folder == null || !Files.exists(root)) {
      return;
    }
    if (!folder.toRealPath().startsWith(root.toRealPath())) {
      throw new IOException("refusing to write " + file + ": it leads outside " + root);
    }
  }

  /** Refuses a relative path that would leave {@code root}. */
  private static Path inside(Path root, String relative) {
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root.normalize()) || p.equals(root.normalize())) {
      throw new IllegalArgumentException("not a file under " + root + ": " + relative);
    }
    return p;
  }

  private static void removeLeftovers(Path parent, String name) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + ".*-*")) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        if (n.startsWith("." + name + NEW) || n.startsWith("." + name + OLD)) {
          deleteTree(p);
        }
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.deleteIfExists(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
