package dev.sluice.core.compile;

import dev.sluice.core.parse.Rendered;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.warehouse.Relation;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compile-time rendering of a template whose only Jinja is {@code {{ ref('x') }}} and {@code {{
 * source('s', 't') }}} with literal names, without rendering it again. Such a template renders to
 * its text with each call replaced by the relation it names, so when the parse-time rendering is
 * that text with the relations as they are now, it is the compile-time rendering too. When it is
 * not (a ref's target moved by its own {@code config()}, or any other Jinja in the template) this
 * gives nothing and the template is rendered.
 */
final class RefSubstitution {
  private static final Pattern CALL =
      Pattern.compile(
          "\\{\\{\\s*(ref|source)\\(\\s*(['\"])([^'\"{}]*)\\2\\s*(?:,\\s*(['\"])([^'\"{}]*)\\4\\s*)?\\)\\s*\\}\\}");

  private RefSubstitution() {}

  /**
   * The parse-time rendering {@code parsed} of {@code template}, when it is what rendering it now
   * gives; else empty.
   *
   * @param project where names are looked up, as the template engine looks them up
   * @param resolve the relation a node's ref prints now
   */
  static Optional<Rendered> of(
      String template, Rendered parsed, Project project, Function<Node, Relation> resolve) {
    if (parsed == null || !parsed.problems().isEmpty() || !parsed.config().isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(template.length() + 64);
    Matcher m = CALL.matcher(template);
    int at = 0;
    while (m.find()) {
      if (!plain(template, at, m.start())) {
        return Optional.empty();
      }
      out.append(template, at, m.start());
      Optional<? extends Node> target;
      if (m.group(1).equals("ref")) {
        target = project.refable(m.group(5) != null ? m.group(5) : m.group(3));
      } else {
        if (m.group(5) == null) {
          return Optional.empty();
        }
        target = project.source(m.group(3), m.group(5));
      }
      if (target.isEmpty()) {
        return Optional.empty();
      }
      out.append(resolve.apply(target.get()).quoted());
      at = m.end();
    }
    if (!plain(template, at, template.length())) {
      return Optional.empty();
    }
    out.append(template, at, template.length());
    return out.toString().equals(parsed.sql()) ? Optional.of(parsed) : Optional.empty();
  }

  /** Whether this stretch of the template holds no Jinja at all. */
  private static boolean plain(String t, int from, int to) {
    for (int i = t.indexOf('{', from); i >= 0 && i < to - 1; i = t.indexOf('{', i + 1)) {
      char c = t.charAt(i + 1);
      if (c == '{' || c == '%' || c == '#') {
        return false;
      }
    }
    return true;
  }

  /** For tests: whether the template is of the shape this handles at all. */
  static boolean handles(String template) {
    Matcher m = CALL.matcher(template);
    int at = 0;
    while (m.find()) {
      if (!plain(template, at, m.start())) {
        return false;
      }
      at = m.end();
    }
    return plain(template, at, template.length());
  }
}
