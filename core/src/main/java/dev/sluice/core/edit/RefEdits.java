package dev.sluice.core.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds and removes upstream reads in a model's SQL when the SQL has a shape Sluice wrote or can
 * read mechanically: a placeholder, a single {@code select * from <read>}, or a chain of import
 * CTEs ({@code with a as (select * from <read>), ...}). Anything else is hand-written, and these
 * edits refuse rather than guess.
 *
 * <p>A read is the Jinja call that names the upstream: {@code {{ ref('orders') }}} or {@code {{
 * source('shop', 'orders') }}}.
 */
public final class RefEdits {
  public static final String PLACEHOLDER =
      "-- A new model: connect an upstream node on the graph, or write the SELECT here.\nselect 1 as id\n";
  private static final Pattern SINGLE =
      Pattern.compile("(?is)\\s*select\\s+\\*\\s+from\\s+(\\{\\{[^}]*}})\\s*;?\\s*");
  private static final Pattern IMPORT =
      Pattern.compile(
          "(?is)\\s*(\\w+)\\s+as\\s*\\(\\s*select\\s+\\*\\s+from\\s+(\\{\\{[^}]*}})\\s*\\)\\s*");

  private RefEdits() {}

  /** {@code {{ ref('name') }}}. */
  public static String ref(String model) {
    return "{{ ref('" + model + "') }}";
  }

  /** {@code {{ source('s', 't') }}}. */
  public static String source(String sourceName, String table) {
    return "{{ source('" + sourceName + "', '" + table + "') }}";
  }

  /**
   * The SQL with {@code read} added as an upstream, named {@code alias} in a CTE when there is more
   * than one.
   */
  public static String add(String sql, String read, String alias, String modelFile)
      throws EditRefusedException {
    if (sql.contains(read)) {
      throw new EditRefusedException(modelFile + " already reads " + read);
    }
    if (sql.strip().equals(PLACEHOLDER.strip()) || sql.isBlank()) {
      return "select * from " + read + "\n";
    }
    Matcher single = SINGLE.matcher(sql);
    if (single.matches()) {
      String first = single.group(1);
      String firstAlias = aliasOf(first);
      return "with "
          + firstAlias
          + " as (\n    select * from "
          + first
          + "\n),\n\n"
          + alias
          + " as (\n    select * from "
          + read
          + "\n)\n\nselect * from "
          + firstAlias
          + "\n";
    }
    Imports imports = Imports.parse(sql);
    if (imports != null) {
      StringBuilder out = new StringBuilder(sql.substring(0, imports.endOfLast()));
      out.append(",\n\n")
          .append(alias)
          .append(" as (\n    select * from ")
          .append(read)
          .append("\n)");
      out.append(sql.substring(imports.endOfLast()));
      return out.toString();
    }
    throw new EditRefusedException(
        modelFile
            + " is hand-written, so Sluice will not rewrite it: add "
            + read
            + " to its SQL in the editor");
  }

  /** The SQL without {@code read}; refuses when the read is used beyond its import. */
  public static String remove(String sql, String read, String modelFile)
      throws EditRefusedException {
    if (!sql.contains(read)) {
      throw new EditRefusedException(modelFile + " does not read " + read);
    }
    Matcher single = SINGLE.matcher(sql);
    if (single.matches() && single.group(1).equals(read)) {
      return PLACEHOLDER;
    }
    Imports imports = Imports.parse(sql);
    if (imports != null) {
      int i = imports.reads.indexOf(read);
      if (i >= 0) {
        String alias = imports.aliases.get(i);
        String rest = sql.substring(imports.endOfLast());
        if (Pattern.compile("\\b" + Pattern.quote(alias) + "\\b").matcher(rest).find()) {
          List<String> others = new ArrayList<>(imports.aliases);
          others.remove(alias);
          if (!rest.strip()
                  .matches("(?is)select\\s+\\*\\s+from\\s+" + Pattern.quote(alias) + "\\s*;?")
              || others.isEmpty()) {
            throw new EditRefusedException(
                modelFile + " uses " + alias + " in its query; remove it there in the editor");
          }
          rest = "\n\nselect * from " + others.get(0) + "\n";
        }
        List<String> keep = new ArrayList<>();
        for (int k = 0; k < imports.aliases.size(); k++) {
          if (k != i) {
            keep.add(
                imports.aliases.get(k)
                    + " as (\n    select * from "
                    + imports.reads.get(k)
                    + "\n)");
          }
        }
        if (keep.size() == 1 && rest.strip().matches("(?is)select\\s+\\*\\s+from\\s+\\w+\\s*;?")) {
          return "select * from " + imports.reads.get(i == 0 ? 1 : 0) + "\n";
        }
        return "with " + String.join(",\n\n", keep) + rest;
      }
    }
    throw new EditRefusedException(
        modelFile
            + " is hand-written, so Sluice will not rewrite it: remove "
            + read
            + " from its SQL in the editor");
  }

  /** A CTE name for a read: the model's name, or {@code source_table}. */
  public static String aliasOf(String read) {
    Matcher m = Pattern.compile("'([^']*)'(?:\\s*,\\s*'([^']*)')?").matcher(read);
    if (!m.find()) {
      return "upstream";
    }
    return m.group(2) == null ? m.group(1) : m.group(1) + "_" + m.group(2);
  }

  /** The import CTEs at the top of a query: their names, reads, and where the last one ends. */
  private record Imports(List<String> aliases, List<String> reads, int endOfLastImport) {
    int endOfLast() {
      return endOfLastImport;
    }

    static Imports parse(String sql) {
      java.util.Optional<dev.sluice.core.sqltext.LeadingWith> with =
          dev.sluice.core.sqltext.LeadingWith.of(sql);
      if (with.isEmpty()) {
        return null;
      }
      List<String> aliases = new ArrayList<>();
      List<String> reads = new ArrayList<>();
      int pos = with.get().bodyStart();
      int end = -1;
      while (true) {
        Matcher m = IMPORT.matcher(sql);
        m.region(pos, sql.length());
        if (!m.lookingAt()) {
          break;
        }
        aliases.add(m.group(1));
        reads.add(m.group(2));
        end = sql.lastIndexOf(')', m.end() - 1) + 1;
        pos = m.end();
        if (pos < sql.length() && sql.charAt(pos) == ',') {
          pos++;
        } else {
          break;
        }
      }
      return aliases.isEmpty() ? null : new Imports(aliases, reads, end);
    }
  }
}
