package dev.sluice.core.sqltext;

import java.util.ArrayList;
import java.util.List;

/**
 * A named Jinja block, {@code {% snapshot orders %} ... {% endsnapshot %}}: its name and where its
 * body lies. Tags inside Jinja comments do not count.
 *
 * @param name the block's one argument ({@code orders})
 * @param start where the opening tag starts
 * @param bodyStart where the body starts (after the opening tag)
 * @param bodyEnd where the body ends (before the closing tag)
 */
public record JinjaBlock(String name, int start, int bodyStart, int bodyEnd) {

  /** Every {@code {% tag name %} ... {% endtag %}} block of {@code text}, in order. */
  public static List<JinjaBlock> all(String text, String tag) {
    List<SqlToken> tokens = SqlTokens.of(text);
    List<JinjaBlock> out = new ArrayList<>();
    SqlToken open = null;
    String name = null;
    for (SqlToken t : tokens) {
      if (t.kind() != SqlToken.Kind.JINJA_STATEMENT || t.open()) {
        continue;
      }
      List<String> words = JinjaTag.of(text, t).words(text);
      if (open == null
          && words.size() == 2
          && words.get(0).equals(tag)
          && words.get(1).matches("\\w+")) {
        open = t;
        name = words.get(1);
      } else if (open != null && words.equals(List.of("end" + tag))) {
        out.add(new JinjaBlock(name, open.start(), open.end(), t.start()));
        open = null;
      }
    }
    return out;
  }
}
