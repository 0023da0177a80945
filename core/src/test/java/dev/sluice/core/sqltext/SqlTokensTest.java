package dev.sluice.core.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.sqltext.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokensTest {
  private static List<String> kindsAndTexts(String sql) {
    return SqlTokens.of(sql).stream()
        .filter(t -> t.kind() != Kind.SPACE)
        .map(t -> t.kind() + ":" + t.text(sql))
        .toList();
  }

  @Test
  void readsCommentsStringsNamesAndJinjaTagsAsOneTokenEach() {
    String sql =
        "{{ config(materialized='table') }}\n"
            + "-- with in a comment\n"
            + "select 'it''s', \"Odd \"\"Name\"\"\", 42 /* with */ from {% if x %}t{% endif %}"
            + " {# note #}";
    assertThat(kindsAndTexts(sql))
        .containsExactly(
            "JINJA_EXPRESSION:{{ config(materialized='table') }}",
            "LINE_COMMENT:-- with in a comment",
            "WORD:select",
            "STRING:'it''s'",
            "SYMBOL:,",
            "QUOTED_NAME:\"Odd \"\"Name\"\"\"",
            "SYMBOL:,",
            "NUMBER:42",
            "BLOCK_COMMENT:/* with */",
            "WORD:from",
            "JINJA_STATEMENT:{% if x %}",
            "WORD:t",
            "JINJA_STATEMENT:{% endif %}",
            "JINJA_COMMENT:{# note #}");
  }

  @Test
  void everyCharacterBelongsToExactlyOneTokenEvenWhenSomethingIsLeftOpen() {
    String sql = "select 'open string\n/* and {{ a tag";
    List<SqlToken> tokens = SqlTokens.of(sql);
    int at = 0;
    for (SqlToken t : tokens) {
      assertThat(t.start()).isEqualTo(at);
      at = t.end();
    }
    assertThat(at).isEqualTo(sql.length());
    assertThat(tokens.get(tokens.size() - 1).kind()).isEqualTo(Kind.JINJA_EXPRESSION);
    assertThat(tokens.get(tokens.size() - 1).open()).isTrue();
  }

  @Test
  void aJinjaTagInsideAStringOrCommentIsStillATagBecauseJinjaRendersFirst() {
    String sql = "select 'day {{ var(\"d\") }}' -- by {{ x }}\n";
    assertThat(kindsAndTexts(sql))
        .containsExactly(
            "WORD:select",
            "STRING:'day ",
            "JINJA_EXPRESSION:{{ var(\"d\") }}",
            "STRING:'",
            "LINE_COMMENT:-- by ",
            "JINJA_EXPRESSION:{{ x }}");
    assertThat(SqlTokens.of(sql).get(2).open()).isTrue();
  }
}
