package dev.sluice.core.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One keyword list: what the editor colours and what it completes agree. */
class SqlKeywordsTest {
  @Test
  void everyWordOfACompletedPhraseIsColouredAsAKeyword() {
    assertThat(SqlKeywords.PHRASES.stream().flatMap(p -> Arrays.stream(p.split(" "))).distinct())
        .allSatisfy(w -> assertThat(SqlKeywords.WORDS).contains(w));
  }

  @Test
  void keywordsAreFoundInAnyCase() {
    assertThat(SqlKeywords.isKeyword("SELECT")).isTrue();
    assertThat(SqlKeywords.isKeyword("Qualify")).isTrue();
    assertThat(SqlKeywords.isKeyword("orders")).isFalse();
  }

  @Test
  void aWordReadInPlaceIsAKeywordExactlyWhenItsTextIs() {
    for (String w : SqlKeywords.WORDS) {
      String upper = w.toUpperCase(java.util.Locale.ROOT);
      String around = "(" + upper + ")";
      assertThat(SqlKeywords.isKeyword(around, 1, around.length() - 1)).as(w).isTrue();
      assertThat(SqlKeywords.isKeyword(around, 1, around.length() - 2))
          .as(w)
          .isEqualTo(SqlKeywords.WORDS.contains(w.substring(0, w.length() - 1)));
      assertThat(SqlKeywords.isKeyword(w + "x"))
          .as(w)
          .isEqualTo(SqlKeywords.WORDS.contains(w + "x"));
    }
    assertThat(SqlKeywords.isKeyword("customer_id")).isFalse();
    assertThat(SqlKeywords.isKeyword("")).isFalse();
  }

  @Test
  void theWordsThatEndAFromItemAndTheCuesAreLowerCaseAndKnownOnce() {
    assertThat(SqlKeywords.RELATION_CUES)
        .allSatisfy(w -> assertThat(SqlKeywords.WORDS).contains(w));
    assertThat(SqlKeywords.FROM_ENDERS)
        .allSatisfy(w -> assertThat(w).isEqualTo(w.toLowerCase(java.util.Locale.ROOT)));
    assertThat(SqlKeywords.FUNCTIONS).doesNotHaveDuplicates();
  }
}
