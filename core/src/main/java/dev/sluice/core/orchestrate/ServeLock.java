package dev.sluice.core.orchestrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One serve per project: an OS file lock on {@code target/serve.lock}, which the system releases
 * when the process dies however it dies, with the holder written inside so a second serve can say
 * who has it.
 */
public final class ServeLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private ServeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Thrown when another serve holds the project. */
  public static final class HeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeldException(String message) {
      super(message);
    }
  }

  public static ServeLock acquire(Path targetDir) {
    Path file = targetDir.resolve("serve.lock");
    try {
      Files.createDirectories(targetDir);
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        ch.close();
        throw new HeldException(
            "another sluice serve is running for this project ("
                + (holder.isEmpty() ? "holder unknown" : holder)
                + "); stop it first, or let it do the work");
      }
      ch.truncate(0);
      ch.write(
          ByteBuffer.wrap(
              ("pid "
                      + ProcessHandle.current().pid()
                      + " on "
                      + host()
                      + " since "
                      + Instant.now()
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8)),
          0);
      ch.force(true);
      return new ServeLock(ch, l);
    } catch (IOException e) {
      throw new HeldException("cannot lock " + file + ": " + e.getMessage());
    }
  }

  /** The host's name without a network lookup, which can stall for seconds without DNS. */
  private static String host() {
    String h = System.getenv("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h;
    }
    try {
      return Files.readString(Path.of("/etc/hostname")).strip();
    } catch (IOException | RuntimeException e) {
      return "this machine";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.truncate(0);
      channel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
