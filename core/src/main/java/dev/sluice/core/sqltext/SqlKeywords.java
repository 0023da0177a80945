package dev.sluice.core.sqltext;

import java.util.List;
import java.util.Set;

/**
 * SQL's words, in one place: the keywords the editor colours, the phrases it offers as completions
 * ({@code group by}, {@code is not null}; every word of a phrase is a keyword), the words that end
 * a FROM item, the common functions, and the template functions and tags every project has. The
 * highlighter, completion and diagnostics all read these lists and no others.
 */
public final class SqlKeywords {
  private SqlKeywords() {}

  /** Single words, lower case, that the highlighter shows as keywords. */
  public static final Set<String> WORDS =
      Set.of(
          "select",
          "from",
          "where",
          "group",
          "by",
          "order",
          "having",
          "limit",
          "offset",
          "join",
          "left",
          "right",
          "inner",
          "outer",
          "full",
          "cross",
          "on",
          "using",
          "as",
          "and",
          "or",
          "not",
          "in",
          "is",
          "null",
          "case",
          "when",
          "then",
          "else",
          "end",
          "with",
          "recursive",
          "union",
          "all",
          "distinct",
          "except",
          "intersect",
          "insert",
          "into",
          "values",
          "update",
          "set",
          "delete",
          "create",
          "table",
          "view",
          "replace",
          "drop",
          "alter",
          "if",
          "exists",
          "between",
          "like",
          "ilike",
          "asc",
          "desc",
          "nulls",
          "first",
          "last",
          "over",
          "partition",
          "window",
          "rows",
          "range",
          "unbounded",
          "preceding",
          "following",
          "current",
          "row",
          "true",
          "false",
          "cast",
          "try_cast",
          "interval",
          "qualify",
          "filter",
          "lateral",
          "natural",
          "semi",
          "anti",
          "asof",
          "pivot",
          "unpivot",
          "returning",
          "default",
          "primary",
          "key",
          "unique",
          "references",
          "struct",
          "map",
          "list",
          "array",
          "date",
          "timestamp",
          "time",
          "integer",
          "int",
          "bigint",
          "varchar",
          "text",
          "boolean",
          "double",
          "decimal",
          "numeric",
          "real",
          "float",
          "smallint",
          "tinyint",
          "hugeint",
          "blob",
          "uuid",
          "json",
          "describe",
          "summarize",
          "explain",
          "copy",
          "to",
          "attach",
          "detach",
          "pragma",
          "install",
          "load",
          "macro",
          "function",
          "temp",
          "temporary",
          "schema",
          "exclude",
          "columns",
          "glob",
          "similar",
          "escape",
          "collate",
          "current_date",
          "current_timestamp");

  /** Keywords and keyword phrases offered while typing, most common first. */
  public static final List<String> PHRASES =
      List.of(
          "select",
          "from",
          "where",
          "group by",
          "order by",
          "having",
          "limit",
          "offset",
          "qualify",
          "with",
          "as",
          "join",
          "left join",
          "right join",
          "inner join",
          "full outer join",
          "cross join",
          "on",
          "using",
          "union",
          "union all",
          "except",
          "intersect",
          "distinct",
          "all",
          "and",
          "or",
          "not",
          "in",
          "is",
          "null",
          "is null",
          "is not null",
          "between",
          "like",
          "ilike",
          "case",
          "when",
          "then",
          "else",
          "end",
          "cast",
          "true",
          "false",
          "asc",
          "desc",
          "nulls first",
          "nulls last",
          "over",
          "partition by",
          "rows",
          "range",
          "window",
          "filter",
          "exists",
          "interval",
          "recursive",
          "lateral",
          "pivot",
          "unpivot",
          "exclude",
          "replace",
          "values",
          "current_date",
          "current_timestamp");

  /** Words after which a relation name, not a column, comes next. */
  public static final Set<String> RELATION_CUES = Set.of("from", "join");

