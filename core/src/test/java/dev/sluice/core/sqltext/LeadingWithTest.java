package dev.sluice.core.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadingWithTest {
  @Test
  void findsTheWithPastCommentsAndKeepsThemAsThePrefix() {
    String sql = "-- orders by day\n/* with is not here */\nWITH a as (select 1) select * from a";
    LeadingWith w = LeadingWith.of(sql).orElseThrow();
    assertThat(w.prefix()).isEqualTo("-- orders by day\n/* with is not here */\n");
    assertThat(w.recursive()).isEmpty();
    assertThat(sql.substring(w.bodyStart())).startsWith("a as (");
  }

  @Test
  void readsWithRecursiveAsOneKeywordSoTheFirstCteIsNotRecursive() {
    String sql = "with  Recursive\n  nums as (select 1 n) select * from nums";
    LeadingWith w = LeadingWith.of(sql).orElseThrow();
    assertThat(w.recursive()).isEqualTo("  Recursive");
    assertThat(sql.substring(w.end())).startsWith("\n  nums");
    assertThat(sql.substring(w.bodyStart())).startsWith("nums as (");
  }

  @Test
  void aQueryThatDoesNotStartWithWithHasNone() {
    assertThat(LeadingWith.of("select 1 as with_x")).isEmpty();
    assertThat(LeadingWith.of("'with' as s")).isEmpty();
    assertThat(LeadingWith.of("withdrawals")).isEmpty();
    assertThat(LeadingWith.of("{{ config(x=1) }} with a as (select 1) select 1")).isEmpty();
  }
}
