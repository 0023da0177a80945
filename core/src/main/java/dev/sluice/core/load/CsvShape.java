package dev.sluice.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every record of a CSV file has as many fields as its header. DuckDB's sniffer would
 * otherwise re-guess the header around a ragged row and load the wrong columns without a word.
 * Bytes are scanned, not characters: the delimiter, quote and newline are ASCII, and UTF-8 never
 * uses those bytes inside a multi-byte character.
 */
public final class CsvShape {
  /** DuckDB sniffs this many rows; past them its strict mode reports a ragged row itself. */
  public static final long SNIFFED_ROWS = 20_480;

  private static final Pattern DUCKDB_ERROR =
      Pattern.compile(
          "CSV Error on Line: (\\d+).*?Expected Number of Columns: (\\d+) Found: (\\d+).*?file = ([^\\n]+)",
          Pattern.DOTALL);

  private CsvShape() {}

  /** Null when the file is rectangular, else what is wrong and on which line. */
  public static String check(Path csv, Path shownAs, char delimiter) throws IOException {
    return check(csv, shownAs, delimiter, Long.MAX_VALUE);
  }

  /** As {@link #check(Path, Path, char)}, looking at the first {@code maxRecords} records only. */
  public static String check(Path csv, Path shownAs, char delimiter, long maxRecords)
      throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(csv)) {
      int expected = -1;
      long line = 1;
      long recordLine = 1;
      long records = 0;
      int fields = 1;
      boolean quoted = false;
      boolean any = false;
      boolean pendingQuote = false; // a quote inside a quoted field: closes it, or escapes the next
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          byte c = buf[i];
          if (pendingQuote) {
            pendingQuote = false;
            if (c == '"') {
              continue; // an escaped quote; still inside the field
            }
            quoted = false;
          }
          any = true;
          if (quoted) {
            if (c == '"') {
              pendingQuote = true;
            } else if (c == '\n') {
              line++;
            }
          } else if (c == '"') {
            quoted = true;
          } else if (c == delimiter) {
            fields++;
          } else if (c == '\n') {
            String problem = endRecord(expected, fields, recordLine, shownAs, true);
            if (problem != null) {
              return problem;
            }
            if (expected < 0) {
              expected = fields;
            }
            if (++records > maxRecords) {
              return null;
            }
            line++;
            recordLine = line;
            fields = 1;
            any = false;
          }
        }
      }
      if (quoted && !pendingQuote) {
        return shownAs + ":" + recordLine + ": a quoted field is never closed";
      }
      return any ? endRecord(expected, fields, recordLine, shownAs, true) : null;
    }
  }

  /**
   * DuckDB's own report of a ragged row (past the sniffed rows) in the same words, or null when
   * {@code message} is about something else. {@code base} shortens the file name.
   */
  public static String fromDuckDb(String message, Path base) {
    Matcher m = DUCKDB_ERROR.matcher(message == null ? "" : message);
    if (!m.find()) {
      return null;
    }
    Path file = Path.of(m.group(4).strip());
    Path shown =
        base != null && file.toAbsolutePath().startsWith(base.toAbsolutePath())
            ? base.toAbsolutePath().relativize(file.toAbsolutePath())
            : file;
    return shown
        + ":"
        + m.group(1)
        + ": expected "
        + m.group(2)
        + " fields as in the header, found "
        + m.group(3);
  }

  private static final Pattern DUCKDB_JSON_ERROR =
      Pattern.compile("Malformed JSON in file \"([^\"]+)\", at byte (\\d+) in ([^:]+): ([^.\\n]+)");

  /**
   * DuckDB's JSON reader's error for a file that is not valid JSON, as {@code file:line: not valid
   * JSON (what)}, or null when the message is another one. DuckDB counts its lines and records in
   * its own way, so the file is read again by a JSON parser to find the line at fault.
   */
  public static String jsonFromDuckDb(String message, Path base) {
    Matcher m = DUCKDB_JSON_ERROR.matcher(message == null ? "" : message);
    if (!m.find()) {
      return null;
    }
    Path file = Path.of(m.group(1).strip());
    Path shown =
        base != null && file.toAbsolutePath().startsWith(base.toAbsolutePath())
            ? base.toAbsolutePath().relativize(file.toAbsolutePath())
            : file;
    try (com.fasterxml.jackson.core.JsonParser p =
        new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
      while (p.nextToken() != null) {
        // every value in the file, one after another as in newline-delimited JSON
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String why = e.getOriginalMessage();
      Matcher opened = Pattern.compile("start marker at \\[.*?line: (\\d+)").matcher(why);
      if (opened.find()) {
        why = "a value opened at line " + opened.group(1) + " is never closed";
      }
      int cut = why.indexOf(" at [");
      why = (cut < 0 ? why : why.substring(0, cut)).split("\n")[0].strip();
      return shown
          + ":"
          + e.getLocation().getLineNr()
          + ": not valid JSON at column "
          + e.getLocation().getColumnNr()
          + " ("
          + why
          + ")";
    } catch (java.io.IOException e) {
      // unreadable now: DuckDB's own account follows
    }
    return shown + ": not valid JSON (" + m.group(4).strip() + ", " + m.group(3) + ")";
  }

  private static String endRecord(
      int expected, int fields, long line, Path shownAs, boolean nonEmpty) {
    if (expected >= 0 && nonEmpty && fields != expected) {
      return shownAs
          + ":"
          + line
          + ": expected "
          + expected
          + " fields as in the header, found "
          + fields;
    }
    return null;
  }
}
