package dev.sluice.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {
  /** The style of each character of each line, as a string per line: k keyword, s string, ... */
  private static List<String> styles(String text) {
    List<String> out = new ArrayList<>();
    for (List<SqlLexer.Run> line : SqlLexer.lex(text)) {
      StringBuilder sb = new StringBuilder();
      for (SqlLexer.Run r : line) {
        char c =
            switch (r.style()) {
              case "keyword" -> 'k';
              case "string" -> 's';
              case "comment" -> 'c';
              case "jinja" -> 'j';
              case "number" -> 'n';
              case "function" -> 'f';
              case "identifier" -> 'i';
              default -> '.';
            };
        sb.append(String.valueOf(c).repeat(r.length()));
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void keywordsStringsNumbersFunctionsAndJinjaAreTold() {
    assertThat(styles("select count(x), 'a''b' from {{ ref('t') }} where n = 42"))
        .containsExactly("kkkkkk.fffff.....ssssss.kkkk.jjjjjjjjjjjjjj.kkkkk.....nn");
  }

  @Test
  void commentsAndStringsCarryAcrossLines() {
    assertThat(styles("select /* one\ntwo */ 1 -- end\n'open\nstill' x\n{# jinja\ncomment #}"))
        .containsExactly(
            "kkkkkk.cccccc", "cccccc.n.cccccc", "sssss", "ssssss..", "cccccccc", "cccccccccc");
  }

  @Test
  void everyLineIsCoveredExactly() {
    String text = "with a as (\n  select \"Quoted Col\", 1.5e3\n  from t\n)\n\nselect * from a";
    List<List<SqlLexer.Run>> lines = SqlLexer.lex(text);
    String[] raw = text.split("\n", -1);
    assertThat(lines).hasSize(raw.length);
    for (int i = 0; i < raw.length; i++) {
      assertThat(lines.get(i).stream().mapToInt(SqlLexer.Run::length).sum())
          .isEqualTo(raw[i].length());
    }
    assertThat(styles(text).get(1)).isEqualTo("..kkkkkk.iiiiiiiiiiii..nnnnn");
  }
}
