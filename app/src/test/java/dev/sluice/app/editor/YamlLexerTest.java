package dev.sluice.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLexerTest {
  /** The style of each character of {@code text}, one string per line. */
  private static List<String> styles(String text) {
    List<String> out = new ArrayList<>();
    List<List<SqlLexer.Run>> lines = YamlLexer.lex(text);
    String[] raw = text.split("\n", -1);
    assertThat(lines).hasSameSizeAs(raw);
    for (int i = 0; i < raw.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (SqlLexer.Run r : lines.get(i)) {
        char c =
            switch (r.style()) {
              case "keyword" -> 'k';
              case "string" -> 's';
              case "number" -> 'n';
              case "comment" -> 'c';
              case "jinja" -> 'j';
              default -> '.';
            };
        sb.append(String.valueOf(c).repeat(r.length()));
      }
      assertThat(sb).as("runs of line %d cover it", i + 1).hasSize(raw[i].length());
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void keysValuesCommentsAndJinjaEachHaveTheirStyle() {
    String text =
        "models:\n"
            + "  - name: orders # the mart\n"
            + "    description: \"quoted\"\n"
            + "    config: {enabled: true, limit: 10}\n"
            + "    schema: \"{{ env_var('X') }}\"\n"
            + "# all of it\n"
            + "    description: The order's id\n";
    List<String> s = styles(text);
    assertThat(s.get(0)).isEqualTo("kkkkkk.");
    assertThat(s.get(1)).isEqualTo("....kkkk........ccccccccccc");
    assertThat(s.get(2)).endsWith("ssssssss");
    assertThat(s.get(3)).contains("nnnn").endsWith("nn.");
    assertThat(s.get(5)).matches("c+");
    assertThat(s.get(6)).doesNotContain("s"); // an apostrophe inside plain text opens no string
  }

  @Test
  void emptyTextIsOneEmptyLine() {
    assertThat(YamlLexer.lex("")).hasSize(1);
    assertThat(YamlLexer.lex("a: 1\n")).hasSize(2);
  }
}
