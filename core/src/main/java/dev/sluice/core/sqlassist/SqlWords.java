package dev.sluice.core.sqlassist;

import java.util.List;
import java.util.Set;

/**
 * The fixed vocabularies: SQL keywords, common functions (used until the warehouse's own list is
 * read), and the template functions every project has.
 */
final class SqlWords {
  private SqlWords() {}

  static final List<String> KEYWORDS = SqlKeywords.PHRASES;

  /** Words after which a relation name, not a column, comes next. */
  static final Set<String> RELATION_CUES = Set.of("from", "join");

  /** Words that end a FROM item, so they are never taken for an alias. */
  static final Set<String> NOT_ALIASES =
      Set.of(
          "where",
          "join",
          "left",
          "right",
          "inner",
          "outer",
          "full",
          "cross",
          "natural",
          "on",
          "using",
          "group",
          "order",
          "having",
          "limit",
          "offset",
          "qualify",
          "union",
          "except",
          "intersect",
          "window",
          "as",
          "select",
          "from",
          "positional",
          "asof",
          "anti",
          "semi",
          "lateral",
          "pivot",
          "unpivot",
          "tablesample",
          "and",
          "or");

  static final List<String> COMMON_FUNCTIONS =
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
   * The functions templates can call in every project, with what to insert: up to the open
   * parenthesis, like SQL functions, so that typing the quote next offers the names.
   */
  static final List<String[]> TEMPLATE_FUNCTIONS =
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

  /** Statements that may follow {@code {%}. */
  static final List<String> TEMPLATE_TAGS =
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
}
