package dev.sluice.core.project;

/** A data test: a query whose rows are failures. */
public sealed interface DataTest extends Node permits GenericTest, SingularTest, UnitTest {

  @Override
  default String uniqueId() {
    return "test." + name();
  }

  @Override
  default NodeKind kind() {
    return NodeKind.TEST;
  }

  /** {@code error} or {@code warn}. */
  default String severity() {
    String s = config().string("severity");
    return s == null ? "error" : s.toLowerCase(java.util.Locale.ROOT);
  }
}
