package dev.sluice.core.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;

/**
 * A small note beside a DuckDB file saying which Sluice command holds it, so that a second one can
 * say whom it waits for ("sluice build (pid 7546) started 08:12"). DuckDB's own lock is what keeps
 * writers apart; this note only names the holder. A note left by a killed process is ignored once
 * its process is gone.
 */
final class Holder {
  /** The command to name, e.g. {@code sluice build}; set by the CLI and the app. */
  static final String COMMAND_PROPERTY = "sluice.command";

  private Holder() {}

  static Path noteFor(String dbPath) {
    Path db = Path.of(dbPath).toAbsolutePath();
    return db.resolveSibling(db.getFileName() + ".holder");
  }

  static void write(String dbPath) {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    p.setProperty("command", System.getProperty(COMMAND_PROPERTY, "sluice"));
    p.setProperty("started", Instant.now().toString());
    Path note = noteFor(dbPath);
    try (var out = Files.newBufferedWriter(note)) {
      p.store(out, null);
    } catch (IOException e) {
      // the note is a courtesy; the lock itself is DuckDB's
    }
  }

  static void remove(String dbPath) {
    try {
      Path note = noteFor(dbPath);
      Properties p = read(note);
      if (p != null && Long.toString(ProcessHandle.current().pid()).equals(p.getProperty("pid"))) {
        Files.deleteIfExists(note);
      }
    } catch (IOException e) {
      // a note left behind names a process that is gone, and is ignored
    }
  }

  /** Who holds the file, e.g. {@code `sluice build` (pid 7546) started 08:12}, when known. */
  static Optional<String> describe(String dbPath, String lockMessage) {
    Properties p = read(noteFor(dbPath));
    String pidInMessage = pidIn(lockMessage);
    if (p != null) {
      String pid = p.getProperty("pid", "");
      boolean alive =
          ProcessHandle.of(Long.parseLong(pid.isEmpty() ? "-1" : pid))
              .map(ProcessHandle::isAlive)
              .orElse(false);
      if (alive && (pidInMessage == null || pidInMessage.equals(pid))) {
        return Optional.of(
            "`" + p.getProperty("command", "sluice") + "` (pid " + pid + ") started " + at(p));
      }
    }
    return pidInMessage == null
        ? Optional.empty()
        : Optional.of("another program (pid " + pidInMessage + ")");
  }

  private static String at(Properties p) {
    try {
      LocalDateTime t =
          LocalDateTime.ofInstant(Instant.parse(p.getProperty("started")), ZoneId.systemDefault());
      return t.format(DateTimeFormatter.ofPattern("HH:mm"));
    } catch (RuntimeException e) {
      return "at an unknown time";
    }
  }

  private static String pidIn(String message) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\(PID (\\d+)\\)").matcher(message == null ? "" : message);
    return m.find() ? m.group(1) : null;
  }

  private static Properties read(Path note) {
    if (!Files.isRegularFile(note)) {
      return null;
    }
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(note)) {
      p.load(in);
      return p;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