  /** Words that end a FROM item, so they are never taken for an alias. */
  public static final Set<String> FROM_ENDERS =
      Set.of(
          ("where join left right inner outer full cross natural on using group order having limit"
                  + " offset qualify union except intersect window as select from positional asof anti"
                  + " semi lateral pivot unpivot tablesample and or")
              .split(" "));

  /** Common functions, offered until the warehouse's own list is read. */
  public static final List<String> FUNCTIONS =
      List.of(
          "abs",
          "avg",
          "coalesce",
          "concat",
          "count",
          "date_trunc",
          "date_part",
          "datediff",
          "extract",
          "first",
          "greatest",
          "least",
          "length",
          "lower",
          "max",
          "min",
          "nullif",
          "round",
          "row_number",
          "rank",
          "dense_rank",
          "lag",
          "lead",
          "string_agg",
          "list",
          "strftime",
          "strptime",
          "substring",
          "sum",
          "trim",
          "upper",
          "regexp_matches",
          "regexp_replace",
          "split_part",
          "struct_pack",
          "try_cast",
          "any_value",
          "arg_max",
          "arg_min",
          "median",
          "quantile_cont",
          "now",
          "today",
          "epoch",
          "make_date",
          "hash",
          "md5",
          "unnest",
          "read_csv_auto",
          "read_parquet",
          "read_json_auto",
          "generate_series",
          "range",
          "ifnull",
          "if");

  /**
   * The functions templates can call in every project: the name, what to insert (up to the open
   * parenthesis, like SQL functions, so that typing the quote next offers the names) and what it
   * is.
   */
  public static final List<String[]> TEMPLATE_FUNCTIONS =
      List.of(
          new String[] {"ref", "ref(", "a model, seed or snapshot"},
          new String[] {"source", "source(", "a declared source table"},
          new String[] {"config", "config(", "this node's settings"},
          new String[] {"var", "var(", "a project variable"},
          new String[] {"env_var", "env_var(", "an environment variable"},
          new String[] {
            "is_incremental", "is_incremental()", "true when adding to an existing table"
          },
          new String[] {"this", "this", "the relation this node builds"});

  /** Statements that may follow <code>{%</code>. */
  public static final List<String> TEMPLATE_TAGS =
      List.of(
          "if",
          "elif",
          "else",
          "endif",
          "for",
          "endfor",
          "set",
          "macro",
          "endmacro",
          "call",
          "endcall");

  /** Whether {@code word} (any case) is a SQL keyword. */
  public static boolean isKeyword(String word) {
    return isKeyword(word, 0, word.length());
  }

  /**
   * Whether the characters of {@code text} from {@code start} to {@code end} (any case) are a SQL
   * keyword; reads them in place, so the highlighter asks this for every word without copying it.
   */
  public static boolean isKeyword(CharSequence text, int start, int end) {
    int length = end - start;
    if (length <= 0 || length > LONGEST) {
      return false;
    }
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + lower(text.charAt(i));
    }
    for (int slot = h & MASK; TABLE[slot] != null; slot = (slot + 1) & MASK) {
      if (sameWord(TABLE[slot], text, start, length)) {
        return true;
      }
    }
    return false;
  }

  private static final int LONGEST = WORDS.stream().mapToInt(String::length).max().orElse(0);
  private static final int MASK = Integer.highestOneBit(WORDS.size() * 4) * 2 - 1;

  /** {@link #WORDS} in an open-addressed table, hashed as {@link #isKeyword} hashes text. */
  private static final String[] TABLE = new String[MASK + 1];

  static {
    for (String w : WORDS) {
      int h = 0;
      for (int i = 0; i < w.length(); i++) {
        h = 31 * h + w.charAt(i);
      }
      int slot = h & MASK;
      while (TABLE[slot] != null) {
        slot = (slot + 1) & MASK;
      }
      TABLE[slot] = w;
    }
  }

  private static boolean sameWord(String keyword, CharSequence text, int start, int length) {
    if (keyword.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (keyword.charAt(i) != lower(text.charAt(start + i))) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(c);
  }
}
