package dev.sluice.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefEditsTest {
  private static final String A = "{{ ref('a') }}";
  private static final String B = "{{ ref('b') }}";

  @Test
  void addsAnImportAfterTheImportsOfAModelThatStartsWithAComment() throws Exception {
    String sql = "-- orders\nwith a as (\n    select * from " + A + "\n)\n\nselect * from a\n";
    assertThat(RefEdits.add(sql, B, "b", "models/m.sql"))
        .isEqualTo(
            "-- orders\nwith a as (\n    select * from "
                + A
                + "\n),\n\nb as (\n    select * from "
                + B
                + "\n)\n\nselect * from a\n");
  }

  @Test
  void addsAnImportAfterTheImportsOfAWithRecursive() throws Exception {
    String sql = "with recursive a as (\n    select * from " + A + "\n)\n\nselect * from a\n";
    assertThat(RefEdits.add(sql, B, "b", "models/m.sql"))
        .isEqualTo(
            "with recursive a as (\n    select * from "
                + A
                + "\n),\n\nb as (\n    select * from "
                + B
                + "\n)\n\nselect * from a\n");
  }
}
