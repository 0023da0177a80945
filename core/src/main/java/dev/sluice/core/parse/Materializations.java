package dev.sluice.core.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's {@code {% materialization name, adapter='duckdb' %} ... {% endmaterialization %}} blocks in
 * macro files. Sluice does not run custom materializations yet: the blocks are taken out of the
 * macro text (keeping its lines, so later errors point at the right place) and remembered, so a
 * model that asks for one gets an error naming the block, and a block nobody uses costs nothing.
 */
final class Materializations {
  private static final Pattern OPEN =
      Pattern.compile("\\{%-?\\s*materialization\\s+(\\w+)([^%]*?)-?%}", Pattern.DOTALL);
  private static final Pattern CLOSE =
      Pattern.compile("\\{%-?\\s*endmaterialization\\s*-?%}", Pattern.DOTALL);
  private static final Pattern ADAPTER = Pattern.compile("adapter\\s*=\\s*['\"](\\w+)['\"]");

  private Materializations() {}

  /**
   * One block.
   *
   * @param adapter the adapter it is for, {@code default} for any
   * @param packageName the package whose macro file holds it
   */
  record Block(String name, String adapter, String packageName, Path file, int line) {
    String where() {
      return file.toString().replace('\\', '/') + ":" + line;
    }
  }

  /** The text with each block replaced by as many line breaks as it had; found blocks added. */
  static String strip(String text, String pkg, Path file, List<Block> found) {
    if (!text.contains("materialization")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    Matcher open = OPEN.matcher(text);
    while (open.find(from)) {
      Matcher close = CLOSE.matcher(text);
      int end = close.find(open.end()) ? close.end() : text.length();
      Matcher a = ADAPTER.matcher(open.group(2));
      String adapter = a.find() ? a.group(1) : "default";
      found.add(new Block(open.group(1), adapter, pkg, file, lineAt(text, open.start())));
      out.append(text, from, open.start());
      text.substring(open.start(), end)
          .chars()
          .filter(c -> c == '\n')
          .forEach(c -> out.append('\n'));
      from = end;
    }
    out.append(text.substring(from));
    return out.toString();
  }

  /**
   * The block a model's {@code materialized} names, for this target or for any ({@code default}):
   * the root project's first, then the packages'; null when none.
   */
  static Block pick(List<Block> blocks, String name, String targetType, String rootName) {
    Block best = null;
    for (Block b : blocks) {
      if (b.name().equals(name)
          && (b.adapter().equals(targetType) || b.adapter().equals("default"))) {
        if (best == null || b.packageName().equals(rootName)) {
          best = b;
        }
      }
    }
    return best;
  }

  private static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
