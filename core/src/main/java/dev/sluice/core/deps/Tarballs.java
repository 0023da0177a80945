package dev.sluice.core.deps;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Unpacks a package's .tar.gz (as the Hub's tarballs are: one top folder holding the project). */
final class Tarballs {
  private Tarballs() {}

  /**
   * Unpacks the archive into the folder and returns the package's root: the single top folder when
   * the archive has one, else the folder itself. Entries that would land outside are refused.
   */
  static Path extract(String label, Path archive, Path into) {
    try (InputStream in =
            new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      Path root = into.toAbsolutePath().normalize();
      Files.createDirectories(root);
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path target = root.resolve(e.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new DepsException(
              label + ": the archive has an entry outside its folder: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isFile()) {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // links and devices are left out: a package is plain files
      }
      try (var list = Files.list(root)) {
        var entries = list.toList();
        return entries.size() == 1 && Files.isDirectory(entries.get(0)) ? entries.get(0) : root;
      }
    } catch (IOException e) {
      throw new DepsException(label + ": not a readable .tar.gz: " + e.getMessage(), e);
    }
  }
}
