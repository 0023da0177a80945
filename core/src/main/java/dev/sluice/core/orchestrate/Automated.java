package dev.sluice.core.orchestrate;

import java.nio.file.Path;

/** Something that starts runs by itself: a schedule or a sensor. Names are unique per project. */
public sealed interface Automated permits Schedule, Sensor {
  String name();

  /** The selection its runs build; null for everything. */
  String select();

  /** How the run history names what started a run: {@code schedule nightly}. */
  String trigger();

  Path file();

  int line();
}
