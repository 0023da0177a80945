package dev.sluice.core.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JinjaTagTest {
  @Test
  void findsNamedBlocksButNotOnesInsideAJinjaComment() {
    String text =
        "{# {% snapshot old %}x{% endsnapshot %} #}\n"
            + "{%- snapshot orders -%}\nselect 1\n{% endsnapshot %}\n"
            + "{% snapshot items %}select 2{%- endsnapshot %}";
    List<JinjaBlock> blocks = JinjaBlock.all(text, "snapshot");
    assertThat(blocks).extracting(JinjaBlock::name).containsExactly("orders", "items");
    JinjaBlock orders = blocks.get(0);
    assertThat(text.substring(orders.bodyStart(), orders.bodyEnd())).isEqualTo("\nselect 1\n");
    assertThat(text.substring(orders.start())).startsWith("{%- snapshot orders -%}");
  }

  @Test
  void readsTheArgumentsOfAConfigCall() {
    String sql = "{{- config(materialized='table', tags=['a']) -}}\nselect 1";
    SqlToken tag = SqlTokens.of(sql).get(0);
    int[] args = JinjaTag.of(sql, tag).callArguments(sql, "config").orElseThrow();
    assertThat(sql.substring(args[0], args[1])).isEqualTo("materialized='table', tags=['a']");
    assertThat(JinjaTag.of(sql, tag).callArguments(sql, "ref")).isEmpty();
  }

  @Test
  void theWordBeingTypedAtTheStartOfATag() {
    assertThat(JinjaTag.wordBeingTyped("{% sna")).contains("sna");
    assertThat(JinjaTag.wordBeingTyped("{{- ")).contains("");
    assertThat(JinjaTag.wordBeingTyped("{{ ref(")).isEmpty();
    assertThat(JinjaTag.wordBeingTyped("{% snapshot ")).isEmpty();
    assertThat(JinjaTag.wordBeingTyped("{# note")).isEmpty();
  }
}
