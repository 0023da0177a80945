package dev.sluice.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InjectCtesTest {
  @Test
  void addsToTheQuerysOwnWithAfterLeadingComments() {
    String sql = "-- daily\nwith a as (select 1) select * from a";
    assertThat(Compiler.injectCtes(sql, "e as (select 2)"))
        .isEqualTo("-- daily\nwith e as (select 2),\na as (select 1) select * from a");
  }

  @Test
  void keepsRecursiveRightAfterWith() {
    String sql = "WITH RECURSIVE n as (select 1) select * from n";
    assertThat(Compiler.injectCtes(sql, "e as (select 2)"))
        .isEqualTo("with RECURSIVE e as (select 2),\nn as (select 1) select * from n");
  }

  @Test
  void startsAWithWhenTheQueryHasNoneEvenIfACommentSaysWith() {
    String sql = "/* with */ select 1";
    assertThat(Compiler.injectCtes(sql, "e as (select 2)"))
        .isEqualTo("with e as (select 2)\n/* with */ select 1");
  }
}
