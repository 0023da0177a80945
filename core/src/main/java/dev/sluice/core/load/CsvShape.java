package dev.sluice.core.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that every record of a CSV file has as many fields as its header. DuckDB's sniffer would
 * otherwise re-guess the header around a ragged row and load the wrong columns without a word.
 */
public final class CsvShape {
  private CsvShape() {}

  /** Null when the file is rectangular, else what is wrong and on which line. */
  public static String check(Path csv, Path shownAs, char delimiter) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      int expected = -1;
      int line = 0;
      int recordLine = 1;
      int fields = 1;
      boolean quoted = false;
      boolean any = false;
      int c;
      line = 1;
      while ((c = in.read()) != -1) {
        any = true;
        if (quoted) {
          if (c == '"') {
            in.mark(1);
            int next = in.read();
            if (next != '"') {
              quoted = false;
              if (next != -1) {
                in.reset();
              }
            }
          } else if (c == '\n') {
            line++;
          }
          continue;
        }
        if (c == '"') {
          quoted = true;
        } else if (c == delimiter) {
          fields++;
        } else if (c == '\n') {
          String problem = endRecord(expected, fields, recordLine, shownAs, any);
          if (problem != null) {
            return problem;
          }
          if (expected < 0) {
            expected = fields;
          }
          line++;
          recordLine = line;
          fields = 1;
          any = false;
        }
      }
      if (quoted) {
        return shownAs + ":" + recordLine + ": a quoted field is never closed";
      }
      return any ? endRecord(expected, fields, recordLine, shownAs, true) : null;
    }
  }

  private static String endRecord(int expected, int fields, int line, Path shownAs, boolean nonEmpty) {
    if (expected >= 0 && nonEmpty && fields != expected) {
      return shownAs + ":" + line + ": expected " + expected + " fields as in the header, found " + fields;
    }
    return null;
  }
}

