package dev.sluice.core.sqltext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is inside one Jinja tag: {@code {% snapshot orders %}} holds the words {@code snapshot
 * orders}, {@code {{ config(materialized='table') }}} calls {@code config}. Whitespace-control
 * dashes ({@code {%-}, {@code -%}}) are read past.
 *
 * @param start where the tag's inside starts in the text (after the opening and any dash)
 * @param end where it ends (before any dash and the closing; the text's end for an unclosed tag)
 */
public record JinjaTag(int start, int end) {

  /** The inside of {@code tag}, a Jinja token of {@code text}. */
  public static JinjaTag of(CharSequence text, SqlToken tag) {
    int start = tag.start() + 2;
    int end = tag.open() ? tag.end() : tag.end() - 2;
    if (start < end && (text.charAt(start) == '-' || text.charAt(start) == '+')) {
      start++;
    }
    if (end > start
        && !tag.open()
        && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '+')) {
      end--;
    }
    return new JinjaTag(start, end);
  }

  /** The inside split at white space: {@code [snapshot, orders]}. */
  public List<String> words(CharSequence text) {
    List<String> out = new ArrayList<>();
    for (String w : text.subSequence(start, end).toString().strip().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Where the arguments of a call to {@code function} start and end when the tag's inside is that
   * one call ({@code config( ... )}); empty otherwise.
   */
  public Optional<int[]> callArguments(CharSequence text, String function) {
    int i = start;
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int j = end;
    while (j > i && Character.isWhitespace(text.charAt(j - 1))) {
      j--;
    }
    if (!text.subSequence(i, Math.min(j, i + function.length())).toString().equals(function)) {
      return Optional.empty();
    }
    i += function.length();
    while (i < j && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= j || text.charAt(i) != '(' || text.charAt(j - 1) != ')') {
      return Optional.empty();
    }
    return Optional.of(new int[] {i + 1, j - 1});
  }

  /**
   * The word being typed at the start of a tag that is still being written ({@code "{% sna"} gives
   * {@code sna}, {@code "{{ "} gives the empty word); empty when {@code before} is not the start of
   * an expression or statement tag followed by at most one word.
   */
  public static Optional<String> wordBeingTyped(String before) {
    if (!before.startsWith("{{") && !before.startsWith("{%")) {
      return Optional.empty();
    }
    String rest = before.substring(2);
    if (rest.startsWith("-")) {
      rest = rest.substring(1);
    }
    rest = rest.stripLeading();
    for (int k = 0; k < rest.length(); k++) {
      char c = rest.charAt(k);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
        return Optional.empty();
      }
    }
    return Optional.of(rest);
  }
}
