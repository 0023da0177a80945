package dev.sluice.core.sqlassist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineMapTest {
  private static String placed(String source, String compiled, String token) {
    LineMap.Place p = new LineMap(source, compiled).place(compiled.indexOf(token), token.length());
    return source.substring(p.start(), p.end());
  }

  private static int lineOf(String source, String compiled, String token) {
    LineMap.Place p = new LineMap(source, compiled).place(compiled.indexOf(token), token.length());
    return (int) source.substring(0, p.start()).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void aLoopThatPrintsSeveralLinesShiftsNothingAfterIt() {
    String source =
        "select\n{% for c in ['a', 'b', 'c'] %}\n    {{ c }},\n{% endfor %}\n    broken_col\nfrom t\n";
    String compiled = "select\n\n    a,\n\n    b,\n\n    c,\n\n    broken_col\nfrom t\n";
    assertThat(lineOf(source, compiled, "broken_col")).isEqualTo(5);
    assertThat(placed(source, compiled, "broken_col")).isEqualTo("broken_col");
  }

  @Test
  void textATagPrintedIsUnderlinedAsTheTag() {
    String source = "select *\nfrom {{ ref('orders') }} as o\n";
    String compiled = "select *\nfrom \"main\".\"orders\" as o\n";
    assertThat(placed(source, compiled, "\"main\".\"orders\"")).isEqualTo("{{ ref('orders') }}");
  }

  @Test
  void aMacroThatExpandsInsideALineKeepsTheRestOfTheLineInPlace() {
    String source = "select\n    {{ money('amount_cents') }} as amount, bad\nfrom t";
    String compiled = "select\n    round(amount_cents / 100.0, 2) as amount, bad\nfrom t";
    assertThat(placed(source, compiled, "bad")).isEqualTo("bad");
    assertThat(placed(source, compiled, "round(")).isEqualTo("{{ money('amount_cents') }}");
  }

  @Test
  void repeatedLinesAreMatchedInOrder() {
    String source =
        "{{ config(materialized='table') }}\nselect 1 as x\nunion all\nselect 1 as x\nunion all\nselect oops as x\n";
    String compiled = "\nselect 1 as x\nunion all\nselect 1 as x\nunion all\nselect oops as x\n";
    assertThat(lineOf(source, compiled, "oops")).isEqualTo(6);
  }
}
