package dev.sluice.core.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Every file Sluice writes stays under its root, after symlinks are resolved; names taken from a
 * project (a test's column, a custom test name) are made into plain file names first.
 */
public final class SafePaths {
  private SafePaths() {}

  /**
   * One path segment made from a project's name: letters, digits, {@code _ - .} only, never {@code
   * .} or {@code ..}, never empty.
   */
  public static String fileName(String name) {
    String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9_.\\-]", "_");
    if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) {
      return "_" + s.replace('.', '_');
    }
    return s.startsWith(".") ? "_" + s.substring(1) : s;
  }

  /**
   * Returns {@code file} when it lies under {@code root} once every symlink on the way is followed
   * (as far as the path exists); otherwise refuses with an {@link IOException} naming both.
   */
  public static Path under(Path root, Path file) throws IOException {
    Path realRoot = real(root.toAbsolutePath().normalize());
    Path absolute = file.toAbsolutePath().normalize();
    Path realFile = real(absolute);
    if (!realFile.startsWith(realRoot)) {
      throw new IOException(
          "refusing to write "
              + file
              + ": it leads to "
              + realFile
              + ", outside "
              + root
              + " (a name with '..' or a symbolic link points out of the folder)");
    }
    return absolute;
  }

  /** The real path of the longest existing prefix, with the rest appended as written. */
  static Path real(Path absolute) throws IOException {
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    Path rest = existing.relativize(absolute);
    Path resolved;
    try {
      resolved = existing.toRealPath();
    } catch (IOException e) {
      // a dangling or looping link: where it leads cannot be known, so it is not inside
      throw new IOException(
          "refusing to write " + absolute + ": " + existing + " is a broken or looping link", e);
    }
    return rest.toString().isEmpty() ? resolved : resolved.resolve(rest).normalize();
  }
}
