package dev.sluice.core.parse;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.warehouse.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Templates rendered without Jinja, as dbt's static parser reads them: a model whose only Jinja is
 * {@code {{ ref('x') }}}, {@code {{ ref('package', 'x') }}}, {@code {{ source('s', 't') }}} and
 * {@code {{ config(key='value', flag=true, n=3) }}}, every argument a literal. Most models of a
 * real project are of this shape; starting Jinjava and rendering them through it cost most of a
 * first parse of 10,000 models.
 *
 * <p>Anything else in the template (another call, a filter, a variable, a tag, a comment,
 * whitespace control, an escape in a string, a name that matches nothing) gives null, and the
 * template goes to Jinjava, which renders it and reports what is wrong as it always did. The result
 * is what Jinjava gives for the same template: the same text, refs and sources in order of first
 * use, the same config values ({@code StaticTemplateTest} renders both ways and compares).
 */
final class StaticTemplate {
  private StaticTemplate() {}

  /**
   * The rendering of {@code template}, or null when it is not of the static shape.
   *
   * @param project where {@code ref()} and {@code source()} look names up
   * @param resolve the relation a node's ref or source prints
   */
  static Rendered render(String template, Project project, Function<Node, Relation> resolve) {
    StringBuilder out = null;
    List<String> refs = new ArrayList<>(2);
    List<List<String>> sources = new ArrayList<>(1);
    Map<String, Object> config = new LinkedHashMap<>();
    int at = 0;
    int n = template.length();
    for (int i = template.indexOf('{'); i >= 0 && i < n - 1; i = template.indexOf('{', i + 1)) {
      char c = template.charAt(i + 1);
      if (c == '%' || c == '#') {
        return null;
      }
      if (c != '{') {
        continue;
      }
      Scanner s = new Scanner(template, i + 2);
      String printed = s.call(project, resolve, refs, sources, config);
      if (printed == null) {
        return null;
      }
      if (out == null) {
        out = new StringBuilder(n + 64);
      }
      out.append(template, at, i).append(printed);
      at = s.at;
      i = s.at - 1;
    }
    if (out == null) {
      return new Rendered(template, refs, sources, config, List.of());
    }
    out.append(template, at, n);
    return new Rendered(out.toString(), refs, sources, config, List.of());
  }

  /** Reads one {@code {{ call(...) }}} from just after its opening braces. */
  private static final class Scanner {
    private final String t;
    private int at;

    Scanner(String t, int at) {
      this.t = t;
      this.at = at;
    }

    /** What the call prints, having noted what it refers to; null when it is not static. */
    String call(
        Project project,
        Function<Node, Relation> resolve,
        List<String> refs,
        List<List<String>> sources,
        Map<String, Object> config) {
      if (at < t.length() && (t.charAt(at) == '-' || t.charAt(at) == '+')) {
        return null; // whitespace control: left to Jinjava
      }
      space();
      String name = word();
      if (name == null) {
        return null;
      }
      space();
      if (!take('(')) {
        return null;
      }
      String printed;
      switch (name) {
        case "ref", "source" -> {
          List<String> args = strings();
          if (args == null) {
            return null;
          }
          Optional<? extends Node> target;
          if (name.equals("ref")) {
            if (args.size() > 2) {
              return null;
            }
            String model = args.get(args.size() - 1); // ref('package', 'name') names the last
            target = project.refable(model);
            if (target.isPresent() && !refs.contains(model)) {
              refs.add(model);
            }
          } else {
            if (args.size() != 2) {
              return null;
            }
            target = project.source(args.get(0), args.get(1));
            if (target.isPresent() && !sources.contains(args)) {
              sources.add(List.copyOf(args));
            }
          }
          if (target.isEmpty()) {
            return null; // Jinjava says what it does not match
          }
          // what RelationView prints, without making one: its first use loads Jinjava's classes
          printed = resolve.apply(target.get()).quoted();
        }
        case "config" -> {
          if (!settings(config)) {
            return null;
          }
          printed = "";
        }
        default -> {
          return null;
        }
      }
      space();
      return take('}') && take('}') ? printed : null;
    }

    /** One or more string literals, comma-separated, then the closing parenthesis. */
    private List<String> strings() {
      List<String> out = new ArrayList<>(2);
      do {
        space();
        String s = string();
        if (s == null) {
          return null;
        }
        out.add(s);
        space();
      } while (take(','));
      return take(')') ? out : null;
    }

    /** {@code key=literal} pairs, comma-separated, then the closing parenthesis. */
    private boolean settings(Map<String, Object> config) {
      Map<String, Object> these = new LinkedHashMap<>();
      do {
        space();
        String key = word();
        if (key == null) {
          return false;
        }
        space();
        if (!take('=') || (at < t.length() && t.charAt(at) == '=')) {
          return false;
        }
        space();
        Object value = literal();
        if (value == null) {
          return false;
        }
        these.put(key, value);
        space();
      } while (take(','));
      if (!take(')')) {
        return false;
      }
      config.putAll(these);
      return true;
    }

    /** A string, {@code true}/{@code false} (also as Python spells them) or a small integer. */
    private Object literal() {
      if (at >= t.length()) {
        return null;
      }
      char c = t.charAt(at);
      if (c == '\'' || c == '"') {
        return string();
      }
      if (c >= '0' && c <= '9') {
        int from = at;
        while (at < t.length() && t.charAt(at) >= '0' && t.charAt(at) <= '9' && at - from < 9) {
          at++;
        }
        if (at < t.length() && (Character.isLetterOrDigit(t.charAt(at)) || t.charAt(at) == '.')) {
          return null;
        }
        return Long.parseLong(t.substring(from, at));
      }
      String w = word();
      if (w == null) {
        return null;
      }
      return switch (w) {
        case "true", "True" -> Boolean.TRUE;
        case "false", "False" -> Boolean.FALSE;
        default -> null;
      };
    }

    /** A quoted string holding nothing Jinja or a string escape could read otherwise. */
    private String string() {
      if (at >= t.length()) {
        return null;
      }
      char q = t.charAt(at);
      if (q != '\'' && q != '"') {
        return null;
      }
      int end = t.indexOf(q, at + 1);
      if (end < 0) {
        return null;
      }
      for (int i = at + 1; i < end; i++) {
        char c = t.charAt(i);
        if (c == '\\' || c == '{' || c == '}' || c == '%' || c == '#' || c == '\n' || c == '\r') {
          return null;
        }
      }
      String s = t.substring(at + 1, end);
      at = end + 1;
      return s;
    }

    /** An identifier. */
    private String word() {
      int from = at;
      while (at < t.length()) {
        char c = t.charAt(at);
        if (c == '_'
            || (c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z')
            || (at > from && c >= '0' && c <= '9')) {
          at++;
        } else {
          break;
        }
      }
      return at == from ? null : t.substring(from, at);
    }

    private void space() {
      while (at < t.length()) {
        char c = t.charAt(at);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          at++;
        } else {
          break;
        }
      }
    }

    private boolean take(char c) {
      if (at < t.length() && t.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }
  }
}
