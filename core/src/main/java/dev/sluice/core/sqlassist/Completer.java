package dev.sluice.core.sqlassist;

import dev.sluice.core.sqlassist.Suggestion.Kind;
import dev.sluice.core.sqltext.SqlKeywords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggestions at the caret in a model's source text (SQL with Jinja): names inside {@code ref('}
 * and {@code source('}, macros after <code>{{</code>, an alias's columns after {@code alias.}, and
 * otherwise keywords, functions, relations and the columns of the relations the query reads. Cheap
 * enough to run on every keystroke: no I/O, only the text and an immutable {@link SqlContext}.
 */
public final class Completer {
  static final int LIMIT = 200;
  private static final Pattern REF_ARG = Pattern.compile("\\bref\\(\\s*['\"]([\\w.-]*)$");
  private static final Pattern SOURCE_ARG = Pattern.compile("\\bsource\\(\\s*['\"]([\\w.-]*)$");
  private static final Pattern SOURCE_TABLE_ARG =
      Pattern.compile("\\bsource\\(\\s*['\"]([\\w.-]+)['\"]\\s*,\\s*['\"]([\\w.-]*)$");
  private static final Pattern QUALIFIED =
      Pattern.compile("(\"[^\"\\n]+\"|[A-Za-z_][\\w$]*)\\s*\\.\\s*(\\w*)$");
  private static final Pattern LAST_WORD = Pattern.compile("([A-Za-z_]\\w*)\\s+\\w*$");

  private final SqlContext context;

  public Completer(SqlContext context) {
    this.context = context;
  }

  /** Suggestions at {@code caret} in {@code text}, best first, at most {@value #LIMIT}. */
  public Completion complete(String text, int caret) {
    int at = Math.max(0, Math.min(caret, text.length()));
    SqlText sql = new SqlText(text);
    SqlText.Span span = sql.at(at);
    return switch (span.region()) {
      case TEMPLATE_EXPRESSION, TEMPLATE_STATEMENT -> inTemplate(text, span, at);
      case TEMPLATE_COMMENT, COMMENT, STRING -> Completion.none(at);
      case SQL, QUOTED_NAME -> inSql(sql, at);
    };
  }

  private Completion inTemplate(String text, SqlText.Span span, int caret) {
    String before = text.substring(span.start(), caret);
    Ranking r;
    Matcher m;
    if ((m = SOURCE_TABLE_ARG.matcher(before)).find()) {
      r = new Ranking(m.group(2), Ranking.Order.ALPHABETICAL);
      String source = m.group(1);
      for (String t : context.sources().getOrDefault(source, List.of())) {
        r.add(new Suggestion(t, Kind.SOURCE, t, "table of source " + source), 0);
      }
    } else if ((m = SOURCE_ARG.matcher(before)).find()) {
      r = new Ranking(m.group(1), Ranking.Order.ALPHABETICAL);
      context
          .sources()
          .forEach(
              (s, tables) ->
                  r.add(new Suggestion(s, Kind.SOURCE, s, tables.size() + " tables"), 0));
    } else if ((m = REF_ARG.matcher(before)).find()) {
      r = new Ranking(m.group(1), Ranking.Order.ALPHABETICAL);
      for (SqlContext.Refable ref : context.refables()) {
        r.add(new Suggestion(ref.name(), Kind.REF, ref.name(), ref.kind()), 0);
      }
    } else if (dev.sluice.core.sqltext.JinjaTag.wordBeingTyped(before).isPresent()) {
      r =
          new Ranking(
              dev.sluice.core.sqltext.JinjaTag.wordBeingTyped(before).get(),
              Ranking.Order.ALPHABETICAL);
      if (text.charAt(span.start() + 1) == '%') {
        SqlKeywords.TEMPLATE_TAGS.forEach(
            t -> r.add(new Suggestion(t, Kind.KEYWORD, t, "template tag"), 0));
      }
      for (String[] f : SqlKeywords.TEMPLATE_FUNCTIONS) {
        r.add(new Suggestion(f[0], Kind.MACRO, f[1], f[2]), 1);
      }
      context
          .macros()
          .forEach(name -> r.add(new Suggestion(name, Kind.MACRO, name + "(", "project macro"), 1));
    } else {
      return Completion.none(caret);
    }
    return r.result(caret, wordEnd(text, caret));
  }

  private Completion inSql(SqlText sql, int caret) {
    String text = sql.text();
    String before = text.substring(Math.max(0, caret - 300), caret);
    String plain = sql.withoutComments();
    FromScope scope = FromScope.of(plain, context);
    Matcher q = QUALIFIED.matcher(before);
    if (q.find()) {
      Ranking r = new Ranking(q.group(2), Ranking.Order.GIVEN);
      Optional<FromScope.Item> item = scope.find(q.group(1));
      item.ifPresent(
          i ->
              scope
                  .columnsOf(i, context)
                  .forEach(
                      c ->
                          r.add(
                              new Suggestion(c, Kind.COLUMN, c, FromScope.unquote(q.group(1))),
                              0)));
      return r.result(caret, wordEnd(text, caret));
    }
    int wordStart = caret;
    while (wordStart > 0 && isWordChar(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    String prefix = text.substring(wordStart, caret);
    Matcher last = LAST_WORD.matcher(plain.substring(Math.max(0, caret - 300), caret));
    boolean relationNext =
        last.find() && SqlKeywords.RELATION_CUES.contains(last.group(1).toLowerCase(Locale.ROOT));
    int relations = relationNext ? 0 : 2;
    int columns = relationNext ? 2 : 0;
    Ranking r = new Ranking(prefix, Ranking.Order.SHORTER);
    for (Map.Entry<String, String> c : scope.columnsInScope(context).entrySet()) {
      r.add(new Suggestion(c.getKey(), Kind.COLUMN, c.getKey(), c.getValue()), columns);
    }
    for (String cte : scope.cteNames()) {
      r.add(new Suggestion(cte, Kind.TABLE, cte, "CTE"), relations);
    }
    for (SqlContext.Refable ref : context.refables()) {
      r.add(
          new Suggestion(ref.name(), Kind.REF, "{{ ref('" + ref.name() + "') }}", ref.kind()),
          relations);
    }
    context
        .sources()
        .forEach(
            (s, tables) ->
                tables.forEach(
                    t ->
                        r.add(
                            new Suggestion(
                                s + "." + t,
                                Kind.SOURCE,
                                "{{ source('" + s + "', '" + t + "') }}",
                                "source"),
                            relations)));
    for (SqlContext.Table t : context.tables()) {
      r.add(
          new Suggestion(
              t.schema() + "." + t.name(),
              Kind.TABLE,
              t.schema() + "." + t.name(),
              "in the warehouse"),
          relations + 1);
    }
    boolean upper =
        !prefix.isEmpty()
            && prefix.equals(prefix.toUpperCase(Locale.ROOT))
            && prefix.chars().anyMatch(Character::isLetter);
    for (String k : SqlKeywords.PHRASES) {
      String word = upper ? k.toUpperCase(Locale.ROOT) : k;
      r.add(new Suggestion(word, Kind.KEYWORD, word, "keyword"), 1);
    }
    for (SqlContext.Function f : context.functions()) {
      r.add(new Suggestion(f.name(), Kind.FUNCTION, f.name() + "(", f.kind()), 1);
    }
    return r.result(caret, wordEnd(text, caret));
  }

  private static int wordEnd(String text, int caret) {
    int end = caret;
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /**
   * Collects candidates that match the typed word and orders them: those that start with it before
   * those that only contain it, then by the group the context prefers, then the word itself, then
   * in the ranking's order. A label is offered once, in its best group.
   */
  private static final class Ranking {
    private final String prefix;
    private final Map<String, Ranked> best = new java.util.HashMap<>();

    private final Order order;
    private int added;

    private record Ranked(Suggestion s, int match, int group, int added) {}

    /** How items that match equally well are ordered. */
    enum Order {
      /** as given: a relation's columns in their table order */
      GIVEN,
      /** alphabetical: names to scan */
      ALPHABETICAL,
      /**
       * shorter first, then alphabetical: short keywords are not buried under long function names
       */
      SHORTER
    }

    Ranking(String typed, Order order) {
      this.prefix = typed.toLowerCase(Locale.ROOT);
      this.order = order;
    }

    void add(Suggestion s, int group) {
      String label = s.label().toLowerCase(Locale.ROOT);
      int match = label.startsWith(prefix) ? 0 : label.contains(prefix) ? 1 : -1;
      Ranked was = best.get(label);
      if (match >= 0 && (was == null || group < was.group())) {
        best.put(label, new Ranked(s, match, group, added++));
      }
    }

    Completion result(int caret, int wordEnd) {
      List<Ranked> items = new ArrayList<>(best.values());
      java.util.Comparator<Ranked> tie =
          switch (order) {
            case GIVEN -> java.util.Comparator.comparingInt(Ranked::added);
            case ALPHABETICAL -> java.util.Comparator.comparing(x -> x.s().label());
            case SHORTER ->
                java.util.Comparator.<Ranked>comparingInt(x -> x.s().label().length())
                    .thenComparing(x -> x.s().label());
          };
      items.sort(
          java.util.Comparator.comparingInt(Ranked::match)
              .thenComparingInt(Ranked::group)
              .thenComparing(x -> !x.s().label().equalsIgnoreCase(prefix))
              .thenComparing(tie));
      List<Suggestion> out = items.stream().limit(LIMIT).map(Ranked::s).toList();
      return new Completion(caret - prefix.length(), wordEnd, out);
    }
  }
}
