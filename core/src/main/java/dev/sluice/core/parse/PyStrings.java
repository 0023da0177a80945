package dev.sluice.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code str} methods, as dbt code calls them on strings. */
final class PyStrings {
  private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)}|\\{\\{|}}");

  private PyStrings() {}

  static Object call(String s, String name, List<Object> args, Map<String, Object> kwargs) {
    return switch (name) {
      case "upper" -> s.toUpperCase(Locale.ROOT);
      case "lower" -> s.toLowerCase(Locale.ROOT);
      case "strip" -> args.isEmpty() || args.get(0) == null ? s.strip() : trim(s, str(args), 3);
      case "lstrip" ->
          args.isEmpty() || args.get(0) == null ? s.stripLeading() : trim(s, str(args), 1);
      case "rstrip" ->
          args.isEmpty() || args.get(0) == null ? s.stripTrailing() : trim(s, str(args), 2);
      case "startswith" -> anyOf(args.get(0), s::startsWith);
      case "endswith" -> anyOf(args.get(0), s::endsWith);
      case "split" -> split(s, args.isEmpty() ? null : args.get(0), maxSplit(args, kwargs));
      case "replace" -> s.replace(str(args), String.valueOf(args.get(1)));
      case "format" -> format(s, args, kwargs);
      case "join" -> join(s, args.get(0));
      case "find" -> s.indexOf(str(args));
      case "count" -> count(s, str(args));
      case "title" -> title(s);
      case "capitalize" ->
          s.isEmpty()
              ? s
              : s.substring(0, 1).toUpperCase(Locale.ROOT)
                  + s.substring(1).toLowerCase(Locale.ROOT);
      case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
      case "isalnum" -> !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
      case "isupper" ->
          s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
      case "islower" ->
          s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(Locale.ROOT));
      case "zfill" -> zfill(s, ((Number) args.get(0)).intValue());
      case "splitlines" -> new ArrayList<Object>(s.lines().toList());
      default -> PythonMethods.PyMethod.NONE;
    };
  }

  private static String str(List<Object> args) {
    return String.valueOf(args.get(0));
  }

  private static boolean anyOf(Object prefixes, java.util.function.Predicate<String> test) {
    if (prefixes instanceof List<?> l) {
      return l.stream().anyMatch(p -> test.test(String.valueOf(p)));
    }
    return test.test(String.valueOf(prefixes));
  }

  private static int maxSplit(List<Object> args, Map<String, Object> kwargs) {
    Object m = args.size() > 1 ? args.get(1) : kwargs.get("maxsplit");
    return m instanceof Number n ? n.intValue() : -1;
  }

  private static List<Object> split(String s, Object sep, int max) {
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      for (String part : s.strip().split("\\s+", max < 0 ? 0 : max + 1)) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
      return out;
    }
    String d = sep.toString();
    int from = 0;
    while (max < 0 || out.size() < max) {
      int at = s.indexOf(d, from);
      if (at < 0 || d.isEmpty()) {
        break;
      }
      out.add(s.substring(from, at));
      from = at + d.length();
    }
    out.add(s.substring(from));
    return out;
  }

  private static String trim(String s, String chars, int sides) {
    int b = 0;
    int e = s.length();
    while ((sides & 1) != 0 && b < e && chars.indexOf(s.charAt(b)) >= 0) {
      b++;
    }
    while ((sides & 2) != 0 && e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
      e--;
    }
    return s.substring(b, e);
  }

  private static String join(String sep, Object items) {
    List<String> parts = new ArrayList<>();
    if (items instanceof Iterable<?> it) {
      it.forEach(x -> parts.add(String.valueOf(x)));
    } else {
      parts.add(String.valueOf(items));
    }
    return String.join(sep, parts);
  }

  private static int count(String s, String part) {
    if (part.isEmpty()) {
      return s.length() + 1;
    }
    int n = 0;
    for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  private static String title(String s) {
    StringBuilder b = new StringBuilder();
    boolean start = true;
    for (char c : s.toCharArray()) {
      b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return b.toString();
  }

  private static String zfill(String s, int width) {
    StringBuilder b = new StringBuilder(s);
    while (b.length() < width) {
      b.insert(s.startsWith("-") || s.startsWith("+") ? 1 : 0, '0');
    }
    return b.toString();
  }

  /** {@code '{} and {name}'.format(...)}: positional, numbered and named fields. */
  private static String format(String s, List<Object> args, Map<String, Object> kwargs) {
    Matcher m = FIELD.matcher(s);
    StringBuilder out = new StringBuilder();
    int next = 0;
    while (m.find()) {
      String rep;
      if (m.group(1) == null) {
        rep = m.group().substring(1);
      } else {
        String field = m.group(1);
        int colon = field.indexOf(':');
        String key = colon >= 0 ? field.substring(0, colon) : field;
        Object v;
        if (key.isEmpty()) {
          v = next < args.size() ? args.get(next++) : "";
        } else if (key.chars().allMatch(Character::isDigit)) {
          int i = Integer.parseInt(key);
          v = i < args.size() ? args.get(i) : "";
        } else {
          v = kwargs.get(key);
        }
        rep = PyValues.str(v);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(rep));
    }
    m.appendTail(out);
    return out.toString();
  }
}
