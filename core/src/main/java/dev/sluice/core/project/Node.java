package dev.sluice.core.project;

import java.nio.file.Path;

/**
 * One thing in a pipeline. The set of kinds is closed, so a {@code switch} over a node is checked
 * by the compiler: adding a kind shows every place that must learn about it.
 */
public sealed interface Node permits SourceTable, Seed, Model, Snapshot, DataTest, Export {

  /** Stable identity across the whole project, e.g. {@code model.stg_orders}. */
  String uniqueId();

  /** The name a user types: in {@code ref()}, in selectors, on the canvas. */
  String name();

  /** The file that defines it, relative to the project root. */
  Path file();

  /** 1-based line in {@link #file()} where it is defined (1 for whole-file nodes). */
  int line();

  NodeConfig config();

  String description();

  /**
   * The node's kind. Java 17 has no pattern switch, so code that branches on kinds switches over
   * this enum: a switch expression over it must cover every kind, which the compiler checks.
   */
  NodeKind kind();
}
