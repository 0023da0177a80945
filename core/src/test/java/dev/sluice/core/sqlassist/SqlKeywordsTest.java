package dev.sluice.core.sqlassist;

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
}
