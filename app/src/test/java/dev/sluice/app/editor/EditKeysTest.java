package dev.sluice.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditKeysTest {
  @Test
  void enterKeepsIndentationAndIndentsAfterAnOpenBracket() {
    assertThat(EditKeys.newlineAt("    select a,", 13)).isEqualTo("\n    ");
    assertThat(EditKeys.newlineAt("with x as (", 11)).isEqualTo("\n  ");
    assertThat(EditKeys.newlineAt("select 1", 8)).isEqualTo("\n");
  }

  @Test
  void ctrlSlashCommentsSelectedLinesAndUncommentsThemAgain() {
    String text = "select a,\n  b\nfrom t";
    EditKeys.LineEdit on = EditKeys.toggleComment(text, 3, 12);
    String commented = text.substring(0, on.start()) + on.replacement() + text.substring(on.end());
    assertThat(commented).isEqualTo("-- select a,\n  -- b\nfrom t");
    EditKeys.LineEdit off = EditKeys.toggleComment(commented, 0, 16);
    assertThat(
            commented.substring(0, off.start())
                + off.replacement()
                + commented.substring(off.end()))
        .isEqualTo(text);
  }

  @Test
  void bracketsMatchAcrossNesting() {
    String text = "sum((a + b) * c)";
    assertThat(EditKeys.matchingBracket(text, 3)).isEqualTo(15);
    assertThat(EditKeys.matchingBracket(text, 15)).isEqualTo(3);
    assertThat(EditKeys.matchingBracket(text, 4)).isEqualTo(10);
    assertThat(EditKeys.matchingBracket(text, 0)).isEqualTo(-1);
  }
}
