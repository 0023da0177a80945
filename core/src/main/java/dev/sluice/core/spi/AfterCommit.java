package dev.sluice.core.spi;

/**
 * A connector that must hear whether a load committed: a stream acknowledges its messages only once
 * the rows and the cursor are in the warehouse, and hands them back when the load failed. Called
 * outside the load's transaction, after it has ended.
 */
public interface AfterCommit {

  /** The load of {@code request} committed with its cursor at {@code cursorAfter}. */
  void committed(TableRequest request, String cursorAfter);

  /** The load of {@code request} failed or was cancelled: nothing of it was kept. */
  void failed(TableRequest request);
}
