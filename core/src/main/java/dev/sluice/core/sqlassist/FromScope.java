package dev.sluice.core.sqlassist;

import dev.sluice.core.sqltext.SqlKeywords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relations a query reads and the names it gives them, found in its FROM and JOIN clauses, and
 * the CTEs it defines with the columns their select lists name. Read with patterns, not a parser:
 * the text is being typed and rarely parses, so this aims at the common shapes and gives up quietly
 * on the rest.
 */
final class FromScope {
  private static final String IDENT = "(?:\"[^\"\\n]+\"|[A-Za-z_][\\w$]*)";
  private static final String REF =
      "\\{\\{-?\\s*ref\\(\\s*['\"](?:[\\w.-]+['\"]\\s*,\\s*['\"])?([\\w.-]+)['\"]\\s*\\)\\s*-?}}";
  private static final String SOURCE =
      "\\{\\{-?\\s*source\\(\\s*['\"]([\\w.-]+)['\"]\\s*,\\s*['\"]([\\w.-]+)['\"]\\s*\\)\\s*-?}}";
  private static final String NAME = "(" + IDENT + "(?:\\s*\\.\\s*" + IDENT + "){0,2})";
  private static final String RELATION = "(?:" + REF + "|" + SOURCE + "|" + NAME + ")";
  private static final String ALIAS = "(?:\\s+(?:as\\s+)?(" + IDENT + "))?";
  private static final Pattern FIRST_ITEM =
      Pattern.compile("\\b(?:from|join)\\s+" + RELATION + ALIAS, Pattern.CASE_INSENSITIVE);
  private static final Pattern NEXT_ITEM =
      Pattern.compile("\\G\\s*,\\s*" + RELATION + ALIAS, Pattern.CASE_INSENSITIVE);
  private static final Pattern CTE =
      Pattern.compile(
          "(?:\\bwith\\s+(?:recursive\\s+)?|,\\s*)("
              + IDENT
              + ")\\s+as\\s+(?:(?:not\\s+)?materialized\\s+)?\\(",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern AS_ALIAS =
      Pattern.compile("(?s).*\\s+as\\s+(" + IDENT + ")$", Pattern.CASE_INSENSITIVE);
  private static final Pattern COLUMN_PATH =
      Pattern.compile("(?:" + IDENT + "\\s*\\.\\s*)*(" + IDENT + ")");
  private static final Pattern BARE_ALIAS =
      Pattern.compile("(?s).*[\\w)\\]'\"]\\s+(" + IDENT + ")$");
  private static final Pattern STAR = Pattern.compile("(?:(" + IDENT + ")\\s*\\.\\s*)?\\*");

  enum Kind {
    REF,
    SOURCE,
    TABLE
  }

  /**
   * One relation in a FROM or JOIN.
   *
   * @param name the ref name, the source's table, or the relation as written
   * @param source the source's name, for {@link Kind#SOURCE}
   * @param alias what the query calls it, or null
   */
  record Item(Kind kind, String name, String source, String alias) {
    /** What the query may write before a dot to mean this relation. */
    boolean answersTo(String qualifier) {
      if (alias != null) {
        return unquote(alias).equalsIgnoreCase(qualifier);
      }
      String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
      return unquote(last).equalsIgnoreCase(qualifier);
    }
  }

  private final List<Item> items = new ArrayList<>();
  private final Map<String, List<String>> cteColumns = new LinkedHashMap<>();

  private FromScope() {}

  /** Reads a query's text; comments should already be blanked out. */
  static FromScope of(String text, SqlContext context) {
    FromScope scope = new FromScope();
    scope.readCtes(text, context);
    scope.items.addAll(readItems(text));
    return scope;
  }

  List<Item> items() {
    return items;
  }

  Set<String> cteNames() {
    return cteColumns.keySet();
  }

  /** The relation the query calls {@code qualifier}: an alias, or a relation's own name. */
  Optional<Item> find(String qualifier) {
    String q = unquote(qualifier);
    Optional<Item> aliased =
        items.stream()
            .filter(i -> i.alias() != null && unquote(i.alias()).equalsIgnoreCase(q))
            .findFirst();
    return aliased.isPresent() ? aliased : items.stream().filter(i -> i.answersTo(q)).findFirst();
  }

  List<String> columnsOf(Item item, SqlContext context) {
    return switch (item.kind()) {
      case REF -> context.columnsOf(item.name());
      case SOURCE -> context.columnsOfSource(item.source(), item.name());
      case TABLE -> {
        List<String> cte = cteColumns.get(SqlContext.key(item.name()));
        yield cte != null ? cte : context.columnsOf(item.name());
      }
    };
  }

  /** Every column of every relation the query reads, each once. */
  Map<String, String> columnsInScope(SqlContext context) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Item i : items) {
      String where = i.alias() != null ? unquote(i.alias()) : i.name();
      for (String c : columnsOf(i, context)) {
        out.putIfAbsent(c, where);
      }
    }
    return out;
  }

  private static List<Item> readItems(String text) {
    List<Item> out = new ArrayList<>();
    Matcher m = FIRST_ITEM.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      out.add(item(m));
      int end = m.end();
      Matcher next = NEXT_ITEM.matcher(text);
      next.region(end, text.length());
      while (next.find()) {
        out.add(item(next));
        end = next.end();
        next.region(end, text.length());
      }
      from = Math.max(end, m.start() + 1);
    }
    out.removeIf(
        i ->
            i.kind() == Kind.TABLE
                && SqlKeywords.FROM_ENDERS.contains(i.name().toLowerCase(Locale.ROOT)));
    return out;
  }

  private static Item item(Matcher m) {
    String alias = m.group(5);
    if (alias != null && SqlKeywords.FROM_ENDERS.contains(alias.toLowerCase(Locale.ROOT))) {
      alias = null;
    }
    if (m.group(1) != null) {
      return new Item(Kind.REF, m.group(1), null, alias);
    }
    if (m.group(2) != null) {
      return new Item(Kind.SOURCE, m.group(3), m.group(2), alias);
    }
    return new Item(Kind.TABLE, m.group(4).replaceAll("\\s+", ""), null, alias);
  }

  private void readCtes(String text, SqlContext context) {
    Matcher m = CTE.matcher(text);
    while (m.find()) {
      int open = m.end() - 1;
      int close = closing(text, open);
      String body = text.substring(open + 1, close < 0 ? text.length() : close);
      cteColumns.put(SqlContext.key(m.group(1)), selectListColumns(body, context));
    }
  }

  /**
   * The column names a query's outermost select list gives, where they can be told from the text.
   */
  private List<String> selectListColumns(String body, SqlContext context) {
    int select = topLevelWord(body, "select", 0);
    if (select < 0) {
      return List.of();
    }
    int from = topLevelWord(body, "from", select + 6);
    String list = body.substring(select + 6, from < 0 ? body.length() : from).strip();
    if (list.toLowerCase(Locale.ROOT).startsWith("distinct ")) {
      list = list.substring(9);
    }
    Set<String> out = new LinkedHashSet<>();
    FromScope inner = null;
    for (String part : splitTopLevel(list)) {
      String p = part.strip();
      Matcher star = STAR.matcher(p);
      if (star.matches()) {
        if (inner == null) {
          inner = new FromScope();
          inner.cteColumns.putAll(cteColumns);
          inner.items.addAll(readItems(body));
        }
        for (Item i : inner.items) {
          if (star.group(1) == null || i.answersTo(unquote(star.group(1)))) {
            out.addAll(inner.columnsOf(i, context));
          }
        }
        continue;
      }
      Matcher as = AS_ALIAS.matcher(p);
      Matcher path = COLUMN_PATH.matcher(p);
      Matcher bare = BARE_ALIAS.matcher(p);
      if (as.matches()) {
        out.add(unquote(as.group(1)));
      } else if (path.matches()) {
        out.add(unquote(path.group(1)));
      } else if (bare.matches()
          && !SqlKeywords.FROM_ENDERS.contains(bare.group(1).toLowerCase(Locale.ROOT))
          && !bare.group(1).equalsIgnoreCase("end")) {
        out.add(unquote(bare.group(1)));
      }
    }
    return new ArrayList<>(out);
  }

  private static int closing(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int topLevelWord(String s, String word, int from) {
    int depth = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0
          && s.regionMatches(true, i, word, 0, word.length())
          && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '_')
          && (i + word.length() == s.length()
              || !Character.isLetterOrDigit(s.charAt(i + word.length()))
                  && s.charAt(i + word.length()) != '_')) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> splitTopLevel(String list) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(list.substring(start, i));
        start = i + 1;
      }
    }
    out.add(list.substring(start));
    return out;
  }

  static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
